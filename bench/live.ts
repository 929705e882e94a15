/**
 * Live gateways, side by side in one run: handshakes per second (one at a time against 8 in
 * flight, on one real gateway), gateway start time per configuration (from the exhaustive run),
 * and the wall time of the whole exhaustive `check live:<v>` observed afresh against the same
 * check read from the live cache. Minutes of real gateways: only with CLAWPROOF_BENCH_LIVE=1.
 */
import { generateKeyPairSync } from "node:crypto";
import { spawnSync } from "node:child_process";
import { rm } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { startGateway } from "../src/live/gateway.ts";
import { handshake, type HandshakeRequest } from "../src/live/handshake.ts";
import { stopAll } from "../src/live/processes.ts";
import { liveProfile } from "../src/live/profile.ts";
import { readLiveCache } from "../src/live/results-cache.ts";
import { SECRET } from "../src/live/request.ts";
import { ensureRuntime, liveRoot } from "../src/live/runtime.ts";
import { fetchRelease } from "../src/release/fetch.ts";
import { row } from "./measure.ts";

const BIN = fileURLToPath(new URL("../bin/clawproof.js", import.meta.url));

export async function benchLive(version = process.env.CLAWPROOF_BENCH_LIVE_VERSION ?? "2026.9.6"): Promise<void> {
  console.log(`live gateways (openclaw ${version})`);
  if (process.env.CLAWPROOF_BENCH_LIVE !== "1") {
    row("skipped", "set CLAWPROOF_BENCH_LIVE=1 (starts real gateways for several minutes)");
    return;
  }
  await handshakeRate(version);
  const fresh = timeCheck(version, true);
  const cached = timeCheck(version, false);
  const integrity = (await fetchRelease(version)).integrity;
  const starts = (await readLiveCache(version, integrity)).starts.slice(-40);
  for (const s of [...new Map(starts.map((s) => [s.gateway, s])).values()]) {
    row(`start ${s.gateway}`, `listen ${s.listen.toFixed(1)} s, ready ${s.ready.toFixed(1)} s; ${s.cells} cells in ${s.seconds.toFixed(1)} s`);
  }
  row(`check live:${version}, every cell observed afresh`, `${fresh.toFixed(1)} s`);
  row(`check live:${version}, from the live cache`, `${cached.toFixed(1)} s  (×${(fresh / cached).toFixed(0)} faster)`);
  row("live cache", liveRoot());
}

export async function handshakeRate(version: string): Promise<void> {
  const runtime = await ensureRuntime(version, () => {});
  const profile = liveProfile(version);
  const base = (url: string): HandshakeRequest => ({
    url, headers: {}, role: "operator", scopes: ["operator.read"], client: { id: "cli", mode: "cli", version: "1.0.0", platform: "linux" },
    auth: { token: SECRET.token }, protocol: profile.protocol, timeoutMs: 15_000,
  });
  const t0 = performance.now();
  const runDir = `${liveRoot()}/runs/bench-${process.pid}`;
  const gw = await startGateway({
    runtime, runDir, probe: (url) => handshake(base(url)),
    configFor: (port) => ({ id: "bench-token", gateway: { port, auth: { mode: "token", token: SECRET.token } } }),
  });
  row("gateway start (token, loopback) to ready", `${((performance.now() - t0) / 1000).toFixed(1)} s`);
  try {
    const url = `ws://127.0.0.1:${gw.port}`;
    const key = () => ({ privateKeyPem: generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString() });
    const n = 200;
    let t = performance.now();
    for (let i = 0; i < n; i++) await handshake({ ...base(url), device: key() });
    const serial = n / ((performance.now() - t) / 1000);
    t = performance.now();
    const queue = Array.from({ length: n }, (_, i) => i);
    await Promise.all(Array.from({ length: 8 }, async () => { while (queue.pop() !== undefined) await handshake({ ...base(url), device: key() }); }));
    const parallel = n / ((performance.now() - t) / 1000);
    row("handshakes/s, one at a time (device, signed challenge)", `${serial.toFixed(0)}/s`);
    row("handshakes/s, 8 in flight", `${parallel.toFixed(0)}/s  (×${(parallel / serial).toFixed(1)})`);
  } finally {
    await gw.stop();
    await stopAll();
    await rm(runDir, { recursive: true, force: true });
  }
}

function timeCheck(version: string, fresh: boolean): number {
  const t = performance.now();
  spawnSync(process.execPath, [BIN, "check", `live:${version}`, "--format", "json"], { env: { ...process.env, ...(fresh ? { CLAWPROOF_LIVE_REOBSERVE: "1" } : {}) }, stdio: "ignore" });
  return (performance.now() - t) / 1000;
}
