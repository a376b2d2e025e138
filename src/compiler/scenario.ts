/** One scenario file: front matter, situation, question and choices. */
import { basename } from 'node:path';
import type { Token, Tokens } from 'marked';
import { z } from 'zod';
import { ACTIONS, type Action, type Choice, type Part, type Rating, type Scenario } from '../core/model.js';
import { CHOICE_KEY_LENGTH, ID_PATTERN, SCENARIO_KEY_LENGTH, responseId, shortKey } from '../core/keys.js';
import { suggest, type Reporter } from './errors.js';
import { ACTIONS_FOR, BLOCK_KINDS, isConsequenceHeading, parseParts, type BlockKind } from './blocks.js';
import { isComment, lex, plainText, renderBlocks, renderInline, type MarkdownContext } from './markdown.js';
import { checkReadingOrder } from './reading-order.js';
import { parseYaml } from './yaml-schema.js';
import { forList, isVariants } from './variants.js';
import type { TailoredSource } from '../core/profile.js';

const idField = z
  .string()
  .regex(
    ID_PATTERN,
    'expected lower case letters, digits and single hyphens, starting with a letter (like "ward-selfie")',
  );
const date = z
  .union([z.string(), z.date()])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))
  .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD'));

const frontMatterSchema = z.strictObject({
  id: idField,
  title: z.string().min(1, 'must not be empty'),
  objective: idField,
  'review-by': date.optional(),
  next: z.string().optional(),
  select: z.enum(['one', 'many']).optional(),
});

const translationFrontSchema = z.strictObject({
  id: idField,
  title: z.string().min(1, 'must not be empty'),
  'machine-translated': z.boolean().optional(),
});

const SECTIONS = ['Situation', 'Question', 'Choices'] as const;
/** Section headings as translators may write them (Welsh). */
const SECTION_ALIASES: Record<string, (typeof SECTIONS)[number]> = {
  situation: 'Situation',
  question: 'Question',
  choices: 'Choices',
  sefyllfa: 'Situation',
  cwestiwn: 'Question',
  dewisiadau: 'Choices',
};
/** Fields a translation may not repeat: they come from the English file. */
const SOURCE_ONLY_FIELDS = ['rating', 'score', 'next', 'action', 'target'];
const CHOICE_FIELDS = ['id', 'rating', 'score', 'source', 'next', 'action', 'target'] as const;
const RATING_SCORES: Record<Rating, number> = { best: 100, acceptable: 50, wrong: 0 };

/** A scenario as parsed from its file, before cross-file checks. */
export interface ParsedScenario {
  scenario: Scenario;
  /** A translation drafted by a machine (translations only). */
  machineTranslated?: boolean;
  /** Offsets in the file, for errors found later (dangling ids and so on). */
  at: {
    id: number;
    objective: number;
    next: number;
    /** The "## Situation" heading. */
    situation: number;
    choices: Map<string, { next: number; target: number; id: number }>;
  };
}

type Item = ReturnType<typeof lex>[number];
type Front = z.infer<typeof frontMatterSchema> & { 'machine-translated'?: boolean };
type ChoiceAt = { next: number; target: number; id: number };

/**
 * Parses a scenario file, or with `translation` a translated one (words only: scores,
 * branches and actions come from the English file). Returns undefined when the file has
 * errors (all reported).
 */
export function parseScenario(
  text: string,
  file: string,
  ctx: MarkdownContext,
  translation = false,
): ParsedScenario | undefined {
  const report = ctx.report;
  const fm = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!fm) {
    report.error(
      0,
      'a scenario starts with front matter: a line "---", the fields id, title and objective, then "---"',
    );
    return undefined;
  }
  const frontText = fm[1]!;
  const front = readFrontMatter(frontText, file, ctx, translation);
  const sections = splitSections(lex(text.slice(fm[0].length), fm[0].length, ctx), ctx);
  for (const name of SECTIONS) {
    if (!sections.has(name))
      report.error(name === 'Situation' ? fm[0].length : text.length, `the scenario needs a "## ${name}" section`);
  }
  const { situation, blocks, blocksFailed } = parseSituation(sections.get('Situation'), ctx);
  const question = parseQuestion(sections.get('Question'), ctx);
  const select = front?.select ?? 'one';
  const { choices, at, groups } = parseChoices(sections.get('Choices'), ctx, translation);
  if (!translation) {
    checkChoiceSet(sections.get('Choices'), groups, choices, at, select, ctx);
    // A block with errors is missing from `blocks`: a choice naming it is not a second mistake.
    if (!blocksFailed) checkActions(choices, at, blocks, ctx);
    checkReadingOrder(sections.get('Situation')?.items ?? [], choices, report);
  }

  if (!front || report.failed) return undefined;
  const fieldOffset = (name: string) => frontFieldOffset(frontText, name);
  return {
    scenario: {
      id: front.id,
      key: shortKey(front.id, SCENARIO_KEY_LENGTH),
      title: front.title,
      objective: front.objective,
      reviewBy: front['review-by'],
      select,
      situation,
      question,
      choices,
      next: front.next,
      file,
    },
    machineTranslated: translation && front['machine-translated'] === true,
    at: {
      id: fieldOffset('id'),
      objective: fieldOffset('objective'),
      next: fieldOffset('next'),
      situation: sections.get('Situation')?.offset ?? 0,
      choices: at,
    },
  };
}

/** Front matter starts after the opening "---" line. */
const FRONT_OFFSET = 4;

function frontFieldOffset(frontText: string, name: string): number {
  const m = new RegExp(`^${name}:`, 'm').exec(frontText);
  return m ? FRONT_OFFSET + m.index : 0;
}

/** The front matter's fields; a translation's lack the structural ones. The id must match the file name. */
function readFrontMatter(
  frontText: string,
  file: string,
  ctx: MarkdownContext,
  translation: boolean,
): Front | undefined {
  const front: Front | undefined = translation
    ? (() => {
        const t = parseYaml(frontText, FRONT_OFFSET, translationFrontSchema, ctx.report, 'the front matter');
        return t && { ...t, objective: '', 'review-by': undefined, next: undefined, select: undefined };
      })()
    : parseYaml(frontText, FRONT_OFFSET, frontMatterSchema, ctx.report, 'the front matter');
  if (front && front.id !== basename(file).replace(/(\.[a-z]{2})?\.md$/, '')) {
    ctx.report.error(
      frontFieldOffset(frontText, 'id'),
      `the id "${front.id}" must match the file name (${basename(file)})`,
    );
  }
  return front;
}

interface Section {
  offset: number;
  items: Item[];
}

/** The body split into its sections by level 2 headings (Welsh names allowed). */
function splitSections(body: Item[], ctx: MarkdownContext): Map<string, Section> {
  const report = ctx.report;
  const sections = new Map<string, Section>();
  let current: Section | null = null;
  for (const item of body) {
    const { token, offset } = item;
    if (token.type === 'heading' && (token as Tokens.Heading).depth === 2) {
      const name = (token as Tokens.Heading).text.trim();
      const known = SECTION_ALIASES[name.toLowerCase()];
      if (!known) {
        report.error(
          offset,
          `unknown section "## ${name}"${suggest(
            name,
            SECTIONS.map((s) => s.toLowerCase()),
          )}; expected ## Situation, ## Question or ## Choices`,
        );
        current = null;
        continue;
      }
      if (sections.has(known)) report.error(offset, `the section "## ${known}" appears twice`);
      current = { offset, items: [] };
      sections.set(known, current);
      continue;
    }
    if (token.type === 'space' || (!current && isComment(token))) continue;
    if (token.type === 'heading' && (token as Tokens.Heading).depth === 1 && !current) continue; // an optional title
    if (!current) {
      report.error(offset, 'text before the first section: start the body with "## Situation"');
      continue;
    }
    current.items.push(item);
  }
  return sections;
}

/** The situation: prose and social media blocks, in order; the blocks by id for actions. */
function parseSituation(
  section: Section | undefined,
  ctx: MarkdownContext,
): { situation: Part[]; blocks: Map<string, BlockKind>; blocksFailed: boolean } {
  const ids = new Map<string, { kind: BlockKind; offset: number }>();
  const items = section?.items ?? [];
  const situation = parseParts(items, ctx, ids);
  if (section && situation.length === 0) ctx.report.error(section.offset, 'the situation is empty: say what happens');
  // parseParts leaves out a block with errors: fewer blocks than fenced block items means one failed.
  const fenced = items.filter((i) => {
    const lang = i.token.type === 'code' ? ((i.token as Tokens.Code).lang ?? '').trim() : '';
    return (BLOCK_KINDS as readonly string[]).includes(lang);
  }).length;
  const blocksFailed = situation.filter((p) => p.kind !== 'html').length < fenced;
  return { situation, blocks: new Map([...ids].map(([id, b]) => [id, b.kind])), blocksFailed };
}

/** The question: one paragraph of plain text. */
function parseQuestion(section: Section | undefined, ctx: MarkdownContext): string {
  const items = section?.items ?? [];
  const question = items
    .filter((i) => !isVariants(i.token))
    .map((i) => plainText((i.token as Tokens.Paragraph).text ?? i.token.raw))
    .join(' ')
    .trim();
  if (section && !question) ctx.report.error(section.offset, 'the question is empty: ask what the learner does');
  for (const i of items)
    if (isVariants(i.token))
      ctx.report.error(
        i.offset,
        'the question cannot be tailored: it is the same for everyone, so answers compare like with like. Tailor the situation or the feedback instead',
      );
    else if (i.token.type !== 'paragraph')
      ctx.report.error(i.offset, 'the question should be a single short paragraph');
  return question;
}

/** Choices: each a ### heading, then a field list, then feedback. */
function parseChoices(
  section: Section | undefined,
  ctx: MarkdownContext,
  translation: boolean,
): { choices: Choice[]; at: Map<string, ChoiceAt>; groups: number } {
  const choices: Choice[] = [];
  const at = new Map<string, ChoiceAt>();
  const groups = groupChoices(section, ctx);
  for (const g of groups) {
    const parsed = parseChoice(g, ctx, translation);
    if (!parsed) continue;
    if (choices.some((c) => c.id === parsed.choice.id))
      ctx.report.error(parsed.at.id, `the choice id "${parsed.choice.id}" is used twice in this scenario`);
    choices.push(parsed.choice);
    at.set(parsed.choice.id, parsed.at);
  }
  return { choices, at, groups: groups.length };
}

function groupChoices(section: Section | undefined, ctx: MarkdownContext): ChoiceGroup[] {
  let choice: ChoiceGroup | null = null;
  const groups: ChoiceGroup[] = [];
  for (const item of section?.items ?? []) {
    const t = item.token;
    if (t.type === 'heading' && (t as Tokens.Heading).depth === 3) {
      choice = { heading: t as Tokens.Heading, offset: item.offset, fieldsOffset: item.offset, feedback: [] };
      groups.push(choice);
    } else if (!choice && isComment(t)) {
      continue;
    } else if (!choice) {
      ctx.report.error(item.offset, 'each choice starts with a "### " heading holding the text the learner sees');
    } else if (isConsequenceHeading(t) && !choice.consequence) {
      choice.consequence = { offset: item.offset, items: [] };
    } else if (choice.consequence) {
      choice.consequence.items.push(item);
    } else if (t.type === 'list' && !choice.fields && choice.feedback.length === 0) {
      choice.fields = t as Tokens.List;
      choice.fieldsOffset = item.offset;
    } else {
      choice.feedback.push(item);
    }
  }
  return groups;
}

/** How many choices, and which can be rated what: a question has a best answer; a feed is pick or leave. */
function checkChoiceSet(
  section: Section | undefined,
  count: number,
  choices: Choice[],
  at: Map<string, ChoiceAt>,
  select: 'one' | 'many',
  ctx: MarkdownContext,
): void {
  if (!section) return;
  const report = ctx.report;
  const max = select === 'many' ? 8 : 6;
  if (count < 2 || count > max)
    report.error(section.offset, `a scenario needs 2 to ${max} choices; this one has ${count}`);
  // A choice with errors is missing from `choices`: judge the set only when all parsed.
  if (choices.length !== count || choices.length === 0) return;
  const best = choices.filter((c) => c.score === 100);
  if (select === 'one' && best.length === 0) {
    report.error(section.offset, 'no choice is rated "best" (or scored 100): mark the best choice');
  }
  if (select === 'one' && best.length > 1)
    report.warn(
      at.get(best[1]!.id)!.id,
      `${best.length} choices are rated best (${best.map((c) => `"${c.id}"`).join(', ')}): if one is better, rate the others "acceptable", so the feedback and the score agree`,
    );
  if (select === 'many') {
    for (const c of choices) {
      if (c.rating === 'acceptable' || (c.score !== 0 && c.score !== 100))
        report.error(
          at.get(c.id)!.id,
          `in a feed (select: many) each item is "best" (pick it) or "wrong" (leave it); "${c.id}" is neither`,
        );
      if (c.next)
        report.error(
          at.get(c.id)!.next,
          'in a feed (select: many) items cannot branch; put "next" in the front matter instead',
        );
      if (c.action)
        report.error(at.get(c.id)!.target, 'in a feed (select: many) items have a "target" but no "action"');
      if (c.consequence)
        report.error(
          at.get(c.id)!.id,
          'in a feed (select: many) items have no "What happens next": the learner submits several at once',
        );
    }
    if (!choices.some((c) => c.score === 100))
      report.error(section.offset, 'a feed needs at least one item rated "best"');
  }
}

/** Actions must name a block in this scenario that takes that action. */
function checkActions(
  choices: Choice[],
  at: Map<string, ChoiceAt>,
  blocks: Map<string, BlockKind>,
  ctx: MarkdownContext,
): void {
  for (const c of choices) {
    const where = at.get(c.id)!;
    if (c.action && !c.target)
      ctx.report.error(where.target, `the choice "${c.id}" has an action but no "target": name the block it acts on`);
    if (!c.target) continue;
    const kind = blocks.get(c.target);
    if (!kind) {
      ctx.report.error(
        where.target,
        `the target "${c.target}" is not a block in this scenario${suggest(c.target, [...blocks.keys()])}`,
      );
    } else if (c.action) {
      const allowed = (ACTIONS_FOR[kind] ?? []) as readonly string[];
      if (!allowed.includes(c.action))
        ctx.report.error(
          where.target,
          `the action "${c.action}" does not apply to a ${kind} block; use one of: ${allowed.join(', ')}`,
        );
    }
  }
}

interface ChoiceGroup {
  heading: Tokens.Heading;
  offset: number;
  fields?: Tokens.List;
  fieldsOffset: number;
  feedback: { token: Token; offset: number }[];
  /** What follows "#### What happens next": the consequence of the choice. */
  consequence?: { offset: number; items: { token: Token; offset: number }[] };
}

type ChoiceFields = Map<string, { value: string; offset: number }>;

/** The fields listed under a choice's heading ("- id: ...", "- source for wales: ..."), each checked. */
function readChoiceFields(
  g: ChoiceGroup,
  ctx: MarkdownContext,
  translation: boolean,
): { fields: ChoiceFields; sources: (TailoredSource & { offset: number })[] } {
  const report = ctx.report;
  const fields: ChoiceFields = new Map();
  const sources: (TailoredSource & { offset: number })[] = [];
  if (!g.fields) {
    report.error(
      g.offset,
      `the choice "${plainText(g.heading.text.trim())}" needs a list of fields under its heading, starting with "- id: ..."`,
    );
    return { fields, sources };
  }
  let itemOffset = g.fieldsOffset;
  for (const item of g.fields.items) {
    const raw = item.raw;
    const offset = g.fieldsOffset + g.fields.raw.indexOf(raw, itemOffset - g.fieldsOffset);
    itemOffset = offset + raw.length;
    const m = /^\s*[-*+]\s+([A-Za-z-]+)(\s+for\b[^:]*)?\s*:\s*(.*?)\s*$/.exec(raw.split('\n')[0]!);
    if (!m) {
      report.error(offset, `expected a field as "- name: value" (one of: ${CHOICE_FIELDS.join(', ')})`);
      continue;
    }
    const name = m[1]!.toLowerCase();
    const valueOffset = offset + raw.indexOf(m[3]!, raw.indexOf(':') + 1);
    if (m[2]) {
      const tailored = tailoredSource(name, m[2], m[3]!, offset + raw.indexOf(m[2]), valueOffset, ctx);
      if (tailored) sources.push(tailored);
      continue;
    }
    if (!(CHOICE_FIELDS as readonly string[]).includes(name)) {
      report.error(
        offset + raw.indexOf(m[1]!),
        `unknown choice field "${m[1]}"${suggest(name, CHOICE_FIELDS)}; expected one of: ${CHOICE_FIELDS.join(', ')}`,
      );
      continue;
    }
    if (translation && SOURCE_ONLY_FIELDS.includes(name)) {
      report.error(
        offset + raw.indexOf(m[1]!),
        `a translation gives only "id" and "source": "${name}" comes from the English file`,
      );
      continue;
    }
    if (fields.has(name)) report.error(offset, `the field "${name}" appears twice in this choice`);
    fields.set(name, { value: m[3]!, offset: valueOffset });
  }
  return { fields, sources };
}

/** The choice's rating and score, from "rating" (best, acceptable, wrong) or "score" (0 to 100). */
function choiceRating(
  g: ChoiceGroup,
  fields: ChoiceFields,
  report: Reporter,
  translation: boolean,
): { rating: Rating; score: number } {
  const ratingF = fields.get('rating');
  const scoreF = fields.get('score');
  if (ratingF && scoreF) report.error(scoreF.offset, 'give either "rating" or "score", not both');
  else if (ratingF) {
    if (ratingF.value in RATING_SCORES) {
      const rating = ratingF.value as Rating;
      return { rating, score: RATING_SCORES[rating] };
    }
    report.error(
      ratingF.offset,
      `unknown rating "${ratingF.value}"${suggest(ratingF.value, Object.keys(RATING_SCORES))}; expected best, acceptable or wrong`,
    );
  } else if (scoreF) {
    const score = Number(scoreF.value);
    if (!/^\d{1,3}$/.test(scoreF.value) || score > 100)
      report.error(scoreF.offset, `the score "${scoreF.value}" must be a whole number from 0 to 100`);
    return { rating: score === 100 ? 'best' : score > 0 ? 'acceptable' : 'wrong', score };
  } else if (g.fields && !translation)
    report.error(
      g.fieldsOffset,
      `the choice "${plainText(g.heading.text.trim())}" needs "rating" (best, acceptable or wrong) or "score" (0 to 100)`,
    );
  return { rating: 'wrong', score: 0 };
}

/** The choice's words, feedback and consequence as HTML, each checked. */
function choiceContent(g: ChoiceGroup, ctx: MarkdownContext) {
  const report = ctx.report;
  const headingText = g.heading.text.trim();
  const headingOffset = g.offset + g.heading.raw.indexOf(headingText);
  if (g.feedback.length === 0)
    report.error(
      g.offset,
      `the choice "${plainText(headingText)}" has no feedback: write a paragraph under its fields saying why`,
    );
  const feedbackHtml = renderBlocks(g.feedback, ctx, 3, 3);
  const consequence = g.consequence && parseParts(g.consequence.items, ctx, new Map());
  if (g.consequence && !consequence?.length)
    report.error(
      g.consequence.offset,
      `"What happens next" under the choice "${plainText(headingText)}" is empty: say what happens, or remove the heading`,
    );
  const textHtml = renderInline(headingText, headingOffset, ctx);
  if (textHtml.includes('<a '))
    report.warn(
      headingOffset + Math.max(0, headingText.indexOf('[')),
      "a link in a choice's words sits inside the button or option learners press to answer, so it is easy to open by mistake and hard to reach with a keyboard: put the link in the feedback or the situation",
    );
  return { textHtml, text: plainText(headingText), feedbackHtml, consequence };
}

function parseChoice(
  g: ChoiceGroup,
  ctx: MarkdownContext,
  translation: boolean,
): { choice: Choice; at: { next: number; target: number; id: number } } | undefined {
  const report = ctx.report;
  const errors = () => report.issues.filter((i) => i.severity === 'error').length;
  const before = errors();
  const { fields, sources } = readChoiceFields(g, ctx, translation);
  const need = (name: string) => {
    const f = fields.get(name);
    if (!f || !f.value) {
      if (g.fields)
        report.error(g.fieldsOffset, `the choice "${plainText(g.heading.text.trim())}" needs the field "${name}"`);
      return undefined;
    }
    return f;
  };
  const idF = need('id');
  if (idF && !ID_PATTERN.test(idF.value))
    report.error(
      idF.offset,
      `the choice id "${idF.value}" must be lower case letters, digits and single hyphens, starting with a letter (like "tell-comms")`,
    );
  const sourceF = need('source');
  warnRepeatedSources(sources, ctx);
  const { rating, score } = choiceRating(g, fields, report, translation);
  const actionF = fields.get('action');
  if (actionF && !(ACTIONS as readonly string[]).includes(actionF.value)) {
    report.error(
      actionF.offset,
      `unknown action "${actionF.value}"${suggest(actionF.value, ACTIONS)}; expected one of: ${ACTIONS.join(', ')}`,
    );
  }
  const nextF = fields.get('next');
  const targetF = fields.get('target');
  const { consequence, ...words } = choiceContent(g, ctx);
  if (errors() > before || !idF || !sourceF) return undefined;
  return {
    choice: {
      id: idF.value,
      responseId: responseId(idF.value),
      key: shortKey(idF.value, CHOICE_KEY_LENGTH),
      textHtml: words.textHtml,
      text: words.text,
      score,
      rating,
      feedbackHtml: words.feedbackHtml,
      source: sourceF.value,
      ...(sources.length ? { sources: sources.map((t) => ({ for: t.for, text: t.text })) } : {}),
      next: nextF?.value,
      action: actionF?.value as Action | undefined,
      target: targetF?.value,
      ...(consequence?.length ? { consequence } : {}),
    },
    at: { id: idF.offset, next: nextF?.offset ?? g.offset, target: targetF?.offset ?? actionF?.offset ?? g.offset },
  };
}

/**
 * `- source for medical: GMC, Good medical practice`: a source for some learners only. `forText`
 * is " for medical" as written, at `forOffset`; only `source` can be tailored.
 */
function tailoredSource(
  name: string,
  forText: string,
  value: string,
  forOffset: number,
  valueOffset: number,
  ctx: MarkdownContext,
): (TailoredSource & { offset: number }) | undefined {
  const forAt = forOffset + forText.search(/for\b/);
  if (name !== 'source') {
    ctx.report.error(
      forAt,
      `only the source can be tailored ("- source for medical: ..."); "${name}" is the same for everyone`,
    );
    return undefined;
  }
  const listAt = forText.search(/for\b/) + 3;
  const names = forList(forText.slice(listAt), forOffset + listAt, ctx.report, ctx.profiles);
  if (!value) {
    ctx.report.error(valueOffset, `"- source${forText}:" needs the source after the colon`);
    return undefined;
  }
  return names && { for: names, text: value, offset: forAt };
}

/** The same `for` list twice among a choice's sources: the first always wins. */
function warnRepeatedSources(sources: (TailoredSource & { offset: number })[], ctx: MarkdownContext): void {
  const seen = new Set<string>();
  for (const s of sources) {
    const key = [...s.for].sort().join(' ');
    if (seen.has(key))
      ctx.report.warn(
        s.offset,
        `a source for ${s.for.join(', ')} is given twice in this choice: the first always wins, so this one can never show`,
      );
    seen.add(key);
  }
}
