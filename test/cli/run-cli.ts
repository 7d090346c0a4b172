// Runs the real `chokepoint` bin as a child process, as a user would.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export const BIN = join(import.meta.dirname, '../../bin/chokepoint.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `chokepoint ...args` with extra environment; resolves when it exits. */
export function runCli(args: string[], env: Record<string, string> = {}, input?: string | Buffer, opts: { asUser?: boolean; uid?: number } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawnCli(args, env, opts);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    if (input !== undefined) child.stdin!.end(input);
    else child.stdin!.end();
  });
}

/** How long a test may give each CLI process it starts: loading TypeScript through tsx alone takes seconds on a busy machine. */
export const PER_RUN_MS = 30_000;

/** This process's environment without what the test runner adds (VITEST*, NODE_ENV=test, TEST), as a user's shell has it. */
export function userEnv(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('VITEST') && k !== 'NODE_ENV' && k !== 'TEST') out[k] = v;
  return out;
}

/** A running `chokepoint serve`: the child process, its URL, its log so far and its exit code to come. */
export interface ServeProcess {
  child: ChildProcess;
  url: string;
  log: () => string;
  exited: Promise<number | null>;
}

/** Starts `chokepoint serve ...args`; resolves once it listens, rejects when it exits before. */
export async function startServe(args: string[], env: Record<string, string> = {}, opts: { asUser?: boolean } = {}): Promise<ServeProcess> {
  const child = spawnCli(['serve', ...args], env, opts);
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr!.on('data', (d: Buffer) => {
      stderr += d.toString();
      const m = /serving on (http:\/\/\S+) /.exec(stderr);
      if (m) resolve(m[1]!);
    });
    void exited.then(() => reject(new Error(`server exited: ${stderr}`)));
  });
  return { child, url, log: () => stderr, exited };
}

/** Starts `chokepoint ...args` and returns the child process; `asUser` drops the test runner's environment. */
export function spawnCli(args: string[], env: Record<string, string> = {}, opts: { asUser?: boolean; uid?: number } = {}): ChildProcess {
  return spawn(process.execPath, [BIN, ...args], {
    env: { ...(opts.asUser ? userEnv() : process.env), LOG_LEVEL: 'silent', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
    ...(opts.uid !== undefined ? { uid: opts.uid, gid: opts.uid } : {}),
  });
}
