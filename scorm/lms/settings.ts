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

  get(moduleId: string): ModuleSetting {
    const row = this.db.prepare('SELECT live, scorm_version FROM module_settings WHERE module_id = ?').get(moduleId) as
      { live: number; scorm_version: Version } | undefined;
    return row ? { live: row.live === 1, scormVersion: row.scorm_version } : defaultSetting(moduleId);
  }

  set(moduleId: string, setting: ModuleSetting): void {
    this.db
      .prepare(
        `INSERT INTO module_settings (module_id, live, scorm_version, updated_at) VALUES (?, ?, ?, ?)
        ON CONFLICT (module_id) DO UPDATE SET live = excluded.live, scorm_version = excluded.scorm_version, updated_at = excluded.updated_at`,
      )
      .run(moduleId, setting.live ? 1 : 0, setting.scormVersion, new Date().toISOString());
  }

  isLive(moduleId: string): boolean {
    return this.get(moduleId).live;
  }
}
