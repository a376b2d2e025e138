/**
 * The published-id lock: modules/<id>/published.yaml records, for each released version,
 * its scenario and choice ids and two hashes (structure and words). Learners' saved answers
 * and the LMS's reports name those ids, so the build refuses to lose one unless the trainer
 * retires it, and refuses to change a released version's content without a new version
 * number, saying which kind of bump the change needs.
 */
import { createHash } from 'node:crypto';
import { parseDocument, type YAMLMap } from 'yaml';
import { z } from 'zod';
import type { Course } from '../core/model.js';
import type { Reporter } from './errors.js';
import { parseYaml } from './yaml-schema.js';

export const PUBLISHED_FILE = 'published.yaml';

const id = z
  .string()
  .regex(/^[a-z][a-z0-9-]*(\/[a-z][a-z0-9-]*)?$/, 'expected "scenario-id" or "scenario-id/choice-id"');
const lockSchema = z.strictObject({
  versions: z
    .array(
      z.strictObject({
        version: z.string(),
        released: z
          .union([z.string(), z.date()])
          .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v)),
        structure: z.string(),
        content: z.string(),
        ids: z.record(z.string(), z.array(z.string())),
      }),
    )
    .default([]),
  retired: z.record(id, z.string()).nullable().default({}),
});
export type Lock = z.infer<typeof lockSchema>;
export type Release = Lock['versions'][number];

// Prefixed, so that YAML never reads a hash of digits as a number.
const hash = (value: unknown) =>
  `sha256-${createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16)}`;

/** What a release records about a course. */
export function releaseOf(course: Course, released: string): Release {
  return {
    version: course.version,
    released,
    // Offering profiles is structure (the module asks a new question and reports it to the LMS);
    // a module without them hashes as it did before profiles existed.
    structure: hash({
      ...(course.profiles ? { profiles: course.profiles } : {}),
      order: course.order,
      objectives: course.objectives.map((o) => o.id),
      passMark: course.passMark,
      scenarios: course.scenarios.map((s) => [
        s.id,
        s.objective,
        s.select,
        s.next ?? '',
        s.choices.map((c) => [c.id, c.score, c.next ?? '', c.action ?? '', c.target ?? '']),
      ]),
    }),
    content: hash({ ...course, version: '', fingerprint: '' }),
    ids: Object.fromEntries(course.scenarios.map((s) => [s.id, s.choices.map((c) => c.id)])),
  };
}

type Bump = 'patch' | 'minor' | 'major';
const BUMPS: Bump[] = ['patch', 'minor', 'major'];
const BUMP_WORDS: Record<Bump, string> = {
  patch: 'a patch (words only: wording, feedback, sources, tailored passages and sources)',
  minor:
    'a minor version (scenarios or choices added, or scores, branches, objectives or the profiles offered changed)',
  major: 'a major version (a published id retired)',
};

const parts = (v: string) => [...v.split('.').map(Number), 0, 0].slice(0, 3) as [number, number, number];
function compare(a: string, b: string): number {
  const [x, y] = [parts(a), parts(b)];
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}
/** The next version of a kind: 1.2.3 → 1.2.4, 1.3.0 or 2.0.0. */
export function bumped(version: string, kind: Bump): string {
  const [major, minor, patch] = parts(version);
  return kind === 'major'
    ? `${major + 1}.0.0`
    : kind === 'minor'
      ? `${major}.${minor + 1}.0`
      : `${major}.${minor}.${patch + 1}`;
}
function bumpBetween(from: string, to: string): Bump | undefined {
  const [a, b] = [parts(from), parts(to)];
  if (b[0] > a[0]) return 'major';
  if (b[0] === a[0] && b[1] > a[1]) return 'minor';
  if (b[0] === a[0] && b[1] === a[1] && b[2] > a[2]) return 'patch';
  return undefined;
}

/** The bump a change from `before` to `now` needs, or undefined when nothing changed. */
function neededBump(before: Release, now: Release, retiredSince: boolean): Bump | undefined {
  if (retiredSince) return 'major';
  if (before.structure !== now.structure) return 'minor';
  if (before.content !== now.content) return 'patch';
  return undefined;
}

/** Where in the files an error about a published id belongs. */
export interface PublishedPlaces {
  /** The scenario's file and the offset of its ## Choices heading, when it still exists. */
  scenario(id: string): { report: Reporter; offset: number } | undefined;
  /** module.yaml's reporter and the offsets of its version and scenarios fields. */
  module: { report: Reporter; version: number; scenarios: number };
}

/** Reads published.yaml (its reporter holds its text); undefined after reporting an error. */
export function parseLock(text: string, report: Reporter): Lock | undefined {
  return parseYaml(text, 0, lockSchema, report, PUBLISHED_FILE);
}

/** Checks the course against its lock. Every problem is reported where the trainer fixes it. */
export function checkPublished(
  course: Course,
  lock: Lock,
  lockReport: Reporter,
  lockText: string,
  at: PublishedPlaces,
): void {
  const retired = lock.retired ?? {};
  const now = releaseOf(course, '');
  const lockOffset = (key: string) => {
    const m = new RegExp(`^\\s*["']?${key.replace(/[/-]/g, '\\$&')}["']?\\s*:`, 'm').exec(lockText);
    return m ? m.index + m[0].search(/\S/) : 0;
  };
  const file = `modules/${course.id}/${PUBLISHED_FILE}`;

  // Every id ever published is still here, or retired (to a replacement that exists, or "retired").
  const published = new Map<string, string>();
  for (const v of lock.versions)
    for (const [sid, choices] of Object.entries(v.ids)) {
      if (!published.has(sid)) published.set(sid, v.version);
      for (const cid of choices) if (!published.has(`${sid}/${cid}`)) published.set(`${sid}/${cid}`, v.version);
    }
  const exists = (key: string) => {
    const [sid, cid] = key.split('/') as [string, string | undefined];
    const s = course.scenarios.find((x) => x.id === sid);
    return !!s && (cid === undefined || s.choices.some((c) => c.id === cid));
  };
  for (const [key, version] of published) {
    if (exists(key) || retired[key] !== undefined || (key.includes('/') && retired[key.split('/')[0]!] !== undefined))
      continue;
    const [sid, cid] = key.split('/') as [string, string | undefined];
    if (cid && !exists(sid)) continue; // the scenario is reported once, not each of its choices
    const place = at.scenario(sid);
    const what = cid ? `the choice "${cid}" of "${sid}"` : `the scenario "${sid}"`;
    const message = `${what} was published in version ${version} and is gone: learners' saved answers and the LMS's reports name it. Put it back (with the same id), or retire it in ${file}: under "retired:", write "${key}: <the id that replaces it>" or "${key}: retired"`;
    if (place && cid) place.report.error(place.offset, message);
    else at.module.report.error(at.module.scenarios, message);
  }
  for (const [key, replacement] of Object.entries(retired)) {
    if (replacement === 'retired') continue;
    const target =
      key.includes('/') && !replacement.includes('/') ? `${key.split('/')[0]}/${replacement}` : replacement;
    if (!exists(target))
      lockReport.error(
        lockOffset(key),
        `"${key}" is retired in favour of "${replacement}", which is not in the module: name an id that exists, or write "retired"`,
      );
  }

  // The version: a released one must be unchanged; a new one must be a big enough step from the latest.
  const latest = [...lock.versions].sort((a, b) => compare(b.version, a.version))[0];
  if (!latest) return;
  const same = lock.versions.find((v) => compare(v.version, course.version) === 0);
  const retiredSince = Object.keys(retired).some(
    (key) =>
      latest.ids[key.split('/')[0]!] &&
      (!key.includes('/') || latest.ids[key.split('/')[0]!]!.includes(key.split('/')[1]!)),
  );
  if (same) {
    const need = neededBump(same, now, false);
    if (need && same === latest) {
      const kind = BUMPS[Math.max(BUMPS.indexOf(need), retiredSince ? 2 : 0)]!;
      at.module.report.error(
        at.module.version,
        `version ${course.version} is published and its content has changed: set version: ${bumped(course.version, kind)}, ${BUMP_WORDS[kind]}, then run npm run release -- ${course.id} when it is published`,
      );
    } else if (need)
      at.module.report.error(
        at.module.version,
        `version ${course.version} is published and is not the latest (${latest.version}): set a version after ${latest.version}`,
      );
    return;
  }
  const step = bumpBetween(latest.version, course.version);
  if (!step) {
    at.module.report.error(
      at.module.version,
      `version ${course.version} is not after the latest published version ${latest.version}: set a later version`,
    );
    return;
  }
  const need = neededBump(latest, now, retiredSince);
  if (need && BUMPS.indexOf(step) < BUMPS.indexOf(need))
    at.module.report.error(
      at.module.version,
      `the change since version ${latest.version} needs ${BUMP_WORDS[need]}: set version: ${bumped(latest.version, need)}`,
    );
}

/** The lock file's text with a release added (comments and the retired list kept as written). */
export function addRelease(lockText: string | undefined, release: Release): string {
  const doc = parseDocument(
    lockText ??
      `# Written by npm run release: the ids learners' saved answers and the LMS's reports use.
# Do not edit the versions by hand. To remove or rename a published id, retire it below:
#   scenario-id: new-scenario-id (or: retired)
#   scenario-id/choice-id: new-choice-id (or: retired)
versions: []
retired: {}
`,
  );
  const versions = doc.get('versions') as { items: unknown[] } | undefined;
  const node = doc.createNode(release);
  for (const list of ((node as YAMLMap).get('ids') as YAMLMap).items) (list.value as { flow: boolean }).flow = true;
  if (versions && Array.isArray(versions.items)) {
    (versions as { flow?: boolean }).flow = false;
    versions.items.push(node);
  } else doc.set('versions', doc.createNode([release]));
  return doc.toString({ lineWidth: 0 });
}
