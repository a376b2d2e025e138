/**
 * The scenario graph of a module, for checks (loops, dead ends, the best possible score)
 * and for the map that a clinical governance lead signs off.
 */
import { END, type Course, type Scenario } from '../core/model.js';

export interface Edge {
  from: string;
  /** A scenario id or END. */
  to: string;
  /** The choices that lead this way (ids), or [] for "any answer". */
  choices: string[];
}

/** Where each choice can lead, given which main-path scenario the learner came from. */
interface Node {
  id: string;
  mainIndex: number;
}

function successors(
  course: Course,
  node: Node,
): { to: Node | null; choice: string | null; score: number; scenario: Scenario }[] {
  const s = course.scenarios.find((x) => x.id === node.id)!;
  const index = course.order.indexOf(s.id);
  const mainIndex = index >= 0 ? index : node.mainIndex;
  const follow = (target: string | undefined): Node | null => {
    const next = target ?? course.order[mainIndex + 1] ?? END;
    return next === END ? null : { id: next, mainIndex };
  };
  if (s.select === 'many') return [{ to: follow(s.next), choice: null, score: 1, scenario: s }];
  const best = Math.max(...s.choices.map((c) => c.score));
  return s.choices.map((c) => ({
    to: follow(c.next ?? s.next),
    choice: c.id,
    score: best > 0 ? c.score / best : 0,
    scenario: s,
  }));
}

const keyOf = (n: Node) => `${n.id}@${n.mainIndex}`;

export interface GraphReport {
  edges: Edge[];
  /** Scenarios from which the end of the module cannot be reached. */
  deadEnds: string[];
  /** Scenario ids that form a loop (a learner can meet them twice). */
  loops: string[][];
  /** The best score a learner can reach (0..100), over every path. */
  bestScore: number;
  /** The longest path, in decisions. */
  longestPath: number;
}

/** Analyses every path a learner can take through the module. */
export function analyse(course: Course): GraphReport {
  const start: Node | null = course.order[0] ? { id: course.order[0], mainIndex: 0 } : null;
  const seen = new Map<string, Node>();
  const out = new Map<string, (Node | null)[]>();
  const stack = start ? [start] : [];
  while (stack.length) {
    const node = stack.pop()!;
    if (seen.has(keyOf(node))) continue;
    seen.set(keyOf(node), node);
    const next = successors(course, node).map((s) => s.to);
    out.set(keyOf(node), next);
    for (const n of next) if (n && !seen.has(keyOf(n))) stack.push(n);
  }

  // Which states can reach the end?
  const canEnd = new Set<string>();
  let changed = true;
  while (changed) {
    changed = false;
    for (const [k, next] of out) {
      if (!canEnd.has(k) && next.some((n) => n === null || canEnd.has(keyOf(n)))) {
        canEnd.add(k);
        changed = true;
      }
    }
  }
  const deadEnds = [...new Set([...seen.values()].filter((n) => !canEnd.has(keyOf(n))).map((n) => n.id))];

  // Loops: cycles in the state graph (depth-first search with colours).
  const loops: string[][] = [];
  const colour = new Map<string, 'grey' | 'black'>();
  const path: Node[] = [];
  const visit = (n: Node) => {
    colour.set(keyOf(n), 'grey');
    path.push(n);
    for (const m of out.get(keyOf(n)) ?? []) {
      if (!m) continue;
      const c = colour.get(keyOf(m));
      if (c === 'grey')
        loops.push(
          path
            .slice(path.findIndex((p) => keyOf(p) === keyOf(m)))
            .map((p) => p.id)
            .concat(m.id),
        );
      else if (!c) visit(m);
    }
    path.pop();
    colour.set(keyOf(n), 'black');
  };
  if (start) visit(start);

  // Best mean score and longest path over loop-free paths. For each state, the best total
  // score from there to the end for each possible number of decisions (the mean is not
  // additive, so the totals are kept per length).
  const memo = new Map<string, Map<number, number>>();
  const onPath = new Set<string>();
  const totals = (n: Node | null): Map<number, number> => {
    if (n === null) return new Map([[0, 0]]);
    const k = keyOf(n);
    const known = memo.get(k);
    if (known) return known;
    if (onPath.has(k)) return new Map();
    onPath.add(k);
    const result = new Map<number, number>();
    for (const s of successors(course, n)) {
      for (const [len, sum] of totals(s.to)) {
        const total = sum + s.score;
        if ((result.get(len + 1) ?? -1) < total) result.set(len + 1, total);
      }
    }
    onPath.delete(k);
    memo.set(k, result);
    return result;
  };
  let best = 0;
  let longest = 0;
  for (const [len, sum] of start ? totals(start) : new Map<number, number>()) {
    if (len > 0) best = Math.max(best, sum / len);
    longest = Math.max(longest, len);
  }

  // Edges for the map, merged over main-path context.
  const edgeMap = new Map<string, Edge>();
  for (const node of seen.values()) {
    for (const s of successors(course, node)) {
      const to = s.to?.id ?? END;
      const k = `${node.id}->${to}`;
      const edge = edgeMap.get(k) ?? { from: node.id, to, choices: [] };
      if (s.choice && !edge.choices.includes(s.choice)) edge.choices.push(s.choice);
      edgeMap.set(k, edge);
    }
  }
  return { edges: [...edgeMap.values()], deadEnds, loops, bestScore: Math.round(best * 100), longestPath: longest };
}

/** The graph as Mermaid text (a flowchart), readable in a code host or a Mermaid viewer. */
export function toMermaid(course: Course, report: GraphReport): string {
  const name = (id: string) => (id === END ? 'finish' : id.replace(/-/g, '_'));
  const label = (text: string) => text.replace(/"/g, "'");
  const lines = ['flowchart TD', `  start(["Start: ${label(course.title)}"])`];
  for (const s of course.scenarios) {
    const main = course.order.includes(s.id);
    lines.push(
      `  ${name(s.id)}${main ? '[' : '[/'}"${label(s.title)}<br/><small>${s.id} · ${s.objective}</small>"${main ? ']' : '/]'}`,
    );
  }
  lines.push('  finish(["Results"])');
  if (course.order[0]) lines.push(`  start --> ${name(course.order[0])}`);
  for (const e of report.edges) {
    const all = course.scenarios.find((s) => s.id === e.from)!.choices.length === e.choices.length;
    lines.push(`  ${name(e.from)} -->${e.choices.length && !all ? `|${e.choices.join(', ')}|` : ''} ${name(e.to)}`);
  }
  return `${lines.join('\n')}\n`;
}

function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
  );
}

/**
 * The graph as a standalone SVG: the main path down the left, follow-ups beside the
 * scenario that leads to them, each edge labelled with the choices that take it.
 */
export function toSvg(course: Course, report: GraphReport): string {
  const boxW = 340;
  const boxH = 56;
  const gapY = 40;
  const colX = [40, 480, 920];
  const pos = new Map<string, { x: number; y: number }>();
  let row = 0;
  pos.set('__start', { x: colX[0]!, y: 20 });
  row = 1;
  const placed = new Set<string>();
  const place = (id: string, col: number) => {
    if (placed.has(id)) return;
    placed.add(id);
    pos.set(id, { x: colX[Math.min(col, colX.length - 1)]!, y: 20 + row * (boxH + gapY) });
    row++;
    for (const e of report.edges.filter((x) => x.from === id && x.to !== END && !course.order.includes(x.to)))
      place(e.to, col + 1);
  };
  for (const id of course.order) place(id, 0);
  for (const s of course.scenarios) place(s.id, 1);
  pos.set(END, { x: colX[0]!, y: 20 + row * (boxH + gapY) });
  const height = 20 + (row + 1) * (boxH + gapY);
  const width = colX[colX.length - 1]! + boxW + 40;

  const parts: string[] = [];
  const box = (id: string, title: string, sub: string, main: boolean) => {
    const p = pos.get(id)!;
    parts.push(
      `<g><rect x="${p.x}" y="${p.y}" width="${boxW}" height="${boxH}" rx="${main ? 4 : 16}" fill="${main ? '#ffffff' : '#e8f1fa'}" stroke="${main ? '#005eb8' : '#4c6272'}" stroke-width="2"/>` +
        `<text x="${p.x + 12}" y="${p.y + 24}" font-size="15" font-weight="bold" fill="#212b32">${escapeXml(title.length > 36 ? `${title.slice(0, 35)}…` : title)}</text>` +
        `<text x="${p.x + 12}" y="${p.y + 44}" font-size="12" fill="#4c6272">${escapeXml(sub)}</text></g>`,
    );
  };
  box('__start', `Start: ${course.title}`, `${course.id} ${course.version} · pass mark ${course.passMark}%`, true);
  for (const s of course.scenarios)
    box(
      s.id,
      s.title,
      `${s.id} · ${s.objective}${course.order.includes(s.id) ? '' : ' · follow-up'}`,
      course.order.includes(s.id),
    );
  box(END, 'Results', `best possible score ${report.bestScore}%`, true);

  const arrow = (from: string, to: string, label: string) => {
    const a = pos.get(from)!;
    const b = pos.get(to)!;
    const x1 = a.x + boxW / 2 + (b.x > a.x ? boxW / 2 : 0);
    const y1 = a.y + (b.x > a.x ? boxH / 2 : boxH);
    const x2 = b.x + (b.x < a.x ? boxW : b.x > a.x ? 0 : boxW / 2);
    const y2 = b.x === a.x ? b.y : b.y + boxH / 2;
    const back = b.x === a.x && b.y < a.y;
    const d = back
      ? `M${a.x},${a.y + boxH / 2} C${a.x - 30},${a.y} ${b.x - 30},${b.y + boxH} ${b.x},${b.y + boxH / 2}`
      : `M${x1},${y1} L${x2},${y2}`;
    parts.push(`<path d="${d}" fill="none" stroke="#4c6272" stroke-width="1.5" marker-end="url(#arrow)"/>`);
    if (label)
      parts.push(
        `<text x="${(x1 + x2) / 2 + 6}" y="${(y1 + y2) / 2 - 4}" font-size="11" fill="#005eb8">${escapeXml(label)}</text>`,
      );
  };
  if (course.order[0]) arrow('__start', course.order[0], '');
  for (const e of report.edges) {
    const s = course.scenarios.find((x) => x.id === e.from)!;
    arrow(e.from, e.to, e.choices.length === s.choices.length ? '' : e.choices.join(', '));
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Arial, sans-serif" role="img" aria-labelledby="t">
<title id="t">Scenario map: ${escapeXml(course.title)} ${escapeXml(course.version)}</title>
<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#4c6272"/></marker></defs>
<rect width="100%" height="100%" fill="#f0f4f5"/>
${parts.join('\n')}
</svg>
`;
}
