/**
 * The local LMS end to end: an admin adds two learners and an HR officer; one learner passes
 * the flagship module in SCORM 2004 (resuming in another browser half way), the other fails
 * it in SCORM 1.2; HR sees the right rows, filters, CSV, charts and decisions; signed-out and
 * wrong-role requests get 401/403; malformed and foreign commits get 400 and change nothing.
 *
 * It starts its own LMS (scripts/lms.ts) on a free port with a fresh data folder, and needs
 * the modules built (`npm run build`). When FRONTLINE_TEST_DATABASE_URL names a PostgreSQL
 * server, the LMS keeps its records in a fresh database there (dropped after) instead of SQLite.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { freePort } from '../../scripts/free-port.js';
import { freshPostgres, PG_SERVER } from '../postgres.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, type Browser, type BrowserContext, type FrameLocator, type Page } from '@playwright/test';
import { loadCourse } from '../../src/compiler/course.js';
import type { Course, Scenario } from '../../src/core/model.js';
import { PROFILE_INTERACTION } from '../../src/core/profile.js';
// The pages here come from contexts of our own (one per learner), each watched for console errors by open().
import { expectNoAxeViolations } from './a11y-helpers.js';
import { answer, expect, finishAndExit, heading, pressContinue, start } from './helpers.js';

const MODULE = 'social-media-nhs';
const TITLE = 'Social media and the NHS';
const ADMIN_PASSWORD = 'e2e-admin-password-1';
const PRIYA = {
  name: 'Priya Shah',
  login: 'priya.shah@example.nhs.uk',
  group: 'Nursing and midwifery',
  password: 'priya-own-password',
};
const TOM = { name: 'Tom Evans', login: 'T12345', group: 'Admin and clerical', password: 'toms-own-password' };
const HELEN = {
  name: 'Helen Reed',
  login: 'helen.reed@example.nhs.uk',
  group: 'Workforce',
  password: 'helens-own-password',
};

let server: ChildProcess | undefined;
let database: Awaited<ReturnType<typeof freshPostgres>> | undefined;
let dataDir = '';
let base = '';
let serverLog = '';
const states: Record<string, Awaited<ReturnType<BrowserContext['storageState']>>> = {};
let priyaAttempt = 0;
let priyaCommitUrl = '';
let tomCommitUrl = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.skip(!existsSync(`dist/${MODULE}/index.html`), `${MODULE} is not built into dist/: run npm run build`);
  test.setTimeout(90_000);
  dataDir = mkdtempSync(join(tmpdir(), 'frontline-lms-e2e-'));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  if (PG_SERVER) database = await freshPostgres();
  server = spawn(process.execPath, ['--import', 'tsx', 'scripts/lms.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: database?.url ?? '',
      HOST: '127.0.0.1',
      PORT: String(port),
      FRONTLINE_DATA: dataDir,
      FRONTLINE_ADMIN_PASSWORD: ADMIN_PASSWORD,
    },
    stdio: 'pipe',
  });
  server.stdout?.on('data', (d: Buffer) => {
    serverLog += d.toString();
  });
  server.stderr?.on('data', (d: Buffer) => {
    serverLog += d.toString();
  });
  await expect
    .poll(
      async () => {
        try {
          return (await fetch(`${base}/healthz`)).status;
        } catch {
          return 0;
        }
      },
      { timeout: 60_000, message: 'the LMS starts' },
    )
    .toBe(200);
});

test.afterAll(async () => {
  server?.kill();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  await database?.drop();
});

/** A browser context of our own, failing the test on console errors (a CSP violation is one). */
async function open(
  browser: Browser,
  who?: string,
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ baseURL: base, storageState: who ? states[who] : undefined });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  return { context, page, errors };
}

async function signIn(page: Page, login: string, password: string): Promise<void> {
  await page.goto('/signin');
  await page.getByLabel('Email or staff number').fill(login);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** First sign-in with the temporary password, then the learner's own. */
async function firstSignIn(page: Page, person: { login: string; password: string }, temporary: string): Promise<void> {
  await signIn(page, person.login, temporary);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Choose your own password');
  await page.getByLabel('Current password').fill(temporary);
  await page.getByLabel('New password', { exact: true }).fill(person.password);
  await page.getByLabel('New password again').fill(person.password);
  await page.getByRole('button', { name: 'Save password' }).click();
}

const temporary: Record<string, string> = {};

let loaded: Course | undefined;
const flagship = () => (loaded ??= loadCourse(process.cwd(), MODULE).course);

/** The answers that pass (every best choice) or fail (wrong choices, no branches), by scenario title. */
function plan(kind: 'best' | 'worst'): Map<string, { scenario: Scenario; texts: string[] }> {
  const course = flagship();
  return new Map(
    course.scenarios.map((s) => {
      let texts: string[];
      if (s.select === 'many')
        texts = s.choices.filter((c) => (kind === 'best' ? c.score >= 50 : c.score < 50)).map((c) => c.text);
      else if (kind === 'best') texts = [s.choices.find((c) => c.rating === 'best')!.text];
      else
        texts = [
          (s.choices.find((c) => c.rating === 'wrong' && !c.next) ?? s.choices.find((c) => c.rating === 'wrong')!).text,
        ];
      return [s.title, { scenario: s, texts }];
    }),
  );
}

/** Answers scenarios until the results (or until `stopAfter` answers), following whatever branches come. */
async function play(frame: FrameLocator, answers: ReturnType<typeof plan>, stopAfter = Infinity): Promise<number> {
  let answered = 0;
  for (;;) {
    await expect(heading(frame)).not.toHaveText(/^\s*$/);
    const title = (await heading(frame).textContent())!.trim();
    if (title === 'Your results') return answered;
    const step = answers.get(title);
    expect(step, `a plan for "${title}"`).toBeDefined();
    if (step!.scenario.select === 'many') {
      for (const text of step!.texts) await frame.getByRole('checkbox', { name: text, exact: true }).check();
      await frame.getByRole('button', { name: 'Submit answer' }).click();
      await expect(frame.getByRole('heading', { name: 'Feedback', level: 2 })).toBeVisible();
    } else {
      await answer(frame, step!.texts[0]!);
    }
    answered++;
    if (answered >= stopAfter) return answered;
    await pressContinue(frame);
    await expect(heading(frame)).not.toHaveText(title);
  }
}

async function myAttempts(
  page: Page,
): Promise<{ id: number; module: string; status: string; score: number | null; scormVersion: string }[]> {
  return (await page.request.get('/api/me/attempts')).json();
}

async function attemptData(
  page: Page,
  id: number,
): Promise<{ status: string; commits: number; cmi: Record<string, string>; interactions: unknown[] }> {
  const data = (await page.request.get(`/api/attempts/${id}`)).json() as Promise<{
    status: string;
    commits: number;
    cmi: Record<string, string>;
    interactions: { interaction_id: string }[];
  }>;
  // The decisions: the learner's profile is an interaction too, but not a decision.
  return data.then((d) => ({
    ...d,
    interactions: d.interactions.filter((i) => i.interaction_id !== PROFILE_INTERACTION),
  }));
}

test('an admin signs in and adds two learners and an HR officer', async ({ browser }) => {
  const { context, page, errors } = await open(browser);
  await signIn(page, 'admin', ADMIN_PASSWORD);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Training records');
  await page.getByRole('link', { name: 'Users' }).click();
  for (const [person, role] of [
    [PRIYA, 'Learner'],
    [TOM, 'Learner'],
    [HELEN, 'HR'],
  ] as const) {
    await page.getByLabel('Full name').fill(person.name);
    await page.getByLabel('Email or staff number').fill(person.login);
    await page.getByLabel('Staff group').fill(person.group);
    await page.getByLabel('Role', { exact: true }).selectOption({ label: role });
    await page.getByRole('button', { name: 'Add person' }).click();
    await expect(page.locator('#notice')).toHaveText(`${person.name} has been added.`);
    temporary[person.login] = (await page.locator(`code.password[data-login="${person.login}"]`).textContent())!;
    expect(temporary[person.login]).toMatch(/^\w{4}-\w{4}-\w{4}-\w{4}$/);
  }
  await expect(page.locator('#users tbody tr')).toHaveCount(4);
  states.admin = await context.storageState();
  await context.close();
  expect(errors).toEqual([]);
});

test('two learners complete the flagship: Priya passes in SCORM 2004, resuming in another browser, and Tom fails in SCORM 1.2', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  // Priya's attempt begins in SCORM 2004; then the admin runs the module in 1.2 for new attempts (Tom's).
  let priyaStarted!: () => void;
  const started = new Promise<void>((resolve) => (priyaStarted = resolve));
  // The two learners work at the same time, as staff on a ward would.
  await Promise.all([
    (async () => {
      const answers = plan('best');
      const first = await open(browser);
      await firstSignIn(first.page, PRIYA, temporary[PRIYA.login]!);
      await expect(first.page.getByRole('heading', { level: 1 })).toHaveText('My modules');
      const card = first.page.locator(`li[data-module="${MODULE}"]`);
      await expect(card.getByText('Not started')).toBeVisible();
      await card.getByRole('button', { name: `Start ${TITLE}` }).click();
      await first.page.waitForURL(/\/learn\/launch\//);
      priyaStarted();
      const frame = first.page.frameLocator('#sco');
      await start(frame);
      await play(frame, answers, 3);
      priyaAttempt = (await myAttempts(first.page))[0]!.id;
      await expect
        .poll(async () => (await attemptData(first.page, priyaAttempt)).interactions.length, {
          message: 'three decisions saved',
        })
        .toBe(3);
      await expect(first.page.locator('#lms-status')).toHaveText(/^Saved at/);
      await first.context.close();
      expect(first.errors).toEqual([]);

      // Another browser: sign in again and carry on where she left off.
      const second = await open(browser);
      await signIn(second.page, PRIYA.login, PRIYA.password);
      await expect(second.page.getByRole('heading', { level: 1 })).toHaveText('My modules');
      await second.page
        .locator(`li[data-module="${MODULE}"]`)
        .getByRole('button', { name: `Continue ${TITLE}` })
        .click();
      await second.page.waitForURL(/\/learn\/launch\//);
      priyaCommitUrl = await second.page.evaluate(
        () => (JSON.parse(document.getElementById('launch-config')!.textContent!) as { commitUrl: string }).commitUrl,
      );
      const frame2 = second.page.frameLocator('#sco');
      await expect(frame2.getByRole('button', { name: 'Continue where you left off' })).toBeVisible();
      await start(frame2);
      await play(frame2, answers);
      await expect(frame2.getByText('You passed.')).toBeVisible();
      await finishAndExit(frame2);
      await expect.poll(async () => (await myAttempts(second.page))[0]?.status).toBe('passed');
      const data = await attemptData(second.page, priyaAttempt);
      expect(data.cmi['cmi.completion_status']).toBe('completed');
      expect(data.cmi['cmi.score.raw']).toBe('100');
      expect(data.interactions.length).toBeGreaterThanOrEqual(13);
      await second.page.getByRole('link', { name: 'Back to my modules' }).click();
      await expect(second.page.locator(`li[data-module="${MODULE}"]`).getByText('Passed')).toBeVisible();
      await expect(
        second.page.locator(`li[data-module="${MODULE}"]`).getByRole('button', { name: `Review ${TITLE}` }),
      ).toBeVisible();
      states.priya = await second.context.storageState();
      await second.context.close();
      expect(second.errors).toEqual([]);
    })(),
    (async () => {
      await started;
      const { context: adminContext, page: adminPage } = await open(browser, 'admin');
      await adminPage.goto('/admin/modules');
      await adminPage.getByLabel(`SCORM version for ${TITLE}`).selectOption('1.2');
      await adminPage.getByRole('button', { name: `Save ${TITLE}` }).click();
      await expect(adminPage.locator('#notice')).toHaveText(`${TITLE} is offered to every learner, in SCORM 1.2.`);
      await adminContext.close();
      const { context, page, errors } = await open(browser);
      await firstSignIn(page, TOM, temporary[TOM.login]!);
      const card = page.locator(`li[data-module="${MODULE}"]`);
      await expect(card.getByLabel('SCORM version')).toHaveCount(0);
      await card.getByRole('button', { name: `Start ${TITLE}` }).click();
      await page.waitForURL(/\/learn\/launch\//);
      tomCommitUrl = await page.evaluate(
        () => (JSON.parse(document.getElementById('launch-config')!.textContent!) as { commitUrl: string }).commitUrl,
      );
      const frame = page.frameLocator('#sco');
      await start(frame);
      await play(frame, plan('worst'));
      await expect(frame.getByText('You did not pass this time.')).toBeVisible();
      await finishAndExit(frame);
      await expect
        .poll(async () => (await myAttempts(page))[0])
        .toMatchObject({ status: 'failed', scormVersion: '1.2', score: 0 });
      states.tom = await context.storageState();
      await context.close();
      expect(errors).toEqual([]);
    })(),
  ]);
});

test('HR sees the right rows, filters them, downloads the CSV, and reads the charts and decisions', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const { context, page, errors } = await open(browser);
  await firstSignIn(page, HELEN, temporary[HELEN.login]!);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Training records');

  const rows = page.locator('#records tbody tr');
  await page.getByLabel('Module').selectOption({ label: TITLE });
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(rows).toHaveCount(2);
  const priya = page.locator(`#records tr[data-learner="${PRIYA.login}"]`);
  const tom = page.locator(`#records tr[data-learner="${TOM.login}"]`);
  await expect(priya.locator('td')).toHaveText([
    PRIYA.name,
    PRIYA.login,
    PRIYA.group,
    TITLE,
    /^(|.+, .+)$/, // the nation and profession the module reported, if it reports one
    'Passed',
    '100%',
    '1',
    /^\d{4}-\d\d-\d\d \d\d:\d\d$/,
    /^\d{4}-/,
    /^\d{4}-/,
    /^0:\d\d:\d\d$/,
  ]);
  await expect(tom.locator('td')).toHaveText([
    TOM.name,
    TOM.login,
    TOM.group,
    TITLE,
    /^(|.+, .+)$/,
    'Failed',
    '0%',
    '1',
    /^\d{4}-/,
    /^\d{4}-/,
    /^\d{4}-/,
    /^0:\d\d:\d\d$/,
  ]);

  await page.getByLabel('Status').selectOption({ label: 'Failed' });
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(rows).toHaveCount(1);
  await expect(tom).toBeVisible();

  await page.getByLabel('Status').selectOption({ label: 'Any status' });
  await page.getByLabel('Staff group').selectOption(PRIYA.group);
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(rows).toHaveCount(1);
  await expect(priya).toBeVisible();

  const today = await page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  await page.getByLabel('Staff group').selectOption({ label: 'All staff groups' });
  await page.getByLabel('From').fill(today);
  await page.getByLabel('To').fill(today);
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(rows).toHaveCount(2);
  await page.getByLabel('From').fill('2020-01-01');
  await page.getByLabel('To').fill('2020-01-31');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page.locator('#no-records')).toBeVisible();

  // The CSV of the module's rows, as Excel would open it.
  await page.goto(`/hr/records?module=${MODULE}`);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'CSV, for other tools' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^frontline-records-\d{4}-\d\d-\d\d\.csv$/);
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const lines = csv.slice(1).trimEnd().split('\r\n');
  expect(lines).toHaveLength(3);
  expect(lines[0]).toBe(
    'Name,Email or staff number,Staff group,Module,Module ID,Status,Score (%),Attempts,First access,Last access,Finished,Total time (h:mm:ss),Result check,Nation (chosen in the module),Profession (chosen in the module)',
  );
  // Both results follow from the answers the module recorded: the LMS's own scoring agrees.
  const check = lines[0]!.split(',').indexOf('Result check');
  expect(lines.slice(1).map((l) => l.split(',')[check])).toEqual(['', '']);
  await expect(page.locator('.check')).toHaveCount(0);
  expect(lines[1]).toMatch(
    new RegExp(`^${PRIYA.name},${PRIYA.login},${PRIYA.group},${TITLE},${MODULE},Passed,100,1,\\d{4}-`),
  );
  expect(lines[2]).toMatch(new RegExp(`^${TOM.name},${TOM.login},${TOM.group},${TITLE},${MODULE},Failed,0,1,\\d{4}-`));

  // The module report: pass rate, completion chart, and each choice's count.
  await page.getByRole('link', { name: TITLE }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await expect(page.locator('#pass-rate')).toHaveText('Of those who finished with a mark, 50% passed (1 of 2).');
  await expect(page.locator('#stat-finished')).toHaveText('2');
  await expect(page.getByRole('img', { name: /Learners who have finished/ })).toBeVisible();
  const course = flagship();
  const best = plan('best');
  const worst = plan('worst');
  const picked = new Map(
    await page
      .locator('section[data-scenario] tr[data-choice]')
      .evaluateAll((rows) =>
        rows.map(
          (r) =>
            [
              `${r.closest('section')!.getAttribute('data-scenario')}:${r.getAttribute('data-choice')}`,
              r.querySelector('td.num')!.textContent!.trim(),
            ] as const,
        ),
      ),
  );
  for (const id of course.order) {
    const scenario = course.scenarios.find((x) => x.id === id)!;
    for (const text of [...best.get(scenario.title)!.texts, ...worst.get(scenario.title)!.texts]) {
      const choice = scenario.choices.find((c) => c.text === text)!;
      expect(picked.get(`${id}:${choice.responseId}`), `${id}: ${choice.id} picked once`).toBe('1');
    }
  }

  // A learner's page: every decision with its feedback.
  await page.goto(`/hr/records?module=${MODULE}`);
  await tom.getByRole('link', { name: TOM.name }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TOM.name);
  const decisions = page.locator('li.decision');
  await expect(decisions).toHaveCount(13);
  const firstWorst = worst.get(course.scenarios.find((x) => x.id === course.order[0])!.title)!;
  const firstDecision = decisions.first();
  await expect(firstDecision.getByRole('heading')).toHaveText(firstWorst.scenario.title);
  await expect(firstDecision.getByText(firstWorst.texts[0]!, { exact: true })).toBeVisible();
  await expect(firstDecision.getByText('Not the right choice')).toBeVisible();
  await expect(firstDecision.locator('.decision__feedback')).toContainText(/\w+/);
  await expect(firstDecision.locator('.decision__source')).toHaveText(/^Source: /);
  states.hr = await context.storageState();
  await context.close();
  expect(errors).toEqual([]);
});

test('signed-out and wrong-role requests get 401 and 403 and see no records', async ({ browser, playwright }) => {
  const anon = await playwright.request.newContext({ baseURL: base });
  for (const url of [
    '/learn',
    '/hr/records',
    `/hr/records.csv?module=${MODULE}`,
    `/hr/modules/${MODULE}`,
    '/admin/users',
    `/content/${MODULE}/index.html`,
  ]) {
    const res = await anon.get(url, { maxRedirects: 0 });
    expect(res.status(), url).toBe(401);
    const body = await res.text();
    expect(body, url).not.toContain(TOM.login);
    expect(body, url).not.toContain(PRIYA.name);
  }
  const anonCommit = await anon.post(priyaCommitUrl, { data: { 'cmi.score.raw': '0' } });
  expect(anonCommit.status()).toBe(401);
  await anon.dispose();

  const asTom = await open(browser, 'tom');
  await asTom.page.goto('/learn');
  await expect(asTom.page.getByRole('heading', { level: 1 })).toHaveText('My modules');
  for (const url of [
    '/hr/records',
    `/hr/records.csv?module=${MODULE}`,
    `/hr/modules/${MODULE}`,
    '/hr/learners/2',
    '/admin/users',
    `/api/attempts/${priyaAttempt}`,
  ]) {
    const res = await asTom.page.request.get(url, { maxRedirects: 0 });
    expect([403, 404], url).toContain(res.status());
    const body = await res.text();
    expect(body, url).not.toContain(PRIYA.name);
    expect(body, url).not.toContain('cmi.');
  }
  expect((await asTom.page.request.get('/hr/records')).status()).toBe(403);
  await asTom.context.close();

  const asHr = await open(browser, 'hr');
  expect((await asHr.page.request.get('/admin/users')).status()).toBe(403);
  await asHr.context.close();
});

test('a malformed or foreign commit gets 400 and changes nothing', async ({ browser }) => {
  const hr = await open(browser, 'hr');
  const before = await attemptData(hr.page, priyaAttempt);
  const asTom = await open(browser, 'tom');
  await asTom.page.goto('/learn');
  const csrf = await asTom.page.locator('input[name="_csrf"]').first().inputValue();
  const [tomAttempt] = await myAttempts(asTom.page);
  const tomBefore = await attemptData(hr.page, tomAttempt!.id);

  // Tom's session, with his own valid CSRF token, posting to Priya's attempt.
  const foreign = await asTom.page.request.post(priyaCommitUrl, {
    headers: { 'x-csrf-token': csrf },
    data: { 'cmi.completion_status': 'completed', 'cmi.success_status': 'failed', 'cmi.score.raw': '0' },
  });
  expect(foreign.status()).toBe(400);
  // Malformed, to his own attempt: the other version's elements, values out of range, not an object.
  for (const data of [
    { 'cmi.completion_status': 'completed' },
    { 'cmi.core.score.raw': '900' },
    { 'cmi.core.lesson_status': 'passed', 'cmi.core.student_name': 7 },
    ['cmi.core.score.raw', '100'],
    'not json at all',
  ]) {
    const res = await asTom.page.request.post(tomCommitUrl, {
      headers: { 'x-csrf-token': csrf, 'content-type': 'application/json' },
      data,
    });
    expect(res.status(), JSON.stringify(data)).toBe(400);
  }
  // Without a token nothing is read at all.
  expect((await asTom.page.request.post(tomCommitUrl, { data: { 'cmi.core.score.raw': '100' } })).status()).toBe(403);

  expect(await attemptData(hr.page, priyaAttempt)).toEqual(before);
  expect(await attemptData(hr.page, tomAttempt!.id)).toEqual(tomBefore);
  await asTom.context.close();
  await hr.context.close();
  expect(server?.exitCode, serverLog).toBeNull();
});

test('a failed sign-in follows the NHS error pattern: "Error:" title, focused summary linking to the field, inline error', async ({
  browser,
}) => {
  const { context, page, errors } = await open(browser);
  await signIn(page, PRIYA.login, 'not her password');
  await expect(page).toHaveTitle(/^Error: Sign in/);
  const summary = page.getByRole('alert');
  await expect(summary).toBeFocused();
  await summary.getByRole('link', { name: /is not right/ }).click();
  await expect(page.getByLabel('Email or staff number')).toBeFocused();
  await expect(page.locator('#login-error')).toHaveText(
    /^Error: The email or staff number, or the password, is not right\./,
  );
  await expect(page.getByLabel('Email or staff number')).toHaveAttribute('aria-describedby', 'login-error');
  await expectNoAxeViolations(page, 'failed sign-in');
  await context.close();
  // The refused sign-in's own 401 is the only error the browser logs.
  expect(errors.filter((e) => !e.includes('status of 401'))).toEqual([]);
});

test('at 320 x 256 the launch bar is one thin line and the module has the screen', async ({ browser }) => {
  const { context, page } = await open(browser, 'priya');
  await page.setViewportSize({ width: 320, height: 256 });
  await page.goto('/learn');
  await page
    .locator(`li[data-module="${MODULE}"]`)
    .getByRole('button', { name: `Review ${TITLE}` })
    .click();
  await page.waitForURL(/\/learn\/launch\//);
  const bar = (await page.locator('.launch__bar').boundingBox())!;
  const frame = (await page.locator('#sco').boundingBox())!;
  expect(bar.height).toBeLessThanOrEqual(32);
  expect(frame.height).toBeGreaterThanOrEqual(256 - 32);
  await context.close();
});

test('the older of two windows says plainly that the module is open in another, and can continue here', async ({
  browser,
}) => {
  const first = await open(browser, 'hr');
  await first.page.goto('/learn');
  await first.page
    .locator(`li[data-module="${MODULE}"]`)
    .getByRole('button', { name: `Start ${TITLE}` })
    .click();
  const frameA = first.page.frameLocator('#sco');
  await start(frameA);
  await play(frameA, plan('best'), 1);
  await expect(first.page.locator('#lms-status')).toHaveText(/^Saved at/);

  const second = await open(browser, 'hr');
  await second.page.goto('/learn');
  await second.page
    .locator(`li[data-module="${MODULE}"]`)
    .getByRole('button', { name: `Continue ${TITLE}` })
    .click();
  await second.page.waitForURL(/\/learn\/launch\//);
  await expect(second.page.frameLocator('#sco').locator('body')).not.toBeEmpty();

  // The first window goes on, and its next save is refused as superseded.
  await pressContinue(frameA);
  await play(frameA, plan('best'), 1);
  await expect(first.page.locator('#lms-status')).toContainText('This module was opened in another window', {
    timeout: 30_000,
  });
  await first.page.getByRole('button', { name: 'Continue here instead' }).click();
  await first.page.waitForURL(/\/learn\/launch\//);
  await expect(first.page.locator('#lms-status')).not.toContainText('another window');
  await first.context.close();
  await second.context.close();
});

test("an admin's new pages pass axe: modules, an import's progress, and the audit log", async ({ browser }) => {
  const { context, page, errors } = await open(browser, 'admin');
  await page.goto('/admin/modules');
  await expect(page.getByLabel(`Offer ${TITLE} to every learner`)).toBeChecked();
  await expect(page.getByLabel('Offer Frontline sample module to every learner')).not.toBeChecked();
  await expectNoAxeViolations(page, 'modules');

  await page.goto('/admin/users');
  await page.getByLabel('CSV file').setInputFiles({
    name: 'staff.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('Name,Staff number,Staff group\nAsha Patel,0012345,Estates\nBen Ortiz,0012346,Estates\n'),
  });
  await page.getByRole('button', { name: 'Import' }).click();
  await page.waitForURL(/\/admin\/imports\//);
  await expectNoAxeViolations(page, 'import progress');
  await expect
    .poll(async () => {
      if ((await page.getByRole('heading', { level: 1 }).textContent()) !== 'Import finished') await page.reload();
      return page.getByRole('heading', { level: 1 }).textContent();
    })
    .toBe('Import finished');
  await expect(page.locator('#import-progress')).toHaveText('Imported: 2 added, 0 updated.');
  await expect(page.locator('code.password[data-login="0012345"]')).toHaveText(/^\w{4}-\w{4}-\w{4}-\w{4}$/);
  await expectNoAxeViolations(page, 'import finished');

  await page.goto('/admin/audit');
  await expect(page.locator('#audit')).toContainText('imported people');
  await expectNoAxeViolations(page, 'audit log');
  await context.close();
  expect(errors).toEqual([]);
});

test("a learner's email is shown whole on their page, not cut off by its box", async ({ browser }) => {
  const { context, page } = await open(browser, 'hr');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`/hr/records?module=${MODULE}`);
  await page.getByRole('link', { name: PRIYA.name }).click();
  const email = page.locator('.summary dd').first();
  await expect(email).toHaveText(PRIYA.login);
  const fits = await email.evaluate((dd) => dd.scrollWidth <= dd.clientWidth);
  expect(fits).toBe(true);
  await context.close();
});
