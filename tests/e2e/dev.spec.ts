/**
 * The trainer's dev preview: `npm run dev` shows the module beside the LMS inspector and
 * reloads it, resuming the attempt at the scenario edited, on every content edit; content
 * errors and warnings show in the page.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startDevServer, type DevServer } from './dev-server.js';
import { test, expect } from './helpers.js';

let dev: DevServer;
test.beforeAll(async () => {
  dev = await startDevServer('dev', 1001);
});
test.afterAll(() => dev?.stop());

test('an edit reloads the module, keeps the attempt, and shows content errors with file and line', async ({ page }) => {
  await page.goto(`${dev.base}/`);
  await expect(page.getByRole('complementary', { name: 'LMS inspector' })).toBeVisible();
  const frame = page.frameLocator('#sco');
  await frame.getByRole('button', { name: 'Start' }).click();
  await frame.getByLabel('Ask Priya to delete it now and report it as an incident').check();
  await frame.getByRole('button', { name: 'Submit answer' }).click();
  await expect(frame.getByText('Progress saved')).toBeVisible();
  // The inspector shows the calls and the resume data's size.
  await expect(page.getByText(/suspend_data: \d+ of 4,096 characters/)).toBeVisible();
  await expect(page.locator('.inspector__calls')).toContainText('cmi.interactions.0.learner_response');

  const file = join(dev.dir, 'content/sample/friend-request.md');
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
  await expect(frame.getByText('content/sample/friend-request.md:30:11: unknown rating "bestt"')).toBeVisible();

  // Fixed: back to the scenario being edited, which only the kept first answer leads to.
  writeFileSync(file, original);
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText('A friend request from a former patient');
});

test('the inspector opens any scenario without recording an answer', async ({ page }) => {
  await page.goto(`${dev.base}/`);
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
