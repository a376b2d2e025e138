import { afterEach, describe, expect, it, vi } from 'vitest';
import { launchLanguage, storeLanguage, storedLanguage } from '../../../src/components/language.js';
import type { Course } from '../../../src/core/model.js';

const course = { id: 'social-media-nhs', language: 'en-GB', languages: ['en-GB', 'cy'] } as Course;

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (k: string) => items.get(k) ?? null,
    key: (i: number) => [...items.keys()][i] ?? null,
    removeItem: (k: string) => void items.delete(k),
    setItem: (k: string, v: string) => void items.set(k, v),
  };
}

afterEach(() => vi.unstubAllGlobals());

describe('launchLanguage', () => {
  it("opens in the module's language when nothing was chosen and the LMS prefers none or one it lacks", () => {
    vi.stubGlobal('localStorage', memoryStorage());
    expect(launchLanguage(course, '')).toBe('en-GB');
    expect(launchLanguage(course, 'fr-FR')).toBe('en-GB');
  });

  it("follows the LMS's preferred language when the module has it", () => {
    vi.stubGlobal('localStorage', memoryStorage());
    expect(launchLanguage(course, 'cy-GB')).toBe('cy');
  });

  it("keeps the learner's own choice on this computer over the LMS's preference", () => {
    vi.stubGlobal('localStorage', memoryStorage());
    storeLanguage(course, 'en-GB');
    expect(storedLanguage(course)).toBe('en-GB');
    expect(launchLanguage(course, 'cy')).toBe('en-GB');
  });

  it('ignores a stored language the module no longer has, and does not then follow the LMS', () => {
    vi.stubGlobal('localStorage', memoryStorage());
    storeLanguage(course, 'gd');
    expect(launchLanguage(course, 'cy')).toBe('en-GB');
  });

  it('works where storage is blocked: the choice is not kept, and nothing throws', () => {
    vi.stubGlobal('localStorage', {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('SecurityError');
      },
    });
    expect(() => storeLanguage(course, 'cy')).not.toThrow();
    expect(storedLanguage(course)).toBe('');
    expect(launchLanguage(course, 'cy')).toBe('cy');
  });
});
