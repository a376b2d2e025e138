/** The sign-off map: whole titles, choices by their words, and nothing drawn over a box. */
import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../../src/compiler/course.js';
import { analyse } from '../../../src/compiler/graph.js';
import { BOX_W, layoutMap, toMermaid, toSvg, type MapBox } from '../../../src/compiler/map.js';
import type { Course } from '../../../src/core/model.js';

import { ROOT } from '../../root.js';
const flagship = (): Course => loadCourse(ROOT, 'social-media-nhs').course;
const sample = (): Course => loadCourse(ROOT, 'sample').course;

/** Whether a horizontal or vertical segment passes through the inside of a box. */
function crosses([x1, y1, x2, y2]: [number, number, number, number], b: MapBox, width: number): boolean {
  const [left, right, top, bottom] = [b.x, b.x + width, b.y, b.y + b.h];
  if (y1 === y2) return y1 > top && y1 < bottom && Math.max(x1, x2) > left && Math.min(x1, x2) < right;
  return x1 > left && x1 < right && Math.max(y1, y2) > top && Math.min(y1, y2) < bottom;
}

describe('the scenario map', () => {
  it('labels a branch with the words of the choices that take it, not their ids', () => {
    const course = flagship();
    const svg = toSvg(course, analyse(course));
    const mermaid = toMermaid(course, analyse(course));
    expect(svg).toContain('“Post it, because the public deserves to know” →');
    expect(svg).not.toMatch(/>[^<]*post-publicly[^<]*</);
    expect(mermaid).toContain(
      'missed_observations -->|"“Post it, because the public deserves to know”"| missed_observations_manager',
    );
  });

  it('shows a long title whole, over as many lines as it needs', () => {
    const course = sample();
    const long = 'A very long scenario title that an author wrote to say exactly what happens on the ward at night';
    course.scenarios[0]!.title = long;
    const box = layoutMap(course, analyse(course)).boxes.find((b) => b.id === course.scenarios[0]!.id)!;
    expect(box.title.length).toBeGreaterThan(1);
    expect(box.title.join(' ')).toBe(long);
  });

  it('draws no arrow through a box, and keeps every line of text inside its box', () => {
    for (const course of [flagship(), sample()]) {
      const layout = layoutMap(course, analyse(course));
      const width = BOX_W;
      for (const arrow of layout.arrows) {
        for (let i = 1; i < arrow.points.length; i++) {
          const segment = [...arrow.points[i - 1]!, ...arrow.points[i]!] as [number, number, number, number];
          for (const box of layout.boxes)
            expect(crosses(segment, box, width), `${arrow.from} -> ${arrow.to} crosses ${box.id}`).toBe(false);
        }
      }
      for (const box of layout.boxes) {
        // 0.6em a character is wider than Arial's average; 12 px padding each side.
        for (const line of box.title) expect(line.length * 15 * 0.6).toBeLessThanOrEqual(width - 24);
        for (const line of box.exits.flatMap((e) => e.lines))
          expect(line.length * 12 * 0.6).toBeLessThanOrEqual(width - 24);
        for (const exit of box.exits) expect(exit.y).toBeLessThan(box.y + box.h);
      }
    }
  });

  it('starts each arrow on the side of the box it leaves and ends it on the box it reaches', () => {
    const course = flagship();
    const layout = layoutMap(course, analyse(course));
    const byId = new Map(layout.boxes.map((b) => [b.id, b]));
    for (const arrow of layout.arrows) {
      const [from, to] = [byId.get(arrow.from)!, byId.get(arrow.to)!];
      const [[x1, y1], [x2, y2]] = [arrow.points[0]!, arrow.points.at(-1)!];
      expect(y1).toBeGreaterThanOrEqual(from.y);
      expect(y1).toBeLessThanOrEqual(from.y + from.h);
      expect(x1).toBeGreaterThanOrEqual(from.x);
      expect(y2).toBeGreaterThanOrEqual(to.y);
      expect(y2).toBeLessThanOrEqual(to.y + to.h);
      expect(x1 === from.x + BOX_W || (x1 === from.x + BOX_W / 2 && y1 === from.y + from.h)).toBe(true);
      expect([to.x, to.x + BOX_W / 2, to.x + BOX_W]).toContain(x2);
    }
  });
});
