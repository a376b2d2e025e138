/**
 * YAML and schema errors in a trainer's words: what is wrong on the line and what to type
 * instead, never the parser's terms. A YAML mistake is reported once, at its cause, since
 * everything the parser says after the first error is a knock-on of it.
 */
import type { YAMLError } from 'yaml';
import type { z } from 'zod';

const CURLY = /[“”‘’]/;

/** A problem in YAML text: where (offset in that text) and what to do. */
export interface YamlProblem {
  offset: number;
  message: string;
}

function lineAt(text: string, offset: number): { start: number; line: string; number: number } {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  return {
    start,
    line: text.slice(start, end < 0 ? text.length : end),
    number: text.slice(0, start).split('\n').length,
  };
}

/**
 * Characters pasted from a word processor (the message follows "line L column C") that YAML cannot take where they are: a
 * non-breaking space or a tab in the indentation or after a field's colon. They are found
 * before parsing because the parser's own errors for them point elsewhere, or are absent.
 */
export function pastedCharacters(text: string): YamlProblem | undefined {
  const re = /^([ \t\u00a0]*)(?:-[ \t\u00a0]+)?(?:[^:\n]*:([ \t\u00a0]+))?/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0] === '' && re.lastIndex === m.index) re.lastIndex++;
    const index = m[0].search(/[\t\u00a0]/);
    if (index < 0) continue;
    const offset = m.index + index;
    return text[offset] === '\t'
      ? { offset, message: 'has a tab: YAML lines up fields with spaces only, so replace the tab with spaces' }
      : {
          offset,
          message: 'has a non-breaking space (often pasted from a word processor): delete it and type a normal space',
        };
  }
  return undefined;
}

/** The parser's first error, said as what to change. */
export function yamlProblem(text: string, error: YAMLError): YamlProblem {
  const offset = error.pos[0];
  const { line, start } = lineAt(text, offset);
  const field = /^\s*(?:-\s+)?([^:\s][^:]*):/.exec(line)?.[1]?.trim();
  const value = /^\s*(?:-\s+)?[^:\s][^:]*:\s*(.*)$/.exec(line)?.[1] ?? '';
  if (CURLY.test(value.charAt(0)))
    return {
      offset: start + line.indexOf(value),
      message: `"${field}" starts with a curly quote ${value.charAt(0)} (pasted from a word processor): YAML needs straight quotes, so write ${field}: "${value.replace(/^[“‘]|[”’]$/g, '').replace(/"/g, "'")}"`,
    };
  switch (error.code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
      if (field && /:\s/.test(value))
        return {
          offset: start + line.indexOf(value),
          message: `put the ${field} in quotes because it contains a colon: ${field}: "${value.replace(/"/g, "'")}"`,
        };
      if (/nested mappings/i.test(error.message)) return overIndented(text, start + line.length + 1);
      return {
        offset: start + line.search(/\S/),
        message: 'this line is indented less than the lines above it: line up its "-" with the ones above',
      };
    case 'DUPLICATE_KEY':
      return { offset, message: `the field "${field ?? line.trim()}" appears twice: keep one of them` };
    case 'MISSING_CHAR':
      if (/closing .?quote/i.test(error.message)) return unclosedQuote(text, offset);
      if (/Sequence item without - indicator/.test(error.message) || /map values/.test(error.message))
        return misaligned(text, offset);
      break;
    case 'BAD_INDENT':
    case 'MULTILINE_IMPLICIT_KEY':
      return misaligned(text, offset);
    case 'TAB_AS_INDENT':
      return { offset, message: 'this line is indented with a tab: YAML lines up fields with spaces only' };
  }
  return {
    offset,
    message: `this line is not in the form YAML expects: each field is "name: value" on its own line, lined up with the fields around it (the YAML reader said: ${error.message.split('\n')[0]})`,
  };
}

/** A line whose indent does not match the list or fields it belongs to. */
function misaligned(text: string, offset: number): YamlProblem {
  const { line, start } = lineAt(text, offset);
  const above =
    text
      .slice(0, Math.max(0, start - 1))
      .split('\n')
      .reverse()
      .find((l) => l.trim()) ?? '';
  const at = start + line.search(/\S/);
  if (/^\s*- /.test(above) && !/^\s*-/.test(line) && !line.includes(':'))
    return {
      offset: at,
      message: 'this line is a list item without its "-": start it with "- " like the line above',
    };
  return {
    offset: at,
    message:
      'this line is not lined up with the lines above it: indent it by the same number of spaces as the field it belongs with',
  };
}

/** The line after a field, indented further, reads to YAML as more of that field's value. */
function overIndented(text: string, from: number): YamlProblem {
  const rest = text.slice(from);
  const offset = from + rest.search(/\S/);
  return {
    offset,
    message:
      'this line is indented more than the field above it: line it up with that field, with the same number of spaces',
  };
}

/** The parser notices a missing closing quote where the text ends; the cause is where it opened. */
function unclosedQuote(text: string, fallback: number): YamlProblem {
  const lines = text.split('\n');
  let offset = 0;
  for (const line of lines) {
    const m = /^\s*(?:-\s+)?([^:\s][^:]*):\s*(["'])/.exec(line);
    if (m) {
      const quote = m[2]!;
      const rest = line.slice(m[0].length);
      if (!rest.replace(quote === '"' ? /\\"/g : /''/g, '').includes(quote))
        return {
          offset: offset + m[0].length - 1,
          message: `the quote that opens "${m[1]!.trim()}" is never closed: end the value with ${quote} on the same line`,
        };
    }
    offset += line.length + 1;
  }
  return {
    offset: fallback,
    message: 'a quote is never closed: end each quoted value with the same quote on its line',
  };
}

/** A schema issue about a field, said as what to write. */
export function schemaProblem(issue: z.core.$ZodIssue, field: string, value: unknown, multiline: boolean): string {
  const name = field.split('.').pop() ?? field;
  if (issue.code === 'invalid_type') {
    const expected = issue.expected;
    if (value === null) return `"${field}" is empty: write its value after "${name}: "`;
    if (expected === 'number' && typeof value === 'string') {
      const digits = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(value)?.[1];
      if (digits) return `"${field}" is a number without a % sign: write ${name}: ${digits}`;
      if (/^\s*\d+\s*$/.test(value)) return `"${field}" is a number: write it without quotes, ${name}: ${value.trim()}`;
      return `"${field}" must be a whole number, like ${name}: 80`;
    }
    if (expected === 'string' && (typeof value === 'number' || typeof value === 'boolean'))
      return `"${field}" is text: put it in quotes, ${name}: "${String(value)}"`;
    if (expected === 'string' && typeof value === 'object')
      return `"${field}" must be text on the same line as "${name}:", not a list of fields under it`;
    if (expected === 'array') return `"${field}" must be a list: one "- item" per line under "${name}:"`;
    if (expected === 'object')
      return `"${field}" must be fields under it, each "name: value" indented below "${name}:"`;
    return `"${field}" must be ${expected === 'boolean' ? 'true or false' : `a ${expected}`}`;
  }
  if (issue.code === 'too_big' || issue.code === 'too_small') {
    const { minimum, maximum } = issue as { minimum?: unknown; maximum?: unknown };
    const limit = issue.code === 'too_big' ? `at most ${String(maximum)}` : `at least ${String(minimum)}`;
    if (issue.origin === 'array') return `"${field}" needs ${limit} item${limit.endsWith(' 1') ? '' : 's'}`;
    if (issue.origin === 'string') return `"${field}" must not be empty`;
    return `"${field}" must be ${limit}; it is ${String(value)}`;
  }
  if (issue.code === 'invalid_value') return `"${field}" must be one of: ${issue.values.map(String).join(', ')}`;
  if (issue.code === 'invalid_format' && typeof value === 'string' && multiline && / - /.test(value))
    return `"${field}" runs on over two lines: each list item starts with "- " on its own line, with the dashes lined up`;
  if (issue.code === 'invalid_format' && typeof value === 'string' && /^expected lower case/.test(issue.message)) {
    const slug = value
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^[^a-z]+|-+$/g, '');
    return `"${field}" ${issue.message.replace(/^expected /, 'must be ')}${slug ? `: write "${slug}"` : ''}`;
  }
  if (issue.message.startsWith('Invalid')) return `"${field}" is not valid here`;
  return `"${field}" ${issue.message.replace(/^expected /, 'must be ')}`;
}
