import { describe, expect, it } from 'vitest';
import { citedCodeSections, codeThemes } from '../../../src/core/nmc-code.js';
import type { Scenario } from '../../../src/core/model.js';

const scenario = (...sources: string[]) => ({ choices: sources.map((source) => ({ source })) }) as unknown as Scenario;

describe('the NMC Code sections a module cites', () => {
  it('are found in any of the ways sources write them, once each, in the order of the Code', () => {
    const sections = citedCodeSections([
      scenario('NMC Code, 20.10; UK GDPR, Article 9', 'NMC Code, section 5; NMC Code, 16.1'),
      scenario('GMC, Using social media as a medical professional (2024); NMC Code, section 5.1', 'NMC Code, 20.2'),
      scenario('NMC Code, 14', 'nmc code sections 20.6', 'NMC Code, section 5'),
      scenario('NMC Code, paragraph 5.3; NMC Code, paragraph 21.5'),
    ]);
    expect(sections).toEqual(['5', '5.1', '5.3', '14', '16.1', '20.2', '20.6', '20.10', '21.5']);
  });

  it('are found in sources tailored to a staff group as well as in the fallback', () => {
    const tailored = {
      choices: [
        {
          source: "your employer's speaking-up policy",
          sources: [
            { for: ['nursing-midwifery'], text: 'NMC Code, section 14; NMC Code, 16.1' },
            { for: ['medical'], text: 'GMC, Good medical practice (2024), on raising concerns' },
          ],
        },
      ],
    } as unknown as Scenario;
    expect(citedCodeSections([tailored, scenario('NMC Code, 20.6')])).toEqual(['14', '16.1', '20.6']);
  });

  it('ignores other codes and NMC guidance that has no section', () => {
    expect(
      citedCodeSections([
        scenario('Caldicott principle 4', 'NMC, guidance on using social media responsibly', 'HCPC 2.7'),
      ]),
    ).toEqual([]);
  });

  it("fall under the Code's four themes", () => {
    expect(codeThemes(['5', '14', '16.1', '20.10'])).toEqual(['people', 'safety', 'trust']);
    expect(codeThemes(['6', '12'])).toEqual(['practice']);
  });
});
