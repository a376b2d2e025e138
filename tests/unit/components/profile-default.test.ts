import { describe, expect, it } from 'vitest';
import { defaultProfile, groupFromWords, hintFromAddress } from '../../../src/components/profile-default.js';
import { GROUPS, NATIONS } from '../../../src/core/profile.js';

const ALL = { profiles: { nations: [...NATIONS], groups: [...GROUPS] } };
const SOME = { profiles: { nations: ['scotland' as const, 'england' as const], groups: ['medical' as const] } };

describe('defaultProfile: the question never starts empty', () => {
  it('is the first nation and group offered for a new learner in English', () => {
    expect(defaultProfile(ALL, 'en-GB', undefined)).toEqual({ nation: 'england', group: 'nursing-midwifery' });
    expect(defaultProfile(SOME, 'en-GB', undefined)).toEqual({ nation: 'scotland', group: 'medical' });
  });

  it('is Wales in the Welsh interface, where the module offers Wales', () => {
    expect(defaultProfile(ALL, 'cy', undefined)).toEqual({ nation: 'wales', group: 'nursing-midwifery' });
    expect(defaultProfile(SOME, 'cy', undefined)?.nation).toBe('scotland');
  });

  it("prefers the learner's saved profile, then what the launch says, to the language", () => {
    const saved = { nation: 'england', group: 'pharmacy' } as const;
    expect(defaultProfile(ALL, 'cy', saved, { nation: 'scotland', group: 'medical' })).toEqual(saved);
    expect(defaultProfile(ALL, 'cy', undefined, { nation: 'scotland', group: 'medical' })).toEqual({
      nation: 'scotland',
      group: 'medical',
    });
    expect(defaultProfile(ALL, 'cy', undefined, { group: 'other' })).toEqual({ nation: 'wales', group: 'other' });
  });

  it('ignores a saved or hinted value the module does not offer', () => {
    expect(defaultProfile(SOME, 'en', { nation: 'wales', group: 'pharmacy' })).toEqual({
      nation: 'scotland',
      group: 'medical',
    });
  });

  it('is nothing for a module that offers no profiles', () => {
    expect(defaultProfile({}, 'cy', undefined)).toBeUndefined();
  });
});

describe('the launch hint in the SCO address', () => {
  it('reads names and plain words, and leaves out what it cannot read', () => {
    expect(hintFromAddress('?nation=wales&staff_group=medical')).toEqual({ nation: 'wales', group: 'medical' });
    expect(hintFromAddress('?nation=Northern%20Ireland&staff_group=Nursing%20and%20midwifery')).toEqual({
      nation: 'northern-ireland',
      group: 'nursing-midwifery',
    });
    expect(hintFromAddress('?nation=atlantis')).toEqual({});
    expect(hintFromAddress('')).toEqual({});
  });

  it('takes a staff group in words as the group it names, and any other as other staff', () => {
    expect(groupFromWords('Allied health professionals')).toBe('allied-health');
    expect(groupFromWords('Pharmacy technician')).toBe('pharmacy');
    expect(groupFromWords('Doctors in training')).toBe('medical');
    expect(groupFromWords('Admin and clerical')).toBe('other');
    expect(groupFromWords('  ')).toBeUndefined();
  });
});
