/**
 * `npm run new -- module <module-id>`: a module folder, its collection and a first scenario.
 * `npm run new -- scenario <collection>/<scenario-id> [objective-id]`: one starter scenario.
 * Everything written passes `npm run check`.
 */
import { fileURLToPath } from 'node:url';
import { checkId, newModule, newScenario } from '../src/compiler/starter.js';

const root = process.env.FRONTLINE_ROOT ?? fileURLToPath(new URL('..', import.meta.url));
const [kind, target, objective] = process.argv.slice(2);
const usage = `Usage: npm run new -- module <module-id>
       npm run new -- scenario <collection>/<scenario-id> [objective-id]`;

function run(): string[] {
  if (kind === 'module' && target) {
    const bad = checkId(target, 'infection-control');
    if (bad) throw new Error(bad);
    return newModule(root, target);
  }
  if (kind === 'scenario' && target && /^[^/]+\/[^/]+$/.test(target)) {
    const [collection, id] = target.split('/') as [string, string];
    const bad = checkId(collection, 'sample/ward-selfie') ?? checkId(id, 'sample/ward-selfie');
    if (bad) throw new Error(bad);
    return newScenario(root, collection, id, objective);
  }
  console.error(usage);
  process.exit(2);
}

try {
  for (const file of run()) console.log(`Wrote ${file}`);
  console.log(
    kind === 'module'
      ? `Next: write the introduction and the scenario, then run npm run check -- ${target} and npm run dev -- ${target}.`
      : "Next: write the scenario, then add its id to a module's scenarios list (or a choice's next) and run npm run check.",
  );
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
