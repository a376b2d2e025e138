/** One scenario file: front matter, situation, question and choices. */
import { basename } from 'node:path';
import type { Token, Tokens } from 'marked';
import { z } from 'zod';
import { ACTIONS, type Action, type Choice, type Rating, type Scenario } from '../core/model.js';
import { CHOICE_KEY_LENGTH, ID_PATTERN, SCENARIO_KEY_LENGTH, responseId, shortKey } from '../core/keys.js';
import { suggest } from './errors.js';
import { ACTIONS_FOR, isConsequenceHeading, parseParts, type BlockKind } from './blocks.js';
import { lex, plainText, renderBlocks, renderInline, type MarkdownContext } from './markdown.js';
import { checkReadingOrder } from './reading-order.js';
import { parseYaml } from './yaml-schema.js';

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
    choices: Map<string, { next: number; target: number; id: number }>;
  };
}

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
  const front = translation
    ? (() => {
        const t = parseYaml(fm[1]!, 4, translationFrontSchema, report, 'the front matter');
        return t && { ...t, objective: '', 'review-by': undefined, next: undefined, select: undefined };
      })()
    : parseYaml(fm[1]!, 4, frontMatterSchema, report, 'the front matter');
  const fieldOffset = (name: string) => {
    const m = new RegExp(`^${name}:`, 'm').exec(fm[1]!);
    return m ? 4 + m.index : 0;
  };
  if (front && front.id !== basename(file).replace(/(\.[a-z]{2})?\.md$/, '')) {
    report.error(fieldOffset('id'), `the id "${front.id}" must match the file name (${basename(file)})`);
  }

  // Split the body into sections by level 2 headings.
  const body = lex(text.slice(fm[0].length), fm[0].length);
  const sections = new Map<string, { offset: number; items: typeof body }>();
  let current: { offset: number; items: typeof body } | null = null;
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
    if (token.type === 'space') continue;
    if (token.type === 'heading' && (token as Tokens.Heading).depth === 1 && !current) continue; // an optional title
    if (!current) {
      report.error(offset, 'text before the first section: start the body with "## Situation"');
      continue;
    }
    current.items.push(item);
  }
  const endOffset = text.length;
  for (const name of SECTIONS) {
    if (!sections.has(name))
      report.error(name === 'Situation' ? fm[0].length : endOffset, `the scenario needs a "## ${name}" section`);
  }

  // Situation: prose and social media blocks.
  const blockIds = new Map<string, { kind: BlockKind; offset: number }>();
  const situation = parseParts(sections.get('Situation')?.items ?? [], ctx, blockIds);
  if (sections.has('Situation') && situation.length === 0)
    report.error(sections.get('Situation')!.offset, 'the situation is empty: say what happens');

  // Question: one paragraph of plain text.
  const questionItems = sections.get('Question')?.items ?? [];
  const question = questionItems
    .map((i) => plainText((i.token as Tokens.Paragraph).text ?? i.token.raw))
    .join(' ')
    .trim();
  if (sections.has('Question') && !question)
    report.error(sections.get('Question')!.offset, 'the question is empty: ask what the learner does');
  for (const i of questionItems)
    if (i.token.type !== 'paragraph') report.error(i.offset, 'the question should be a single short paragraph');

  // Choices: ### text, then a field list, then feedback.
  const choices: Choice[] = [];
  const choiceAt = new Map<string, { next: number; target: number; id: number }>();
  const choicesSection = sections.get('Choices');
  let choice: ChoiceGroup | null = null;
  const groups: ChoiceGroup[] = [];
  for (const item of choicesSection?.items ?? []) {
    const t = item.token;
    if (t.type === 'heading' && (t as Tokens.Heading).depth === 3) {
      choice = { heading: t as Tokens.Heading, offset: item.offset, fieldsOffset: item.offset, feedback: [] };
      groups.push(choice);
    } else if (!choice) {
      report.error(item.offset, 'each choice starts with a "### " heading holding the text the learner sees');
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
  for (const g of groups) {
    const parsed = parseChoice(g, ctx, translation);
    if (!parsed) continue;
    if (choices.some((c) => c.id === parsed.choice.id))
      report.error(parsed.at.id, `the choice id "${parsed.choice.id}" is used twice in this scenario`);
    choices.push(parsed.choice);
    choiceAt.set(parsed.choice.id, parsed.at);
  }
  const select = front?.select ?? 'one';
  if (choicesSection && !translation) {
    const max = select === 'many' ? 8 : 6;
    if (groups.length < 2 || groups.length > max)
      report.error(choicesSection.offset, `a scenario needs 2 to ${max} choices; this one has ${groups.length}`);
    if (choices.length === groups.length && choices.length > 0) {
      if (select === 'one' && !choices.some((c) => c.score === 100)) {
        report.error(choicesSection.offset, 'no choice is rated "best" (or scored 100): mark the best choice');
      }
      if (select === 'many') {
        for (const c of choices) {
          if (c.rating === 'acceptable' || (c.score !== 0 && c.score !== 100))
            report.error(
              choiceAt.get(c.id)!.id,
              `in a feed (select: many) each item is "best" (pick it) or "wrong" (leave it); "${c.id}" is neither`,
            );
          if (c.next)
            report.error(
              choiceAt.get(c.id)!.next,
              'in a feed (select: many) items cannot branch; put "next" in the front matter instead',
            );
          if (c.action)
            report.error(choiceAt.get(c.id)!.target, 'in a feed (select: many) items have a "target" but no "action"');
          if (c.consequence)
            report.error(
              choiceAt.get(c.id)!.id,
              'in a feed (select: many) items have no "What happens next": the learner submits several at once',
            );
        }
        if (!choices.some((c) => c.score === 100))
          report.error(choicesSection.offset, 'a feed needs at least one item rated "best"');
      }
    }
  }
  // Actions must name a block in this scenario that takes that action.
  for (const c of translation ? [] : choices) {
    const at = choiceAt.get(c.id)!;
    if (c.action && !c.target)
      report.error(at.target, `the choice "${c.id}" has an action but no "target": name the block it acts on`);
    if (c.target) {
      const block = blockIds.get(c.target);
      if (!block) {
        report.error(
          at.target,
          `the target "${c.target}" is not a block in this scenario${suggest(c.target, [...blockIds.keys()])}`,
        );
      } else if (c.action) {
        const allowed = (ACTIONS_FOR[block.kind] ?? []) as readonly string[];
        if (!allowed.includes(c.action))
          report.error(
            at.target,
            `the action "${c.action}" does not apply to a ${block.kind} block; use one of: ${allowed.join(', ')}`,
          );
      }
    }
  }

  if (!translation) checkReadingOrder(sections.get('Situation')?.items ?? [], choices, report);

  if (!front || report.failed) return undefined;
  const scenario: Scenario = {
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
  };
  const machineTranslated = translation && (front as { 'machine-translated'?: boolean })['machine-translated'] === true;
  return {
    scenario,
    machineTranslated,
    at: { id: fieldOffset('id'), objective: fieldOffset('objective'), next: fieldOffset('next'), choices: choiceAt },
  };
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

function parseChoice(
  g: ChoiceGroup,
  ctx: MarkdownContext,
  translation: boolean,
): { choice: Choice; at: { next: number; target: number; id: number } } | undefined {
  const report = ctx.report;
  const before = report.issues.length;
  const headingText = g.heading.text.trim();
  const headingOffset = g.offset + g.heading.raw.indexOf(headingText);
  const fields = new Map<string, { value: string; offset: number }>();
  if (!g.fields) {
    report.error(
      g.offset,
      `the choice "${plainText(headingText)}" needs a list of fields under its heading, starting with "- id: ..."`,
    );
  } else {
    let itemOffset = g.fieldsOffset;
    for (const item of g.fields.items) {
      const raw = item.raw;
      const offset = g.fieldsOffset + g.fields.raw.indexOf(raw, itemOffset - g.fieldsOffset);
      itemOffset = offset + raw.length;
      const m = /^\s*[-*+]\s+([A-Za-z-]+)\s*:\s*(.*?)\s*$/.exec(raw.split('\n')[0]!);
      if (!m) {
        report.error(offset, `expected a field as "- name: value" (one of: ${CHOICE_FIELDS.join(', ')})`);
        continue;
      }
      const name = m[1]!.toLowerCase();
      const valueOffset = offset + raw.indexOf(m[2]!, raw.indexOf(':') + 1);
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
      fields.set(name, { value: m[2]!, offset: valueOffset });
    }
  }
  const need = (name: string) => {
    const f = fields.get(name);
    if (!f || !f.value) {
      if (g.fields) report.error(g.fieldsOffset, `the choice "${plainText(headingText)}" needs the field "${name}"`);
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
  const ratingF = fields.get('rating');
  const scoreF = fields.get('score');
  let rating: Rating = 'wrong';
  let score = 0;
  if (ratingF && scoreF) report.error(scoreF.offset, 'give either "rating" or "score", not both');
  else if (ratingF) {
    if (ratingF.value in RATING_SCORES) {
      rating = ratingF.value as Rating;
      score = RATING_SCORES[rating];
    } else
      report.error(
        ratingF.offset,
        `unknown rating "${ratingF.value}"${suggest(ratingF.value, Object.keys(RATING_SCORES))}; expected best, acceptable or wrong`,
      );
  } else if (scoreF) {
    score = Number(scoreF.value);
    if (!/^\d{1,3}$/.test(scoreF.value) || score > 100)
      report.error(scoreF.offset, `the score "${scoreF.value}" must be a whole number from 0 to 100`);
    rating = score === 100 ? 'best' : score > 0 ? 'acceptable' : 'wrong';
  } else if (g.fields && !translation)
    report.error(
      g.fieldsOffset,
      `the choice "${plainText(headingText)}" needs "rating" (best, acceptable or wrong) or "score" (0 to 100)`,
    );
  const actionF = fields.get('action');
  if (actionF && !(ACTIONS as readonly string[]).includes(actionF.value)) {
    report.error(
      actionF.offset,
      `unknown action "${actionF.value}"${suggest(actionF.value, ACTIONS)}; expected one of: ${ACTIONS.join(', ')}`,
    );
  }
  const nextF = fields.get('next');
  const targetF = fields.get('target');
  if (g.feedback.length === 0)
    report.error(
      g.offset,
      `the choice "${plainText(headingText)}" has no feedback: write a paragraph under its fields saying why`,
    );
  const feedbackHtml = renderBlocks(g.feedback, ctx);
  const consequence = g.consequence && parseParts(g.consequence.items, ctx, new Map());
  if (g.consequence && !consequence?.length)
    report.error(
      g.consequence.offset,
      `"What happens next" under the choice "${plainText(headingText)}" is empty: say what happens, or remove the heading`,
    );
  const textHtml = renderInline(headingText, headingOffset, ctx);
  if (report.issues.length > before || !idF || !sourceF) return undefined;
  return {
    choice: {
      id: idF.value,
      responseId: responseId(idF.value),
      key: shortKey(idF.value, CHOICE_KEY_LENGTH),
      textHtml,
      text: plainText(headingText),
      score,
      rating,
      feedbackHtml,
      source: sourceF.value,
      next: nextF?.value,
      action: actionF?.value as Action | undefined,
      target: targetF?.value,
      ...(consequence?.length ? { consequence } : {}),
    },
    at: { id: idF.offset, next: nextF?.offset ?? g.offset, target: targetF?.offset ?? actionF?.offset ?? g.offset },
  };
}
