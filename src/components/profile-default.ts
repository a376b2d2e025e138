/**
 * The profile the question starts with, so that it never shows an error: the learner's saved
 * profile, else what the launch says of them, else Wales for the Welsh interface, else the
 * first nation and group the module offers. No Lit here: the first screen uses it too.
 *
 * What the launch can say: the SCO's address may carry `nation` and `staff_group` (the local
 * LMS can add them from the learner's account). A staff group is read in plain words too
 * ("Nursing and midwifery", "Admin and clerical" = other).
 */
import type { Course } from '../core/model.js';
import { isGroup, isNation, type Group, type Nation, type Profile } from '../core/profile.js';

/** What the launch says of the learner's nation and staff group, if anything. */
export interface ProfileHint {
  nation?: Nation;
  group?: Group;
}

const GROUP_WORDS: [RegExp, Group][] = [
  [/nurs|midwi/i, 'nursing-midwifery'],
  [/medic|doctor/i, 'medical'],
  [/allied|ahp|therap|radiograph|paramedic|dietit|podiatr/i, 'allied-health'],
  [/pharm/i, 'pharmacy'],
];

/** A staff group from a name or plain words; any other words are staff without a regulator ('other'). */
export function groupFromWords(words: string): Group | undefined {
  const text = words.trim().toLowerCase();
  if (!text) return undefined;
  if (isGroup(text)) return text;
  return GROUP_WORDS.find(([re]) => re.test(text))?.[1] ?? 'other';
}

/** The hint in the SCO's address (`?nation=wales&staff_group=Nursing%20and%20midwifery`). */
export function hintFromAddress(search: string): ProfileHint {
  const params = new URLSearchParams(search);
  const nation = (params.get('nation') ?? '').trim().toLowerCase().replace(/\s+/g, '-');
  const group = groupFromWords(params.get('staff_group') ?? '');
  return { ...(isNation(nation) ? { nation } : {}), ...(group ? { group } : {}) };
}

/** The profile the question starts with (undefined when the module offers none). */
export function defaultProfile(
  course: Pick<Course, 'profiles'>,
  language: string,
  saved: Profile | undefined,
  hint: ProfileHint = {},
): Profile | undefined {
  const offered = course.profiles;
  if (!offered?.nations[0] || !offered.groups[0]) return undefined;
  const welsh: Nation | undefined = language.slice(0, 2).toLowerCase() === 'cy' ? 'wales' : undefined;
  const nation = [saved?.nation, hint.nation, welsh].find((n): n is Nation => !!n && offered.nations.includes(n));
  const group = [saved?.group, hint.group].find((g): g is Group => !!g && offered.groups.includes(g));
  return { nation: nation ?? offered.nations[0], group: group ?? offered.groups[0] };
}
