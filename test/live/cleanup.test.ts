/**
 * Nothing a live run starts outlives it: no gateway or peer process, no network namespace, no
 * run folder, after a run that works, one that fails half-way, and one stopped with Ctrl-C.
 * Processes are found by their working directory (every gateway runs in its run's folder) and
 * namespaces by the name clawproof gives them (its own PID), so other runs are never counted.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readlinkSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { netnsUnavailable } from "../../src/live/netns.ts";
import { clawproof } from "../helpers/cli.ts";

const BIN = fileURLToPath(new URL("../../bin/clawproof.js", import.meta.url));
const CACHE = process.env.CLAWPROOF_CACHE!;
const RUNS = join(CACHE, "live", "runs");
// CLAWPROOF_LIVE_REOBSERVE: real gateways even when the project's live cache holds these cells
const REOBSERVE = { CLAWPROOF_LIVE_REOBSERVE: "1" };
const CELLS = "auth=password,origin=none,insecure=0,ddda=0,device=none";

/** Processes whose working directory is inside a run folder of the CLI process `pid`. */
function processesOf(pid: number): number[] {
  const prefix = join(RUNS, `${pid}-`);
  return readdirSync("/proc").filter((p) => /^\d+$/.test(p)).filter((p) => {
    try {
      return readlinkSync(`/proc/${p}/cwd`).startsWith(prefix);
    } catch {
      return false;
    }
  }).map(Number);
}

const netnsOf = (pid: number) => spawnSync("ip", ["netns", "list"], { encoding: "utf8" }).stdout.split("\n").filter((l) => l.startsWith(`clawproof-${pid % 100000}`));
const runDirsOf = (pid: number) => (existsSync(RUNS) ? readdirSync(RUNS).filter((d) => d.startsWith(`${pid}-`)) : []);

function leftovers(pid: number) {
  return { processes: processesOf(pid), netns: netnsOf(pid), runDirs: runDirsOf(pid) };
}
const nothing = { processes: [], netns: [], runDirs: [] };

describe.skipIf(netnsUnavailable())("live runs leave nothing behind", () => {
  it("after a run that fails half-way (a gateway never ready): exit 2, one line", () => {
    const child = spawnSync(process.execPath, [BIN, "decide", "live:2026.3.13", "--cell", `${CELLS},client=cli,role=node`], {
      encoding: "utf8", env: { ...process.env, ...REOBSERVE, CLAWPROOF_LIVE_READY_TIMEOUT_MS: "1" },
    });
    expect(child.status).toBe(2);
    expect(child.stderr.trim().split("\n")).toHaveLength(1);
    expect(child.stderr).toMatch(/clawproof: live:2026\.3\.13: gateway/);
    expect(leftovers(child.pid!)).toEqual(nothing);
  }, 300_000);

  it("after Ctrl-C while gateways are running", async () => {
    const child = spawn(process.execPath, [BIN, "decide", "live:2026.3.13", "--cell", `${CELLS},client=backend,role=operator`], { env: { ...process.env, ...REOBSERVE }, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    // wait until a gateway process of this run exists, then interrupt
    const deadline = Date.now() + 200_000;
    while (Date.now() < deadline && processesOf(child.pid!).length < 1) await new Promise((r) => setTimeout(r, 200));
    expect(processesOf(child.pid!).length).toBeGreaterThan(0);
    child.kill("SIGINT");
    const code = await new Promise<number | null>((r) => child.once("exit", (c) => r(c)));
    expect(code).toBe(130);
    expect(stderr).toMatch(/SIGINT: stopping live gateways/);
    expect(leftovers(child.pid!)).toEqual(nothing);
  }, 300_000);

  it("after a run that works (one real handshake for a full key), and the second time from the cache", () => {
    const key = "role=node,client=other,device=none,auth=password,cred=secret-ok,loc=remote,origin=none,insecure=0,ddda=0";
    const run = spawnSync(process.execPath, [BIN, "decide", "live:2026.3.13", "--cell", key, "--format", "jsonl"], {
      encoding: "utf8", env: { ...process.env, ...REOBSERVE },
    });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ cell: key, outcome: "reject", reason: "device-required" });
    expect(leftovers(run.pid!)).toEqual(nothing);
    const again = clawproof("decide", "live:2026.3.13", "--cell", key, "--format", "jsonl");
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(run.stdout);
  }, 300_000);
});
