import { randomUUID } from 'node:crypto';
import { closeSync, linkSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { SwitchboardError } from '../../shared/errors/codes';

export interface FileLockOptions {
  /** How long to wait for a lock another process holds before giving up (default 10 s). */
  timeoutMs?: number;
  /** A lock older than this was left by a process that hung or died, and is broken (default 30 s). */
  staleMs?: number;
  /** The pause between tries, with jitter (default 5 ms). */
  retryMs?: number;
}

interface Holder {
  text: string;
  pid?: number;
  host?: string;
  token?: string;
  ageMs: number;
}

/** Tokens of the locks this process holds, to tell them from one left by an earlier process with our pid. */
const heldHere = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Who holds the lock, or null when it went away meanwhile. */
function readHolder(lockPath: string): Holder | null {
  try {
    const text = readFileSync(lockPath, 'utf8');
    const ageMs = Date.now() - statSync(lockPath).mtimeMs;
    try {
      const { pid, host, token } = JSON.parse(text) as { pid: unknown; host: unknown; token: unknown };
      if (Number.isInteger(pid) && (pid as number) > 0 && typeof host === 'string' && typeof token === 'string') {
        return { text, ageMs, pid: pid as number, host, token };
      }
    } catch {
      // Being written (created, not filled yet) or damaged: only its age can tell.
    }
    return { text, ageMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw lockError(lockPath, error);
  }
}

function isStale(holder: Holder, staleMs: number): boolean {
  if (holder.ageMs > staleMs) return true;
  if (holder.pid === undefined || holder.host !== hostname()) return false;
  if (holder.pid === process.pid) return !heldHere.has(holder.token!);
  return !isAlive(holder.pid);
}

/**
 * Removes a stale lock without removing a live one that replaced it meanwhile: the lock is moved aside
 * (atomic), and put back when what was moved is not what was judged stale.
 */
function breakStale(lockPath: string, staleText: string): void {
  const aside = `${lockPath}.${process.pid}.${randomUUID()}.stale`;
  try {
    renameSync(lockPath, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (readFileSync(aside, 'utf8') !== staleText) {
    try {
      linkSync(aside, lockPath);
    } catch {
      // Another process holds a new lock already; the one moved aside finds out when it checks before writing.
    }
  }
  rmSync(aside, { force: true });
}

/** Creates the lock with its holder's name in it; false when it exists. */
function tryCreate(lockPath: string, text: string): boolean {
  let descriptor: number;
  try {
    descriptor = openSync(lockPath, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw lockError(lockPath, error);
  }
  try {
    writeSync(descriptor, text);
    closeSync(descriptor);
    return true;
  } catch (error) {
    try {
      closeSync(descriptor);
    } catch {
      // Already closed.
    }
    rmSync(lockPath, { force: true });
    throw lockError(lockPath, error);
  }
}

function lockError(lockPath: string, error: unknown): SwitchboardError {
  const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  return new SwitchboardError(
    'STORAGE',
    `Could not create ${lockPath} (${code}). Free some disk space or check the folder's permissions; nothing was changed.`,
    { cause: error },
  );
}

/**
 * Runs `run` while this process holds `lockPath`, a file created exclusively (O_EXCL) that names its
 * holder. A lock whose process is gone (same host) or that is older than `staleMs` is broken. `run`
 * gets `isHeld()` to check, right before it commits, that no other process broke the lock meanwhile.
 */
export async function withFileLock<T>(
  lockPath: string,
  run: (isHeld: () => boolean) => T,
  options: FileLockOptions = {},
): Promise<T> {
  const { timeoutMs = 10_000, staleMs = 30_000, retryMs = 5 } = options;
  const token = randomUUID();
  const text = JSON.stringify({ pid: process.pid, host: hostname(), token, at: new Date().toISOString() });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (tryCreate(lockPath, text)) break;
    const holder = readHolder(lockPath);
    if (holder === null) continue;
    if (isStale(holder, staleMs)) {
      breakStale(lockPath, holder.text);
      continue;
    }
    if (Date.now() >= deadline) {
      const who = holder.pid === undefined ? 'another process' : `process ${holder.pid}`;
      throw new SwitchboardError(
        'STORAGE',
        `${lockPath} has been held by ${who} for ${Math.round(holder.ageMs / 1000)} s, so nothing was changed. Try again; if no other Switchboard is running, delete ${lockPath}.`,
      );
    }
    await sleep(retryMs * (1 + Math.random()));
  }
  heldHere.add(token);
  const isHeld = () => {
    try {
      return readFileSync(lockPath, 'utf8') === text;
    } catch {
      return false;
    }
  };
  try {
    return run(isHeld);
  } finally {
    heldHere.delete(token);
    if (isHeld()) rmSync(lockPath, { force: true });
  }
}
