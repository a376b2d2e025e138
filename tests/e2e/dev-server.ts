/**
 * The dev preview (`npm run dev -- sample`) on a copy of the sample module in a temporary
 * folder, so a test can edit, release and rebuild content freely. Each spec takes its own
 * port beside the Playwright server's, so specs and engineers running in parallel do not share one.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from './helpers.js';

export interface DevServer {
  /** The copy's root: modules/sample and content/sample. */
  dir: string;
  /** The preview's address. */
  base: string;
  /** Rewrites a file of the copy, by its path from the copy's root. */
  edit(file: string, change: (text: string) => string): void;
  /** Stops the server and removes the copy. */
  stop(): void;
}

export async function startDevServer(
  name: string,
  portOffset: number,
  prepare: (dir: string) => void = () => {},
): Promise<DevServer> {
  const dir = mkdtempSync(join(tmpdir(), `frontline-${name}-`));
  cpSync('modules/sample', join(dir, 'modules/sample'), { recursive: true });
  cpSync('content/sample', join(dir, 'content/sample'), { recursive: true });
  prepare(dir);
  const port = Number(process.env.E2E_PORT ?? 4318) + portOffset;
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/dev.ts', 'sample'], {
    env: { ...process.env, FRONTLINE_CONTENT_ROOT: dir, PORT: String(port) },
    stdio: 'pipe',
  });
  await expect
    .poll(
      () =>
        fetch(`${base}/api/modules`).then(
          (r) => r.status,
          () => 0,
        ),
      { timeout: 30_000 },
    )
    .toBe(200);
  return {
    dir,
    base,
    edit: (file, change) => writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8'))),
    stop: () => {
      server.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
