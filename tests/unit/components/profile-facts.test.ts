import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../../src/compiler/course.js';
import { citedForProfile } from '../../../src/components/profile-facts.js';
import { ROOT } from '../../root.js';

describe("the certificate's guidance for a staff group other than nurses and midwives (the flagship)", () => {
  const { course } = loadCourse(ROOT, 'social-media-nhs');

  it('names each of the regulator’s documents once, with the standards cited', () => {
    expect(citedForProfile(course, { nation: 'scotland', group: 'medical' }, 'en-GB')).toEqual([
      'GMC, Using social media as a medical professional',
      'GMC, Good medical practice',
    ]);
    const hcpc = citedForProfile(course, { nation: 'wales', group: 'allied-health' }, 'en-GB');
    expect(hcpc).toHaveLength(1);
    expect(hcpc[0]).toMatch(/^HCPC, Standards of conduct, performance and ethics: \d+(, \d+)*$/);
    expect(citedForProfile(course, { nation: 'england', group: 'pharmacy' }, 'en-GB')).toEqual([
      'GPhC, Standards for pharmacy professionals: 6, 7, 8',
    ]);
  });

  it('reads the Welsh sources the same way, and has nothing for staff without a regulator', () => {
    expect(citedForProfile(course, { nation: 'wales', group: 'allied-health' }, 'cy')).toEqual(
      citedForProfile(course, { nation: 'wales', group: 'allied-health' }, 'en-GB'),
    );
    expect(citedForProfile(course, { nation: 'england', group: 'other' }, 'en-GB')).toEqual([]);
  });
});
