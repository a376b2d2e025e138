/**
 * The first screen: each module's index.html holds its introduction as plain HTML, so the
 * learner reads it before any script has run (src/compiler/first-screen.ts), and the app makes
 * it live once the LMS has been read (src/first-screen.ts), then hands over to <fl-course>
 * when a button is pressed. These tests hold the two drawings of the introduction together
 * and check that nothing is lost in the handover: the press, the focus, the session.
 */
import AxeBuilder from '@axe-core/playwright';
import type { FrameLocator, Page } from '@playwright/test';
import { WCAG_TAGS, clippedText, expectNoHorizontalScroll, smallTargets } from './a11y-helpers.js';
import { BEST, flagship, plan, playPlan } from './flagship-helpers.js';
import {
  MODULE_READY,
  deepFocus,
  elements,
  expect,
  expectCleanCalls,
  expectScreen,
  heading,
  launch,
  readLog,
  start,
  test,
  type Call,
  type Version,
} from './helpers.js';

const FLAGSHIP = { id: 'social-media-nhs', title: 'Social media and the NHS' };
const SAMPLE = { title: 'Frontline sample module', first: 'A selfie on the ward' };

/** What a screen reader meets on the page, shadow roots included. */
function readable(frame: FrameLocator): Promise<string> {
  return frame.locator('body').ariaSnapshot();
}

/** Which drawing is on screen. */
async function drawnBy(frame: FrameLocator): Promise<'first screen' | 'fl-course'> {
  return (await frame.locator('#fl-first-screen').count()) > 0 ? 'first screen' : 'fl-course';
}

/**
 * Switches to the other language and back (from English unless `from` is 'cy'), which hands over
 * to <fl-course>, and returns what it then shows.
 */
async function redrawnByFlCourse(frame: FrameLocator, from: 'en' | 'cy' = 'en'): Promise<string> {
  const [away, back] = from === 'en' ? ['Cymraeg', 'English'] : ['English', 'Cymraeg'];
  await frame.getByRole('button', { name: away, exact: true }).click();
  await frame.getByRole('button', { name: back, exact: true }).click();
  await expect(frame.getByRole('button', { name: away, exact: true })).toBeVisible();
  expect(await drawnBy(frame)).toBe('fl-course');
  return readable(frame);
}

/** The WCAG rules axe breaks on the module's frame (the player page around it is a developer's tool). */
async function axeOnFrame(page: Page): Promise<{ passes: number; violations: string[] }> {
  const results = await new AxeBuilder({ page }).include(['#sco', '#fl-first-screen']).withTags(WCAG_TAGS).analyze();
  return {
    passes: results.passes.length,
    violations: results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`),
  };
}

/** Holds back the requests matching `pattern` until the returned function is called. */
async function holdBack(page: Page, pattern: string): Promise<() => void> {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(pattern, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** Opens the module as a learner who chose Welsh for it on this computer before (src/components/language.ts). */
async function choseWelsh(page: Page, module: string): Promise<void> {
  await page.addInitScript((id) => localStorage.setItem(`frontline:language:${id}`, 'cy'), module);
}

/**
 * Answers the flagship's first scenario, waits until it is saved, and opens the module again, as
 * a learner resuming (`beforeReload` may hold something back first): the frame, and the title
 * of the scenario Continue leads to.
 */
async function answerOneAndReload(
  page: Page,
  version: Version,
  beforeReload: () => Promise<void> = async () => undefined,
): Promise<{ frame: FrameLocator; second: string }> {
  const course = flagship();
  const steps = plan(course, BEST);
  const frame = await launch(page, { module: FLAGSHIP.id, version });
  await playPlan(course, frame, steps, { stopAfter: 1 });
  await expect(frame.getByText('Progress saved')).toBeVisible();
  await beforeReload();
  await page.reload();
  return { frame: page.frameLocator('#sco'), second: steps[1]!.scenario.title };
}

const WELSH_TITLE = "Y cyfryngau cymdeithasol a'r GIG";

test.describe.configure({ mode: 'parallel' });

test('the introduction is in the page itself: readable with scripts off, its buttons off until the module runs', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`/content/${FLAGSHIP.id}/index.html`);
  await expect(page).toHaveTitle(FLAGSHIP.title);
  expect(await page.locator('html').getAttribute('lang')).toBe('en-GB');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(FLAGSHIP.title);
  await expect(page.getByRole('heading', { name: 'What you will be able to do', level: 2 })).toBeVisible();
  await expect(page.getByText('It takes about 25 minutes. You need 80% to pass.')).toBeVisible();
  await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '0');
  // A button that did nothing would be a dead end: they are off until the module has read the LMS.
  await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Cymraeg' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Accessibility statement' })).toBeDisabled();
  await context.close();
});

test('the first screen reflows at 320 CSS px and at 200% zoom, with nothing cut off and every target at least 24 px', async ({
  browser,
}) => {
  // With scripts off the page shows the first screen exactly as it is before the app runs.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`/content/${FLAGSHIP.id}/index.html`);
  for (const [width, height, screen] of [
    [320, 640, '320px'],
    [640, 360, '200% zoom'],
  ] as const) {
    await page.setViewportSize({ width, height });
    await expectNoHorizontalScroll(page, `${screen}, first screen`);
    expect(await clippedText(page), `${screen}: text cut off`).toEqual([]);
    expect(await smallTargets(page), `${screen}: targets under 24 px`).toEqual([]);
  }
  await expect(page.getByRole('button')).toHaveCount(3);
  await context.close();
});

test('the first screen and <fl-course> draw the same introduction, for a new attempt with the learner named', async ({
  page,
}) => {
  const frame = await launch(page, { module: FLAGSHIP.id, version: '2004', learner: 'Ceri Jones' });
  expect(await drawnBy(frame)).toBe('first screen');
  await expect(frame.getByText('Welcome, Ceri Jones.')).toBeVisible();
  await expect(frame.getByText('Progress saved')).toBeVisible();
  const first = await readable(frame);
  expect(first).toContain('button "Start"');
  expect(await redrawnByFlCourse(frame)).toBe(first);
});

test('the first screen and <fl-course> draw the same introduction for a resumed attempt: Continue, and the progress so far', async ({
  page,
}) => {
  const { frame, second } = await answerOneAndReload(page, '1.2');
  await expect(frame.locator(MODULE_READY).first()).toBeAttached();
  expect(await drawnBy(frame)).toBe('first screen');
  await expect(frame.getByRole('button', { name: 'Continue where you left off' })).toBeVisible();
  await expect(frame.getByRole('progressbar')).not.toHaveAttribute('aria-valuenow', '0');
  const first = await readable(frame);
  expect(await redrawnByFlCourse(frame)).toBe(first);
  await start(frame);
  await expectScreen(frame, second);
});

test('axe finds no WCAG 2.2 AA violations on the first screen, as the learner meets it in the LMS', async ({
  page,
}) => {
  const frame = await launch(page, { module: FLAGSHIP.id, version: '2004', learner: 'Ceri Jones' });
  await expect(frame.getByText('Progress saved')).toBeVisible();
  expect(await drawnBy(frame)).toBe('first screen');
  const axe = await axeOnFrame(page);
  expect(axe.passes, 'axe checked the first screen').toBeGreaterThan(10);
  expect(axe.violations).toEqual([]);
});

test('while the learner reads, the shell is drawn once out of sight and dropped: nothing of it shows, is reachable, or calls the LMS', async ({
  page,
}) => {
  // Note every element the page adds to or removes from its body.
  await page.addInitScript(`(() => {
    if (!location.pathname.startsWith('/content/')) return;
    window.bodyChanges = [];
    document.addEventListener('DOMContentLoaded', () => new MutationObserver((records) => {
      for (const r of records) {
        for (const n of r.addedNodes) if (n.nodeType === 1) window.bodyChanges.push('+' + n.localName);
        for (const n of r.removedNodes) if (n.nodeType === 1) window.bodyChanges.push('-' + n.localName);
      }
    }).observe(document.body, { childList: true }));
  })()`);
  const frame = await launch(page, { module: FLAGSHIP.id, version: '2004' });
  await expect(frame.getByText('Progress saved')).toBeVisible();
  const before = await readable(frame);
  const calls = (await readLog(page)).length;
  // The rehearsal is added once and removed once; the first screen stays.
  await expect
    .poll(() => frame.locator('body').evaluate(() => (window as unknown as { bodyChanges: string[] }).bodyChanges))
    .toEqual(['+div', '-div']);
  expect(await drawnBy(frame)).toBe('first screen');
  expect(await readable(frame)).toBe(before);
  expect(await frame.locator('fl-course').count(), 'no <fl-course> left in the page').toBe(0);
  expect((await readLog(page)).length, 'no LMS calls from the rehearsal').toBe(calls);
  await start(frame);
  await expect.poll(async () => (await deepFocus(frame)).text).toBe('A complaint that is trending');
});

test("Start pressed before the first scenario's text has arrived: it shows once it does, with the focus on its heading", async ({
  page,
}) => {
  // The app asks for it while the introduction shows; hold it back until Start has been pressed.
  const release = await holdBack(page, '**/text/ward-selfie.js');
  const frame = await launch(page, { version: '2004' });
  expect(await drawnBy(frame)).toBe('first screen');
  await frame.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(heading(frame)).toHaveText(SAMPLE.title);
  release();
  await expectScreen(frame, SAMPLE.first);
  await expect.poll(async () => (await deepFocus(frame)).text).toBe(SAMPLE.first);
});

test("the first scenario's text does not arrive: the learner is told, stays on the introduction, and Start works once it does", async ({
  page,
  pageErrors,
}) => {
  // Its address and every retry's (?retry=N): the browser keeps a failed module failed, so a retry asks under a new one.
  let block = true;
  const asked: string[] = [];
  await page.route(/\/text\/ward-selfie\.js(\?|$)/, (route) => {
    asked.push(new URL(route.request().url()).search);
    return block ? route.abort('internetdisconnected') : route.continue();
  });
  const frame = await launch(page, { version: '2004' });
  await frame.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(frame.getByRole('alert')).toHaveText(
    /This part of the module did not load\. Check your connection, then try again\./,
  );
  await expect(heading(frame)).toHaveText(SAMPLE.title);
  block = false;
  await frame.getByRole('button', { name: 'Try again' }).click();
  await expectScreen(frame, SAMPLE.first);
  await expect(frame.getByRole('alert')).toHaveCount(0);
  // Each time under a new address, the first without one.
  expect(asked[0]).toBe('');
  expect(new Set(asked).size).toBe(asked.length);
  const expected =
    /ward-selfie\.js|could not load part of the module|Failed to fetch dynamically imported module|ERR_INTERNET_DISCONNECTED/;
  pageErrors.splice(0, pageErrors.length, ...pageErrors.filter((e) => !expected.test(e)));
});

test("Start pressed before the app's code has arrived: the page says it is loading, keeps the focus, and goes on once it does", async ({
  page,
}) => {
  // The page alone makes the first screen usable (src/boot.ts); hold the app's entry back.
  const release = await holdBack(page, '**/assets/index-*.js');
  const frame = await launch(page, { version: '2004', learner: 'Alex Morgan' });
  expect(await drawnBy(frame)).toBe('first screen');
  await expect(frame.getByText('Welcome, Alex Morgan')).toBeVisible();
  const startButton = frame.getByRole('button', { name: 'Start', exact: true });
  await startButton.focus();
  await page.keyboard.press('Enter');
  await expect(frame.locator('[data-save-status] > p')).toHaveText('Loading…');
  await expect(startButton).toBeFocused();
  // The launch was read once: the app replays the page's reads rather than asking again.
  const launchReads = async () =>
    (await readLog(page)).filter((c) => /Initialize$/.test(c.fn) || c.args[0] === 'cmi.learner_name');
  const reads = await launchReads();
  expect(reads).toHaveLength(2);
  release();
  await expectScreen(frame, SAMPLE.first);
  await expect.poll(async () => (await deepFocus(frame)).text).toBe(SAMPLE.first);
  expect(await launchReads()).toHaveLength(2);
});

test("a launch in Welsh: the Welsh first screen takes the page's place, usable before the app's code has arrived", async ({
  page,
}) => {
  const release = await holdBack(page, '**/assets/index-*.js');
  const prefix = `/content/${FLAGSHIP.id}/`;
  const asked: string[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith(prefix)) asked.push(path.slice(prefix.length).replace(/-[\w-]{8}\.js$/, '.js'));
  });
  await choseWelsh(page, FLAGSHIP.id);
  const frame = await launch(page, { module: FLAGSHIP.id, version: '2004', learner: 'Ceri Jones' });
  expect(await drawnBy(frame)).toBe('first screen');
  // The Welsh screen is in the page: nothing else was asked for (the app's code and the
  // scenarios are asked for once it is on show).
  await expect(frame.getByRole('button', { name: 'Dechrau', exact: true })).toBeEnabled();
  expect(asked.filter((f) => !['assets/index.js', 'scenarios.js'].includes(f))).toEqual(['index.html']);
  await expect(frame.locator('html')).toHaveAttribute('lang', 'cy');
  await expect(heading(frame)).toHaveText(WELSH_TITLE);
  await expect(frame.getByRole('heading', { name: FLAGSHIP.title })).toHaveCount(0);
  await expect(frame.getByText('Croeso, Ceri Jones.')).toBeVisible();
  // A Welsh interface starts the profile question at Wales.
  await expect(frame.getByLabel("Ble ydych chi'n gweithio?")).toHaveValue('wales');
  await expect(frame.getByRole('button', { name: 'English', exact: true })).toBeEnabled();
  const dechrau = frame.getByRole('button', { name: 'Dechrau', exact: true });
  await dechrau.click();
  await expect(frame.locator('[data-save-status] > p')).toHaveText("Wrthi'n llwytho…");
  release();
  await expectScreen(frame, "Cwyn sy'n lledu ar-lein");
  await expect(frame.locator('html')).toHaveAttribute('lang', 'cy');
  // The profile the Welsh first screen started at went with Start.
  await expect(frame.locator('[data-profile-line]')).toContainText('Cymru');
  await expect(frame.locator('[data-profile-line]')).toContainText('Nyrsio a bydwreigiaeth');
});

test('the Welsh first screen and <fl-course> in Welsh draw the same introduction', async ({ page }) => {
  await choseWelsh(page, FLAGSHIP.id);
  const frame = await launch(page, { module: FLAGSHIP.id, version: '2004', learner: 'Ceri Jones' });
  expect(await drawnBy(frame)).toBe('first screen');
  await expect(frame.getByText('Croeso, Ceri Jones.')).toBeVisible();
  await expect(frame.getByText("Mae eich cynnydd wedi'i gadw")).toBeVisible();
  const first = await readable(frame);
  expect(first).toContain('button "Dechrau"');
  expect((await axeOnFrame(page)).violations).toEqual([]);
  expect(await redrawnByFlCourse(frame, 'cy')).toBe(first);
  await expect(heading(frame)).toHaveText(WELSH_TITLE);
});

for (const [what, file] of [
  ["the app's code does not arrive", /\/assets\/index-[^/]*\.js$/],
  ["the scenarios' structure does not arrive", /\/scenarios\.js$/],
] as const)
  test(`${what}: the first screen says so, and Try again loads it in the same LMS session`, async ({
    page,
    pageErrors,
  }) => {
    let block = true;
    await page.route(file, (route) => (block ? route.abort('internetdisconnected') : route.continue()));
    // Moodle's player keeps its API when the module reloads itself: a reload could not start another session.
    const frame = await launch(page, { version: '2004', profile: 'moodle' });
    await expect(frame.getByRole('alert')).toHaveText(
      /This part of the module did not load\. Check your connection, then try again\./,
    );
    block = false;
    await frame.getByRole('button', { name: 'Try again' }).click();
    await expect(frame.getByRole('alert')).toHaveCount(0);
    await start(frame);
    await expectScreen(frame, SAMPLE.first);
    // One session throughout, and what the app writes once it has arrived is taken.
    const underway = (c: Call) => c.fn === 'SetValue' && c.args[0] === 'cmi.completion_status';
    await expect.poll(async () => (await readLog(page)).some(underway)).toBe(true);
    const log = await readLog(page);
    expect(log.filter((c) => c.fn === 'Initialize' || c.fn === 'Terminate').map((c) => c.fn)).toEqual(['Initialize']);
    expect(log.filter((c) => c.fn === 'SetValue' && c.result !== 'true')).toEqual([]);
    const expected = /index-|scenarios\.js|could not load the module|did not load|ERR_INTERNET_DISCONNECTED/;
    pageErrors.splice(0, pageErrors.length, ...pageErrors.filter((e) => !expected.test(e)));
  });

test("from the keyboard: the first screen's controls carry their focus into <fl-course>", async ({ page }) => {
  const frame = await launch(page, { module: FLAGSHIP.id, version: '2004' });
  expect(await drawnBy(frame)).toBe('first screen');
  const language = frame.getByRole('button', { name: 'Cymraeg' });
  await language.focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => deepFocus(frame)).toMatchObject({ tag: 'button', text: 'English' });
  await page.keyboard.press('Enter');
  await expect.poll(() => deepFocus(frame)).toMatchObject({ tag: 'button', text: 'Cymraeg' });
});

test('the accessibility statement opens from the first screen, with the focus on its heading', async ({ page }) => {
  const frame = await launch(page, { version: '2004' });
  await frame.getByRole('button', { name: 'Accessibility statement' }).click();
  await expect(heading(frame)).toHaveText('Accessibility statement');
  await expect.poll(async () => (await deepFocus(frame)).text).toBe('Accessibility statement');
  await frame.getByRole('button', { name: 'Back' }).click();
  await expect(frame.getByRole('button', { name: 'Start', exact: true })).toBeVisible();
});

async function leave(page: Page, frame: FrameLocator, version: Version): Promise<void> {
  await frame.locator('body').evaluate(() => window.dispatchEvent(new Event('pagehide')));
  await expect.poll(async () => (await readLog(page)).some((c) => c.fn === elements(version).term)).toBe(true);
}

/** Waits until the app has taken the session over from the bootstrap: its launch writes mark the attempt as under way. */
async function appTookOver(page: Page, version: Version): Promise<void> {
  const status = version === '1.2' ? 'cmi.core.lesson_status' : 'cmi.completion_status';
  const underway = (c: Call) => c.fn === elements(version).set && c.args[0] === status && c.args[1] === 'incomplete';
  await expect.poll(async () => (await readLog(page)).some(underway)).toBe(true);
}

test('leaving from the first screen ends the session once, suspended, as <fl-course> would', async ({ page }) => {
  const frame = await launch(page, { version: '2004' });
  expect(await drawnBy(frame)).toBe('first screen');
  await appTookOver(page, '2004');
  await leave(page, frame, '2004');
  const log = await readLog(page);
  const el = elements('2004');
  expect(log.filter((c) => c.fn === el.term)).toHaveLength(1);
  expect(log.at(-1)?.fn).toBe(el.term);
  expect(log.filter((c) => c.fn === el.set && c.args[0] === el.exit).at(-1)?.args[1]).toBe('suspend');
});

for (const version of ['1.2', '2004'] as const)
  test(`SCORM ${version}: leaving before the app has arrived ends the session once, suspended, with the time spent and no status`, async ({
    page,
  }) => {
    const release = await holdBack(page, '**/assets/index-*.js');
    const frame = await launch(page, { version });
    expect(await drawnBy(frame)).toBe('first screen');
    await leave(page, frame, version);
    release();
    const log = await readLog(page);
    const el = elements(version);
    expect(log.filter((c) => c.fn === el.term)).toHaveLength(1);
    expect(log.at(-1)?.fn).toBe(el.term);
    const sets = log.filter((c) => c.fn === el.set).map((c) => c.args);
    expect(sets).toEqual([
      [el.exit, 'suspend'],
      [el.sessionTime, expect.stringMatching(version === '1.2' ? /^\d{2}:\d{2}:\d{2}/ : /^PT/)],
    ]);
    expectCleanCalls(version, log);
  });

test('leaving a resumed attempt before the app has arrived ends the session, and the answers saved before are kept', async ({
  page,
}) => {
  let release: () => void = () => undefined;
  const { frame, second } = await answerOneAndReload(page, '2004', async () => {
    release = await holdBack(page, '**/assets/index-*.js');
  });
  // A resume's first screen waits for the app; the bootstrap has started the session.
  await expect.poll(async () => (await readLog(page)).some((c) => c.fn === 'Initialize')).toBe(true);
  await leave(page, frame, '2004');
  release();
  const log = await readLog(page);
  const el = elements('2004');
  expect(log.filter((c) => c.fn === el.term)).toHaveLength(1);
  expect(log.at(-1)?.fn).toBe(el.term);
  expect(log.filter((c) => c.fn === el.set).map((c) => c.args[0])).toEqual([el.exit, el.sessionTime]);
  expectCleanCalls('2004', log);
  await page.reload();
  await start(frame);
  await expectScreen(frame, second);
});

test('a launch the first screen does not fit (review of a finished attempt) is drawn by <fl-course> with no Start', async ({
  page,
}) => {
  const frame = await launch(page, { version: '2004', mode: 'review' });
  await expect(frame.locator('fl-course')).toBeAttached();
  expect(await drawnBy(frame)).toBe('fl-course');
  await expect(frame.getByRole('button', { name: /^(Start|Continue where you left off)$/ })).toHaveCount(0);
});
