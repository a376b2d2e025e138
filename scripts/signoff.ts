/**
 * `npm run signoff -- <module> [...]`: writes dist/<module>-signoff.html, which prints on A4,
 * and dist/<module>-signoff.pdf when a Chromium for Playwright is installed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium.js';
import { listModules, loadCourse } from '../src/compiler/course.js';
import { ContentError, formatIssue } from '../src/compiler/errors.js';
import { analyse } from '../src/compiler/graph.js';
import { toSvg } from '../src/compiler/map.js';
import { toSignoffHtml } from '../src/compiler/signoff.js';

const root = process.env.FRONTLINE_ROOT ?? fileURLToPath(new URL('..', import.meta.url));
const requested = process.argv.slice(2).filter((a) => !a.startsWith('-'));

/** The PDF, printed by Chromium from the HTML; false when no browser can be started. */
async function printPdf(htmlPath: string, pdfPath: string): Promise<boolean> {
  try {
    const browser = await chromium.launch(chromiumLaunchOptions);
    try {
      const page = await browser.newPage();
      await page.goto(`file://${htmlPath}`);
      await page.pdf({ path: pdfPath, format: 'A4', preferCSSPageSize: true, printBackground: true });
    } finally {
      await browser.close();
    }
    return true;
  } catch (error) {
    console.warn(`No PDF (${(error as Error).message.split('\n')[0]}): print the HTML from a browser instead.`);
    return false;
  }
}

let failed = false;
mkdirSync(join(root, 'dist'), { recursive: true });
for (const id of requested.length ? requested : listModules(root)) {
  try {
    const { course } = loadCourse(root, id);
    const report = analyse(course);
    const htmlPath = join(root, 'dist', `${id}-signoff.html`);
    writeFileSync(htmlPath, toSignoffHtml(course, report, toSvg(course, report)));
    const pdf = await printPdf(htmlPath, join(root, 'dist', `${id}-signoff.pdf`));
    console.log(
      `dist/${id}-signoff.html${pdf ? ` and dist/${id}-signoff.pdf` : ''}: ${course.title} ${course.version}`,
    );
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    failed = true;
    for (const issue of error.issues) console.error(formatIssue(issue));
  }
}
process.exit(failed ? 1 : 0);
