/**
 * The modules the LMS offers: every module built into dist/ (dist/<id>/index.html and
 * dist/<id>.json, written by `npm run build`), and for reports the course model from the
 * content (loadCourse), which names each scenario and choice and gives its feedback.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Choice, Course, Scenario } from '../../src/core/model.js';
import { loadCourse } from '../../src/compiler/course.js';

export interface BuiltModule {
  id: string;
  title: string;
  version: string;
  scenarios: { id: string; title: string }[];
}

const ID = /^[a-z][a-z0-9-]*$/;

export class Catalogue {
  private courses = new Map<string, { stamp: number; course: Course | null }>();

  /** `root` holds modules/ and content/; `distDir` the built modules (root/dist by default). */
  constructor(
    private readonly root: string,
    readonly distDir = join(root, 'dist'),
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
        out.push({
          id,
          title: String(meta.title ?? id),
          version: String(meta.version ?? ''),
          scenarios: Array.isArray(meta.scenarios) ? meta.scenarios : [],
        });
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
   * The course model for reports, or null when the content cannot be loaded (it has errors,
   * or the module is no longer in modules/). Cached until dist/<id>.json changes.
   */
  course(id: string): Course | null {
    if (!ID.test(id)) return null;
    let stamp = 0;
    try {
      stamp = statSync(join(this.distDir, `${id}.json`)).mtimeMs;
    } catch {
      /* not built */
    }
    const cached = this.courses.get(id);
    if (cached && cached.stamp === stamp) return cached.course;
    let course: Course | null;
    try {
      course = loadCourse(this.root, id).course;
    } catch {
      course = null;
    }
    this.courses.set(id, { stamp, course });
    return course;
  }

  /** The title of a module, built or not. */
  title(id: string): string {
    return this.module(id)?.title ?? this.course(id)?.title ?? id;
  }
}

/** A scenario and the choices a response names (response ids are `[,]`-separated). */
export function lookupDecision(
  course: Course | null,
  scenarioId: string,
  response: string | null,
): { scenario: Scenario | null; choices: (Choice | string)[] } {
  const scenario = course?.scenarios.find((s) => s.id === scenarioId) ?? null;
  const ids = (response ?? '').split('[,]').filter(Boolean);
  return { scenario, choices: ids.map((rid) => scenario?.choices.find((c) => c.responseId === rid) ?? rid) };
}
