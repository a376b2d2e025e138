/** The local LMS over HTTP (inject): who may do what, CSRF, sign-in limits, commits, records and CSV. */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  ADMIN_PASSWORD,
  Client,
  addPerson,
  backdateLaunch,
  launch,
  learner,
  startLms,
  type TestLms,
} from './harness.js';

/** A commit like scorm-again's (flattened, full), for the sample module in SCORM 2004. */
function commit2004(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    'cmi.comments_from_learner': {},
    'cmi.comments_from_lms': {},
    'cmi.completion_status': 'incomplete',
    'cmi.completion_threshold': '',
    'cmi.credit': 'credit',
    'cmi.entry': 'ab-initio',
    'cmi.exit': 'suspend',
    'cmi.launch_data': '',
    'cmi.learner_id': 'x',
    'cmi.learner_name': 'X',
    'cmi.location': 'ward-selfie',
    'cmi.mode': 'normal',
    'cmi.objectives': {},
    'cmi.progress_measure': '0.33',
    'cmi.scaled_passing_score': '0.8',
    'cmi.score.scaled': '1',
    'cmi.score.raw': '100',
    'cmi.score.min': '0',
    'cmi.score.max': '100',
    'cmi.session_time': 'PT1M30S',
    'cmi.success_status': 'unknown',
    'cmi.suspend_data': 'v1.abc',
    'cmi.time_limit_action': 'continue,no message',
    'cmi.interactions.0.id': 'ward-selfie',
    'cmi.interactions.0.type': 'choice',
    'cmi.interactions.0.objectives.0.id': 'confidentiality',
    'cmi.interactions.0.timestamp': '2026-01-05T10:00:00.0Z',
    'cmi.interactions.0.weighting': '1',
    'cmi.interactions.0.learner_response': 'delete_and_report',
    'cmi.interactions.0.result': 'correct',
    'cmi.interactions.0.latency': 'PT20S',
    'cmi.interactions.0.description': 'A selfie on the ward: What do you do?',
    'cmi.interactions.0.correct_responses.0.pattern': 'delete_and_report',
    commitSequence: 1,
    ...over,
  };
}

describe('the local LMS server', () => {
  let lms: TestLms;
  let admin: Client;
  let alice: Client;
  let bob: Client;
  let hr: Client;

  beforeAll(async () => {
    lms = await startLms({ signInLimit: { perAccount: 5, perAddress: 1000, windowMs: 60_000 } });
    admin = new Client(lms);
    expect((await admin.signIn('admin', ADMIN_PASSWORD)).status).toBe(303);
    alice = await learner(lms, admin, { name: 'Alice Adams', login: 'alice@example.nhs.uk', group: 'Nursing' });
    bob = await learner(lms, admin, { name: '=HYPERLINK("x")', login: 'B1234', group: 'Admin and clerical' });
    hr = await learner(lms, admin, { name: 'Hana HR', login: 'hana@example.nhs.uk' });
    await admin.get('/admin/users');
    const id = /data-login="hana@example.nhs.uk"[\s\S]*?action="\/admin\/users\/(\d+)\/role"/.exec(
      (await admin.get('/admin/users')).body,
    )![1]!;
    expect((await admin.post(`/admin/users/${id}/role`, { role: 'hr' })).status).toBe(200);
  }, 60_000);
  afterAll(async () => lms?.dispose());

  it('the first start created the admin with the given password and uses a WAL database', () => {
    expect(lms.firstStart).toEqual({ login: 'admin', password: null });
    if (lms.db.sqlite) expect(lms.db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
  });

  it('sends a strict CSP and the other security headers on every page', async () => {
    const res = await new Client(lms).get('/signin');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).not.toMatch(/<script(?![^>]*(src=|type="application\/json"))/);
    expect(res.body).not.toMatch(/ style=/);
  });

  it("allows a module page's own inline stylesheet by its hash, and nothing else inline", async () => {
    const page = join(lms.dir, 'dist', 'sample', 'index.html');
    const stub = readFileSync(page, 'utf8');
    writeFileSync(page, '<!doctype html><title>stub</title><style>h1{color:#212b32}</style>');
    try {
      const res = await alice.get('/content/sample/index.html');
      expect(res.status).toBe(200);
      const hash = createHash('sha256').update('h1{color:#212b32}').digest('base64');
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toMatch(new RegExp(`style-src 'self' 'sha256-${hash.replace(/[+/]/g, '\\$&')}'`));
      expect(csp).toContain("script-src 'self';");
      expect(csp).not.toContain('unsafe-inline');
    } finally {
      writeFileSync(page, stub);
    }
  });

  it('session cookies are HttpOnly and SameSite=Strict', async () => {
    const c = new Client(lms);
    await c.get('/signin');
    const res = await lms.app.inject({
      method: 'POST',
      url: '/signin',
      cookies: Object.fromEntries(c.cookies),
      payload: { _csrf: c.csrf, login: 'admin', password: ADMIN_PASSWORD },
    });
    const cookie = ([] as string[])
      .concat(res.headers['set-cookie'] as string[])
      .find((s) => s.startsWith('fl_session='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
  });

  it('signed out: pages and the API answer 401 and show no records', async () => {
    const anon = new Client(lms);
    for (const url of [
      '/learn',
      '/hr/records',
      '/hr/records.csv',
      '/hr/modules/sample',
      '/admin/users',
      '/learn/history',
      '/content/sample/index.html',
    ]) {
      const res = await anon.get(url);
      expect(res.status, url).toBe(401);
      expect(res.body, url).not.toContain('Alice');
    }
    const api = await anon.request('POST', '/api/attempts/1/commit?launch=x', { json: commit2004() });
    expect(api.status).toBe(401);
  });

  it('a learner gets 403 on HR and admin pages, and a member of HR on admin pages', async () => {
    for (const url of [
      '/hr/records',
      '/hr/records.csv',
      '/hr/modules/sample',
      '/hr/learners/1',
      '/admin/users',
      '/hr/packages/sample-scorm2004.zip',
    ]) {
      const res = await alice.get(url);
      expect(res.status, url).toBe(403);
      expect(res.body, url).not.toContain('B1234');
    }
    expect((await alice.post('/admin/users', { name: 'Mallory', login: 'mallory', role: 'admin' })).status).toBe(403);
    expect((await hr.get('/admin/users')).status).toBe(403);
    expect((await hr.get('/hr/records')).status).toBe(200);
  });

  it('refuses a state-changing request without a valid CSRF token', async () => {
    const res = await admin.request('POST', '/admin/users', {
      form: { name: 'Eve', login: 'eve@example.nhs.uk', role: 'admin' },
    });
    expect(res.status).toBe(403);
    const forged = await admin.request('POST', '/admin/users', {
      form: { _csrf: 'forged', name: 'Eve', login: 'eve@example.nhs.uk', role: 'admin' },
    });
    expect(forged.status).toBe(403);
    // A token made for another session does not work in this one.
    const stolen = await admin.request('POST', '/admin/users', {
      form: { _csrf: alice.csrf, name: 'Eve', login: 'eve@example.nhs.uk', role: 'admin' },
    });
    expect(stolen.status).toBe(403);
    expect(await lms.store.userByLogin('eve@example.nhs.uk')).toBeUndefined();
  });

  it('rate limits sign-in for an account', async () => {
    const c = new Client(lms);
    await c.get('/signin');
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push((await c.post('/signin', { login: 'target@example.nhs.uk', password: `guess-${i}` })).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
  });

  it('asks for a new password at first sign-in and allows nothing else until then', async () => {
    const temp = await addPerson(admin, { name: 'New Starter', login: 'N0001' });
    const c = new Client(lms);
    expect((await c.signIn('N0001', temp)).headers.location).toBe('/account/password');
    const learn = await c.get('/learn');
    expect(learn.status).toBe(303);
    expect(learn.headers.location).toBe('/account/password');
  });

  it('stores a commit in the attempt, with its interactions, and resumes it at the next launch', async () => {
    const l = await launch(alice);
    expect(l.cmi['cmi.entry']).toBe('ab-initio');
    expect(l.cmi['cmi.learner_name']).toBe('Alice Adams');
    expect(l.cmi['cmi.scaled_passing_score']).toBeUndefined();
    await backdateLaunch(lms, l.launch, 3600);
    const res = await alice.request('POST', l.commitUrl, {
      json: commit2004(),
      headers: { 'x-csrf-token': l.csrf, accept: '*/*' },
    });
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ result: true, errorCode: 0 });
    const stored = (await alice.request('GET', `/api/attempts/${l.attempt}`)).json<{
      status: string;
      score: number;
      cmi: Record<string, string>;
      interactions: { interaction_id: string; response: string }[];
      totalSeconds: number;
    }>();
    expect(stored.status).toBe('incomplete');
    expect(stored.cmi['cmi.suspend_data']).toBe('v1.abc');
    expect(stored.cmi['cmi.learner_name']).toBeUndefined();
    expect(stored.interactions).toEqual([
      expect.objectContaining({ interaction_id: 'ward-selfie', response: 'delete_and_report' }),
    ]);
    expect(stored.totalSeconds).toBe(90);

    // Another browser: the same attempt resumes, with the time so far.
    const other = new Client(lms);
    other.cookies = new Map(alice.cookies);
    const again = await launch(other);
    await backdateLaunch(lms, again.launch, 3600);
    expect(again.attempt).toBe(l.attempt);
    expect(again.cmi['cmi.entry']).toBe('resume');
    expect(again.cmi['cmi.suspend_data']).toBe('v1.abc');
    expect(again.cmi['cmi.total_time']).toBe('PT1M30S');
    expect(again.cmi['cmi.interactions.0.learner_response']).toBe('delete_and_report');
    // The first window can no longer write over it.
    const old = await alice.request('POST', l.commitUrl, {
      json: commit2004({ 'cmi.suspend_data': 'old', commitSequence: 2 }),
      headers: { 'x-csrf-token': l.csrf, accept: '*/*' },
    });
    expect(old.status).toBe(409);
    // The beacon at Terminate: text/plain, with the token in the body.
    const beacon = await other.request('POST', again.commitUrl, {
      body: JSON.stringify(
        commit2004({
          'cmi.suspend_data': 'v1.final',
          'cmi.completion_status': 'completed',
          'cmi.success_status': 'passed',
          'cmi.exit': 'normal',
          'cmi.session_time': 'PT2M',
          _csrf: again.csrf,
          commitSequence: 9,
        }),
      ),
      headers: { 'content-type': 'text/plain;charset=UTF-8', accept: '*/*' },
    });
    expect(beacon.status).toBe(200);
    const done = (await alice.request('GET', `/api/attempts/${l.attempt}`)).json<{
      status: string;
      totalSeconds: number;
      cmi: Record<string, string>;
    }>();
    expect(done.status).toBe('passed');
    expect(done.totalSeconds).toBe(210);
    expect(done.cmi['cmi.suspend_data']).toBe('v1.final');
    // Finished: the next launch is a new attempt; review opens the finished one without a commit URL.
    const third = await launch(alice);
    expect(third.attempt).not.toBe(l.attempt);
    expect(third.cmi['cmi.entry']).toBe('ab-initio');
    const review = await alice.post('/learn/sample/launch', { action: 'review' });
    expect(review.status).toBe(303);
  });

  it('refuses a malformed, oversized or foreign commit with 400 and changes nothing', async () => {
    // The admin runs the module in SCORM 1.2 for new attempts (a learner does not choose).
    await admin.get('/admin/modules');
    expect((await admin.post('/admin/modules/sample', { live: '1', scorm_version: '1.2' })).status).toBe(200);
    const l = await launch(bob, 'sample', { version: '2004' });
    await admin.post('/admin/modules/sample', { live: '1', scorm_version: '2004' });
    const post = (json: unknown, url = l.commitUrl, who = bob) =>
      who.request('POST', url, { json, headers: { 'x-csrf-token': who.csrf, accept: '*/*' } });
    const good12 = {
      'cmi.core.lesson_status': 'incomplete',
      'cmi.core.score.raw': '50',
      'cmi.suspend_data': 'ok',
      'cmi.core.exit': 'suspend',
      'cmi.core.session_time': '00:01:00',
      'cmi.objectives': {},
    };
    expect((await post(good12)).status).toBe(200);
    const row = () =>
      lms.db.k
        .selectFrom('attempts')
        .select(['cmi', 'status', 'score_raw', 'commits'])
        .where('id', '=', l.attempt)
        .executeTakeFirst();
    const before = await row();
    const bad: unknown[] = [
      [1, 2, 3],
      'cmi.core.score.raw=100',
      { ...good12, 'cmi.core.score.raw': '150' },
      { ...good12, 'cmi.completion_status': 'completed' },
      { ...good12, 'cmi.core.lesson_status': 'excellent' },
      { ...good12, 'cmi.core.score.raw': 100 },
      { ...good12, 'cmi.suspend_data': 'x'.repeat(5000) },
      { ...good12, 'cmi.objectives': { 0: 'x' } },
      { ...good12, 'cmi.interactions.9999.id': 'x' },
      { ...good12, 'cmi.core.lesson_status': 'passed', 'cmi.evil': 'x' },
    ];
    for (const body of bad) expect((await post(body)).status, JSON.stringify(body).slice(0, 80)).toBe(400);
    for (const body of [
      '{"__proto__":{"admin":true}}',
      '{"constructor":{"prototype":{"x":1}}}',
      '{"cmi.suspend_data":',
    ]) {
      const raw = await bob.request('POST', l.commitUrl, {
        body,
        headers: { 'content-type': 'application/json', 'x-csrf-token': bob.csrf, accept: '*/*' },
      });
      expect(raw.status, body).toBe(400);
    }
    const huge = await post({ 'cmi.suspend_data': 'x'.repeat(600 * 1024) });
    expect(huge.status).toBe(413);
    // Alice's session posting to Bob's attempt, with her own valid token and any launch id.
    const foreign = await alice.request('POST', l.commitUrl, {
      json: { ...good12, 'cmi.core.lesson_status': 'failed' },
      headers: { 'x-csrf-token': alice.csrf, accept: '*/*' },
    });
    expect(foreign.status).toBe(400);
    expect((await alice.request('GET', `/api/attempts/${l.attempt}`)).status).toBe(404);
    expect(await row()).toEqual(before);
  });

  it('HR sees one row per learner and module, filters them, and exports CSV that Excel opens safely', async () => {
    const page = await hr.get('/hr/records?module=sample');
    expect(page.status).toBe(200);
    expect(page.body).toContain('data-learner="alice@example.nhs.uk" data-module="sample" data-status="passed"');
    expect(page.body).toContain('data-learner="B1234" data-module="sample" data-status="in progress"');
    const passed = await hr.get('/hr/records?status=passed');
    expect(passed.body).toContain('alice@example.nhs.uk');
    expect(passed.body).not.toContain('data-learner="B1234"');
    const nursing = await hr.get('/hr/records?group=Nursing');
    expect(nursing.body).not.toContain('data-learner="B1234"');
    const today = new Date().toISOString().slice(0, 10);
    expect((await hr.get(`/hr/records?from=${today}&to=${today}&dates=completed`)).body).toContain(
      'alice@example.nhs.uk',
    );
    expect((await hr.get('/hr/records?from=2001-01-01&to=2001-01-02')).body).toContain('No records match');

    const csv = await hr.get('/hr/records.csv?module=sample');
    expect(csv.status).toBe(200);
    expect(String(csv.headers['content-type'])).toMatch(/^text\/csv; charset=utf-8/);
    expect(String(csv.headers['content-disposition'])).toMatch(/attachment; filename="frontline-records-/);
    expect(csv.body.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.body.slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'Name,Email or staff number,Staff group,Module,Module ID,Status,Score (%),Attempts,First access,Last access,Finished,Total time (h:mm:ss),Result check,Nation (chosen in the module),Profession (chosen in the module)',
    );
    expect(lines.find((l) => l.includes('alice@'))).toMatch(
      /^Alice Adams,alice@example\.nhs\.uk,Nursing,Frontline sample module,sample,Passed,100,2,/,
    );
    // The formula in Bob's name is shown as text.
    expect(lines.find((l) => l.includes('B1234'))).toMatch(/^"'=HYPERLINK\(""x""\)",B1234,/);
  });

  it("HR sees a module report with charts and choice counts, and a learner's decisions with feedback", async () => {
    const report = await hr.get('/hr/modules/sample');
    expect(report.status).toBe(200);
    expect(report.body).toContain('<svg class="chart"');
    expect(report.body).toMatch(
      /id="pass-rate">Of those who finished with a mark, <strong>100%<\/strong> passed \(1 of 1\)/,
    );
    expect(report.body).toMatch(
      /data-scenario="ward-selfie"[\s\S]*?data-choice="delete_and_report">\s*<td>[^<]+<\/td><td><span class="tag tag--best">Best choice<\/span><\/td>\s*<td class="num">1<\/td>/,
    );
    const aliceId = (await lms.store.userByLogin('alice@example.nhs.uk'))!.id;
    const page = await hr.get(`/hr/learners/${aliceId}`);
    expect(page.body).toContain('A selfie on the ward');
    expect(page.body).toContain('Best choice');
    expect(page.body).toMatch(/class="decision__feedback"><p>/);
  });

  it('a learner sees only their own answers', async () => {
    const mine = await alice.get('/learn/history');
    expect(mine.body).toContain('Frontline sample module: attempt 1');
    const bobs = await bob.get('/learn/history');
    expect(bobs.body).not.toContain('delete_and_report');
    expect(bobs.body).not.toContain('Best choice');
  });

  it('imports learners from CSV, reporting every problem by line and importing nothing then', async () => {
    await admin.get('/admin/users');
    const send = async (csv: string) => {
      const form = new FormData();
      form.append('_csrf', admin.csrf);
      form.append('file', new Blob([csv], { type: 'text/csv' }), 'staff.csv');
      const req = new Request('http://x/', { method: 'POST', body: form });
      const body = Buffer.from(await req.arrayBuffer());
      return admin.request('POST', '/admin/users/import', {
        body,
        headers: { 'content-type': req.headers.get('content-type')! },
      });
    };
    const bad = await send('Name,Email,Staff group\nCarol,not-an-email,Nursing\n,dan@example.nhs.uk,Nursing\n');
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('Line 2: &quot;not-an-email&quot; is not an email address.');
    expect(bad.body).toContain('Line 3: the name is missing.');
    expect(await lms.store.userByLogin('dan@example.nhs.uk')).toBeUndefined();
    const good = await send(
      '\uFEFFName,Email,Staff number,Staff group\nCarol Jones,,C0001,Nursing\nAlice Adams-Renamed,alice@example.nhs.uk,,Nursing\n',
    );
    expect(good.status, good.body.match(/error-summary[\s\S]*?<\/div>/)?.[0]).toBe(303);
    const job = String(good.headers.location);
    await vi.waitFor(
      async () =>
        expect((await admin.get(`${job}/progress.json`)).json()).toMatchObject({ finishedAt: expect.any(String) }),
      { timeout: 20_000 },
    );
    const finished = await admin.get(job);
    expect(finished.body).toContain('Imported: 1 added, 1 updated.');
    expect(finished.body).toMatch(/data-login="C0001">[\w-]{19}</);
    expect(await lms.store.userByLogin('C0001')).toMatchObject({
      name: 'Carol Jones',
      staff_group: 'Nursing',
      role: 'learner',
      must_change_password: 1,
    });
    expect((await lms.store.userByLogin('alice@example.nhs.uk'))!.name).toBe('Alice Adams-Renamed');
  });

  it('two admins adding the same login at once: one is added, the other told it is taken', async () => {
    await admin.get('/admin/users');
    const add = (name: string) =>
      admin.post('/admin/users', {
        name,
        login: 'dana@example.nhs.uk',
        staff_group: '',
        role: 'learner',
        password: '',
      });
    // Both pass the check before either is stored: hashing the password lies between.
    const answers = await Promise.all([add('Dana One'), add('Dana Two')]);
    expect(answers.map((r) => r.status).sort()).toEqual([201, 400]);
    expect(answers.find((r) => r.status === 400)!.body).toContain('Someone already signs in with dana@example.nhs.uk.');
    expect((await admin.get('/admin/users')).body.match(/data-login="dana@example\.nhs\.uk"/g)).toHaveLength(1);
  });

  it('keeps at least one admin', async () => {
    const self = (await lms.store.userByLogin('admin'))!;
    await admin.get('/admin/users');
    const res = await admin.post(`/admin/users/${self.id}/role`, { role: 'learner' });
    expect(res.status).toBe(400);
    expect((await lms.store.userByLogin('admin'))!.role).toBe('admin');
  });
});

describe('on loopback', () => {
  it('answers only to loopback host names, so a page elsewhere cannot reach it by DNS rebinding', async () => {
    const lms = await startLms({ allowedHosts: ['127.0.0.1', 'localhost', '::1'] });
    try {
      const get = (host: string) => lms.app.inject({ method: 'GET', url: '/signin', headers: { host } });
      expect((await get('evil.example')).statusCode).toBe(421);
      expect((await get('evil.example:4173')).statusCode).toBe(421);
      expect((await get('127.0.0.1:4173')).statusCode).toBe(200);
      expect((await get('localhost')).statusCode).toBe(200);
      expect((await get('[::1]:4173')).statusCode).toBe(200);
    } finally {
      await lms.dispose();
    }
  });
});
