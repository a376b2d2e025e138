/**
 * What each part of a module's first screen costs against the floor (scripts/bench-pages.ts):
 * cold runs in the local LMS page, taken in turn, of the floor, the module as built, its first
 * screen by hand (the floor's script in place of the bootstrap), and that page with one part
 * taken out at a time. A quicker question than `npm run bench`: which first screen can sit how
 * close to the floor. It builds the module first, and writes nothing but a table.
 *
 *   npm run bench:first-screen                     the flagship, 15 runs per page and CPU rate
 *   npm run bench:first-screen -- sample --runs=21
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { interactiveRun, launchBrowser } from './bench-browser.js';
import { byHandPage, FLOOR, FLOOR_PAGE, writePages } from './bench-pages.js';
import { startServer, stopServer } from './bench-server.js';
import { freePort } from './free-port.js';

const PROJECT = fileURLToPath(new URL('..', import.meta.url));
const RATES = [1, 4];

/** A part of the first screen as src/compiler/first-screen.ts writes it: from `from` up to (not including) `to`. */
interface Part {
  name: string;
  cuts: { from: RegExp; to: RegExp }[];
}

const TEXT = { from: /<div class="intro__text">/, to: /<p class="intro__facts">/ };
const PROFILE = { from: /<div class="fl-profile">/, to: /<button class="nhsuk-button" data-start/ };
const PARTS: Part[] = [
  { name: 'without the introduction text and objectives', cuts: [TEXT] },
  { name: 'without the profile question', cuts: [PROFILE] },
  {
    name: 'without the header, progress bar and footer',
    cuts: [
      { from: /<header class="header">/, to: /<div class="status"/ },
      { from: /<footer class="footer">/, to: /<\/div>\s*<script/ },
    ],
  },
  { name: 'without the stylesheet', cuts: [{ from: /<style>/, to: /<\/head>/ }] },
  {
    name: 'without the data blocks (course, other languages)',
    cuts: [{ from: /<script type="application\/json"/, to: /<script>/ }],
  },
  { name: 'title card: no introduction, objectives or profile question', cuts: [TEXT, PROFILE] },
];

/** The page without a part; null where the page does not have it. */
function without(html: string, part: Part): string | null {
  let page = html;
  for (const { from, to } of part.cuts) {
    const start = page.search(from);
    const end = start < 0 ? -1 : page.slice(start).search(to);
    if (end < 0) return null;
    page = page.slice(0, start) + page.slice(start + end);
  }
  return page;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const args = process.argv.slice(2);
const id = args.find((a) => !a.startsWith('--')) ?? 'social-media-nhs';
const runs = Math.max(1, Number(args.find((a) => a.startsWith('--runs='))?.slice(7) ?? 15));

const built = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts', id], {
  cwd: PROJECT,
  stdio: 'inherit',
});
if (built.status !== 0) process.exit(built.status ?? 1);
const dist = join(PROJECT, 'dist');
const byHand = byHandPage(readFileSync(join(dist, id, 'index.html'), 'utf8'));
if (byHand === null) throw new Error(`${id}: its index.html has no inline bootstrap to put the floor's script in`);

const labels = new Map<string, string>([
  [FLOOR, 'the floor'],
  [id, 'the module as built'],
  ['bench-parts-by-hand', 'its first screen by hand'],
]);
const pages = new Map<string, string>([
  [FLOOR, FLOOR_PAGE],
  ['bench-parts-by-hand', byHand],
]);
PARTS.forEach((part, i) => {
  const page = without(byHand, part);
  if (page === null) return void console.log(`${id}: its first screen has nothing to take out for "${part.name}"`);
  pages.set(`bench-parts-${i}`, page);
  labels.set(`bench-parts-${i}`, `  by hand, ${part.name}`);
});

const load = loadavg()[0]!;
const remove = writePages(dist, pages);
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const env = { PORT: String(port), HOST: '127.0.0.1' };
const { child } = await startServer(PROJECT, 'scripts/serve.ts', [], env, `${base}/api/modules`);
const { browser } = await launchBrowser();
try {
  for (const rate of RATES) {
    const times = new Map<string, number[]>([...labels.keys()].map((page) => [page, []]));
    for (let i = 0; i < runs; i++)
      for (const page of labels.keys()) times.get(page)!.push(await interactiveRun(browser, base, page, rate));
    const floor = times.get(FLOOR)!;
    console.log(`\n${rate}x CPU, ${runs} cold runs each: interactive (median), over the floor (medians; run by run)`);
    for (const [page, label] of labels) {
      const t = times.get(page)!;
      const paired = median(t.map((ms, run) => ms / floor[run]!));
      console.log(
        `${label.padEnd(70)} ${median(t).toFixed(1).padStart(6)} ms  ${(median(t) / median(floor)).toFixed(2)}x; ${paired.toFixed(2)}x`,
      );
    }
  }
  console.log(`\nLoad average ${load.toFixed(1)} at start, ${loadavg()[0]!.toFixed(1)} at end.`);
} finally {
  await browser.close();
  await stopServer(child);
  remove();
}
