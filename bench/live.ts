/**
 * Live gateways, side by side in one run: one gateway's start with a cold V8 compile cache
 * against the shared warm one; handshakes per second (one at a time against 8 in flight, on one
 * real gateway); gateway start time per configuration (from the exhaustive run); and the wall
 * time of the whole exhaustive `check live:<v>` observed afresh (results cache cleared, install
 * warm) against the same check read from the live cache. The machine load is printed with each
 * timing: other runs share the 2 cores. Minutes of real gateways: only with CLAWPROOF_BENCH_LIVE=1.
 */
import { spawnSync } from "node:child_process";
import { loadavg } from "node:os";
import { mkdtemp, rm } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startGateway, type RunningGateway } from "../src/live/gateway.ts";
import { handshake, type HandshakeRequest } from "../src/live/handshake.ts";
import { stopAll } from "../src/live/processes.ts";
import { liveProfile } from "../src/live/profile.ts";
import { readLiveCache } from "../src/live/results-cache.ts";
import { SECRET, freshKey } from "../src/live/request.ts";
import { ensureRuntime, liveRoot, type LiveRuntime } from "../src/live/runtime.ts";
import { fetchRelease } from "../src/release/fetch.ts";
import { row } from "./measure.ts";

const BIN = fileURLToPath(new URL("../bin/clawproof.js", import.meta.url));
const load = () => `load ${loadavg()[0]!.toFixed(1)} on ${2} cores`;

export async function benchLive(version = process.env.CLAWPROOF_BENCH_LIVE_VERSION ?? "2026.9.6"): Promise<void> {
  console.log(`live gateways (openclaw ${version})`);
  if (process.env.CLAWPROOF_BENCH_LIVE !== "1") {
    row("skipped", "set CLAWPROOF_BENCH_LIVE=1 (starts real gateways for several minutes)");
    return;
  }
  const runtime = await ensureRuntime(version, () => {});
  await startAndRate(runtime, version);
  const fresh = timeCheck(version, true);
  const integrity = (await fetchRelease(version)).integrity;
  const { starts } = await readLiveCache(version, integrity);
  const cached = timeCheck(version, false);
  for (const s of lastRun(starts)) {
    row(`start ${s.gateway}`, `listen ${s.listen.toFixed(1)} s, ready ${s.ready.toFixed(1)} s; ${s.cells} cells in ${s.seconds.toFixed(1)} s`);
  }
  row(`check live:${version}, every cell observed afresh`, `${fresh.seconds.toFixed(1)} s  (${fresh.load} at the end)`);
  row(`check live:${version}, from the live cache`, `${cached.seconds.toFixed(1)} s  (×${(fresh.seconds / cached.seconds).toFixed(0)} faster)`);
  row("live cache", liveRoot());
}

/** The starts of the last exhaustive run: the cache appends each run's starts, and every run has one pairing gateway first. */
function lastRun<T extends { gateway: string }>(starts: readonly T[]): T[] {
  const from = starts.map((s) => s.gateway).lastIndexOf("pairing");
  return from < 0 ? [...starts] : starts.slice(from);
}

const request = (version: string, url: string): HandshakeRequest => ({
  url, headers: {}, role: "operator", scopes: ["operator.read"], client: { id: "cli", mode: "cli", version: "1.0.0", platform: "linux" },
  auth: { token: SECRET.token }, protocol: liveProfile(version).protocol, timeoutMs: 15_000,
});

async function start(runtime: LiveRuntime, runDir: string, id: string, compileCache?: string): Promise<RunningGateway> {
  return startGateway({
    runtime, runDir, ...(compileCache ? { compileCache } : {}), probe: (url) => handshake(request(runtime.version, url)),
    configFor: (port) => ({ id, gateway: { port, auth: { mode: "token", token: SECRET.token } } }),
  });
}

async function startAndRate(runtime: LiveRuntime, version: string): Promise<void> {
  const runDir = join(liveRoot(), "runs", `bench-${process.pid}`);
  const cold = await mkdtemp(join(liveRoot(), "runs", `bench-ncc-${process.pid}-`));
  try {
    const a = await start(runtime, runDir, "cold", cold);
    await a.stop();
    const b = await start(runtime, runDir, "warm");
    row("gateway start (token, loopback) to ready, cold compile cache", `${a.timing.ready.toFixed(1)} s (listen ${a.timing.listen.toFixed(1)} s)`);
    row("  the same, shared compile cache", `${b.timing.ready.toFixed(1)} s (listen ${b.timing.listen.toFixed(1)} s)  (×${(a.timing.ready / b.timing.ready).toFixed(1)}; ${load()})`);
    const url = `ws://127.0.0.1:${b.port}`;
    const n = 200;
    let t = performance.now();
    for (let i = 0; i < n; i++) await handshake({ ...request(version, url), device: freshKey() });
    const serial = n / ((performance.now() - t) / 1000);
    t = performance.now();
    const queue = Array.from({ length: n }, (_, i) => i);
    await Promise.all(Array.from({ length: 8 }, async () => { while (queue.pop() !== undefined) await handshake({ ...request(version, url), device: freshKey() }); }));
    const parallel = n / ((performance.now() - t) / 1000);
    row("handshakes/s, one at a time (device, signed challenge)", `${serial.toFixed(0)}/s`);
    row("handshakes/s, 8 in flight", `${parallel.toFixed(0)}/s  (×${(parallel / serial).toFixed(1)}; ${load()})`);
    await b.stop();
  } finally {
    await stopAll();
    await rm(runDir, { recursive: true, force: true });
    await rm(cold, { recursive: true, force: true });
  }
}

/** The exhaustive check as a user runs it; fresh: every verdict observed again (CLAWPROOF_LIVE_REOBSERVE). */
function timeCheck(version: string, fresh: boolean): { seconds: number; load: string } {
  const t = performance.now();
  spawnSync(process.execPath, [BIN, "check", `live:${version}`, "--format", "json"], { env: { ...process.env, ...(fresh ? { CLAWPROOF_LIVE_REOBSERVE: "1" } : {}) }, stdio: "ignore" });
  return { seconds: (performance.now() - t) / 1000, load: load() };
}
