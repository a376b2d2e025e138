/**
 * Tailored passages and sources (tests/fixtures/tailored, laid over the base fixture): what
 * the build compiles, what each learner is shown, and what the check, the reports, the first
 * screen, the sign-off pack and the release lock make of them. Mistakes: tests/fixtures/broken.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent, readingMinutes } from '../../../src/compiler/check.js';
import { loadCourse } from '../../../src/compiler/course.js';
import { firstScreenHtml } from '../../../src/compiler/first-screen.js';
import { analyse } from '../../../src/compiler/graph.js';
import { toSvg } from '../../../src/compiler/map.js';
import { releaseOf } from '../../../src/compiler/published.js';
import { toSignoffHtml, whoSees } from '../../../src/compiler/signoff.js';
import { splitCourse } from '../../../src/core/content.js';
import type { Course, Scenario } from '../../../src/core/model.js';
import { sourceFor, tailorHtml, type Profile } from '../../../src/core/profile.js';
import { reportData } from '../../../src/core/report-data.js';
import { FIXTURES, makeProject } from './fixture.js';

const TAILORED = join(FIXTURES, 'tailored');
const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});
const project = (overlay?: string) => {
  const root = makeProject(overlay);
  roots.push(root);
  return root;
};
const load = (root: string): Course => loadCourse(root, 'base').course;
/** The tailored project with one of its files edited. */
const editedProject = (path: string, edit: (text: string) => string) => {
  const root = project(TAILORED);
  const file = join(root, path);
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  return root;
};
/** A situation's prose, its blocks left out. */
const situationHtml = (s: { situation: Scenario['situation'] }) =>
  s.situation.map((p) => (p.kind === 'html' ? p.html : '')).join('');
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const nurseInWales: Profile = { nation: 'wales', group: 'nursing-midwifery' };
const doctorInScotland: Profile = { nation: 'scotland', group: 'medical' };
const doctorInEngland: Profile = { nation: 'england', group: 'medical' };
const adminInEngland: Profile = { nation: 'england', group: 'other' };

describe('a tailored module', () => {
  const course = load(project(TAILORED));
  const alpha = course.scenarios.find((s) => s.id === 'alpha')!;
  const readIt = alpha.choices.find((c) => c.id === 'read-it')!;
  const situation = situationHtml(alpha);

  it('offers the nations and staff groups module.yaml names', () => {
    expect(course.profiles).toEqual({
      nations: ['england', 'wales', 'scotland', 'northern-ireland'],
      groups: ['nursing-midwifery', 'medical', 'other'],
    });
  });

  it('compiles a run of variants into one <fl-variants>, the fallback last with an empty for', () => {
    expect(situation).toContain(
      '<fl-variants><fl-when for="wales scotland"><p>Your health board wrote it.</p></fl-when><fl-when for="medical"><p>The medical director wrote it.</p></fl-when><fl-when for=""><p>Your trust wrote it.</p></fl-when></fl-variants>',
    );
    expect(readIt.feedbackHtml).toBe(
      '<p>Reading the policy is right.</p>\n<fl-variants><fl-when for="medical scotland"><p>Doctors in Scotland read it <em>first</em>.</p></fl-when><fl-when for=""></fl-when></fl-variants>',
    );
    expect(course.introHtml).toContain('<fl-when for="wales"><p>It follows the NHS Wales policy.</p></fl-when>');
    expect(course.summaryHtml).toMatch(/<fl-when for="scotland"><ul>\s*<li>The National Whistleblowing Standards/);
  });

  it('shows each learner the first variant for them, else the fallback', () => {
    const seen = (p: Profile) => text(tailorHtml(situation, p));
    expect(seen(nurseInWales)).toContain('Your health board wrote it.');
    expect(seen(doctorInScotland)).toContain('Your health board wrote it.'); // the first match wins
    expect(seen(doctorInEngland)).toContain('The medical director wrote it.');
    expect(seen(adminInEngland)).toContain('Your trust wrote it.');
    for (const p of [nurseInWales, doctorInEngland, adminInEngland])
      expect(seen(p)).not.toMatch(/health board.*trust|director.*trust/);
    expect(text(tailorHtml(readIt.feedbackHtml, doctorInScotland))).toBe(
      'Reading the policy is right. Doctors in Scotland read it first .',
    );
    expect(text(tailorHtml(readIt.feedbackHtml, doctorInEngland))).toBe('Reading the policy is right.');
  });

  it('keeps the plain source as the fallback and the tailored ones in order', () => {
    expect(readIt.source).toBe('Code, section 1');
    expect(readIt.sources).toEqual([
      { for: ['medical'], text: 'GMC, Good medical practice' },
      { for: ['nursing-midwifery', 'wales'], text: 'NMC Code, section 16' },
    ]);
    expect(sourceFor(readIt, doctorInScotland)).toBe('GMC, Good medical practice');
    expect(sourceFor(readIt, nurseInWales)).toBe('NMC Code, section 16');
    expect(sourceFor(readIt, { nation: 'england', group: 'nursing-midwifery' })).toBe('Code, section 1');
    expect(alpha.choices.find((c) => c.id === 'post-it')!.sources).toBeUndefined();
  });

  it('counts NMC Code sections cited by tailored sources on the certificate', () => {
    expect(course.nmcCode).toEqual(['16']);
  });

  it("keeps resume keys and the fingerprint: learners' answers do not depend on the variants", () => {
    const plain = load(project());
    expect(course.fingerprint).toBe(plain.fingerprint);
    expect(course.scenarios.map((s) => [s.key, s.choices.map((c) => c.key)])).toEqual(
      plain.scenarios.map((s) => [s.key, s.choices.map((c) => c.key)]),
    );
  });

  it('moves tailored sources with the other words into the scenario pack', () => {
    const split = splitCourse(course);
    expect(split.structure[0]!.choices[0]!.sources).toBeUndefined();
    expect(split.scenarios['alpha']!.choices['read-it']!.sources).toEqual(readIt.sources);
  });

  it('reports the fallback feedback and source to the LMS', () => {
    const choice = reportData(course).scenarios[0]!.choices[0]!;
    expect(choice.feedbackHtml).toBe('<p>Reading the policy is right.</p>\n');
    expect(choice.source).toBe('Code, section 1');
    expect(JSON.stringify(reportData(course))).not.toContain('fl-variants');
  });

  it('draws the first screen with the fallback introduction', () => {
    const html = firstScreenHtml(course);
    expect(html).toContain('It follows your employer&#39;s policy.');
    expect(html).not.toContain('NHS Wales');
    expect(html).not.toContain('fl-when');
  });

  it('shows every variant in the sign-off pack, labelled with who sees it', () => {
    const report = analyse(course);
    const pack = text(toSignoffHtml(course, report, toSvg(course, report)));
    expect(pack).toContain('For Wales or Scotland Your health board wrote it.');
    expect(pack).toContain('For doctors The medical director wrote it.');
    expect(pack).toContain('For everyone else Your trust wrote it.');
    expect(pack).toContain(
      'For doctors in Scotland Doctors in Scotland read it first . For everyone else (nothing: this text is left out)',
    );
    expect(pack).toContain(
      'Source For doctors: GMC, Good medical practice For nurses and midwives in Wales: NMC Code, section 16 For everyone else: Code, section 1',
    );
    expect(pack).toContain('For Wales It follows the NHS Wales policy.');
    expect(pack).toContain('For Scotland The National Whistleblowing Standards.');
  });
});

describe('links written as references', () => {
  it('reach a definition outside the tailored passage, and one inside it reaches text outside', () => {
    const root = editedProject('content/base/alpha.md', (text) =>
      text
        .replace('Your health board wrote it.', 'Your health board wrote it, with [Speaking Up Safely][sus].')
        .replace('Your trust wrote it.', 'Your trust wrote it.\n\n[hr]: https://example.org/hr')
        .replace('on their phone.', 'on their phone. Ask [HR][hr].\n\n[sus]: https://example.org/speak-up'),
    );
    const wales = tailorHtml(situationHtml(load(root).scenarios.find((s) => s.id === 'alpha')!), nurseInWales);
    expect(wales).toMatch(/<a href="https:\/\/example.org\/speak-up"[^>]*>Speaking Up Safely/);
    expect(wales).toMatch(/<a href="https:\/\/example.org\/hr"[^>]*>HR</);
    expect(wales).not.toContain('[');
  });
});

describe('what happens next', () => {
  it('can be tailored, around its social media blocks', () => {
    const root = editedProject('content/base/social.md', (text) =>
      text.replace(
        'Sam answers within a minute.\n',
        'Sam answers within a minute.\n\n::: for scotland\nSam works in Glasgow.\n:::\n\n::: otherwise\nSam works nearby.\n:::\n',
      ),
    );
    const choice = load(root).scenarios.find((s) => s.id === 'social')!.choices[0]!;
    expect(choice.consequence!.map((p) => p.kind)).toEqual(['html', 'post']);
    const html = (choice.consequence![0] as { html: string }).html;
    expect(text(tailorHtml(html, doctorInScotland))).toBe('Sam answers within a minute. Sam works in Glasgow.');
    expect(text(tailorHtml(html, nurseInWales))).toBe('Sam answers within a minute. Sam works nearby.');
  });
});

describe('who sees a variant, in words', () => {
  it('names nations, staff groups or both', () => {
    expect(whoSees(['wales'])).toBe('For Wales');
    expect(whoSees(['medical', 'scotland'])).toBe('For doctors in Scotland');
    expect(whoSees(['pharmacy', 'allied-health', 'england', 'northern-ireland'])).toBe(
      'For pharmacy staff or allied health professionals in England or Northern Ireland',
    );
    expect(whoSees([])).toBe('For everyone else');
  });
});

describe('the content check on a tailored module', () => {
  it('says how many passages and sources are tailored, and for whom', () => {
    const result = checkContent(project(TAILORED), { today: '2026-06-01' });
    expect(result.errors).toBe(0);
    expect(result.modules[0]!.tailoring).toEqual({
      passages: 4,
      sources: 2,
      names: ['wales', 'scotland', 'nursing-midwifery', 'medical'],
    });
  });

  it('times and grades the fallback only, however long the variants', () => {
    const root = project(TAILORED);
    const file = join(root, 'content/base/alpha.md');
    const before = readingMinutes(load(root).scenarios[0]!);
    const long = Array.from({ length: 300 }, () => 'word').join(' ');
    writeFileSync(file, readFileSync(file, 'utf8').replace('The medical director wrote it.', long));
    expect(readingMinutes(load(root).scenarios[0]!)).toBe(before);
  });
});

describe('a Welsh translation of a tailored scenario', () => {
  it('carries its own tailored passages and sources', () => {
    const root = project(TAILORED);
    const yaml = join(root, 'modules/base/module.yaml');
    writeFileSync(
      yaml,
      `${readFileSync(yaml, 'utf8')}languages: [en-GB, cy]
translations:
  cy:
    title: Modiwl
    objectives:
      privacy: Cadw gwybodaeth yn breifat
      conduct: Ymddwyn yn broffesiynol
`,
    );
    const english = readFileSync(join(root, 'content/base/alpha.md'), 'utf8');
    const welsh = english
      .replace('title: Alpha\nobjective: privacy\nreview-by: 2027-01-31\n', 'title: Alffa\n')
      .replace(/^- (rating|score): .*\n/gm, '')
      .replace('GMC, Good medical practice', 'GMC, Arfer meddygol da')
      .replace('Your health board wrote it.', 'Eich bwrdd iechyd a’i ysgrifennodd.');
    writeFileSync(join(root, 'content/base/alpha.cy.md'), welsh);
    for (const name of ['introduction', 'summary'])
      writeFileSync(
        join(root, `modules/base/${name}.cy.md`),
        readFileSync(join(root, `modules/base/${name}.md`), 'utf8'),
      );
    const course = load(root);
    const cy = course.scenarios[0]!.translations!['cy']!;
    expect(cy.choices['read-it']!.sources).toEqual([
      { for: ['medical'], text: 'GMC, Arfer meddygol da' },
      { for: ['nursing-midwifery', 'wales'], text: 'NMC Code, section 16' },
    ]);
    expect(text(tailorHtml(situationHtml(cy), nurseInWales))).toContain('Eich bwrdd iechyd');
    expect(course.translations['cy']!.introHtml).toContain('<fl-when for="wales">');
  });
});

describe('releases', () => {
  it('call tailoring words a patch, and offering profiles a minor version', () => {
    const plain = load(project());
    const tailored = load(project(TAILORED));
    const a = releaseOf(plain, '2026-01-01');
    const b = releaseOf(tailored, '2026-01-01');
    expect(b.content).not.toBe(a.content);
    expect(b.structure).not.toBe(a.structure); // profiles offered: the module asks and reports a new thing
    const { profiles: _, ...withoutProfiles } = tailored;
    expect(releaseOf(withoutProfiles, '2026-01-01').structure).toBe(a.structure); // variants alone: words
  });
});
