/**
 * What an interaction's response (learner_response / student_response) and correct-response
 * pattern may hold, by interaction type, as SCORM allows it (2004 RTE 4.2.9, 1.2 CMIFeedback)
 * and within the LMS's own bounds. scorm/strict.ts is stricter on purpose: it holds our own
 * SCO to what Moodle refuses for choices; the LMS takes any SCO's numeric or fill-in answers.
 */
import type { Version } from '../strict.js';

/** The longest response or pattern kept: SCORM 2004's long-fill-in. */
export const RESPONSE_MAX = 4000;

const SHORT_ID = /^(?=.*\w)[\w\-()+.:=@;$!*'%/#]{1,250}$/;
const LONG_ID = /^\S{1,4000}$/;
const DECIMAL = /^-?\d{1,10}(\.\d{1,18})?$/;
const LANG = /^(\{lang=([a-zA-Z]{1,8}|i|x)(-[a-zA-Z0-9-]{2,8})?\})?(?!\{)[^]{0,250}$/;
const LANG_LONG = /^(\{lang=([a-zA-Z]{1,8}|i|x)(-[a-zA-Z0-9-]{2,8})?\})?(?!\{)[^]{0,4000}$/;

type Shape = { items: number; separator: string; item: (v: string) => boolean };
const list = (items: number, item: RegExp, separator = '[,]'): Shape => ({
  items,
  separator,
  item: (v) => item.test(v),
});
const pairs = (items: number, first: RegExp, second: (v: string) => boolean): Shape => ({
  items,
  separator: '[,]',
  item: (v) => {
    const [a = '', b, ...rest] = v.split('[.]');
    return rest.length === 0 && b !== undefined && first.test(a) && second(b);
  },
});
const range = (v: string) => {
  const [min = '', max = '', ...rest] = v.split('[:]');
  return rest.length === 0 && (min === '' || DECIMAL.test(min)) && (max === '' || DECIMAL.test(max));
};

const RESPONSE_2004: Record<string, Shape> = {
  'true-false': list(1, /^(true|false)$/),
  choice: list(36, LONG_ID),
  'fill-in': list(10, LANG),
  'long-fill-in': list(1, LANG_LONG, ''),
  matching: pairs(36, SHORT_ID, (v) => SHORT_ID.test(v)),
  performance: pairs(250, /^$|^(?=.*\w)[\w\-()+.:=@;$!*'%/#]{1,250}$/, (v) => v.length <= 250),
  sequencing: list(36, SHORT_ID),
  likert: list(1, SHORT_ID, ''),
  numeric: list(1, DECIMAL, ''),
  other: list(1, /^[^]{0,4000}$/, ''),
};
/** Patterns differ from responses only for numeric (a range, `min[:]max`). */
const PATTERN_2004: Record<string, Shape> = {
  ...RESPONSE_2004,
  numeric: { items: 1, separator: '', item: range },
  performance: pairs(250, /^$|^(?=.*\w)[\w\-()+.:=@;$!*'%/#]{1,250}$/, (v) => v === '' || range(v) || v.length <= 250),
};

/** SCORM 1.2 responses are CMIFeedback: free text, except where the type makes it a value. */
const RESPONSE_12: Record<string, RegExp> = {
  'true-false': /^(0|1|t|f|true|false)$/,
  numeric: /^-?\d{1,10}(\.\d{1,18})?$/,
};

/**
 * Why a response or pattern cannot be kept for an interaction of `type`, or null.
 * `type` is the interaction's type from the same commit or the stored data.
 */
export function responseProblem(
  version: Version,
  element: string,
  type: string | undefined,
  value: string,
  kind: 'response' | 'pattern',
): string | null {
  if (value.length > RESPONSE_MAX) return `${element} is ${value.length} characters, over the limit of ${RESPONSE_MAX}`;
  if (value === '') return null;
  if (version === '1.2') {
    const rule = type ? RESPONSE_12[type] : undefined;
    return rule && !rule.test(value) ? `${element} is not a ${type} response` : null;
  }
  if (!type) return `${element} needs the interaction's type, set before it`;
  const shape = (kind === 'pattern' ? PATTERN_2004 : RESPONSE_2004)[type];
  if (!shape) return `${element}: the interaction's type "${type}" is not a SCORM 2004 type`;
  const items = shape.separator ? value.split(shape.separator) : [value];
  if (items.length > shape.items)
    return `${element} has ${items.length} items, over the ${shape.items} a ${type} ${kind} may have`;
  const bad = items.find((i) => !shape.item(i));
  if (bad !== undefined)
    return `${element} is not a ${type} ${kind}: ${JSON.stringify(bad.length > 40 ? `${bad.slice(0, 40)}…` : bad)}`;
  if (type === 'choice' && kind === 'response' && new Set(items).size !== items.length)
    return `${element} names the same choice twice`;
  return null;
}
