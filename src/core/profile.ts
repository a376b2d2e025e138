/**
 * Who is taking the module: the nation they work in and their staff group. Content can be
 * tailored to a profile; scoring never depends on it (the same choice is right or wrong for
 * everyone, with the same interaction ids and responses).
 *
 * Compiled form (what src/compiler writes and the SCO reads):
 * - Prose (situation parts, feedback, introduction, summary): a run of variants is one
 *   `<fl-variants>` element holding `<fl-when for="…">` children in the author's order, the
 *   fallback last with `for=""`. The build makes this markup and nothing else may: markdown's
 *   raw HTML is refused, and variants do not nest.
 * - A choice's source: `source` is the fallback; `sources` lists the tailored ones in order.
 *
 * A `for` list holds nation and group names separated by spaces. It matches a profile when
 * the profile's nation is among its nations (or it names none) and the profile's group is
 * among its groups (or it names none). The first matching variant wins; else the fallback.
 */

export const NATIONS = ['england', 'wales', 'scotland', 'northern-ireland'] as const;
export type Nation = (typeof NATIONS)[number];

export const GROUPS = ['nursing-midwifery', 'medical', 'allied-health', 'pharmacy', 'other'] as const;
export type Group = (typeof GROUPS)[number];

export interface Profile {
  nation: Nation;
  group: Group;
}

/** The names a variant applies to: a `for` list. */
export type VariantFor = readonly string[];

/** A source that applies to some profiles only. */
export interface TailoredSource {
  for: VariantFor;
  text: string;
}

export function isNation(name: string): name is Nation {
  return (NATIONS as readonly string[]).includes(name);
}

export function isGroup(name: string): name is Group {
  return (GROUPS as readonly string[]).includes(name);
}

/** Whether a `for` list applies to the profile (no profile: only the fallback applies). */
export function matches(names: VariantFor, profile: Profile | undefined): boolean {
  if (names.length === 0) return true;
  if (!profile) return false;
  const nations = names.filter(isNation);
  const groups = names.filter(isGroup);
  return (
    (nations.length === 0 || nations.includes(profile.nation)) &&
    (groups.length === 0 || groups.includes(profile.group))
  );
}

const VARIANTS = /<fl-variants>([\s\S]*?)<\/fl-variants>/g;
const WHEN = /<fl-when for="([^"]*)">([\s\S]*?)<\/fl-when>/g;

/** Compiled HTML with each run of variants replaced by the one that applies to the profile. */
export function tailorHtml(html: string, profile: Profile | undefined): string {
  if (!html.includes('<fl-variants>')) return html;
  return html.replace(VARIANTS, (_, inner: string) => {
    for (const [, names, body] of inner.matchAll(WHEN)) {
      if (matches(names!.split(' ').filter(Boolean), profile)) return body!;
    }
    return '';
  });
}

/** The source a choice cites for this profile. */
export function sourceFor(choice: { source: string; sources?: readonly TailoredSource[] }, profile?: Profile): string {
  return choice.sources?.find((s) => matches(s.for, profile))?.text ?? choice.source;
}

/**
 * How the profile reaches the LMS: one interaction with this id, type `fill-in`, no result
 * and no weighting, whose response is `<nation>.<group>` with hyphens written as `_`
 * (`northern_ireland.nursing_midwifery`), so it keeps to the alphabet every LMS accepts.
 * It is not a decision: scoring, the result check and decision reports leave it out.
 */
export const PROFILE_INTERACTION = 'learner-profile';

export function profileResponse(profile: Profile): string {
  return `${profile.nation}.${profile.group}`.replace(/-/g, '_');
}

/** The profile a `learner-profile` response names, or undefined when it names none we know. */
export function parseProfileResponse(response: string): Profile | undefined {
  const [nation = '', group = ''] = response.replace(/_/g, '-').split('.');
  return isNation(nation) && isGroup(group) ? { nation, group } : undefined;
}
