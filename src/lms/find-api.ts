/** Finds the LMS's SCORM API the way LMSs expect: up the parents, then the opener and its parents. */
import { API_GLOBAL, METHODS } from '../core/scorm-names.js';

/** The SCORM 2004 API (API_1484_11). */
export interface Api2004 {
  Initialize(arg: string): string | boolean;
  Terminate(arg: string): string | boolean;
  GetValue(element: string): string;
  SetValue(element: string, value: string): string | boolean;
  Commit(arg: string): string | boolean;
  GetLastError(): string | number;
  GetErrorString(code: string): string;
  GetDiagnostic(code: string): string;
}

/** The SCORM 1.2 API (API). */
export interface Api12 {
  LMSInitialize(arg: string): string | boolean;
  LMSFinish(arg: string): string | boolean;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string | boolean;
  LMSCommit(arg: string): string | boolean;
  LMSGetLastError(): string | number;
  LMSGetErrorString(code: string): string;
  LMSGetDiagnostic(code: string): string;
}

export type FoundApi = { version: '2004'; api: Api2004 } | { version: '1.2'; api: Api12 };

const MAX_DEPTH = 10;

/** Reads a property of a window that may be cross-origin; undefined when the browser refuses. */
function read<T>(win: Window, get: (w: Window) => T): T | undefined {
  try {
    return get(win);
  } catch {
    return undefined;
  }
}

function apiIn(win: Window): FoundApi | null {
  const lookup = (version: '2004' | '1.2') =>
    read(win, (w) => {
      const api = (w as unknown as Record<string, Record<string, unknown> | undefined>)[API_GLOBAL[version]];
      return api && typeof api[METHODS[version].init] === 'function' ? api : undefined;
    });
  const api2004 = lookup('2004');
  if (api2004) return { version: '2004', api: api2004 as unknown as Api2004 };
  const api12 = lookup('1.2');
  if (api12) return { version: '1.2', api: api12 as unknown as Api12 };
  return null;
}

/** Searches a window and its parents, nearest first; a 2004 API is preferred at each level. */
function searchUp(start: Window | null | undefined): FoundApi | null {
  let win = start ?? null;
  for (let depth = 0; win && depth <= MAX_DEPTH; depth++) {
    const found = apiIn(win);
    if (found) return found;
    const parent: Window | null | undefined = read(win, (w) => w.parent);
    if (!parent || parent === win) break;
    win = parent;
  }
  return null;
}

/** The highest window reachable by following parents. */
function topmost(win: Window): Window {
  let w = win;
  for (let depth = 0; depth <= MAX_DEPTH; depth++) {
    const parent: Window | null | undefined = read(w, (x) => x.parent);
    if (!parent || parent === w) break;
    w = parent;
  }
  return w;
}

/**
 * Finds the LMS API from `win`: the window itself and its parents, then
 * `window.opener` and its parents, then the top window's opener and its parents (a SCO
 * in a frame inside a popup). Frames the browser will not let us read are skipped.
 */
export function findApi(win: Window): FoundApi | null {
  return (
    searchUp(win) ??
    searchUp(read(win, (w) => w.opener as Window | null)) ??
    searchUp(read(topmost(win), (w) => w.opener as Window | null))
  );
}
