/**
 * Publishing a new version safely (issue 21): a released id cannot silently disappear, and a
 * learner part way through whose answer a new version retired is told what to redo. Runs the
 * dev preview on a copy of the sample, so the test can release, edit and rebuild it.
 */
import AxeBuilder from '@axe-core/playwright';
import { releaseModule } from '../../src/compiler/release.js';
import { WCAG_TAGS } from './a11y-helpers.js';
import { startDevServer, type DevServer } from './dev-server.js';
import { test, expect } from './helpers.js';

let dev: DevServer;
test.beforeAll(async () => {
  dev = await startDevServer('publish', 1000, (dir) => {
    // Version 1.0.0 goes to learners: its ids are recorded in published.yaml.
    expect(releaseModule(dir, 'sample', '2026-12-04')).toContain('released version 1.0.0');
  });
});
test.afterAll(() => dev?.stop());

test('a renamed published choice is refused until retired; the learner who picked it is told to answer again', async ({
  page,
}) => {
  await page.goto(`${dev.base}/`);
  const frame = page.frameLocator('#sco');
  await frame.getByRole('button', { name: 'Start' }).click();
  await frame.getByLabel('Ask Priya to crop the patient board out of the photo').check();
  await frame.getByRole('button', { name: 'Submit answer' }).click();
  await expect(frame.getByText('Progress saved')).toBeVisible();

  // The author renames the choice the learner picked: the build refuses it and says how to retire it.
  dev.edit('content/sample/ward-selfie.md', (t) => t.replace('- id: crop-photo', '- id: crop-board'));
  await expect(frame.getByRole('heading', { name: 'The content has errors' })).toBeVisible();
  await expect(
    frame.getByText('the choice "crop-photo" of "ward-selfie" was published in version 1.0.0 and is gone'),
  ).toBeVisible();

  // Retired, with the major version that retiring needs: it builds again.
  dev.edit('modules/sample/published.yaml', (t) =>
    t.replace('retired: {}', 'retired:\n  ward-selfie/crop-photo: retired'),
  );
  dev.edit('modules/sample/module.yaml', (t) => t.replace('version: 1.0.0', 'version: 2.0.0'));

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
