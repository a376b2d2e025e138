/**
 * Tailored passages, authoring side: the `:::` lines that mark variants in markdown, the
 * `for` lists of names they and tailored sources carry, and the checks on both. The compiled
 * form, and how a variant is chosen for a learner, live in src/core/profile.ts.
 *
 * A run of `::: for <names>` blocks followed by one `::: otherwise` block, separated only by
 * blank lines, is one set of variants. The `:::` lines start at column 0; inside a block,
 * any markdown prose. Runs are found on the raw text before markdown sees it, so a block's
 * extent never depends on markdown's lazy continuation lines and positions stay exact.
 */
import type { Token } from 'marked';
import { GROUPS, NATIONS, isGroup, isNation, type Group, type Nation } from '../core/profile.js';
import type { Course, Part, Scenario } from '../core/model.js';
import { closest, type Reporter } from './errors.js';

/** Which nations and staff groups a module offers (module.yaml `profiles`). */
export interface Offered {
  nations: readonly Nation[];
  groups: readonly Group[];
}

/** One `::: for …` or `::: otherwise` block: its names ([] for otherwise) and its markdown. */
export interface VariantBlock {
  for: string[];
  /** The block's inner markdown, lexed, each token with its offset in the file. */
  items: { token: Token; offset: number }[];
}

/** A run of variants as one top-level token among markdown's own (raw: its exact text). */
export interface VariantsToken {
  type: 'variants';
  raw: string;
  blocks: VariantBlock[];
}

export function isVariants(token: Token): token is Token & VariantsToken {
  return token.type === 'variants';
}

/** A piece of a text: plain markdown, or a run of variants (both with their offset in the file). */
export type Piece =
  { kind: 'markdown'; text: string; offset: number } | { kind: 'variants'; token: VariantsToken; offset: number };

const MARKER = /^:::(.*)$/;
const INDENTED_MARKER = /^[ \t]+:::(\s|$)/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HEADING = /^ {0,3}#{1,6}(\s|$)/;

interface Line {
  text: string;
  /** Offset of the line's start in the text. */
  start: number;
  /** Offset after its newline (or the text's end). */
  end: number;
}

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start < text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl + 1;
    lines.push({ text: text.slice(start, nl < 0 ? text.length : nl), start, end });
    start = end;
  }
  return lines;
}

type Opener = { kind: 'for'; names: string } | { kind: 'otherwise' } | { kind: 'close' } | { kind: 'unknown' };

function readMarker(line: string): Opener | undefined {
  const m = MARKER.exec(line);
  if (!m) return undefined;
  const rest = m[1]!.trim();
  if (rest === '') return { kind: 'close' };
  if (/^otherwise$/i.test(rest)) return { kind: 'otherwise' };
  const f = /^for(?:\s+(.*))?$/i.exec(rest);
  if (f) return { kind: 'for', names: f[1] ?? '' };
  return { kind: 'unknown' };
}

/** A block as the scan finds it, before its markdown is lexed. */
interface RawBlock {
  kind: 'for' | 'otherwise' | 'unknown';
  /** The opening line. */
  open: Line;
  /** Inner text's extent. */
  innerStart: number;
  innerEnd: number;
  /** After the closing line (or where an unclosed block was cut). */
  end: number;
}

/**
 * Finds the `:::` blocks of a text (outside fenced code), reporting unclosed, nested, stray
 * and unknown `:::` lines. An unclosed block ends before the next heading (or the text's end),
 * so the sections after it are still read.
 */
function scanBlocks(text: string, baseOffset: number, report: Reporter | undefined): RawBlock[] {
  const lines = linesOf(text);
  const blocks: RawBlock[] = [];
  let fence: string | undefined;
  let open: { kind: RawBlock['kind']; line: Line } | undefined;
  let depth = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const f = FENCE.exec(line.text)?.[1];
    if (fence) {
      if (f && f[0] === fence[0] && f.length >= fence.length && line.text.trim() === f) fence = undefined;
      continue;
    }
    if (f) {
      fence = f;
      continue;
    }
    if (INDENTED_MARKER.test(line.text)) {
      report?.error(
        baseOffset + line.start,
        'a `:::` line must start at the beginning of the line (no spaces before it), or markdown reads it as text',
      );
      continue;
    }
    const marker = readMarker(line.text);
    if (!marker) continue;
    if (marker.kind === 'close') {
      if (depth > 1) depth--;
      else if (open) {
        blocks.push({
          kind: open.kind,
          open: open.line,
          innerStart: open.line.end,
          innerEnd: line.start,
          end: line.end,
        });
        open = undefined;
        depth = 0;
      } else
        report?.error(
          baseOffset + line.start,
          'this `:::` closes nothing: a block starts with `::: for <names>` or `::: otherwise`',
        );
      continue;
    }
    if (marker.kind === 'unknown')
      report?.error(
        baseOffset + line.start,
        `unknown line "${line.text.trim().slice(0, 40)}": a tailored passage starts with "::: for <names>" (like "::: for wales") or "::: otherwise"`,
      );
    if (open) {
      depth++;
      report?.error(
        baseOffset + line.start,
        `"${line.text.trim().slice(0, 40)}" starts inside the "${open.line.text.trim().slice(0, 40)}" block above: variants do not nest. Close each block with a line ":::" before the next one starts`,
      );
      continue;
    }
    open = { kind: marker.kind, line };
    depth = 1;
    // Unclosed: report it, end it before the next heading or block, and read on from there.
    if (!hasCloser(lines, i)) {
      report?.error(
        baseOffset + line.start,
        `the "${line.text.trim().slice(0, 40)}" block is not closed: end it with a line ":::"`,
      );
      let cut = i + 1;
      while (cut < lines.length && !HEADING.test(lines[cut]!.text) && !opens(lines[cut]!.text)) cut++;
      const end = lines[cut]?.start ?? text.length;
      blocks.push({ kind: open.kind, open: line, innerStart: line.end, innerEnd: end, end });
      open = undefined;
      depth = 0;
      i = cut - 1;
    }
  }
  return blocks;
}

const opens = (line: string) => {
  const kind = readMarker(line)?.kind;
  return kind !== undefined && kind !== 'close';
};

/** Whether the block opening at line `i` has its closing `:::` (nesting counted, fences skipped). */
function hasCloser(lines: Line[], i: number): boolean {
  let depth = 1;
  let fence: string | undefined;
  for (let k = i + 1; k < lines.length; k++) {
    const text = lines[k]!.text;
    const f = FENCE.exec(text)?.[1];
    if (fence) {
      if (f && f[0] === fence[0] && f.length >= fence.length && text.trim() === f) fence = undefined;
      continue;
    }
    if (f) {
      fence = f;
      continue;
    }
    const marker = readMarker(text);
    if (marker?.kind === 'close') depth--;
    else if (marker) depth++;
    if (depth === 0) return true;
  }
  return false;
}

/**
 * Splits a text into plain markdown and runs of variants, reporting every mistake in the
 * `:::` lines. `lexInner` lexes a block's markdown at its offset in the file.
 */
export function splitVariants(
  text: string,
  baseOffset: number,
  report: Reporter | undefined,
  offered: Offered | undefined,
  lexInner: (text: string, offset: number) => { token: Token; offset: number }[],
): Piece[] {
  const raw = scanBlocks(text, baseOffset, report);
  if (raw.length === 0) return [{ kind: 'markdown', text, offset: baseOffset }];
  const pieces: Piece[] = [];
  let pos = 0;
  let run: RawBlock[] = [];
  const flushRun = () => {
    if (run.length === 0) return;
    const first = run[0]!;
    const last = run[run.length - 1]!;
    const blocks = run.map((b) => toBlock(text, baseOffset, b, report, offered, lexInner));
    checkRun(run, blocks, baseOffset, report);
    pieces.push({
      kind: 'variants',
      token: { type: 'variants', raw: text.slice(first.open.start, last.end), blocks },
      offset: baseOffset + first.open.start,
    });
    pos = last.end;
    run = [];
  };
  for (const b of raw) {
    const previous = run[run.length - 1];
    const joined = previous && previous.kind !== 'otherwise' && text.slice(previous.end, b.open.start).trim() === '';
    if (!joined) flushRun();
    if (run.length === 0 && b.open.start > pos)
      pieces.push({ kind: 'markdown', text: text.slice(pos, b.open.start), offset: baseOffset + pos });
    run.push(b);
  }
  flushRun();
  if (pos < text.length) pieces.push({ kind: 'markdown', text: text.slice(pos), offset: baseOffset + pos });
  return pieces;
}

/** A run is `::: for` blocks then one `::: otherwise`; the same `for` list twice can never show. */
function checkRun(run: RawBlock[], blocks: VariantBlock[], baseOffset: number, report: Reporter | undefined): void {
  const first = run[0]!;
  const last = run[run.length - 1]!;
  if (run.some((b) => b.kind === 'unknown')) return; // reported as it is
  if (first.kind === 'otherwise')
    report?.error(
      baseOffset + first.open.start,
      'this "::: otherwise" has no "::: for" block before it: it holds the text for everyone a "::: for <names>" block above it does not cover (only blank lines between them)',
    );
  else if (last.kind !== 'otherwise')
    report?.error(
      baseOffset + first.open.start,
      'these variants have no "::: otherwise" block: add one after the last "::: for" block (only blank lines between), with the text everyone else sees',
    );
  const seen = new Set<string>();
  run.forEach((b, i) => {
    if (b.kind !== 'for') return;
    const key = [...blocks[i]!.for].sort().join(' ');
    if (key && seen.has(key))
      report?.warn(
        baseOffset + b.open.start,
        `"${b.open.text.trim()}" repeats a "for" list given earlier in these variants: the first one always wins, so this one can never show`,
      );
    seen.add(key);
  });
}

/** Lexes a block's markdown; headings and fenced blocks are refused inside (raw HTML is refused everywhere). */
function toBlock(
  text: string,
  baseOffset: number,
  b: RawBlock,
  report: Reporter | undefined,
  offered: Offered | undefined,
  lexInner: (text: string, offset: number) => { token: Token; offset: number }[],
): VariantBlock {
  const names =
    b.kind === 'for'
      ? (forList(
          b.open.text.slice(b.open.text.indexOf('for') + 3),
          baseOffset + b.open.start + b.open.text.indexOf('for') + 3,
          report,
          offered,
        ) ?? [])
      : [];
  const items = lexInner(text.slice(b.innerStart, b.innerEnd), baseOffset + b.innerStart).filter(
    ({ token, offset }) => {
      if (token.type === 'heading') {
        report?.error(offset, 'a heading cannot be tailored: put it outside the "::: for" and "::: otherwise" blocks');
        return false;
      }
      if (token.type === 'code') {
        report?.error(
          offset,
          'a social media block (or any fenced block) cannot sit inside a tailored passage: put it outside the "::: for" and "::: otherwise" blocks',
        );
        return false;
      }
      return true;
    },
  );
  return { for: names, items };
}

/**
 * Reads a `for` list ("wales, scotland" or "medical"): names separated by commas, each a
 * known nation or staff group that the module offers. `offset` is where `text` starts in the
 * file. Returns the names, or undefined after reporting a mistake.
 */
export function forList(
  text: string,
  offset: number,
  report: Reporter | undefined,
  offered: Offered | undefined,
): string[] | undefined {
  const names: string[] = [];
  let failed = false;
  let at = 0;
  if (!text.trim()) {
    report?.error(offset, 'say who this is for, like "for wales" or "for medical, scotland"');
    return undefined;
  }
  for (const part of text.split(',')) {
    const name = part.trim();
    const where = offset + at + part.indexOf(name);
    at += part.length + 1;
    const problem = nameProblem(name, offered);
    if (problem) {
      report?.error(where, problem);
      failed = true;
    } else if (!names.includes(name)) names.push(name);
  }
  return failed ? undefined : names;
}

const KNOWN: readonly string[] = [...NATIONS, ...GROUPS];

function nameProblem(name: string, offered: Offered | undefined): string | undefined {
  if (!name) return 'a name is missing between the commas';
  if (/\s/.test(name)) return `"${name}" is not one name: separate names with commas, like "for wales, scotland"`;
  if (!isNation(name) && !isGroup(name)) {
    const near = closest(name, KNOWN);
    return `\`${name}\` is not a nation or staff group.${near ? ` Did you mean \`${near}\`?` : ''} Nations: ${NATIONS.join(', ')}; staff groups: ${GROUPS.join(', ')}`;
  }
  if (!offered)
    return `this module does not ask learners where they work or their staff group, so nothing can be tailored to \`${name}\`: add "profiles" (nations and groups) to module.yaml`;
  const list: readonly string[] = isNation(name) ? offered.nations : offered.groups;
  if (!list.includes(name))
    return `the module does not offer \`${name}\`: add it to profiles.${isNation(name) ? 'nations' : 'groups'} in module.yaml, or tailor to a ${isNation(name) ? 'nation' : 'staff group'} it offers (${list.join(', ')})`;
  return undefined;
}

const RUNS = /<fl-variants>([\s\S]*?)<\/fl-variants>/g;
const WHEN_FOR = /<fl-when for="([^"]*)">/g;

/** The `for` lists of each run of variants in compiled HTML, in order (the fallback as ''). */
export function variantRuns(html: string): string[][] {
  return [...html.matchAll(RUNS)].map(([, inner]) => [...inner!.matchAll(WHEN_FOR)].map((m) => m[1]!));
}

/** Runs as an author reads them: "[for wales | otherwise], [for medical | otherwise]". */
export function describeRuns(runs: string[][]): string {
  if (runs.length === 0) return 'no variants';
  return runs
    .map((r) => `[${r.map((f) => (f ? `for ${f.split(' ').join(', ')}` : 'otherwise')).join(' | ')}]`)
    .join(', ');
}

/** What a field of a scenario is tailored by, for comparing a translation with its English file. */
export interface TailoredShape {
  /** The field as an author names it: "the situation", "the feedback of the choice \"x\"". */
  field: string;
  /** Its runs and tailored sources as an author reads them; 'none' when untailored. */
  shape: string;
}

/** Every field of a scenario that can be tailored, with the variants (or sources) it holds. */
export function tailoredShapes(s: Pick<Scenario, 'situation' | 'choices'>): Map<string, TailoredShape> {
  const partsHtml = (parts: readonly Part[] | undefined) =>
    (parts ?? []).map((p) => (p.kind === 'html' ? p.html : '')).join('');
  const shapes = new Map<string, TailoredShape>();
  shapes.set('situation', { field: 'the situation', shape: describeRuns(variantRuns(partsHtml(s.situation))) });
  for (const c of s.choices) {
    shapes.set(`feedback:${c.id}`, {
      field: `the feedback of the choice "${c.id}"`,
      shape: describeRuns(variantRuns(c.feedbackHtml)),
    });
    shapes.set(`consequence:${c.id}`, {
      field: `"What happens next" under the choice "${c.id}"`,
      shape: describeRuns(variantRuns(partsHtml(c.consequence))),
    });
    shapes.set(`sources:${c.id}`, {
      field: `the sources of the choice "${c.id}"`,
      shape: c.sources?.length
        ? c.sources.map((t) => `"source for ${t.for.join(', ')}"`).join(', ')
        : 'no tailored sources',
    });
  }
  return shapes;
}

/**
 * A translation carries the same tailored passages and sources as its English file, field by
 * field: otherwise a learner would see different advice in each language. `offsetOf` says
 * where in the translation each field (by its key) starts.
 */
export function checkSameVariants(
  english: Map<string, TailoredShape>,
  translated: Map<string, TailoredShape>,
  report: Reporter,
  offsetOf: (key: string) => number,
  language: string,
): void {
  for (const [key, t] of translated) {
    const e = english.get(key);
    if (!e || e.shape === t.shape) continue;
    report.error(
      offsetOf(key),
      `this file and the English file tailor ${t.field} differently: the English has ${e.shape}, this file has ${t.shape}. A ${language} file carries the same "::: for" lists and "source for" lines as its English file, in the same order`,
    );
  }
}

/** The same check for one field of HTML (an introduction or a summary). */
export function checkSameRuns(
  englishHtml: string,
  translatedHtml: string,
  field: string,
  report: Reporter,
  offset: number,
  language: string,
): void {
  const e = describeRuns(variantRuns(englishHtml));
  const t = describeRuns(variantRuns(translatedHtml));
  if (e !== t)
    report.error(
      offset,
      `this file and the English file tailor ${field} differently: the English has ${e}, this file has ${t}. A ${language} file carries the same "::: for" lists as its English file, in the same order`,
    );
}

/** How much of a module is tailored: for `npm run check`. */
export interface Tailoring {
  /** Runs of variants in the module's own language (introduction, summary, situations, feedback, consequences). */
  passages: number;
  /** Choices' tailored sources. */
  sources: number;
  /** Every name a variant or source is tailored to, in NATIONS then GROUPS order. */
  names: string[];
}

export function tailoring(course: Course): Tailoring {
  const html = [
    course.introHtml,
    course.summaryHtml,
    ...course.scenarios.flatMap((s) => [
      ...s.situation.map((p) => (p.kind === 'html' ? p.html : '')),
      ...s.choices.flatMap((c) => [
        c.feedbackHtml,
        ...(c.consequence ?? []).map((p) => (p.kind === 'html' ? p.html : '')),
      ]),
    ]),
  ];
  const runs = html.flatMap(variantRuns);
  const sources = course.scenarios.flatMap((s) => s.choices.flatMap((c) => c.sources ?? []));
  const used = new Set([...runs.flat().flatMap((f) => f.split(' ')), ...sources.flatMap((t) => t.for)]);
  return { passages: runs.length, sources: sources.length, names: KNOWN.filter((n) => used.has(n)) };
}
