/** The scenario graph: where each choice leads is core's rule, and loops are found. */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../../../src/compiler/course.js';
import { analyse } from '../../../src/compiler/graph.js';
import { END, type Course } from '../../../src/core/model.js';
import { correctChoices, nextStep, scenarioById, type Decision } from '../../../src/core/state.js';
import { makeProject } from './fixture.js';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});
function baseCourse(): Course {
  const root = makeProject();
  roots.push(root);
  return loadCourse(root, 'base').course;
}

/** Every (from, to, choice) step a learner can take, found by playing the course with core's nextStep. */
function stepsPlayed(course: Course): Set<string> {
  const steps = new Set<string>();
  const walk = (decisions: Decision[]) => {
    const here = nextStep(course, decisions);
    if (here === END) return;
    const s = scenarioById(course, here);
    const answers = s.select === 'many' ? [correctChoices(s).map((c) => c.id)] : s.choices.map((c) => [c.id]);
    for (const choiceIds of answers) {
      const after = [...decisions, { scenarioId: here, choiceIds, at: 0, latencyMs: 0 }];
      steps.add(`${here} -> ${nextStep(course, after)} by ${s.select === 'many' ? '(any)' : choiceIds[0]}`);
      walk(after);
    }
  };
  walk([]);
  return steps;
}

describe('the scenario graph', () => {
  it('has exactly the steps a learner can take when playing the course', () => {
    const course = baseCourse();
    const fromGraph = new Set(
      analyse(course).edges.flatMap((e) =>
        e.choices.length ? e.choices.map((c) => `${e.from} -> ${e.to} by ${c}`) : [`${e.from} -> ${e.to} by (any)`],
      ),
    );
    expect(fromGraph).toEqual(stepsPlayed(course));
  });

  it('returns from a follow-up to the main path after the scenario that led to it', () => {
    const { edges } = analyse(baseCourse());
    expect(edges).toContainEqual({ from: 'beta', to: 'beta-follow-up', choices: ['accept'] });
    expect(edges).toContainEqual({ from: 'beta', to: 'social', choices: ['decline'] });
    expect(edges).toContainEqual({ from: 'beta-follow-up', to: 'social', choices: ['signpost', 'answer'] });
    expect(edges).toContainEqual({ from: 'feed', to: END, choices: [] });
  });

  it('counts the fewest and most decisions from the first scenario to the results', () => {
    const report = analyse(baseCourse());
    expect([report.fewestDecisions, report.mostDecisions]).toEqual([4, 5]);
    expect(report.loops).toEqual([]);
  });

  it('finds a branch that leads back to an earlier scenario', () => {
    const course = baseCourse();
    const social = course.scenarios.find((s) => s.id === 'social')!;
    social.choices[0]!.next = 'alpha';
    const loop = analyse(course).loops[0]!;
    expect(loop.at(0)).toBe(loop.at(-1));
    expect(loop).toEqual(expect.arrayContaining(['alpha', 'beta', 'social']));
  });
});
