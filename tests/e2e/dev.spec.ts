/**
 * The trainer's dev preview: `npm run dev` shows the module beside the LMS inspector and
 * reloads it, resuming the attempt at the scenario edited, on every content edit; content
 * errors and warnings show in the page.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './helpers.js';

const PORT = 5199;
const BASE = `http://127.0.0.1:${PORT}`;
let server: ChildProcess;
let dir: string;

test.beforeAll(async () => {
  // A copy of the sample module, so the test can edit content freely.
  dir = mkdtempSync(join(tmpdir(), 'frontline-dev-'));
  cpSync('modules/sample', join(dir, 'modules/sample'), { recursive: true });
  cpSync('content/sample', join(dir, 'content/sample'), { recursive: true });
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

test('an edit reloads the module, keeps the attempt, and shows content errors with file and line', async ({ page }) => {
  await page.goto(`${BASE}/`);
  await expect(page.getByRole('complementary', { name: 'LMS inspector' })).toBeVisible();
  const frame = page.frameLocator('#sco');
  await frame.getByRole('button', { name: 'Start' }).click();
  await frame.getByLabel('Ask Priya to delete it now and report it as an incident').check();
  await frame.getByRole('button', { name: 'Submit answer' }).click();
  await expect(frame.getByText('Progress saved')).toBeVisible();
  // The inspector shows the calls and the resume data's size.
  await expect(page.getByText(/suspend_data: \d+ of 4,096 characters/)).toBeVisible();
  await expect(page.locator('.inspector__calls')).toContainText('cmi.interactions.0.learner_response');

  const file = join(dir, 'content/sample/friend-request.md');
  const original = readFileSync(file, 'utf8');
  writeFileSync(
    file,
    original.replace('title: A friend request from a former patient', 'title: A friend request, edited'),
  );
  // The preview comes straight back to the scenario edited (the learner's next one), not the introduction.
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText('A friend request, edited');
  await expect(frame.getByRole('button', { name: 'Continue where you left off' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Content warnings (0)' })).toBeVisible();

  // A warning shows in the page, beside the module, as well as in the terminal.
  writeFileSync(file, original.replace('- rating: wrong', '- rating: best'));
  await expect(page.getByRole('heading', { name: 'Content warnings (1)' })).toBeVisible();
  await expect(page.locator('.inspector__warnings')).toContainText('content/sample/friend-request.md');
  await expect(page.locator('.inspector__warnings')).toContainText('2 choices are rated best');
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText('A friend request from a former patient');

  writeFileSync(file, original.replace('- rating: best', '- rating: bestt'));
  await expect(frame.getByRole('heading', { name: 'The content has errors' })).toBeVisible();
  await expect(frame.getByText('content/sample/friend-request.md:21:11: unknown rating "bestt"')).toBeVisible();

  // Fixed: back to the scenario being edited, which only the kept first answer leads to.
  writeFileSync(file, original);
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText('A friend request from a former patient');
});

test('the inspector opens any scenario without recording an answer', async ({ page }) => {
  await page.goto(`${BASE}/`);
  await page.getByLabel(/Jump to a scenario/).selectOption('night-shift-post');
  await page.getByRole('button', { name: 'Open scenario' }).click();
  const frame = page.frameLocator('#sco');
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText('A post after a hard shift');
  await frame.getByLabel(/Do not post it/).check();
  await frame.getByRole('button', { name: 'Submit answer' }).click();
  await expect(frame.getByText('Best choice')).toBeVisible();
  const writes = await page.evaluate(
    () =>
      (window as unknown as { lmsLog: { fn: string; args: string[] }[] }).lmsLog.filter(
        (c) => c.fn === 'SetValue' && c.args[0]!.startsWith('cmi.interactions'),
      ).length,
  );
  expect(writes).toBe(0);
});
