/** The compiled course model: what src/compiler produces and the SCO consumes. Pure data. */
import type { Group, Nation, TailoredSource } from './profile.js';

export type Rating = 'best' | 'acceptable' | 'wrong';

/** Actions a learner can take on a social media block. */
export const ACTIONS = [
  'reply',
  'repost',
  'quote',
  'like',
  'share',
  'report',
  'hide',
  'delete',
  'screenshot',
  'leave',
  'accept',
  'decline',
  'open',
  'forward',
] as const;
export type Action = (typeof ACTIONS)[number];

export interface Choice {
  /** Author's stable id, kebab-case (`repost-with-comment`). */
  id: string;
  /** The id as reported to the LMS: letters, digits and `_` only (`repost_with_comment`). */
  responseId: string;
  /** Two-character resume key, stable for the id. */
  key: string;
  /** Inline HTML (sanitised at build). */
  textHtml: string;
  /** Plain text, for accessible names and reports. */
  text: string;
  /** 0..100. */
  score: number;
  rating: Rating;
  /** May hold runs of variants (`<fl-variants>`): show it through tailorHtml (src/core/profile.ts). */
  feedbackHtml: string;
  /** The fallback source; `sources` may hold tailored ones (show it through sourceFor). */
  source: string;
  /** Sources for some profiles only, in the author's order: the first that matches wins. */
  sources?: TailoredSource[];
  next?: string;
  action?: Action;
  target?: string;
  /** What happens next, shown once the choice is submitted and before its feedback: prose and social blocks. */
  consequence?: Part[];
}

/** A choice's words: what a language pack or a translation carries for it. */
export interface ChoiceText {
  textHtml: string;
  text: string;
  feedbackHtml: string;
  source: string;
  sources?: TailoredSource[];
  consequence?: Part[];
}

export interface ThreadReply {
  author: string;
  handle?: string;
  time: string;
  textHtml: string;
}
export interface ChatMessage {
  from: string;
  time: string;
  textHtml: string;
  image?: string;
  alt?: string;
}

export type Block =
  | {
      kind: 'post';
      id: string;
      author: string;
      handle: string;
      time: string;
      textHtml: string;
      image?: string;
      alt?: string;
      replies?: number;
      reposts?: number;
      likes?: number;
      thread: ThreadReply[];
    }
  | {
      kind: 'page-post';
      id: string;
      page: string;
      time: string;
      textHtml: string;
      image?: string;
      alt?: string;
      likes?: number;
      shares?: number;
      comments: ThreadReply[];
    }
  | { kind: 'chat'; id: string; group: string; members: string[]; messages: ChatMessage[] }
  | { kind: 'request'; id: string; from: string; handle: string; textHtml: string; mutual?: number }
  | {
      kind: 'message';
      id: string;
      messageKind: 'email' | 'direct';
      from: string;
      to?: string;
      subject?: string;
      time: string;
      textHtml: string;
    };

/** A piece of the situation: either prose (HTML, which may hold runs of variants) or a social media block. */
export type Part = { kind: 'html'; html: string } | Block;

/** A scenario's words in another language; structure, scores and branches stay the English file's. */
export interface ScenarioText {
  title: string;
  situation: Part[];
  question: string;
  choices: Record<string, ChoiceText>;
  /** Drafted by a machine; a speaker of the language must review it. */
  machineTranslated: boolean;
}

/** The module's own words in another language. */
export interface CourseText {
  title: string;
  introHtml: string;
  summaryHtml: string;
  objectives: Record<string, string>;
  machineTranslated: boolean;
}

export interface Scenario {
  id: string;
  /** Three-character resume key, stable for the id. */
  key: string;
  title: string;
  objective: string;
  reviewBy?: string;
  /** 'one': pick one choice; 'many': pick every item that applies (a feed). */
  select: 'one' | 'many';
  situation: Part[];
  question: string;
  choices: Choice[];
  /** Default next step whatever was chosen. */
  next?: string;
  /** Source file, relative to the project root, for messages. */
  file: string;
  /** Translations by language code ('cy'). */
  translations?: Record<string, ScenarioText>;
}

export interface Objective {
  id: string;
  title: string;
}

/** How far the module meets WCAG 2.2 AA, in the words of the Public Sector Bodies Accessibility Regulations 2018. */
export type ComplianceStatus = 'fully-compliant' | 'partially-compliant' | 'not-compliant';

/** The organisation's accessibility statement settings, as module.yaml gives them (defaults: src/core/statement.ts). */
export interface StatementSettings {
  status?: ComplianceStatus;
  /** YYYY-MM-DD */
  prepared?: string;
  /** YYYY-MM-DD */
  reviewed?: string;
  contact?: { name: string; email?: string; phone?: string };
}

export interface Course {
  id: string;
  title: string;
  version: string;
  language: string;
  /** Every language the module offers, the main one first ('en-GB', 'cy'). */
  languages: string[];
  /** The module's own words in each other language. */
  translations: Record<string, CourseText>;
  /** Pass mark in per cent, 1..100. */
  passMark: number;
  estimatedMinutes: number;
  reviewBy?: string;
  organisation?: { name: string };
  /**
   * The nations and staff groups the module asks the learner to choose from (module.yaml
   * `profiles`), in the author's order. Absent: the module asks nothing and tailors nothing.
   */
  profiles?: { nations: Nation[]; groups: Group[] };
  /** May hold runs of variants, as may summaryHtml and a translation's: show them through tailorHtml. */
  introHtml: string;
  summaryHtml: string;
  objectives: Objective[];
  /** Main path, in order. */
  order: string[];
  /** Every scenario reachable in the module, main path first. */
  scenarios: Scenario[];
  /** Short hash of the content that affects resume (ids, keys, order). */
  fingerprint: string;
  /** The accessibility statement's settings from module.yaml. */
  accessibility?: StatementSettings;
  /** Sections of the NMC Code that the feedback cites ('5', '20.10'), for the certificate. */
  nmcCode?: string[];
}

/** Stands for "end of the module" in `next`. */
export const END = 'end';
