/** Content errors that name the file, line and column, and what was expected. */

export interface ContentIssue {
  file: string;
  line: number;
  col: number;
  message: string;
  severity: 'error' | 'warning';
}

/** Thrown by the build when content has errors; carries every issue found. */
export class ContentError extends Error {
  constructor(readonly issues: ContentIssue[]) {
    super(issues.map(formatIssue).join('\n'));
    this.name = 'ContentError';
  }
}

/** `file:line:col: error: message`, the form editors and terminals link. */
export function formatIssue(issue: ContentIssue): string {
  return `${issue.file}:${issue.line}:${issue.col}: ${issue.severity}: ${issue.message}`;
}

/** Maps offsets in a text to 1-based lines and columns. */
export class LineMap {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') this.starts.push(i + 1);
  }
  at(offset: number): { line: number; col: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - this.starts[lo]! + 1 };
  }
}

/** Collects issues for one file. */
export class Reporter {
  readonly issues: ContentIssue[] = [];
  private readonly lines: LineMap;
  constructor(
    readonly file: string,
    text: string,
  ) {
    this.lines = new LineMap(text);
  }
  /** The line and column of an offset in the file. */
  at(offset: number): { line: number; col: number } {
    return this.lines.at(offset);
  }
  /** Records an error at an offset in the file. */
  error(offset: number, message: string): void {
    this.issues.push({ file: this.file, ...this.lines.at(offset), message, severity: 'error' });
  }
  warn(offset: number, message: string): void {
    this.issues.push({ file: this.file, ...this.lines.at(offset), message, severity: 'warning' });
  }
  get failed(): boolean {
    return this.issues.some((i) => i.severity === 'error');
  }
}

/** Edit distance, for "did you mean" suggestions. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

/** The candidate closest to a word, when one is close enough to be a likely typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best = '';
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = distance(word.toLowerCase(), c);
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

/** ` (did you mean "x"?)` when a close candidate exists, else ''. */
export function suggest(word: string, candidates: readonly string[]): string {
  const best = closest(word, candidates);
  return best === undefined ? '' : ` (did you mean "${best}"?)`;
}
