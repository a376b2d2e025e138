/**
 * The sections of the NMC Code that a module's feedback cites, found in the sources its
 * choices give ("NMC Code, section 5", "NMC Code, 20.10", "NMC Code, paragraph 5.3"), and the Code's four themes
 * they sit under. Pure; the build stores the sections on the course for the certificate.
 */
import type { Scenario } from './model.js';

const CITATION = /\bNMC Code\b[,:]?\s*(?:(?:sections?|paragraphs?)\s*)?(\d{1,2}(?:\.\d{1,2})?)/gi;

/** Orders section numbers as the Code does: 5 before 5.1 before 14 before 20.2 before 20.10. */
function bySection(a: string, b: string): number {
  const [a1 = 0, a2 = 0] = a.split('.').map(Number);
  const [b1 = 0, b2 = 0] = b.split('.').map(Number);
  return a1 - b1 || a2 - b2;
}

/**
 * Every NMC Code section cited in the scenarios' sources (the module's own language), tailored
 * ones included, in the Code's order.
 */
export function citedCodeSections(scenarios: readonly Scenario[]): string[] {
  const found = new Set<string>();
  for (const s of scenarios)
    for (const c of s.choices)
      for (const text of [c.source, ...(c.sources ?? []).map((t) => t.text)])
        for (const m of text.matchAll(CITATION)) if (m[1]) found.add(m[1]);
  return [...found].sort(bySection);
}

export type CodeTheme = 'people' | 'practice' | 'safety' | 'trust';

/** The Code groups its 25 sections under four themes: 1-5, 6-12, 13-19 and 20-25. */
export function codeTheme(section: string): CodeTheme {
  const n = Number.parseInt(section, 10);
  return n <= 5 ? 'people' : n <= 12 ? 'practice' : n <= 19 ? 'safety' : 'trust';
}

/** The themes a list of sections falls under, in the Code's order. */
export function codeThemes(sections: readonly string[]): CodeTheme[] {
  const themes = new Set(sections.map(codeTheme));
  return (['people', 'practice', 'safety', 'trust'] as const).filter((t) => themes.has(t));
}
