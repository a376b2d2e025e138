/**
 * Per-module settings an admin chooses: whether learners are offered the module ("live") and
 * which SCORM version it runs in. A module with no saved setting is live in SCORM 2004, except
 * the sample module, which is there to try the LMS out and would otherwise be assigned to every
 * learner and double HR's rows.
 */
import type { Version } from '../strict.js';
import type { Db } from './db.js';

export interface ModuleSetting {
  live: boolean;
  scormVersion: Version;
}

export const SAMPLE_MODULE = 'sample';

export const defaultSetting = (moduleId: string): ModuleSetting => ({
  live: moduleId !== SAMPLE_MODULE,
  scormVersion: '2004',
});

export class ModuleSettings {
  constructor(private readonly db: Db) {}

  async get(moduleId: string): Promise<ModuleSetting> {
    const row = await this.db.k
      .selectFrom('module_settings')
      .select(['live', 'scorm_version'])
      .where('module_id', '=', moduleId)
      .executeTakeFirst();
    return row ? { live: row.live === 1, scormVersion: row.scorm_version } : defaultSetting(moduleId);
  }

  async set(moduleId: string, setting: ModuleSetting): Promise<void> {
    const values = {
      live: setting.live ? 1 : 0,
      scorm_version: setting.scormVersion,
      updated_at: new Date().toISOString(),
    };
    await this.db.k
      .insertInto('module_settings')
      .values({ module_id: moduleId, ...values })
      .onConflict((oc) => oc.column('module_id').doUpdateSet(values))
      .execute();
  }

  async isLive(moduleId: string): Promise<boolean> {
    return (await this.get(moduleId)).live;
  }
}
