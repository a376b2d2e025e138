import { describe, expect, it } from 'vitest';
import { localLmsPage } from '../../../src/components/local-lms.js';

/** A frame whose parent has the given address, or a parent on another origin (reading it throws). */
function frameIn(parentHref: string | 'other-origin'): Pick<Window, 'parent'> {
  const parent =
    parentHref === 'other-origin'
      ? {
          get location(): Location {
            throw new DOMException('Blocked a frame from accessing a cross-origin frame.', 'SecurityError');
          },
        }
      : { location: new URL(parentHref) };
  return { parent: parent as unknown as Window };
}

describe("the local LMS's learning page", () => {
  it("is found when the module runs in the local LMS's launch page", () => {
    expect(localLmsPage(frameIn('http://127.0.0.1:4173/learn/launch/42'))).toBe('http://127.0.0.1:4173/learn');
  });

  it('is not claimed in any other LMS, in the preview player, or when the parent cannot be read', () => {
    expect(localLmsPage(frameIn('https://moodle.example/mod/scorm/player.php?a=1'))).toBeNull();
    expect(localLmsPage(frameIn('http://127.0.0.1:4318/player/?module=sample'))).toBeNull();
    expect(localLmsPage(frameIn('other-origin'))).toBeNull();
  });

  it('is not claimed when the module is the top window', () => {
    const top = {} as { parent: unknown };
    top.parent = top;
    expect(localLmsPage(top as Pick<Window, 'parent'>)).toBeNull();
  });
});
