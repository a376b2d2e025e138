/**
 * Publishing a new version safely (issue 21): a released id cannot silently disappear, and a
 * learner part way through whose answer a new version retired is told what to redo. Runs the
 * dev preview on a copy of the sample, so the test can release, edit and rebuild it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { releaseModule } from '../../src/compiler/release.js';
import { WCAG_TAGS } from './a11y-helpers.js';
import { test, expect } from './helpers.js';

// Beside the Playwright server's port, so engineers running in parallel do not share one.
const PORT = Number(process.env.E2E_PORT ?? 4318) + 1000;
const BASE = `http://127.0.0.1:${PORT}`;
let server: ChildProcess;
let dir: string;

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'frontline-publish-'));
  cpSync('modules/sample', join(dir, 'modules/sample'), { recursive: true });
  cpSync('content/sample', join(dir, 'content/sample'), { recursive: true });
  // Version 1.0.0 goes to learners: its ids are recorded in published.yaml.
  expect(releaseModule(dir, 'sample', '2026-12-04')).toContain('released version 1.0.0');
  server = spawn(process.execPath, ['--import', 'tsx', 'scripts/dev.ts', 'sample'], {
    env: { ...process.env, FRONTLINE_CONTENT_ROOT: dir, PORT: String(PORT) },
    stdio: 'pipe',
  });
  await expect
    .poll(
      async () => {
        try {
          return (await fetch(`${BASE}/api/modules`)).status;
        } catch {
          return 0;
        }
      },
      { timeout: 30_000 },
    )
    .toBe(200);
});

test.afterAll(() => {
  server?.kill();
  rmSync(dir, { recursive: true, force: true });
});

function edit(file: string, change: (text: string) => string): void {
  const path = join(dir, file);
  writeFileSync(path, change(readFileSync(path, 'utf8')));
}

test('a renamed published choice is refused until retired; the learner who picked it is told to answer again', async ({
  page,
}) => {
  await page.goto(`${BASE}/`);
  const frame = page.frameLocator('#sco');
  await frame.getByRole('button', { name: 'Start' }).click();
  await frame.getByLabel('Ask Priya to crop the board out of the photo').check();
  await frame.getByRole('button', { name: 'Submit answer' }).click();
  await expect(frame.getByText('Progress saved')).toBeVisible();

  // The author renames the choice the learner picked: the build refuses it and says how to retire it.
  edit('content/sample/ward-selfie.md', (t) => t.replace('- id: crop-photo', '- id: crop-board'));
  await expect(frame.getByRole('heading', { name: 'The content has errors' })).toBeVisible();
  await expect(
    frame.getByText('the choice "crop-photo" of "ward-selfie" was published in version 1.0.0 and is gone'),
  ).toBeVisible();

  // Retired, with the major version that retiring needs: it builds again.
  edit('modules/sample/published.yaml', (t) => t.replace('retired: {}', 'retired:\n  ward-selfie/crop-photo: retired'));
  edit('modules/sample/module.yaml', (t) => t.replace('version: 1.0.0', 'version: 2.0.0'));

  // The learner resumes on the new version and is told what changed and what to redo.
  const note = frame.getByRole('note').filter({ hasText: 'This module has changed since your last visit.' });
  await expect(note).toBeVisible();
  await expect(note).toContainText('We kept 0 of your answers.');
  await expect(note.getByRole('listitem')).toHaveText(['A selfie on the ward']);
  const axe = await new AxeBuilder({ page }).include('#sco').withTags(WCAG_TAGS).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`)).toEqual([]);
  await frame.getByRole('button', { name: /^(Start|Continue where you left off)$/ }).click();
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText('A selfie on the ward');
});
