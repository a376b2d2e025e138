/** `npm run new -- scenario <collection>/<id>`: writes a commented starter scenario that passes the check. */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ID_PATTERN } from '../src/core/keys.js';

const root = process.env.FRONTLINE_ROOT ?? fileURLToPath(new URL('..', import.meta.url));
const [kind, target, objectiveArg] = process.argv.slice(2);
const usage = 'Usage: npm run new -- scenario <collection>/<scenario-id> [objective-id]';
if (kind !== 'scenario' || !target || !/^[^/]+\/[^/]+$/.test(target)) {
  console.error(usage);
  process.exit(2);
}
const [collection, id] = target.split('/') as [string, string];
if (!ID_PATTERN.test(id) || !ID_PATTERN.test(collection)) {
  console.error(
    `"${target}": ids are lower case letters, digits and single hyphens, starting with a letter (like sample/ward-selfie)`,
  );
  process.exit(2);
}
const file = join(root, 'content', collection, `${id}.md`);
if (existsSync(file)) {
  console.error(`content/${collection}/${id}.md already exists; choose another id`);
  process.exit(1);
}
const objective = objectiveArg ?? 'your-objective-id';
const reviewBy = new Date(Date.now() + 365 * 24 * 3600 * 1000).toISOString().slice(0, 10);
const title = id.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
const text = `---
id: ${id}
title: ${title}
# The id of one of the module's objectives (see modules/<module>/module.yaml).
objective: ${objective}
review-by: ${reviewBy}
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
mkdirSync(dirname(file), { recursive: true });
writeFileSync(file, text);
console.log(`Wrote content/${collection}/${id}.md`);
console.log(
  "Next: write the scenario, then add its id to a module's scenarios list (or a choice's next) and run npm run check.",
);
