/** An admin chooses which modules are live and their SCORM version; learners see the main action they need. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModuleSettings } from '../../../scorm/lms/settings.js';
import { ADMIN_PASSWORD, Client, launch, learner, startLms, type TestLms } from './harness.js';

describe('live modules and their SCORM version', () => {
  let lms: TestLms;
  let admin: Client;
  let ann: Client;

  beforeAll(async () => {
    lms = await startLms();
    // As on a fresh install: the sample is not offered.
    await lms.db.k.deleteFrom('module_settings').execute();
    admin = new Client(lms);
    await admin.signIn('admin', ADMIN_PASSWORD);
    ann = await learner(lms, admin, { name: 'Ann Bell', login: 'ann@example.nhs.uk', group: 'Nursing' });
  }, 60_000);
  afterAll(() => lms.dispose());

  it('does not offer the sample by default, nor give HR a row for it', async () => {
    expect(await new ModuleSettings(lms.db).get('sample')).toEqual({ live: false, scormVersion: '2004' });
    const learn = await ann.get('/learn');
    expect(learn.body).not.toContain('data-module="sample"');
    expect((await ann.post('/learn/sample/launch', { action: 'new' })).status).toBe(404);
    const records = await admin.get('/hr/records');
    expect(records.body).not.toContain('data-module="sample"');
  });

  it('never asks the learner for a SCORM version: the admin sets it per module', async () => {
    await admin.get('/admin/modules');
    const saved = await admin.post('/admin/modules/sample', { live: '1', scorm_version: '1.2' });
    expect(saved.body).toContain('is offered to every learner, in SCORM 1.2.');
    const learn = await ann.get('/learn');
    expect(learn.body).toContain('data-module="sample"');
    expect(learn.body).not.toContain('SCORM version');
    // A learner's form asking for 2004 does not change what the admin chose.
    const l = await launch(ann, 'sample', { version: '2004' });
    expect((await ann.get(`/api/attempts/${l.attempt}`)).json()).toMatchObject({ scormVersion: '1.2' });
  });

  it('after a fail, makes Take again the main button and Review the secondary one', async () => {
    const [attempt] = await lms.store.attemptsOf((await lms.store.userByLogin('ann@example.nhs.uk'))!.id, 'sample');
    await lms.db.k
      .updateTable('attempts')
      .set({ status: 'failed', completed_at: new Date().toISOString(), score_raw: 20 })
      .where('id', '=', attempt!.id)
      .execute();
    const learn = await ann.get('/learn');
    const actions = /<div class="card__actions">([\s\S]*?)<\/div>\s*<\/li>/.exec(learn.body)![1]!;
    const buttons = [...actions.matchAll(/<button class="([^"]+)" type="submit">([^<]+)</g)].map((m) => [m[1], m[2]]);
    expect(buttons).toEqual([
      ['button', 'Take Frontline sample module again'],
      ['button button--secondary', 'Review Frontline sample module'],
    ]);
  });

  it('keeps a module taken down in reach for review, and in the records only for those who took it', async () => {
    await admin.get('/admin/modules');
    await admin.post('/admin/modules/sample', { scorm_version: '2004' });
    const learn = await ann.get('/learn');
    expect(learn.body).toContain('Review Frontline sample module');
    expect(learn.body).not.toContain('Take Frontline sample module again');
    const bo = await learner(lms, admin, { name: 'Bo Chan', login: 'bo@example.nhs.uk' });
    expect((await bo.get('/learn')).body).not.toContain('data-module="sample"');
    const records = await admin.get('/hr/records?module=sample');
    expect(records.body).toContain('data-learner="ann@example.nhs.uk"');
    expect(records.body).not.toContain('data-learner="bo@example.nhs.uk"');
  });
});
