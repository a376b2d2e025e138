/**
 * `npm run release -- <module> [...]`: records each module's current version, with its
 * scenario and choice ids, in modules/<module>/published.yaml. Commit that file.
 */
import { fileURLToPath } from 'node:url';
import { ContentError, formatIssue } from '../src/compiler/errors.js';
import { releaseModule } from '../src/compiler/release.js';

const root = process.env.FRONTLINE_ROOT ?? fileURLToPath(new URL('..', import.meta.url));
const modules = process.argv.slice(2).filter((a) => !a.startsWith('-'));
if (modules.length === 0) {
  console.error('Usage: npm run release -- <module-id> [<module-id> ...]');
  process.exit(2);
}
let failed = false;
for (const id of modules) {
  try {
    console.log(releaseModule(root, id, new Date().toISOString().slice(0, 10)));
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    failed = true;
    for (const issue of error.issues) console.error(formatIssue(issue));
    console.error(`${id}: not released; fix the errors above first`);
  }
}
process.exit(failed ? 1 : 0);
