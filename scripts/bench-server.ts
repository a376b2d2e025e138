/** Servers the benchmarks start as child processes (the preview server, the dev server), and their stop. */
import { spawn, type ChildProcess } from 'node:child_process';

/** Starts a tsx script and resolves once `url` answers 200. */
export async function startServer(
  cwd: string,
  script: string,
  argv: string[],
  env: NodeJS.ProcessEnv,
  url: string,
): Promise<{ child: ChildProcess; readyMs: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...argv], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d) => {
    stderr += d;
  });
  const until = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${script} exited: ${stderr}`);
    try {
      if ((await fetch(url)).ok) return { child, readyMs: performance.now() - started };
    } catch {
      /* not listening yet */
    }
    if (Date.now() > until) {
      child.kill();
      throw new Error(`${script} did not answer ${url}: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function stopServer(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}
