/** YAML parsed and checked against a zod schema, with errors at the right line and column. */
import { isMap, isScalar, parseDocument, type Node } from 'yaml';
import type { z } from 'zod';
import { suggest, type Reporter } from './errors.js';
import { pastedCharacters, schemaProblem, yamlProblem } from './yaml-errors.js';

/**
 * Parses YAML that starts at `baseOffset` in the reporter's file and validates it.
 * Returns the data, or undefined after reporting every problem.
 */
export function parseYaml<T extends z.ZodType>(
  text: string,
  baseOffset: number,
  schema: T,
  report: Reporter,
  what: string,
): z.infer<T> | undefined {
  const pasted = pastedCharacters(text);
  if (pasted) {
    const { line, col } = report.at(baseOffset + pasted.offset);
    report.error(baseOffset + pasted.offset, `in ${what}, line ${line} column ${col} ${pasted.message}`);
    return undefined;
  }
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const problem = yamlProblem(text, first);
    report.error(baseOffset + problem.offset, `in ${what}, ${problem.message}`);
    return undefined;
  }
  const data = doc.toJS() ?? {};
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const path = issue.path as (string | number)[];
    const node = nodeAt(doc.contents as Node | null, path);
    const offset = baseOffset + (node?.range?.[0] ?? 0);
    if (issue.code === 'unrecognized_keys') {
      const parent = nodeAt(doc.contents as Node | null, path);
      const known = knownKeys(schema, path);
      for (const key of issue.keys) {
        const keyNode = isMap(parent)
          ? (parent.items.find((p) => isScalar(p.key) && p.key.value === key)?.key as Node | undefined)
          : undefined;
        report.error(
          baseOffset + (keyNode?.range?.[0] ?? node?.range?.[0] ?? 0),
          `unknown field "${key}" in ${what}${suggest(key, known)}; expected one of: ${known.join(', ')}`,
        );
      }
      continue;
    }
    const field = path.length ? path.join('.') : what;
    const missing = issue.code === 'invalid_type' && valueAt(data, path) === undefined;
    const multiline = node?.range ? text.slice(node.range[0], node.range[1]).includes('\n') : false;
    report.error(
      offset,
      missing
        ? `${what} needs the field "${field}"`
        : `in ${what}, ${schemaProblem(issue, field, valueAt(data, path), multiline)}`,
    );
  }
  return undefined;
}

/**
 * Where each value in YAML text starts, as an offset in the file: for a block scalar
 * (`text: |`), the first character of its content.
 */
export function yamlOffsets(text: string, baseOffset: number): (path: (string | number)[]) => number {
  const doc = parseDocument(text, { prettyErrors: false });
  return (path) => {
    const node = nodeAt(doc.contents as Node | null, path);
    const start = node?.range?.[0] ?? 0;
    if (isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED')) {
      const lineStart = text.indexOf('\n', start) + 1;
      const indent = /^[ \t]*/.exec(text.slice(lineStart))![0].length;
      return baseOffset + lineStart + indent;
    }
    if (isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE')) return baseOffset + start + 1;
    return baseOffset + start;
  };
}

function valueAt(data: unknown, path: (string | number)[]): unknown {
  let v = data;
  for (const key of path) v = v && typeof v === 'object' ? (v as Record<string | number, unknown>)[key] : undefined;
  return v;
}

function nodeAt(root: Node | null, path: (string | number)[]): Node | null {
  let node: unknown = root;
  for (const key of path) {
    if (node && typeof node === 'object' && 'get' in node && typeof (node as { get: unknown }).get === 'function') {
      const next = (node as { get(k: unknown, keep: boolean): unknown }).get(key, true);
      if (next === undefined) return node as Node;
      node = next;
    } else break;
  }
  return (node as Node) ?? null;
}

/** The field names a schema allows at a path, for suggestions. */
function knownKeys(schema: z.ZodType, path: (string | number)[]): string[] {
  let s: unknown = schema;
  for (const key of path) {
    s = unwrap(s);
    const def = (s as { def?: { type?: string; element?: unknown; shape?: Record<string, unknown> } }).def;
    if (def?.type === 'array') s = def.element;
    else if (def?.type === 'object') s = def.shape?.[key as string];
    else return [];
  }
  s = unwrap(s);
  const shape = (s as { def?: { shape?: Record<string, unknown> } }).def?.shape;
  return shape ? Object.keys(shape) : [];
}

function unwrap(s: unknown): unknown {
  let cur = s as { def?: { type?: string; innerType?: unknown; in?: unknown } };
  while (cur?.def && ['optional', 'nullable', 'default', 'pipe'].includes(cur.def.type ?? '')) {
    cur = (cur.def.innerType ?? cur.def.in) as typeof cur;
  }
  return cur;
}
