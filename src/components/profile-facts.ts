/**
 * What follows from the learner's profile, as the results and the certificate show it: where
 * they work, their staff group, their nation's Speak Up route and the body outside their
 * employer, and their professional code. Also the guidance the module cites for their group.
 */
import { html, nothing } from 'lit';
import type { Course } from '../core/model.js';
import { matches, type Group, type Profile } from '../core/profile.js';
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

/** Each staff group's regulator, as sources name it (staff without one have none). */
const REGULATOR: Partial<Record<Group, string>> = { medical: 'GMC', 'allied-health': 'HCPC', pharmacy: 'GPhC' };

/** Where a source's detail starts: ", on confidentiality", ", standards 5 and 7" (and in Welsh, ", ar …", ", safonau …"). */
const DETAIL = /^(.*?),\s*(on|ar|standards?|safon(?:au)?)\b(.*)$/;

/**
 * The regulator's guidance the module cites for this profile, in the learner's language, one
 * line per document with the standards it cites ("HCPC, Standards of conduct, performance and
 * ethics: 2, 5, 7"), from the tailored sources; none for staff without a regulator.
 */
export function citedForProfile(course: Course, profile: Profile, language: string): string[] {
  const regulator = REGULATOR[profile.group];
  if (!regulator) return [];
  const documents = new Map<string, Set<number>>();
  for (const s of course.scenarios) {
    for (const c of localScenario(course, s, language).scenario.choices) {
      const tailored = c.sources?.find((source) => matches(source.for, profile));
      for (const part of tailored?.text.split(';') ?? []) {
        const text = part.trim();
        if (!text.startsWith(`${regulator},`)) continue;
        const [, head = text, kind = '', rest = ''] = DETAIL.exec(text) ?? [];
        const name = head.replace(/\s*\(\d{4}\)/, '');
        const numbers = documents.get(name) ?? new Set<number>();
        if (/^(standard|safon)/.test(kind)) for (const n of rest.match(/\d+/g) ?? []) numbers.add(Number(n));
        documents.set(name, numbers);
      }
    }
  }
  return [...documents].map(([name, numbers]) =>
    numbers.size ? `${name}: ${[...numbers].sort((a, b) => a - b).join(', ')}` : name,
  );
}
