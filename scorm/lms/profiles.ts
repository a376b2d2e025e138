/**
 * The learner's profile as the module reports it (src/core/profile.ts: one `learner-profile`
 * interaction, `<nation>.<group>`), for HR: the names shown, and which of several records counts.
 * In SCORM 1.2 each report is a new interaction, so a learner who changed their profile has
 * several: the last one recorded wins. It is never a decision.
 */
import {
  GROUPS,
  NATIONS,
  parseProfileResponse,
  PROFILE_INTERACTION,
  type Group,
  type Nation,
  type Profile,
} from '../../src/core/profile.js';

import { en } from '../../src/components/strings.js';

export { GROUPS, NATIONS, PROFILE_INTERACTION, type Group, type Nation, type Profile };

/** The nations as the module names them to the learner (its English strings). */
export const NATION_LABELS: Record<Nation, string> = en.nations;

/** Staff groups in HR's shorter words (the module's own are longer: "Other staff, for example admin…"). */

export const GROUP_LABELS: Record<Group, string> = {
  'nursing-midwifery': 'Nursing and midwifery',
  medical: 'Medical',
  'allied-health': 'Allied health professions',
  pharmacy: 'Pharmacy',
  other: 'Other staff',
};

/** "Wales, nursing and midwifery": how a profile reads in a table cell or a CSV column. */
export const profileLabel = (p: Profile | null): string =>
  p ? `${NATION_LABELS[p.nation]}, ${GROUP_LABELS[p.group].toLowerCase()}` : '';

/** True for the interaction that carries the profile: reports of decisions leave it out. */
export const isProfileInteraction = (i: { interaction_id: string }): boolean =>
  i.interaction_id === PROFILE_INTERACTION;

/**
 * The profile that counts among a learner's records, given in the order they were recorded
 * (attempt by attempt, then by interaction index): the last one that names a known profile.
 */
export function latestProfile(records: readonly { response: string | null }[]): Profile | null {
  for (let i = records.length - 1; i >= 0; i--) {
    const profile = parseProfileResponse(records[i]!.response ?? '');
    if (profile) return profile;
  }
  return null;
}
