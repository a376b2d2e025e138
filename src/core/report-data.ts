/**
 * What a module version tells an LMS's reports, written by the build beside each module
 * (dist/<id>.report.json): the names of its scenarios and choices, their ratings, feedback
 * and sources, and the answer key (each choice's score and where it leads), so an LMS can
 * report an attempt against the version it was taken in, and score it again from its answers.
 * Pure data; `format` changes when a reader could misread the data.
 */
import type { Course, Rating } from './model.js';
import { correctChoices } from './state.js';
import { tailorHtml } from './profile.js';

export const REPORT_FORMAT = 1;

export interface ReportChoice {
  /** The author's id, as in the SCO's decisions. */
  id: string;
  /** The id the SCO reports in learner_response / student_response. */
  responseId: string;
  text: string;
  rating: Rating;
  /** 0..100: the answer key. */
  score: number;
  /** The fallback of any tailored passage (what a learner with no matching profile reads). */
  feedbackHtml: string;
  /** The fallback source. */
  source: string;
  next: string | null;
}

export interface ReportScenario {
  id: string;
  title: string;
  question: string;
  select: 'one' | 'many';
  next: string | null;
  /** The interaction's weighting, as the SCO reports it. */
  weighting: number;
  /** The response ids of a full-marks answer (the interaction's correct response). */
  correct: string[];
  choices: ReportChoice[];
}

export interface ReportData {
  format: typeof REPORT_FORMAT;
  id: string;
  title: string;
  version: string;
  passMark: number;
  /** The main path. */
  order: string[];
  scenarios: ReportScenario[];
}

export function reportData(course: Course): ReportData {
  return {
    format: REPORT_FORMAT,
    id: course.id,
    title: course.title,
    version: course.version,
    passMark: course.passMark,
    order: course.order,
    scenarios: course.scenarios.map((s) => ({
      id: s.id,
      title: s.title,
      question: s.question,
      select: s.select,
      next: s.next ?? null,
      weighting: 1,
      correct: correctChoices(s).map((c) => c.responseId),
      choices: s.choices.map((c) => ({
        id: c.id,
        responseId: c.responseId,
        text: c.text,
        rating: c.rating,
        score: c.score,
        feedbackHtml: tailorHtml(c.feedbackHtml, undefined),
        source: c.source,
        next: c.next ?? null,
      })),
    })),
  };
}
