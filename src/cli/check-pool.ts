import { availableParallelism, loadavg } from "node:os";
import { Worker } from "node:worker_threads";
import { CannotCheckError } from "../domain/errors.ts";
import type { ImplResult } from "../engine/results.ts";
import type { CheckJob } from "./check-job.ts";

type Reply = { id: number; result?: ImplResult; error?: { message: string; cannotCheck: boolean; stack?: string } };

/**
 * Threads for a run of several implementations: one per idle core (a second thread only pays when
 * a second core is free; on a busy machine it slows the run down), at most one per job.
 * CLAWPROOF_THREADS overrides. The number of threads never changes the report.
 */
export function threadsFor(jobs: number): number {
  const idle = Math.round(availableParallelism() - loadavg()[0]!);
  const wanted = Number(process.env.CLAWPROOF_THREADS ?? idle);
  return Math.max(1, Math.min(jobs, availableParallelism(), Number.isSafeInteger(wanted) ? wanted : 1));
}

/**
 * Checks each job on a pool of worker threads (each release resolves, runs its layers and the
 * engine on its own thread; a release is the unit, so two cores check two releases at once).
 * Results come back in job order; the first job (in that order) that could not be checked
 * decides the error, so the outcome is the same as checking them one after another.
 */
export async function checkInPool(jobs: readonly CheckJob[], threads: number, progress?: (message: string) => void): Promise<ImplResult[]> {
  const replies: Reply[] = new Array(jobs.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    const thread = new Worker(new URL("./check-worker.mjs", import.meta.url));
    try {
      await new Promise<void>((resolve, reject) => {
        thread.once("message", () => resolve());
        thread.once("error", reject);
      });
      while (next < jobs.length) {
        const id = next++;
        const reply = await new Promise<Reply>((resolve, reject) => {
          thread.once("message", resolve);
          thread.once("error", reject);
          thread.postMessage({ id, job: jobs[id] });
        });
        replies[id] = reply;
        progress?.(`checked ${jobs[id]!.ref} (${++done}/${jobs.length})`);
      }
    } finally {
      await thread.terminate();
    }
  };
  await Promise.all(Array.from({ length: threads }, worker));
  const failed = replies.find((r) => r.error);
  if (failed?.error) {
    if (failed.error.cannotCheck) throw new CannotCheckError(failed.error.message);
    throw Object.assign(new Error(failed.error.message), { stack: failed.error.stack });
  }
  return replies.map((r) => r.result!);
}
