/**
 * Every process and network namespace a live run starts is registered here and stopped by its
 * own PID (SIGTERM, then SIGKILL) or deleted by its own name: at the end of a run, on an error,
 * and when clawproof itself gets SIGINT or SIGTERM. Nothing is ever stopped by name.
 */
import type { ChildProcess } from "node:child_process";
import { spawnSync } from "node:child_process";

const children = new Set<ChildProcess>();
const cleanups = new Map<string, { async: () => Promise<void>; sync: () => void }>();
let handlersInstalled = false;

export function track(child: ChildProcess): () => void {
  installHandlers();
  children.add(child);
  return () => children.delete(child);
}

/** A resource that is not a process (a netns, a temp folder), with an async and a last-resort sync removal. */
export function registerCleanup(id: string, async: () => Promise<void>, sync: () => void): () => void {
  installHandlers();
  cleanups.set(id, { async, sync });
  return () => cleanups.delete(id);
}

const alive = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

/** SIGTERM to the one PID, SIGKILL after `graceMs`; resolves once it has exited. */
export function stopProcess(child: ChildProcess, graceMs = 12_000): Promise<void> {
  return new Promise((resolve) => {
    if (!alive(child) || child.pid === undefined) {
      children.delete(child);
      return resolve();
    }
    const timer = setTimeout(() => alive(child) && process.kill(child.pid!, "SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(timer);
      children.delete(child);
      resolve();
    });
    try {
      process.kill(child.pid, "SIGTERM");
    } catch {
      clearTimeout(timer);
      children.delete(child);
      resolve();
    }
  });
}

/** Stops every tracked process and removes every registered resource (processes first: they use the netns). */
export async function stopAll(): Promise<void> {
  await Promise.all([...children].map((c) => stopProcess(c)));
  for (const [id, c] of [...cleanups].reverse()) {
    cleanups.delete(id);
    await c.async().catch(() => c.sync());
  }
}

function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
    process.once(signal, () => {
      process.stderr.write(`\nclawproof: ${signal}: stopping live gateways\n`);
      void stopAll().finally(() => process.exit(code));
    });
  }
  // last resort when the process exits without running the async cleanup
  process.once("exit", () => {
    for (const child of children) if (alive(child) && child.pid) try { process.kill(child.pid, "SIGKILL"); } catch { /* gone */ }
    // newest first, as stopAll does, and each on its own: a folder a dying gateway still writes into must not keep the netns
    for (const c of [...cleanups.values()].reverse()) try { c.sync(); } catch { /* the next one still runs */ }
  });
}

/** Runs a short system command synchronously (netns set-up); throws with its stderr. */
export function system(command: string, args: string[]): string {
  const r = spawnSync(command, args, { encoding: "utf8" });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${command} ${args.join(" ")}: ${(r.stderr || r.stdout).trim()}`);
  return r.stdout;
}
