/**
 * The modules the LMS offers, and what its reports know of each version of them.
 *
 * Offered: every module built into dist/ (dist/<id>/index.html and dist/<id>.json, written by
 * `npm run build`). Reported: the build also writes dist/<id>.report.json (titles, choices,
 * feedback, sources, the answer key: src/core/report-data.ts). The LMS copies each distinct
 * report file it meets into its database, keyed by its hash, and an attempt remembers the one
 * it was launched on, so an old attempt is reported against the content it was taken in,
 * whatever is in dist/ today, and a module whose content no longer builds keeps its names.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPORT_FORMAT, type ReportChoice, type ReportData, type ReportScenario } from '../../src/core/report-data.js';
import type { Attempt, Store } from './store.js';

export interface BuiltModule {
  id: string;
  title: string;
  version: string;
}

const ID = /^[a-z][a-z0-9-]*$/;

/** A report file as the LMS trusts it: the shape it reads, or null. */
export function parseReport(text: string): ReportData | null {
  try {
    const data = JSON.parse(text) as Partial<ReportData>;
    const ok =
      data.format === REPORT_FORMAT &&
      typeof data.id === 'string' &&
      typeof data.version === 'string' &&
      typeof data.title === 'string' &&
      typeof data.passMark === 'number' &&
      Array.isArray(data.order) &&
      Array.isArray(data.scenarios) &&
      data.scenarios.every((s: Partial<ReportScenario>) => typeof s.id === 'string' && Array.isArray(s.choices));
    return ok ? (data as ReportData) : null;
  } catch {
    return null;
  }
}

export class Catalogue {
  /** Parsed builds by hash: a build never changes, so this never goes stale. */
  private builds = new Map<string, ReportData | null>();
  /** The hash of each module's report file in dist/, until the file changes. */
  private current = new Map<string, { stamp: number; hash: string | null }>();

  constructor(
    readonly distDir: string,
    private readonly store: Store,
  ) {}

  /** Built modules, by title. Read afresh each time, so a rebuild shows without a restart. */
  modules(): BuiltModule[] {
    const dist = this.distDir;
    if (!existsSync(dist)) return [];
    const out: BuiltModule[] = [];
    for (const f of readdirSync(dist)) {
      const id = f.slice(0, -5);
      if (!f.endsWith('.json') || !ID.test(id) || !existsSync(join(dist, id, 'index.html'))) continue;
      try {
        const meta = JSON.parse(readFileSync(join(dist, f), 'utf8')) as Partial<BuiltModule>;
        if (meta.id !== id) continue;
        out.push({ id, title: String(meta.title ?? id), version: String(meta.version ?? '') });
      } catch {
        // A half-written file during a build: skip it this time.
      }
    }
    return out.sort((a, b) => a.title.localeCompare(b.title));
  }

  module(id: string): BuiltModule | undefined {
    return this.modules().find((m) => m.id === id);
  }

  /**
   * The hash of the module's build in dist/ now, kept in the database the first time it is
   * seen; null when the module has no report file (built before reports had one).
   */
  async currentBuild(id: string): Promise<string | null> {
    if (!ID.test(id)) return null;
    const file = join(this.distDir, `${id}.report.json`);
    let stamp: number;
    try {
      stamp = statSync(file).mtimeMs;
    } catch {
      return null;
    }
    const known = this.current.get(id);
    if (known && known.stamp === stamp) return known.hash;
    let hash: string | null = null;
    try {
      const text = readFileSync(file, 'utf8');
      const data = parseReport(text);
      if (data && data.id === id) {
        hash = createHash('sha256').update(text).digest('hex');
        await this.store.keepBuild(hash, id, data.version, text);
        this.builds.set(hash, data);
      }
    } catch {
      /* being rewritten by a build: try again next time */
    }
    this.current.set(id, { stamp, hash });
    return hash;
  }

  /** Copies every built module's report data into the database (at start). */
  async keepCurrentBuilds(): Promise<void> {
    for (const m of this.modules()) await this.currentBuild(m.id);
  }

  async build(hash: string): Promise<ReportData | null> {
    if (!this.builds.has(hash)) {
      const text = await this.store.buildData(hash);
      this.builds.set(hash, text === undefined ? null : parseReport(text));
    }
    return this.builds.get(hash) ?? null;
  }

  /**
   * What an attempt was taken on: its own build; for attempts from before builds were kept,
   * the newest kept build of its version.
   */
  async forAttempt(attempt: Pick<Attempt, 'build' | 'module_id' | 'module_version'>): Promise<ReportData | null> {
    if (attempt.build) return this.build(attempt.build);
    await this.currentBuild(attempt.module_id);
    const hash = await this.store.latestBuild(attempt.module_id, attempt.module_version);
    return hash ? this.build(hash) : null;
  }

  /** The newest a module's reports know: today's build, or the last one kept. */
  async latest(id: string): Promise<ReportData | null> {
    const hash = (await this.currentBuild(id)) ?? (await this.store.latestBuild(id));
    return hash ? this.build(hash) : null;
  }

  /** The title of a module, built or not. */
  async title(id: string): Promise<string> {
    return this.module(id)?.title ?? (await this.latest(id))?.title ?? id;
  }
}

/** A scenario and the choices a response names (response ids are `[,]`-separated). */
export function lookupDecision(
  data: ReportData | null,
  scenarioId: string,
  response: string | null,
): { scenario: ReportScenario | null; choices: (ReportChoice | string)[] } {
  const scenario = data?.scenarios.find((s) => s.id === scenarioId) ?? null;
  const ids = (response ?? '').split('[,]').filter(Boolean);
  return { scenario, choices: ids.map((rid) => scenario?.choices.find((c) => c.responseId === rid) ?? rid) };
}
