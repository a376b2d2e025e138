/**
 * `npm run check [-- <module> ...] [--json]`: checks all content without building packages.
 * Exits 1 when there are errors, 0 with warnings only.
 */
import { fileURLToPath } from 'node:url';
import { checkContent } from '../src/compiler/check.js';
import { formatIssue } from '../src/compiler/errors.js';

const root = process.env.FRONTLINE_ROOT ?? fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const json = args.includes('--json');
const today = args.find((a) => a.startsWith('--today='))?.slice('--today='.length);
const modules = args.filter((a) => !a.startsWith('--'));
const result = checkContent(root, { modules, today });

if (json) {
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} else {
  for (const issue of result.issues) console.log(formatIssue(issue));
  if (result.issues.length) console.log('');
  for (const m of result.modules) {
    if (!m.title) {
      console.log(`${m.id}: not checked further until its errors are fixed`);
      continue;
    }
    const grades = Object.values(m.readingGrades);
    const worst = grades.length ? Math.max(...grades) : 0;
    console.log(
      `${m.id}: ${m.title} ${m.version}: ${m.scenarios} scenarios, ${m.fewestDecisions} to ${m.mostDecisions} decisions, ` +
        `worst-case resume data ${m.worstCaseSuspendData} characters, hardest reading grade ${worst}`,
    );
    if (m.tailoring?.passages || m.tailoring?.sources)
      console.log(
        `  tailored: ${m.tailoring.passages} passage(s) and ${m.tailoring.sources} source(s), for ${m.tailoring.names.join(', ')}`,
      );
    for (const [language, scores] of Object.entries(m.guessers ?? {}))
      console.log(
        `  guessers (${language}): always the ${Object.entries(scores)
          .map(([g, score]) => `${g} ${score}%`)
          .join(', ')}; at random ${m.chance}%; pass mark ${m.passMark}%`,
      );
  }
  console.log(`\n${result.errors} error(s), ${result.warnings} warning(s)`);
}
process.exit(result.errors > 0 ? 1 : 0);
