/**
 * scorm-again's API classes, for everything on the LMS side (the launch page, the preview player,
 * tests). Its ESM builds export the classes by name, but its type declarations declare only a
 * default export: take the named export at run time and the declared class for types.
 */
import * as scorm12 from 'scorm-again/scorm12';
import type Scorm12APIClass from 'scorm-again/scorm12';
import * as scorm2004 from 'scorm-again/scorm2004';
import type Scorm2004APIClass from 'scorm-again/scorm2004';

export const Scorm12API = (scorm12 as unknown as { Scorm12API: typeof Scorm12APIClass }).Scorm12API;
export const Scorm2004API = (scorm2004 as unknown as { Scorm2004API: typeof Scorm2004APIClass }).Scorm2004API;
export type { Scorm12APIClass, Scorm2004APIClass };
