/** HR pages that tell the truth: feeds marked as a whole, rates of everyone assigned, UK dates, who is who. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ukDate } from '../../../scorm/lms/reports.js';
import { cumulative, completionChart } from '../../../scorm/lms/charts.js';
import { loadCourse } from '../../../src/compiler/course.js';
import { reportData } from '../../../src/core/report-data.js';
import { ADMIN_PASSWORD, Client, ROOT, launch, learner, startLms, type TestLms } from './harness.js';

const FEED = 'social-media-nhs';

/** A finishing SCORM 2004 commit with one decision. */
function finish(success: 'passed' | 'failed', decision: Record<string, string> = {}): Record<string, unknown> {
  return {
    'cmi.completion_status': 'completed',
    'cmi.success_status': success,
    'cmi.score.scaled': success === 'passed' ? '1' : '0.2',
    'cmi.score.raw': success === 'passed' ? '100' : '20',
    'cmi.score.min': '0',
    'cmi.score.max': '100',
    'cmi.session_time': 'PT2M',
    'cmi.exit': 'normal',
    ...decision,
    commitSequence: 1,
  };
}

describe('HR pages that tell the truth', () => {
  let lms: TestLms;
  let admin: Client;
  let hr: Client;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    lms = await startLms();
    // The social media module "built" beside the sample: its content has a feed (pick every breach).
    const dist = lms.catalogue.distDir;
    mkdirSync(join(dist, FEED), { recursive: true });
    writeFileSync(join(dist, FEED, 'index.html'), '<!doctype html><title>stub</title>');
    writeFileSync(
      join(dist, `${FEED}.json`),
      JSON.stringify({ id: FEED, title: 'Social media and the NHS', version: '1.0.0', scenarios: [] }),
    );
    writeFileSync(join(dist, `${FEED}.report.json`), JSON.stringify(reportData(loadCourse(ROOT, FEED).course)));
    admin = new Client(lms);
    await admin.signIn('admin', ADMIN_PASSWORD);
    const people = [
      { name: 'Sam Okafor', login: 'sam.okafor@northshire.example.nhs.uk', group: 'Nursing' },
      { name: 'Sam Okafor', login: '0012345', group: 'Estates' },
      { name: 'Lena Price', login: 'lena@example.nhs.uk', group: 'Nursing' },
      { name: 'Ola Reid', login: 'ola@example.nhs.uk', group: 'Nursing' },
    ];
    const clients: Client[] = [];
    for (const p of people) {
      clients.push(await learner(lms, admin, p));
      ids[p.login] = (await lms.store.userByLogin(p.login))!.id;
    }
    // One of four passes, two fail, one has not started.
    const feedDecision = {
      'cmi.interactions.0.id': 'colleague-posts',
      'cmi.interactions.0.type': 'choice',
      'cmi.interactions.0.learner_response': 'jess_mrs_bell[,]kofi_long_shift',
      'cmi.interactions.0.result': 'incorrect',
    };
    for (const [i, outcome] of (['passed', 'failed', 'failed'] as const).entries()) {
      const l = await launch(clients[i]!, FEED);
      const res = await clients[i]!.request('POST', l.commitUrl, {
        json: finish(outcome, i === 1 ? feedDecision : {}),
        headers: { 'x-csrf-token': l.csrf, accept: '*/*' },
      });
      expect(res.status, res.body).toBe(200);
    }
    hr = await learner(lms, admin, { name: 'Hana HR', login: 'hana@example.nhs.uk' });
    await lms.store.updateUser((await lms.store.userByLogin('hana@example.nhs.uk'))!.id, { role: 'hr' });
    // Five people, each with two password hashes: slow on a busy machine.
  }, 60_000);
  afterAll(() => lms.dispose());

  it('shows a feed found in part as incorrect, with the items missed, and never as "Best choice"', async () => {
    const page = await hr.get(`/hr/learners/${ids['0012345']}`);
    const decision = /<li class="decision" data-scenario="colleague-posts">[\s\S]*?<\/li>/.exec(page.body)![0];
    expect(decision).toContain('Result: <strong>Incorrect</strong>, found 1 of the 3 items to pick.');
    expect(decision).not.toContain('Best choice');
    expect(decision).toMatch(/data-how="picked">[\s\S]*?Jess[\s\S]*?Picked: right to pick/);
    expect(decision).toMatch(/data-how="picked">[\s\S]*?Kofi[\s\S]*?Picked: should have been left/);
    expect(decision.match(/data-how="missed"/g)).toHaveLength(2);
    expect(decision).toMatch(/Ravi[\s\S]*?Missed: should have been picked/);
    expect(decision).toMatch(/Amy[\s\S]*?Missed: should have been picked/);
  });

  it('gives completion and pass as shares of everyone assigned, beside the share of those who finished', async () => {
    const report = await hr.get(`/hr/modules/${FEED}?group=Nursing`);
    // In Nursing: Sam (passed), Lena (failed), Ola (not started).
    expect(report.body).toContain(
      'id="passed-of-assigned">Passed: <strong>33%</strong> of everyone assigned (1 of 3).',
    );
    expect(report.body).toContain(
      'id="finished-of-assigned">Finished: <strong>67%</strong> of everyone assigned (2 of 3).',
    );
    expect(report.body).toContain('Of those who finished with a mark, <strong>50%</strong> passed (1 of 2).');
    const all = await hr.get(`/hr/modules/${FEED}`);
    expect(all.body).toContain('(1 of 4).');
  });

  it('labels the date of a failed record "Finished", not "Completed"', async () => {
    const page = await hr.get(`/hr/records?module=${FEED}&status=failed`);
    expect(page.body).toContain('<th scope="col">Finished</th>');
    expect(page.body).not.toContain('<th scope="col">Completed</th>');
  });

  it('puts the email or staff number in the records, so two people with one name can be told apart', async () => {
    const page = await hr.get(`/hr/records?module=${FEED}`);
    expect(page.body).toContain('<th scope="col">Email or staff number</th>');
    expect(page.body).toContain('<td class="login">0012345</td>');
    expect(page.body).toContain('<td class="login">sam.okafor@northshire.example.nhs.uk</td>');
  });

  it('dates charts the UK way ("4 Dec"), never as "12-04"', async () => {
    expect(ukDate('2026-12-04')).toBe('4 Dec');
    expect(ukDate('2026-12-04', true)).toBe('4 Dec 2026');
    const svg = String(
      completionChart(cumulative([{ date: '2026-12-04', passed: 1, failed: 0, completed: 0 }]), 'Finished'),
    );
    expect(svg).toContain('>4 Dec</text>');
    expect(svg).not.toContain('12-04');
    const report = await hr.get(`/hr/modules/${FEED}`);
    expect(report.body).toMatch(/<td>\d{1,2} [A-Z][a-z]{2} \d{4}<\/td>/);
  });
});

describe('the Excel export', () => {
  /** The cells of the workbook's first sheet, by reference (A1, B2...), as Excel would read them. */
  function cells(xlsx: Buffer): Map<string, { type: string; value: string; style: string }> {
    const files = unzipSync(new Uint8Array(xlsx));
    const read = (name: string) => strFromU8(files[name]!);
    const shared = [...read('xl/sharedStrings.xml').matchAll(/<si>(?:<t[^>]*>([\s\S]*?)<\/t>)?<\/si>/g)].map(
      (m) => m[1] ?? '',
    );
    const out = new Map<string, { type: string; value: string; style: string }>();
    for (const m of read('xl/worksheets/sheet1.xml').matchAll(/<c r="([A-Z]+\d+)"([^>]*)>(?:<v>([^<]*)<\/v>)?/g)) {
      const attrs = m[2]!;
      const type = /t="(\w+)"/.exec(attrs)?.[1] ?? 'n';
      const raw = m[3] ?? '';
      out.set(m[1]!, {
        type,
        value: type === 's' ? shared[Number(raw)]! : raw,
        style: /s="(\d+)"/.exec(attrs)?.[1] ?? '',
      });
    }
    return out;
  }

  it('keeps staff numbers as text, dates as dates and scores as numbers, with no apostrophe guard', async () => {
    const lms = await startLms();
    try {
      const admin = new Client(lms);
      await admin.signIn('admin', ADMIN_PASSWORD);
      const people = [
        { name: 'Zero Lead', login: '0012345', group: '1-3' },
        { name: '=Formula Person', login: '12345678901234567', group: 'Estates' },
      ];
      for (const p of people) {
        const c = await learner(lms, admin, p);
        const l = await launch(c);
        await c.request('POST', l.commitUrl, {
          json: finish('passed'),
          headers: { 'x-csrf-token': l.csrf, accept: '*/*' },
        });
      }
      await admin.get('/hr/records');
      const res = await lms.app.inject({
        url: '/hr/records.xlsx?module=sample',
        cookies: Object.fromEntries(admin.cookies),
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      const sheet = cells(res.rawPayload);
      const row = (login: string) => [...sheet.entries()].find(([, c]) => c.value === login)![0].replace(/^[A-Z]+/, '');
      const zero = row('0012345');
      expect(sheet.get(`B${zero}`)).toMatchObject({ type: 's', value: '0012345' });
      expect(sheet.get(`C${zero}`)).toMatchObject({ type: 's', value: '1-3' });
      expect(sheet.get(`G${zero}`)).toMatchObject({ type: 'n', value: '100' });
      const finished = sheet.get(`K${zero}`)!;
      expect(finished.type).toBe('n');
      // A date serial (days since 1900) for today, with a date format.
      expect(Math.floor(Number(finished.value))).toBeGreaterThan(45000);
      expect(finished.style).not.toBe('');
      const long = row('12345678901234567');
      expect(sheet.get(`B${long}`)).toMatchObject({ type: 's', value: '12345678901234567' });
      expect(sheet.get(`A${long}`)).toMatchObject({ type: 's', value: '=Formula Person' });
      expect(Number(sheet.get(`L${zero}`)!.value)).toBeGreaterThanOrEqual(0);
      // A pass with no answers behind it is not earned: the result check says so, as in the CSV.
      expect(sheet.get('M1')).toMatchObject({ type: 's', value: 'Result check' });
      expect(sheet.get(`M${zero}`)?.value).toMatch(/^Attempt 1: /);
    } finally {
      await lms.dispose();
    }
  }, 60_000);
});
