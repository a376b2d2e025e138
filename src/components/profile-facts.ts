/**
 * What follows from the learner's profile, as the results and the certificate show it: where
 * they work, their staff group, their nation's Speak Up route and the body outside their
 * employer, and their professional code. Also the guidance the module cites for their group.
 */
import { html, nothing } from 'lit';
import type { Course } from '../core/model.js';
import { matches, type Profile } from '../core/profile.js';
import { localScenario } from './i18n.js';
import type { Strings } from './strings.js';

/** The facts as a description list (nothing without a profile). */
export function profileFacts(profile: Profile | undefined, t: Strings) {
  if (!profile) return nothing;
  const nation = t.nations[profile.nation];
  return html`<dl class="profile-facts" data-profile-facts>
    <dt>${t.profileWhere}</dt><dd>${nation}</dd>
    <dt>${t.profileStaffGroup}</dt><dd>${t.groups[profile.group]}</dd>
    <dt>${t.speakUpRouteFor(nation)}</dt><dd>${t.speakUpRoutes[profile.nation]}</dd>
    <dt>${t.prescribedBodyFor(nation)}</dt><dd>${t.prescribedBodies[profile.nation]}</dd>
    <dt>${t.professionalCode}</dt><dd>${t.professionalCodes[profile.group]}</dd>
  </dl>`;
}

/** The tailored sources the module cites for this profile, in the learner's language, each once. */
export function citedForProfile(course: Course, profile: Profile, language: string): string[] {
  const cited = new Set<string>();
  for (const s of course.scenarios) {
    for (const c of localScenario(course, s, language).scenario.choices) {
      const tailored = c.sources?.find((source) => matches(source.for, profile));
      if (tailored) cited.add(tailored.text);
    }
  }
  return [...cited];
}
