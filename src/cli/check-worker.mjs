// A thread that checks implementations one job at a time. Plain JS: in the package it loads the
// compiled modules beside it; in a clone it registers the TS loader itself (as bin/clawproof.js does).
import { existsSync } from "node:fs";
import { parentPort } from "node:worker_threads";

const compiled = existsSync(new URL("./check-job.js", import.meta.url));
if (!compiled) (await import("./ts-loader.mjs")).registerTsLoader();
const ext = compiled ? "js" : "ts";
const { runCheckJob } = await import(`./check-job.${ext}`);
const { CannotCheckError } = await import(`../domain/errors.${ext}`);

parentPort.on("message", async ({ id, job }) => {
  try {
    parentPort.postMessage({ id, result: await runCheckJob(job) });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    parentPort.postMessage({ id, error: { message, cannotCheck: error instanceof CannotCheckError, stack: error?.stack } });
  }
});
parentPort.postMessage({ ready: true });
