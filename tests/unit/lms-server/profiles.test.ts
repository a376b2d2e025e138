/** Issue 20: HR filters records and decisions by the nation and staff group a learner chose in the module. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultProblem } from '../../../scorm/lms/verify.js';
import { loadCourse } from '../../../src/compiler/course.js';
import { reportData } from '../../../src/core/report-data.js';
import { ADMIN_PASSWORD, Client, launch, learner, ROOT, startLms, type TestLms } from './harness.js';

/** One commit: a decision, and the learner's profile reported as `learner-profile` (several: the last counts). */
function commit(profiles: string[]): Record<string, unknown> {
  const body: Record<string, unknown> = { 'cmi.session_time': 'PT1M', commitSequence: 1 };
  const interactions = [
    { id: 'ward-selfie', type: 'choice', learner_response: 'delete_and_report', result: 'correct' },
    ...profiles.map((p) => ({ id: 'learner-profile', type: 'fill-in', learner_response: p })),
  ];
  interactions.forEach((i, n) => {
    for (const [k, v] of Object.entries(i)) body[`cmi.interactions.${n}.${k}`] = v;
  });
  return body;
}

describe('HR filters by nation and staff group', () => {
  let lms: TestLms;
  let hr: Client;
  const ids: Record<string, number> = {};
  const people = [
    { name: 'Wyn Pryce', login: 'wyn@example.nhs.uk', profiles: ['wales.nursing_midwifery'] },
    { name: 'Iona Reid', login: 'iona@example.nhs.uk', profiles: ['scotland.medical'] },
    // Changed their mind: the last record wins.
    { name: 'Eli Shaw', login: 'eli@example.nhs.uk', profiles: ['wales.medical', 'england.other'] },
    { name: 'Nia Hart', login: 'nia@example.nhs.uk', profiles: [] },
  ];

  beforeAll(async () => {
    lms = await startLms();
    hr = new Client(lms);
    await hr.signIn('admin', ADMIN_PASSWORD);
    for (const p of people) {
      const c = await learner(lms, hr, p);
      ids[p.login] = (await lms.store.userByLogin(p.login))!.id;
      const l = await launch(c);
      const res = await c.request('POST', l.commitUrl, {
        json: commit(p.profiles),
        headers: { 'x-csrf-token': l.csrf, accept: '*/*' },
      });
      expect(res.status, res.body).toBe(200);
    }
  }, 60_000);
  afterAll(() => lms?.dispose());

  const logins = (body: string) => [...body.matchAll(/data-learner="([^"]+)"/g)].map((m) => m[1]);

  it('shows each learner its profile and filters the records by nation, staff group or both', async () => {
    const all = await hr.get('/hr/records');
    expect(logins(all.body)).toHaveLength(4);
    expect(all.body).toMatch(/data-learner="wyn@example\.nhs\.uk"[\s\S]*?Wales, nursing and midwifery/);
    expect(all.body).toMatch(/data-learner="eli@example\.nhs\.uk"[\s\S]*?England, other staff/);

    expect(logins((await hr.get('/hr/records?nation=wales')).body)).toEqual(['wyn@example.nhs.uk']);
    expect(logins((await hr.get('/hr/records?staff=medical')).body)).toEqual(['iona@example.nhs.uk']);
    expect(logins((await hr.get('/hr/records?nation=england&staff=other')).body)).toEqual(['eli@example.nhs.uk']);
    expect(logins((await hr.get('/hr/records?nation=scotland&staff=other')).body)).toEqual([]);
    // A name that is not a nation filters nothing out, as for any other unknown filter value.
    expect(logins((await hr.get('/hr/records?nation=atlantis')).body)).toHaveLength(4);
  });

  it('offers labelled selects that keep the choice, and keeps the filter in the downloads', async () => {
    const page = (await hr.get('/hr/records?nation=wales&staff=nursing-midwifery')).body;
    expect(page).toContain('<label class="label" for="f-nation">Nation</label>');
    expect(page).toContain('<label class="label" for="f-staff">Profession</label>');
    expect(page).toMatch(
      /id="f-nation" name="nation" aria-describedby="f-nation-hint">[\s\S]*?value="wales" selected>Wales</,
    );
    expect(page).toMatch(/id="f-staff"[\s\S]*?value="nursing-midwifery" selected>Nursing and midwifery</);
    expect(page).toContain('href="/hr/records.csv?nation=wales&amp;staff=nursing-midwifery"');
    expect(page).toContain('href="/hr/records.xlsx?nation=wales&amp;staff=nursing-midwifery"');

    const csv = (await hr.get('/hr/records.csv?nation=wales&staff=nursing-midwifery')).body;
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/Nation \(chosen in the module\),Profession \(chosen in the module\)$/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^Wyn Pryce,.*,Wales,Nursing and midwifery$/);
  });

  it('leaves the profile out of the decisions, and filters them by profile', async () => {
    const scotland = (await hr.get('/hr/modules/sample?nation=scotland')).body;
    expect(scotland).toContain('<dd id="stat-learners">1</dd>');
    expect(scotland).toMatch(/id="f-nation"[\s\S]*?value="scotland" selected>/);
    // learner-profile is not a scenario the module lacks: nothing "unmatched", no section for it.
    const everyone = (await hr.get('/hr/modules/sample')).body;
    expect(everyone).not.toContain('id="unmatched"');
    expect(everyone).not.toContain('data-scenario="learner-profile"');

    const eli = (await hr.get(`/hr/learners/${ids['eli@example.nhs.uk']}`)).body;
    expect(eli).toContain('data-scenario="ward-selfie"');
    expect(eli).not.toContain('data-scenario="learner-profile"');
  });

  it('does not count the profile as an answer when it checks a result', () => {
    const data = reportData(loadCourse(ROOT, 'sample').course);
    const attempt = { status: 'failed', score_raw: 0 };
    const answers = [{ interaction_id: 'ward-selfie', response: 'delete_and_report' }];
    const withProfile = [{ interaction_id: 'learner-profile', response: 'wales.medical' }, ...answers];
    expect(resultProblem(data, attempt, withProfile)).toBe(resultProblem(data, attempt, answers));
    expect(resultProblem(data, attempt, withProfile)).not.toMatch(/does not have/);
  });
});
