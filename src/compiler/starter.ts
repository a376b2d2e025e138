/**
 * Starter files for `npm run new`: a scenario, or a whole module with one scenario, each
 * commented for the trainer and passing the check as written.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ID_PATTERN } from '../core/keys.js';

/** Refuses an id the build would refuse, with an example. */
export function checkId(value: string, example: string): string | undefined {
  return ID_PATTERN.test(value)
    ? undefined
    : `"${value}": ids are lower case letters, digits and single hyphens, starting with a letter (like ${example})`;
}

const today = () => new Date().toISOString().slice(0, 10);
const inAYear = () => new Date(Date.now() + 365 * 24 * 3600 * 1000).toISOString().slice(0, 10);
const titleOf = (id: string) => id.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());

function scenarioText(id: string, objective: string): string {
  return `---
id: ${id}
title: ${titleOf(id)}
# The id of one of the module's objectives (see modules/<module>/module.yaml).
objective: ${objective}
review-by: ${inAYear()}
---

<!--
  A starter scenario. Comments like this one are for authors only: learners never see
  them. Replace every sentence below. See AUTHORING.md for every field and block.
  Add this scenario's id to a module's "scenarios" list, or to a choice's "next".
-->

## Situation

Say what happens, in plain English and short sentences. Use fictional people and
organisations, such as Northshire Hospitals NHS Foundation Trust.

<!-- To show a social media post, add a fenced block here: see "Social media blocks". -->

## Question

What do you do?

## Choices

<!-- Each choice: a ### heading (what the learner sees), its fields, then the feedback. -->

### The best thing to do, as the learner would say it

- id: best-choice
- rating: best
- source: NMC Code, section 5.1

Say why this is the best choice, and what the guidance says.

### Something a real person might do that is not right

- id: wrong-choice
- rating: wrong
- source: NMC Code, section 5.1

Say why this is not right, kindly and plainly.
`;
}

function moduleYaml(id: string, firstScenario: string): string {
  return `# A starter module. Lines starting with # are notes for authors. See AUTHORING.md.
id: ${id}
title: ${titleOf(id)}
# Change the version every time you publish: see "Publishing a new version".
version: 0.1.0
language: en-GB
# Per cent, 1 to 100, written without the % sign.
pass-mark: 80
# The first screen tells learners this time and the pass mark: do not repeat them in introduction.md.
estimated-minutes: 10
review-by: ${inAYear()}
# The accessibility statement learners can open: who to contact about a problem. Change these.
accessibility-statement:
  status: partially-compliant
  prepared: ${today()}
  reviewed: ${today()}
  contact:
    name: The e-learning team
    email: elearning@example.org
# The folder under content/ that holds this module's scenarios.
collection: ${id}
objectives:
  - id: first-objective
    title: Say what learners will be able to do
scenarios:
  - ${firstScenario}
`;
}

const INTRODUCTION = `Say in two or three short sentences why this matters to the learner, and what they
will do: choose what they would do in a few situations, and see feedback on each choice.
`;

const SUMMARY = `Say what to remember, and where to get help or read more.
`;

/** Writes a file that must not exist yet; returns its path relative to the root. */
function create(root: string, path: string, text: string): string {
  const file = join(root, path);
  if (existsSync(file)) throw new Error(`${path} already exists; choose another id`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  return path;
}

/** content/<collection>/<id>.md */
export function newScenario(root: string, collection: string, id: string, objective = 'your-objective-id'): string[] {
  return [create(root, `content/${collection}/${id}.md`, scenarioText(id, objective))];
}

/** modules/<id>/ (module.yaml, introduction.md, summary.md) and content/<id>/ with one scenario. */
export function newModule(root: string, id: string): string[] {
  if (existsSync(join(root, 'modules', id))) throw new Error(`modules/${id} already exists; choose another id`);
  const first = 'first-scenario';
  return [
    create(root, `modules/${id}/module.yaml`, moduleYaml(id, first)),
    create(root, `modules/${id}/introduction.md`, INTRODUCTION),
    create(root, `modules/${id}/summary.md`, SUMMARY),
    ...(existsSync(join(root, 'content', id, `${first}.md`)) ? [] : newScenario(root, id, first, 'first-objective')),
  ];
}
