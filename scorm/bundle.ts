/**
 * A page script as the browser runs it: TypeScript bundled with what it imports (the SCORM
 * names, the strict checker, scorm-again), so the preview player, the local LMS's launch page
 * and the SCO share one vocabulary. Used by the preview server and the local LMS.
 */
import { build } from 'esbuild';

export async function bundleScript(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}
