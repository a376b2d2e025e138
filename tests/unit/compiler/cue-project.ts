/** A throwaway module written from strings, for the cueing and reading-order tests. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestChoice {
  id: string;
  text: string;
  rating: 'best' | 'acceptable' | 'wrong';
  action?: string;
  target?: string;
  next?: string;
}

/** A scenario file: `situation` is raw markdown; every choice gets a source and one line of feedback. */
export function scenarioFile(id: string, situation: string, choices: TestChoice[], front = ''): string {
  const body = choices
    .map((c) => {
      const fields = [`- id: ${c.id}`];
      if (c.action) fields.push(`- action: ${c.action}`);
      if (c.target) fields.push(`- target: ${c.target}`);
      fields.push(`- rating: ${c.rating}`);
      if (c.next) fields.push(`- next: ${c.next}`);
      fields.push('- source: Code, section 1');
      return `### ${c.text}\n\n${fields.join('\n')}\n\nFeedback on ${c.id}.\n`;
    })
    .join('\n');
  return `---\nid: ${id}\ntitle: Scenario ${id}\nobjective: privacy\n${front}---\n\n## Situation\n\n${situation}\n\n## Question\n\nWhat do you do?\n\n## Choices\n\n${body}`;
}

export const POST = (id = 'the-post') =>
  [
    '```post',
    `id: ${id}`,
    'author: Sam Jones',
    'handle: samj',
    'time: 2h',
    'text: A long wait at the clinic.',
    '```',
  ].join('\n');

/** Writes a module "cue" with the given main path and scenario files; returns the project root. */
export function cueProject(order: string[], files: Record<string, string>, extraYaml = ''): string {
  const root = mkdtempSync(join(tmpdir(), 'frontline-cue-'));
  mkdirSync(join(root, 'modules', 'cue'), { recursive: true });
  mkdirSync(join(root, 'content', 'cue'), { recursive: true });
  writeFileSync(
    join(root, 'modules', 'cue', 'module.yaml'),
    [
      'id: cue',
      'title: Cueing fixture',
      'version: 1.0.0',
      'language: en-GB',
      'pass-mark: 80',
      'estimated-minutes: 5',
      'collection: cue',
      'objectives:',
      '  - id: privacy',
      '    title: Keep information private',
      'scenarios:',
      ...order.map((id) => `  - ${id}`),
      extraYaml,
    ].join('\n'),
  );
  writeFileSync(join(root, 'modules', 'cue', 'introduction.md'), 'A fixture.\n');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, 'content', 'cue', name), text);
  return root;
}
