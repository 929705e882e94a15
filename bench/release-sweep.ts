import { spawnSync } from "node:child_process";
import { availableParallelism, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { allReleaseRefs } from "../src/cli/default-impls.ts";
import { cachedReleases } from "../src/release/fetch.ts";
import { row } from "./measure.ts";

const BIN = fileURLToPath(new URL("../bin/clawproof.js", import.meta.url));

function timed(args: string[], env: NodeJS.ProcessEnv): { ms: number; stdout: string } {
  const start = performance.now();
  const run = spawnSync(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, encoding: "utf8", maxBuffer: 1 << 28 });
  return { ms: performance.now() - start, stdout: run.stdout };
}

/**
 * The warm release sweep (`check --all-releases` over the releases already in the cache), each
 * release loaded once into one handle for every layer: one thread against the worker pool, in
 * the same run, with the report bytes compared (the pool must not change a byte).
 */
export async function benchReleaseSweep(): Promise<void> {
  const cached = new Set(await cachedReleases());
  const refs = allReleaseRefs(false).filter((ref) => cached.has(ref.slice("openclaw@".length)));
  console.log(`\nrelease sweep (${refs.length} cached releases from 2026.2.22 on, warm)`);
  if (refs.length < 2) {
    row("sweep", "skipped: fewer than two releases cached");
    return;
  }
  const args = ["check", ...refs, "--seed", "1"];
  timed(args, { CLAWPROOF_THREADS: "1" }); // warm every derived table first
  const serial = timed(args, { CLAWPROOF_THREADS: "1" });
  const pooled = timed(args, { CLAWPROOF_THREADS: String(availableParallelism()) });
  row("one thread: resolve + every layer + engine, release by release", `${(serial.ms / 1000).toFixed(1)} s (${(serial.ms / refs.length / 1000).toFixed(2)} s per release)`);
  row("worker pool (one thread per core)", `${(pooled.ms / 1000).toFixed(1)} s (${(serial.ms / pooled.ms).toFixed(2)}× faster)`);
  row("same report from both", serial.stdout === pooled.stdout ? "yes" : "NO: the pool changed the report");
  // other work on the machine decides whether a second thread can pay; say how busy it was
  row("machine load (1-minute average) after the runs", `${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`);
}
