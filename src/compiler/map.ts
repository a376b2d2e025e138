/**
 * The scenario map a clinical governance lead signs off: every scenario and where each
 * choice leads, as a standalone SVG and as Mermaid text. Choices are named by the words
 * learners see, never by their ids.
 */
import { END, type Course, type Scenario } from '../core/model.js';
import type { Edge, GraphReport } from './graph.js';
import { escapeHtml } from '../core/escape.js';

/** The words of the choices that take an edge, or '' when every choice does (or a feed). */
function edgeLabel(course: Course, edge: Edge): string {
  const s = course.scenarios.find((x) => x.id === edge.from)!;
  if (edge.choices.length === 0 || edge.choices.length === s.choices.length) return '';
  return edge.choices.map((id) => `“${s.choices.find((c) => c.id === id)?.text ?? id}”`).join(' or ');
}

/** The graph as Mermaid text (a flowchart), readable in a code host or a Mermaid viewer. */
export function toMermaid(course: Course, report: GraphReport): string {
  const name = (id: string) => (id === END ? 'finish' : id.replace(/-/g, '_'));
  const quote = (text: string) => text.replace(/"/g, "'").replace(/\|/g, '/');
  const lines = ['flowchart TD', `  start(["Start: ${quote(course.title)}"])`];
  for (const s of course.scenarios) {
    const main = course.order.includes(s.id);
    lines.push(
      `  ${name(s.id)}${main ? '[' : '[/'}"${quote(s.title)}<br/><small>${s.id} · ${s.objective}</small>"${main ? ']' : '/]'}`,
    );
  }
  lines.push('  finish(["Results"])');
  if (course.order[0]) lines.push(`  start --> ${name(course.order[0])}`);
  for (const e of report.edges) {
    const label = edgeLabel(course, e);
    lines.push(`  ${name(e.from)} -->${label ? `|"${quote(label)}"|` : ''} ${name(e.to)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Splits text into lines of at most `width` characters, at spaces where it can. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = '';
    }
    line = line ? `${line} ${word}` : word;
    while (line.length > width) {
      lines.push(line.slice(0, width));
      line = line.slice(width);
    }
  }
  return line ? [...lines, line] : lines;
}

/** The width of every box on the map. */
export const BOX_W = 460;
const GUTTER = 140;
const PAD = 12;
const TITLE_LINE = 19;
const SMALL_LINE = 16;
const GAP_Y = 36;
/** Characters per line: at 0.6em a character (wider than Arial's average), lines fit inside BOX_W. */
const TITLE_CHARS = 44;
const EXIT_CHARS = 60;

/** A box drawn on the map: its place, lines of text, and where each labelled edge leaves it. */
export interface MapBox {
  id: string;
  x: number;
  y: number;
  h: number;
  col: number;
  title: string[];
  sub: string;
  /** One per labelled edge out of this box: the words, and the y the arrow leaves at. */
  exits: { to: string; lines: string[]; y: number }[];
  main: boolean;
}

/** A line from (x1, y1) to (x2, y2); every arrow is horizontal and vertical runs. */
export type Segment = [number, number, number, number];

export interface MapLayout {
  width: number;
  height: number;
  boxes: MapBox[];
  arrows: { from: string; to: string; points: [number, number][] }[];
}

/** Which column each scenario goes in: the main path on the left, follow-ups right of what leads to them. */
function columns(course: Course, report: GraphReport): { id: string; col: number }[] {
  const rows: { id: string; col: number }[] = [];
  const placed = new Set<string>();
  const place = (id: string, col: number) => {
    if (placed.has(id)) return;
    placed.add(id);
    rows.push({ id, col: Math.min(col, 2) });
    for (const e of report.edges.filter((x) => x.from === id && x.to !== END && !course.order.includes(x.to)))
      place(e.to, col + 1);
  };
  for (const id of course.order) place(id, 0);
  for (const s of course.scenarios) place(s.id, 1);
  return rows;
}

/** Places every box (one per row, so arrows between columns never cross a box) and routes the arrows. */
export function layoutMap(course: Course, report: GraphReport): MapLayout {
  const boxes: MapBox[] = [];
  let y = 20;
  const add = (id: string, col: number, title: string, sub: string, main: boolean, scenario?: Scenario) => {
    const titleLines = wrap(title, TITLE_CHARS);
    const box: MapBox = { id, x: 40 + col * (BOX_W + GUTTER), y, h: 0, col, title: titleLines, sub, exits: [], main };
    let inner = PAD + titleLines.length * TITLE_LINE + SMALL_LINE;
    for (const e of scenario ? report.edges.filter((x) => x.from === scenario.id) : []) {
      const label = edgeLabel(course, e);
      if (!label) continue;
      const lines = wrap(label, EXIT_CHARS - 2);
      lines.push(`${lines.pop()} →`);
      box.exits.push({ to: e.to, lines, y: y + inner + 8 });
      inner += lines.length * SMALL_LINE + 4;
    }
    box.h = inner + PAD;
    boxes.push(box);
    y += box.h + GAP_Y;
  };
  add('__start', 0, `Start: ${course.title}`, `${course.id} ${course.version} · pass mark ${course.passMark}%`, true);
  for (const { id, col } of columns(course, report)) {
    const s = course.scenarios.find((x) => x.id === id)!;
    const main = course.order.includes(id);
    add(id, col, s.title, `${s.id} · ${s.objective}${main ? '' : ' · follow-up'}`, main, s);
  }
  add(END, 0, 'Results', `${report.fewestDecisions} to ${report.mostDecisions} decisions`, true);
  const width = 40 + Math.max(...boxes.map((b) => b.col)) * (BOX_W + GUTTER) + BOX_W + GUTTER;
  const arrows = routeArrows(course, report, boxes);
  return { width, height: y, boxes, arrows };
}

function routeArrows(course: Course, report: GraphReport, boxes: MapBox[]): MapLayout['arrows'] {
  const byId = new Map(boxes.map((b) => [b.id, b]));
  const arrows: MapLayout['arrows'] = [];
  const lanes = new Map<number, number>();
  const arrivals = new Map<string, number>();
  const edges = [...(course.order[0] ? [{ from: '__start', to: course.order[0], choices: [] }] : []), ...report.edges];
  for (const e of edges) {
    const a = byId.get(e.from)!;
    const b = byId.get(e.to)!;
    const exit = a.exits.find((x) => x.to === e.to);
    const next = boxes[boxes.indexOf(a) + 1];
    if (!exit && next === b && a.col === b.col) {
      // Straight down to the box below.
      arrows.push({
        from: e.from,
        to: e.to,
        points: [
          [a.x + BOX_W / 2, a.y + a.h],
          [b.x + BOX_W / 2, b.y],
        ],
      });
      continue;
    }
    // Out of the right side, down (or up) the gutter in a lane of its own, then into the target's side.
    const lane = lanes.get(a.col) ?? 0;
    lanes.set(a.col, lane + 1);
    const gx = a.x + BOX_W + 16 + (lane % 10) * 12;
    // Leave beside the line that ends in "→"; arrive a little apart from other arrows into the same box.
    const y1 = exit ? exit.y + (exit.lines.length - 1) * SMALL_LINE : a.y + a.h / 2;
    const arrival = arrivals.get(b.id) ?? 0;
    arrivals.set(b.id, arrival + 1);
    const y2 = b.y + Math.min(b.h - 8, 16 + arrival * 8);
    const x2 = b.x > gx ? b.x : b.x + BOX_W;
    arrows.push({
      from: e.from,
      to: e.to,
      points: [
        [a.x + BOX_W, y1],
        [gx, y1],
        [gx, y2],
        [x2, y2],
      ],
    });
  }
  return arrows;
}

/** The map as a standalone SVG. */
export function toSvg(course: Course, report: GraphReport): string {
  const { width, height, boxes, arrows } = layoutMap(course, report);
  const parts: string[] = [];
  for (const b of boxes) {
    const text = (x: number, y: number, size: number, fill: string, t: string, bold = false) =>
      `<text x="${x}" y="${y}" font-size="${size}"${bold ? ' font-weight="bold"' : ''} fill="${fill}">${escapeHtml(t)}</text>`;
    const lines: string[] = [];
    let ty = b.y + PAD + 14;
    for (const t of b.title) {
      lines.push(text(b.x + PAD, ty, 15, '#212b32', t, true));
      ty += TITLE_LINE;
    }
    lines.push(text(b.x + PAD, ty, 12, '#4c6272', b.sub));
    for (const exit of b.exits)
      exit.lines.forEach((t, i) => lines.push(text(b.x + PAD, exit.y + 4 + i * SMALL_LINE, 12, '#005eb8', t)));
    parts.push(
      `<g><rect x="${b.x}" y="${b.y}" width="${BOX_W}" height="${b.h}" rx="${b.main ? 4 : 16}" fill="${b.main ? '#ffffff' : '#e8f1fa'}" stroke="${b.main ? '#005eb8' : '#4c6272'}" stroke-width="2"/>${lines.join('')}</g>`,
    );
  }
  for (const a of arrows)
    parts.push(
      `<path d="M${a.points.map(([x, y]) => `${x},${y}`).join(' L')}" fill="none" stroke="#4c6272" stroke-width="1.5" marker-end="url(#arrow)"/>`,
    );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Arial, sans-serif" role="img" aria-labelledby="t">
<title id="t">Scenario map: ${escapeHtml(course.title)} ${escapeHtml(course.version)}</title>
<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#4c6272"/></marker></defs>
<rect width="100%" height="100%" fill="#f0f4f5"/>
${parts.join('\n')}
</svg>
`;
}
