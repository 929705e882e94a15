import { availableParallelism, loadavg } from "node:os";
import { Worker } from "node:worker_threads";
import { CannotCheckError } from "../domain/errors.ts";
import type { ImplResult } from "../engine/results.ts";
import type { CheckJob } from "./check-job.ts";

type Reply = { id: number; result?: ImplResult; error?: { message: string; cannotCheck: boolean; stack?: string } };

/**
 * Threads for a run of several implementations: one per idle core (a second thread only pays when
 * a second core is free; on a busy machine it slows the run down), at most one per job.
 * CLAWPROOF_THREADS overrides, but never above the number of cores. The number of threads never
 * changes the report.
 */
export function threadsFor(jobs: number): number {
  const idle = Math.round(availableParallelism() - loadavg()[0]!);
  const wanted = Number(process.env.CLAWPROOF_THREADS ?? idle);
  return Math.max(1, Math.min(jobs, availableParallelism(), Number.isSafeInteger(wanted) ? wanted : 1));
}

/** One worker thread, asked one job at a time: a single listener pair for its whole life (not one per job). */
async function startWorker(): Promise<{ ask: (id: number, job: CheckJob) => Promise<Reply>; stop: () => Promise<number> }> {
  const thread = new Worker(new URL("./check-worker.mjs", import.meta.url));
  let waiting: { resolve: (reply: Reply) => void; reject: (err: unknown) => void } | undefined;
  let failure: unknown;
  const ready = new Promise<void>((resolve, reject) => (waiting = { resolve: () => resolve(), reject }));
  thread.on("message", (reply: Reply) => {
    const w = waiting;
    waiting = undefined;
    w?.resolve(reply);
  });
  const fail = (err: unknown) => {
    failure ??= err;
    const w = waiting;
    waiting = undefined;
    w?.reject(err);
  };
  thread.on("error", fail);
  thread.on("exit", (code) => fail(new Error(`check worker exited (code ${code})`)));
  await ready;
  return {
    ask: (id, job) =>
      new Promise<Reply>((resolve, reject) => {
        if (failure) return reject(failure);
        waiting = { resolve, reject };
        thread.postMessage({ id, job });
      }),
    stop: () => thread.terminate(),
  };
}

/**
 * Checks each job on a pool of worker threads (each release resolves, runs its layers and the
 * engine on its own thread; a release is the unit, so two cores check two releases at once).
 * Results come back in job order; the first job (in that order) that could not be checked
 * decides the error, so the outcome is the same as checking them one after another, and no job
 * after that one is started (its result could not change the outcome).
 */
export async function checkInPool(jobs: readonly CheckJob[], threads: number, progress?: (message: string) => void): Promise<ImplResult[]> {
  const replies: Reply[] = new Array(jobs.length);
  let next = 0;
  let done = 0;
  let firstFailed = jobs.length;
  const worker = async () => {
    const thread = await startWorker();
    try {
      while (next < firstFailed) {
        const id = next++;
        const reply = await thread.ask(id, jobs[id]!);
        replies[id] = reply;
        if (reply.error) firstFailed = Math.min(firstFailed, id);
        progress?.(`checked ${jobs[id]!.ref} (${++done}/${jobs.length})`);
      }
    } finally {
      await thread.stop();
    }
  };
  await Promise.all(Array.from({ length: Math.min(threads, availableParallelism(), jobs.length) }, worker));
  const failed = replies.find((r) => r?.error);
  if (failed?.error) {
    if (failed.error.cannotCheck) throw new CannotCheckError(failed.error.message);
    throw Object.assign(new Error(failed.error.message), { stack: failed.error.stack });
  }
  return replies.map((r) => r.result!);
}
