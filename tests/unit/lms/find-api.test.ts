import { describe, expect, it } from 'vitest';
import { findApi } from '../../../src/lms/find-api.js';

/** Plain objects standing in for windows: `parent` defaults to the window itself (a top window). */
interface FakeWindow {
  parent?: FakeWindow;
  opener?: FakeWindow | null;
  API?: unknown;
  API_1484_11?: unknown;
  name: string;
}

function win(name: string, props: Partial<FakeWindow> = {}): FakeWindow {
  const w: FakeWindow = { name, opener: null, ...props };
  if (!('parent' in props)) w.parent = w;
  return w;
}
const api2004 = () => ({
  Initialize: () => 'true',
  Terminate: () => 'true',
  GetValue: () => '',
  SetValue: () => 'true',
  Commit: () => 'true',
  GetLastError: () => '0',
  GetErrorString: () => '',
  GetDiagnostic: () => '',
});
const api12 = () => ({
  LMSInitialize: () => 'true',
  LMSFinish: () => 'true',
  LMSGetValue: () => '',
  LMSSetValue: () => 'true',
  LMSCommit: () => 'true',
  LMSGetLastError: () => '0',
  LMSGetErrorString: () => '',
  LMSGetDiagnostic: () => '',
});

/** A window the browser will not let us read: every property access throws, like a cross-origin frame. */
function crossOrigin(readableParent?: FakeWindow): FakeWindow {
  return new Proxy({} as FakeWindow, {
    get(_target, prop) {
      if (prop === 'parent' && readableParent) return readableParent;
      throw new DOMException(
        `Blocked a frame from accessing property "${String(prop)}" of a cross-origin frame.`,
        'SecurityError',
      );
    },
    has() {
      throw new DOMException('Blocked a frame from accessing a cross-origin frame.', 'SecurityError');
    },
  });
}
const find = (w: FakeWindow) => findApi(w as unknown as Window);

describe('findApi', () => {
  it('finds the API in the window itself', () => {
    const api = api2004();
    expect(find(win('sco', { API_1484_11: api }))).toEqual({ version: '2004', api });
    const old = api12();
    expect(find(win('sco', { API: old }))).toEqual({ version: '1.2', api: old });
  });

  it('prefers the SCORM 2004 API when a window has both', () => {
    const api = api2004();
    const found = find(win('lms', { API: api12(), API_1484_11: api }));
    expect(found?.version).toBe('2004');
    expect(found?.api).toBe(api);
  });

  it('finds an API three levels up the parent chain', () => {
    const api = api12();
    const top = win('top', { API: api });
    const frameset = win('frameset', { parent: top });
    const wrapper = win('wrapper', { parent: frameset });
    const sco = win('sco', { parent: wrapper });
    expect(find(sco)).toEqual({ version: '1.2', api });
  });

  it('takes the nearest API up the chain', () => {
    const near = api2004();
    const top = win('top', { API_1484_11: api2004() });
    const middle = win('middle', { parent: top, API_1484_11: near });
    expect(find(win('sco', { parent: middle }))?.api).toBe(near);
  });

  it('finds the API through window.opener when the SCO was opened in a new window', () => {
    const api = api2004();
    const lms = win('lms', { API_1484_11: api });
    expect(find(win('popup', { opener: lms }))).toEqual({ version: '2004', api });
  });

  it("finds the API in the opener's parents", () => {
    const api = api12();
    const lmsTop = win('lms-top', { API: api });
    const lmsFrame = win('lms-frame', { parent: lmsTop });
    expect(find(win('popup', { opener: lmsFrame }))).toEqual({ version: '1.2', api });
  });

  // ADL's discovery algorithm (and LMSs that open the SCO in a popup with a frame inside)
  // use the top window's opener: a frame's own opener is null.
  it("finds the API through the top window's opener when the SCO is a frame inside a popup", () => {
    const api = api12();
    const lms = win('lms', { API: api });
    const popupTop = win('popup', { opener: lms });
    const sco = win('sco', { parent: popupTop });
    expect(find(sco)).toEqual({ version: '1.2', api });
  });

  it('skips a cross-origin frame that throws on property access, without throwing', () => {
    const api = api2004();
    const lms = win('lms', { API_1484_11: api });
    const foreign = crossOrigin(lms);
    const sco = win('sco', { parent: foreign });
    expect(() => find(sco)).not.toThrow();
    expect(find(sco)).toEqual({ version: '2004', api });
  });

  it('stops at a frame whose parent cannot be read, then tries the opener', () => {
    const api = api12();
    const sealed = crossOrigin();
    expect(find(win('sco', { parent: sealed }))).toBeNull();
    const lms = win('lms', { API: api });
    expect(find(win('sco', { parent: sealed, opener: lms }))).toEqual({ version: '1.2', api });
  });

  it('survives an opener that cannot be read', () => {
    const w = win('popup');
    Object.defineProperty(w, 'opener', {
      get() {
        throw new DOMException('Blocked', 'SecurityError');
      },
    });
    expect(() => find(w)).not.toThrow();
    expect(find(w)).toBeNull();
  });

  it('ignores objects named API that are not SCORM APIs', () => {
    expect(find(win('sco', { API: {}, API_1484_11: { Initialize: 'yes' } }))).toBeNull();
    const api = api12();
    expect(find(win('sco', { API_1484_11: {}, API: api }))).toEqual({ version: '1.2', api });
  });

  it('returns null when there is no API anywhere', () => {
    const top = win('top');
    expect(find(win('sco', { parent: win('middle', { parent: top }), opener: win('other') }))).toBeNull();
  });

  it('gives up on a parent chain that never reaches a top window', () => {
    const a = win('a');
    const b = win('b', { parent: a });
    a.parent = b;
    expect(find(a)).toBeNull();
  });
});
