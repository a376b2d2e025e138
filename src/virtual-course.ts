/**
 * Types for `virtual:course` (tsconfig maps the id here). At build time the Vite plugin
 * in src/compiler supplies the real module; this file is never bundled.
 */
import type { Course } from './core/model.js';

/** One content problem, as the dev server reports it in the page. */
export interface ContentErrorItem {
  file: string;
  line: number;
  col: number;
  message: string;
}

/** The compiled course; null only in the dev server while the content has errors. */
declare const course: Course;
export default course;
/** Content errors (dev server only; always empty in a build). */
export declare const contentErrors: ContentErrorItem[];
