// A thread that checks implementations one job at a time (plain JS: it registers the TS loader itself).
import { parentPort } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { runCheckJob } = await import("./check-job.ts");
const { CannotCheckError } = await import("../domain/errors.ts");

parentPort.on("message", async ({ id, job }) => {
  try {
    parentPort.postMessage({ id, result: await runCheckJob(job) });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    parentPort.postMessage({ id, error: { message, cannotCheck: error instanceof CannotCheckError, stack: error?.stack } });
  }
});
parentPort.postMessage({ ready: true });
