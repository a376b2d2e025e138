/**
 * The scenario graph of a module, for the loop check and for the map that a clinical
 * governance lead signs off. Where a choice leads is core's rule (`stepAfter`), not a copy.
 */
import { END, type Course } from '../core/model.js';
import { correctChoices, scenarioById, stepAfter } from '../core/state.js';

export interface Edge {
  from: string;
  /** A scenario id or END. */
  to: string;
  /** The choices that lead this way (ids), or [] for a feed, where any answer does. */
  choices: string[];
}

/**
 * A learner's place: a scenario, and the last main-path scenario before it, since a
 * follow-up with no `next` returns to the main path after the scenario that led to it.
 */
interface Node {
  id: string;
  mainIndex: number;
}

/** Each way on from a node: the choice taken (null for a feed) and where it leads (null at the end). */
function successors(course: Course, node: Node): { choice: string | null; to: Node | null }[] {
  const s = scenarioById(course, node.id);
  const decisions =
    s.select === 'many'
      ? [{ choice: null, choiceIds: correctChoices(s).map((c) => c.id) }]
      : s.choices.map((c) => ({ choice: c.id, choiceIds: [c.id] }));
  return decisions.map(({ choice, choiceIds }) => {
    const step = stepAfter(course, node.mainIndex, { scenarioId: s.id, choiceIds });
    return { choice, to: step.next === END ? null : { id: step.next, mainIndex: step.mainIndex } };
  });
}

const keyOf = (n: Node) => `${n.id}@${n.mainIndex}`;

export interface GraphReport {
  edges: Edge[];
  /** Scenario ids that form a loop (a learner can meet them twice). */
  loops: string[][];
  /** The fewest and most decisions from the first scenario to the results, over loop-free paths. */
  fewestDecisions: number;
  mostDecisions: number;
}

/** Analyses every path a learner can take through the module. */
export function analyse(course: Course): GraphReport {
  const start: Node | null = course.order[0] ? { id: course.order[0], mainIndex: -1 } : null;
  const out = reachable(course, start);
  const lengths = pathLengths(out, start);
  return {
    edges: edges(course, out),
    loops: findLoops(out, start),
    fewestDecisions: lengths.length ? Math.min(...lengths) : 0,
    mostDecisions: lengths.length ? Math.max(...lengths) : 0,
  };
}

type Successors = Map<string, { node: Node; next: { choice: string | null; to: Node | null }[] }>;

/** Every node a learner can reach from the start, with its successors. */
function reachable(course: Course, start: Node | null): Successors {
  const out: Successors = new Map();
  const stack = start ? [start] : [];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (out.has(keyOf(node))) continue;
    const next = successors(course, node);
    out.set(keyOf(node), { node, next });
    for (const { to } of next) if (to && !out.has(keyOf(to))) stack.push(to);
  }
  return out;
}

/** Cycles, as the scenario ids round each (depth-first search with colours). */
function findLoops(out: Successors, start: Node | null): string[][] {
  const loops: string[][] = [];
  const colour = new Map<string, 'grey' | 'black'>();
  const path: Node[] = [];
  const visit = (n: Node) => {
    colour.set(keyOf(n), 'grey');
    path.push(n);
    for (const { to: m } of out.get(keyOf(n))?.next ?? []) {
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
  return loops;
}

/** The number of decisions on each distinct loop-free path length to the end. */
function pathLengths(out: Successors, start: Node | null): number[] {
  const memo = new Map<string, Set<number>>();
  const onPath = new Set<string>();
  const lengths = (n: Node | null): Set<number> => {
    if (n === null) return new Set([0]);
    const k = keyOf(n);
    const known = memo.get(k);
    if (known) return known;
    if (onPath.has(k)) return new Set();
    onPath.add(k);
    const result = new Set<number>();
    for (const { to } of out.get(k)?.next ?? []) for (const len of lengths(to)) result.add(len + 1);
    onPath.delete(k);
    memo.set(k, result);
    return result;
  };
  return start ? [...lengths(start)] : [];
}

/** Edges between scenarios, merged over where on the main path the learner came from. */
function edges(course: Course, out: Successors): Edge[] {
  const byKey = new Map<string, Edge>();
  for (const { node, next } of out.values()) {
    for (const { choice, to } of next) {
      const target = to?.id ?? END;
      const k = `${node.id}->${target}`;
      const edge = byKey.get(k) ?? { from: node.id, to: target, choices: [] };
      if (choice && !edge.choices.includes(choice)) edge.choices.push(choice);
      byKey.set(k, edge);
    }
  }
  // In the scenarios' order, so the map and its text read the same every time.
  const rank = (id: string) => (id === END ? Infinity : course.scenarios.findIndex((s) => s.id === id));
  return [...byKey.values()].sort((a, b) => rank(a.from) - rank(b.from) || rank(a.to) - rank(b.to));
}
