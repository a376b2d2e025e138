/**
 * The benchmark's browser measurements, in headless Chromium through Playwright: the module
 * inside the local LMS page, cold (a new browser context each run), at a CPU throttling rate
 * set through the Chrome DevTools Protocol.
 */
import { existsSync } from 'node:fs';
import { cy } from '../src/components/strings-cy.js';
import { en } from '../src/components/strings.js';
import { chromiumLaunchOptions, SYSTEM_CHROMIUM } from './chromium.js';
import { chromium, type Browser, type BrowserContext, type Frame, type Page } from '@playwright/test';

/** Debian's Chromium where it exists (Playwright cannot download its own here), else Playwright's. */
export async function launchBrowser(): Promise<{ browser: Browser; executable: string }> {
  const system = existsSync(SYSTEM_CHROMIUM);
  const browser = await chromium.launch(chromiumLaunchOptions);
  return { browser, executable: system ? SYSTEM_CHROMIUM : 'playwright chromium' };
}

/** The first screen's Start, in each language the modules have: the probe waits for one of them. */
const START_WORDS: Record<string, { start: string; continueWhereLeft: string }> = { en, cy };
const STARTS = new RegExp(
  `^(${Object.values(START_WORDS)
    .flatMap((t) => [t.start, t.continueWhereLeft])
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|')})$`,
);

/**
 * Runs in every frame before its scripts. In the module's frame (/content/...) it notes, on
 * the frame's own clock (ms since the SCO's navigation started):
 *  - intro: the first animation frame with an h1 in the DOM (the module's first screen);
 *  - interactive: the Start button is in the DOM and enabled, and a task posted after that has
 *    run, so the main thread is free to handle a click;
 *  - click / scenario: the Start click's event time, and the first frame showing another h1.
 * rAF callbacks run just before the browser paints, so these are render times.
 */
export const PROBE = String.raw`(() => {
  if (!location.pathname.startsWith('/content/')) return;
  const m = { intro: null, introTitle: null, interactive: null, click: null, scenario: null, scenarioTitle: null };
  window.__bench = m;
  // Tell the bench through a binding, so it never polls the page (polling would steal main-thread time).
  const report = (what) => { if (typeof window.__benchReport === 'function') window.__benchReport(what); };
  // Cheap on purpose (it runs every frame until the intro shows): it keeps every shadow root as
  // it is attached and queries those, rather than walking the whole tree each frame, and forces
  // no layout. An h1 in the DOM at rAF time is painted in that frame.
  const roots = [document];
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) { const root = attach.call(this, init); roots.push(root); return root; };
  // Only roots still in the page: an element drawn and removed again keeps its shadow root.
  const live = (r) => r === document || r.host.isConnected;
  const h1 = () => { for (const r of roots) { if (!live(r)) continue; const h = r.querySelector('h1'); if (h) return h; } return null; };
  const startButton = () => {
    for (const r of roots) if (live(r)) for (const b of r.querySelectorAll('button')) if (!b.disabled && ${STARTS}.test(b.textContent.trim())) return b;
    return null;
  };
  const watchInteractive = () => {
    if (startButton()) {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => { m.interactive = performance.now(); performance.mark('bench:interactive'); report('interactive'); };
      ch.port2.postMessage(0);
    } else requestAnimationFrame(watchInteractive);
  };
  const watchIntro = () => {
    const h = h1();
    if (h) {
      m.intro = performance.now(); m.introTitle = h.textContent.trim(); performance.mark('bench:intro');
      watchInteractive();
    } else requestAnimationFrame(watchIntro);
  };
  requestAnimationFrame(watchIntro);
  const watchScenario = () => {
    const h = h1();
    if (h && h.textContent.trim() !== m.introTitle) { m.scenario = performance.now(); m.scenarioTitle = h.textContent.trim(); performance.mark('bench:scenario'); report('scenario'); }
    else requestAnimationFrame(watchScenario);
  };
  document.addEventListener('click', (e) => {
    if (m.click !== null || m.intro === null) return;
    m.click = e.timeStamp; performance.mark('bench:click');
    requestAnimationFrame(watchScenario);
  }, true);
})();`;

export interface Fetched {
  /** Path below /content/<module>/ (index.html, assets/x.js, media/...). */
  path: string;
  /** What asked for it: navigation, script, link, img, other (a dynamic import)... */
  type: string;
  startMs: number;
  endMs: number;
  /** Bytes of the body as the server sent it (the preview server does not compress). */
  bytes: number;
}

export interface ColdRun {
  /** All on the SCO frame's clock (ms after its navigation started). */
  introMs: number;
  interactiveMs: number;
  /** From the Start click's event to the first scenario's frame. */
  firstScenarioMs: number;
  /** Where the time to the first screen went, on the SCO frame's clock. */
  phases: { htmlMs: number; scriptsMs: number; domContentLoadedMs: number; firstPaintMs: number | null };
  /** Where the SCO frame's navigation started, on the LMS page's clock (the LMS page's own load). */
  scoStartOnPageMs: number;
  /** Every request of the SCO frame (the module only: not the LMS page or scorm-again). */
  fetched: Fetched[];
  /** Bytes the LMS page itself fetched (player, scorm-again), for context. */
  lmsPageBytes: number;
  /** JS heap used by the page (LMS page and module share one isolate) after a full GC. */
  heapUsedBytes: number | null;
  scenarioTitle: string;
}

async function scoFrame(page: Page, timeoutMs: number): Promise<Frame> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const frame = page
      .frames()
      .find(
        (f) => f !== page.mainFrame() && new URL(f.url() || 'about:blank', 'http://x').pathname.startsWith('/content/'),
      );
    if (frame) return frame;
    if (Date.now() > until) throw new Error('the module frame did not appear');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Waits for what the probe reports through its binding ("interactive", "scenario"), each within a time limit. */
async function probeReports(page: Page, moduleId: string): Promise<(what: string, ms: number) => Promise<void>> {
  const reached = new Set<string>();
  const waiters: { what: string; resolve: () => void }[] = [];
  await page.exposeBinding('__benchReport', (_source, what: string) => {
    reached.add(what);
    for (const w of waiters.filter((x) => x.what === what)) w.resolve();
  });
  return (what, ms) =>
    new Promise<void>((resolve, reject) => {
      if (reached.has(what)) return resolve();
      const timer = setTimeout(() => reject(new Error(`${moduleId}: no "${what}" within ${ms} ms`)), ms);
      waiters.push({
        what,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
}

/** What a cold run measured, read from the probe and the resource timings once the first scenario shows. */
async function readRun(page: Page, frame: Frame, moduleId: string): Promise<Omit<ColdRun, 'heapUsedBytes'>> {
  const probe = (await frame.evaluate(String.raw`(() => {
    const b = window.__bench;
    const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
    const nav = performance.getEntriesByType('navigation')[0];
    const fp = performance.getEntriesByName('first-paint')[0];
    return { ...b, dcl: nav ? nav.domContentLoadedEventEnd : 0, fp: fp ? fp.startTime : null,
      entries: entries.map((e) => ({ name: e.name, type: e.initiatorType || e.entryType, start: e.startTime, end: e.responseEnd, size: e.decodedBodySize })) };
  })()`)) as {
    intro: number;
    interactive: number;
    click: number;
    scenario: number;
    scenarioTitle: string;
    dcl: number;
    fp: number | null;
    entries: { name: string; type: string; start: number; end: number; size: number }[];
  };
  const origins = (await page.evaluate(`(() => {
    const f = document.getElementById('sco');
    const lms = performance.getEntriesByType('resource').concat(performance.getEntriesByType('navigation')).reduce((a, e) => a + e.decodedBodySize, 0);
    return { page: performance.timeOrigin, sco: f && f.contentWindow ? f.contentWindow.performance.timeOrigin : performance.timeOrigin, lms };
  })()`)) as { page: number; sco: number; lms: number };
  const prefix = `/content/${moduleId}/`;
  const fetched = probe.entries.map((e) => {
    const path = new URL(e.name).pathname;
    return {
      path: path.startsWith(prefix) ? path.slice(prefix.length) : path,
      type: e.type,
      startMs: e.start,
      endMs: e.end,
      bytes: e.size,
    };
  });
  return {
    introMs: probe.intro,
    interactiveMs: probe.interactive,
    firstScenarioMs: probe.scenario - probe.click,
    phases: {
      htmlMs: probe.entries[0]?.end ?? 0,
      scriptsMs: Math.max(
        0,
        ...probe.entries
          .slice(1)
          .filter((e) => e.start < probe.intro && /\.(js|css)$/.test(new URL(e.name).pathname))
          .map((e) => e.end),
      ),
      domContentLoadedMs: probe.dcl,
      firstPaintMs: probe.fp,
    },
    scoStartOnPageMs: origins.sco - origins.page,
    fetched,
    lmsPageBytes: origins.lms,
    scenarioTitle: probe.scenarioTitle,
  };
}

/**
 * Opens a module in the LMS page in a new browser context (no cache) at a CPU throttling rate,
 * with the probe installed, and waits until its first screen is interactive. With a language, as
 * a learner who chose it for the module (the course's id) on this computer before.
 */
async function launchCold(
  browser: Browser,
  base: string,
  moduleId: string,
  rate: number,
  language: string | null,
  courseId: string,
): Promise<{
  context: BrowserContext;
  page: Page;
  until: (what: string, ms: number) => Promise<void>;
  timeout: number;
}> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    const until = await probeReports(page, moduleId);
    await page.addInitScript(PROBE);
    if (language)
      await page.addInitScript(([id, chosen]) => localStorage.setItem(`frontline:language:${id}`, chosen), [
        courseId,
        language,
      ] as const);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    const timeout = 30_000 * rate;
    await page.goto(`${base}/player/?module=${encodeURIComponent(moduleId)}&version=2004`, { timeout });
    await until('interactive', timeout);
    return { context, page, until, timeout };
  } catch (error) {
    await context.close();
    throw error;
  }
}

/** One cold launch that stops at interactive: its time, on the module frame's clock. */
export async function interactiveRun(browser: Browser, base: string, moduleId: string, rate: number): Promise<number> {
  const { context, page, timeout } = await launchCold(browser, base, moduleId, rate, null, moduleId);
  try {
    const frame = await scoFrame(page, timeout);
    return (await frame.evaluate('window.__bench.interactive')) as number;
  } finally {
    await context.close();
  }
}

/**
 * One cold launch of a module in the LMS page: intro, interactive, Start, first scenario. With a
 * language, as a learner who chose it for the module (the course's id, where the package is
 * served under another) on this computer before.
 */
export async function coldRun(
  browser: Browser,
  base: string,
  moduleId: string,
  rate: number,
  measureHeap: boolean,
  language: string | null = null,
  courseId = moduleId,
): Promise<ColdRun> {
  const { context, page, until, timeout } = await launchCold(browser, base, moduleId, rate, language, courseId);
  try {
    const frame = await scoFrame(page, timeout);
    const heapUsedBytes = measureHeap ? await heap(page) : null;
    const start = START_WORDS[(language ?? 'en').slice(0, 2)]?.start ?? en.start;
    await frame.getByRole('button', { name: start, exact: true }).click({ timeout });
    await until('scenario', timeout);
    // Let anything the first scenario asks for (images) arrive before reading the resource timings.
    await page.waitForTimeout(300 * rate);
    return { ...(await readRun(page, frame, moduleId)), heapUsedBytes };
  } finally {
    await context.close();
  }
}

/**
 * Installs the probe in a page not yet navigated; `interactive` settles when the module reports
 * interactive (or rejects with `failure` after 60 s). Wrapped in an object so awaiting the
 * installation does not wait for it.
 */
async function probeInteractive(page: Page, failure: string): Promise<{ interactive: Promise<void> }> {
  let done!: () => void;
  const interactive = new Promise<void>((resolve) => {
    done = resolve;
  });
  await page.exposeBinding('__benchReport', (_source, what: string) => {
    if (what === 'interactive') done();
  });
  await page.addInitScript(PROBE);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(failure)), 60_000);
  });
  timeout.catch(() => undefined);
  return { interactive: Promise.race([interactive, timeout]).finally(() => clearTimeout(timer)) };
}

export interface TracedRun {
  /** Main-thread CPU time (thread time) from the SCO's navigation to interactive: robust when the machine is busy. */
  cpuMs: number;
  /** Wall time of the same main-thread tasks, and from navigation to interactive. */
  taskWallMs: number;
  wallMs: number;
  /** CPU time by kind of work. */
  breakdown: Record<string, number>;
}

const KINDS: Record<string, string> = {
  'v8.evaluateModule': 'script',
  EvaluateScript: 'script',
  FunctionCall: 'script',
  RunMicrotasks: 'script',
  TimerFire: 'script',
  FireAnimationFrame: 'script',
  'v8.compileModule': 'compile',
  'v8.compile': 'compile',
  ParseHTML: 'parse HTML',
  ParseAuthorStyleSheet: 'style',
  UpdateLayoutTree: 'style',
  Layout: 'layout',
  Paint: 'paint',
  PrePaint: 'paint',
};

/**
 * One launch at 1x CPU with a Chrome trace: the main thread's CPU time from the module frame's
 * navigation to interactive. The LMS page shares that thread, so SCORM calls the module makes
 * into the LMS count too (they do in a real LMS).
 */
export async function tracedRun(browser: Browser, base: string, moduleId: string, file: string): Promise<TracedRun> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    const { interactive } = await probeInteractive(page, 'no interactive in the traced run');
    await browser.startTracing(page, {
      path: file,
      categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8.execute'],
    });
    await page.goto(`${base}/player/?module=${encodeURIComponent(moduleId)}&version=2004`);
    await interactive;
    await page.waitForTimeout(100);
    await browser.stopTracing();
    const { readFileSync } = await import('node:fs');
    type Event = {
      name: string;
      ph: string;
      pid: number;
      tid: number;
      ts: number;
      dur?: number;
      tdur?: number;
      args?: { name?: string; data?: { url?: string } };
    };
    const events = (JSON.parse(readFileSync(file, 'utf8')) as { traceEvents: Event[] }).traceEvents;
    const mainThreads = new Set(
      events
        .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
        .map((e) => `${e.pid}:${e.tid}`),
    );
    const nav = events.find(
      (e) => e.name === 'ResourceSendRequest' && /\/content\/[^/]+\/index\.html/.test(e.args?.data?.url ?? ''),
    );
    const mark = events.find((e) => e.name === 'bench:interactive');
    if (!nav || !mark) throw new Error('the trace has no module navigation or interactive mark');
    const inWindow = (e: Event) =>
      mainThreads.has(`${e.pid}:${e.tid}`) && e.ph === 'X' && e.ts >= nav.ts && e.ts <= mark.ts;
    const tasks = events.filter((e) => inWindow(e) && e.name === 'RunTask');
    const breakdown: Record<string, number> = {};
    for (const e of events) {
      const kind = KINDS[e.name];
      if (kind && inWindow(e)) breakdown[kind] = (breakdown[kind] ?? 0) + (e.tdur ?? e.dur ?? 0) / 1000;
    }
    for (const k of Object.keys(breakdown)) breakdown[k] = Math.round(breakdown[k]! * 10) / 10;
    return {
      cpuMs: tasks.reduce((a, e) => a + (e.tdur ?? 0), 0) / 1000,
      taskWallMs: tasks.reduce((a, e) => a + (e.dur ?? 0), 0) / 1000,
      wallMs: (mark.ts - nav.ts) / 1000,
      breakdown,
    };
  } finally {
    await context.close();
  }
}

async function heap(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}

/**
 * The JS heap of the module opened on its own (no LMS around it: it keeps progress in the
 * browser), after a forced GC once the Start button is interactive.
 */
export async function moduleHeap(browser: Browser, base: string, moduleId: string): Promise<number> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const { interactive } = await probeInteractive(page, 'the module alone did not become interactive');
    await page.goto(`${base}/content/${encodeURIComponent(moduleId)}/index.html`);
    await interactive;
    await page.waitForTimeout(300);
    return await heap(page);
  } finally {
    await context.close();
  }
}

export interface Step {
  scenarioId: string;
  title: string;
  select: 'one' | 'many';
  /** The texts of the choices to pick (one, or every item that should be picked). */
  texts: string[];
}

export interface LmsCall {
  fn: string;
  args: string[];
}

export interface Completion {
  version: '2004' | '1.2';
  decisions: number;
  calls: LmsCall[];
  /** Index in `calls` where the learner pressed Start, and where the results showed. */
  startIndex: number;
  resultsIndex: number;
  /** The LMS data at the end. */
  cmi: Record<string, string>;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Takes a module from Start to "Finish and exit" in the LMS page with the given answers. */
export async function complete(
  browser: Browser,
  base: string,
  moduleId: string,
  version: '2004' | '1.2',
  steps: Step[],
): Promise<Completion> {
  const context: BrowserContext = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${base}/player/?module=${encodeURIComponent(moduleId)}&version=${version}`);
    const frame = page.frameLocator('#sco');
    const h1 = frame.getByRole('heading', { level: 1 });
    const logLength = () => page.evaluate('window.lmsLog.length') as Promise<number>;
    await frame.getByRole('button', { name: 'Start', exact: true }).click();
    const startIndex = await logLength();
    for (const step of steps) {
      await h1.filter({ hasText: step.title }).waitFor();
      if (step.select === 'many') {
        for (const text of step.texts) await frame.getByRole('checkbox', { name: text, exact: true }).check();
        await frame.getByRole('button', { name: 'Submit answer' }).click();
      } else {
        const text = step.texts[0]!;
        const radio = frame.getByRole('radio', { name: text, exact: true });
        if (await radio.count()) {
          await radio.check();
          await frame.getByRole('button', { name: 'Submit answer' }).click();
        } else {
          // An action on a post, or a plain button: pressed, then submitted like a radio.
          const button = frame.getByRole('button', { name: new RegExp(`(^|: )${escapeRegExp(text)}$`) });
          await button.click();
          const submit = frame.getByRole('button', { name: 'Submit answer' });
          const feedback = frame.getByRole('heading', { name: 'Feedback', level: 2 });
          await submit.or(feedback).first().waitFor();
          if (!(await feedback.count())) await submit.click();
        }
      }
      await frame.getByRole('heading', { name: 'Feedback', level: 2 }).waitFor();
      await frame.getByRole('button', { name: /^(Continue|See your results)$/ }).click();
    }
    await h1.filter({ hasText: 'Your results' }).waitFor();
    // The last decision's commit runs after the page has rendered; let it land.
    await page.waitForTimeout(300);
    const resultsIndex = await logLength();
    await frame.getByRole('button', { name: 'Finish and exit' }).click();
    await h1.filter({ hasText: 'You have left the module' }).waitFor();
    const calls = (await page.evaluate(
      'window.lmsLog.map((c) => ({ fn: c.fn, args: c.args.map(String) }))',
    )) as LmsCall[];
    const flat = (await page.evaluate('window.lmsApi.getFlattenedCMI()')) as Record<string, unknown>;
    const cmi = Object.fromEntries(Object.entries(flat).map(([k, v]) => [k, v == null ? '' : String(v)]));
    return { version, decisions: steps.length, calls, startIndex, resultsIndex, cmi };
  } finally {
    await context.close();
  }
}

/** The dev server after a content edit: ms from writing the file to the module showing the change. */
export async function devRebuild(
  browser: Browser,
  base: string,
  scenario: { id: string; title: string },
  edit: (n: number) => { title: string; write: () => void },
  edits: number,
): Promise<{ firstLoadMs: number; rebuildMs: number[] }> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    let waiting: { text: string; resolve: (at: number) => void } | null = null;
    await page.exposeBinding('__benchH1', (_source, text: string) => {
      if (waiting && text === waiting.text) waiting.resolve(Date.now());
    });
    await page.addInitScript(String.raw`(() => {
      if (window === window.top) return;
      let last = null;
      const deep = (root) => { const h = root.querySelector('h1'); if (h) return h; for (const el of root.querySelectorAll('*')) if (el.shadowRoot) { const f = deep(el.shadowRoot); if (f) return f; } return null; };
      const tick = () => { const h = deep(document); const t = h ? h.textContent.trim() : null; if (t !== last) { last = t; if (t) window.top.__benchH1(t); } requestAnimationFrame(tick); };
      requestAnimationFrame(tick);
    })();`);
    const waitFor = (text: string, timeout = 60_000) =>
      new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`the dev preview did not show "${text}"`)), timeout);
        waiting = {
          text,
          resolve: (at) => {
            clearTimeout(timer);
            resolve(at);
          },
        };
      });
    const t0 = Date.now();
    const first = waitFor(scenario.title);
    await page.goto(`${base}/player/?module=sample&inspector&sco=/index.html&jump=${encodeURIComponent(scenario.id)}`);
    const firstLoadMs = (await first) - t0;
    const rebuildMs: number[] = [];
    for (let n = 1; n <= edits; n++) {
      await page.waitForTimeout(500);
      const { title, write } = edit(n);
      const shown = waitFor(title);
      const started = Date.now();
      write();
      rebuildMs.push((await shown) - started);
    }
    return { firstLoadMs, rebuildMs };
  } finally {
    await context.close();
  }
}
