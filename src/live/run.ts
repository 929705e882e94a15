/**
 * Drives a set of realisable cells through real gateways: one gateway per configuration, run
 * `jobs` at a time so one starts while another answers handshakes; devices that must be paired
 * are paired once through the real path on the first token gateway and its paired store is
 * handed to every later gateway. Everything started is stopped, and the run folder and the
 * netns are removed, whatever happens.
 */
import { mkdir, rm, cp } from "node:fs/promises";
import { rmSync } from "node:fs";
import { join, relative } from "node:path";
import { cellKey } from "../domain/cell-key.ts";
import type { Cell } from "../domain/cell.ts";
import type { Verdict } from "../domain/verdict.ts";
import { startGateway, type RunningGateway } from "./gateway.ts";
import { ORIGIN_ALLOWLIST, gatewayConfig } from "./gateway-config.ts";
import { handshake, type Observation } from "./handshake.ts";
import { createNetns, type Netns } from "./netns.ts";
import { liveVerdict } from "./observe.ts";
import { startPeer, type Peer } from "./peer-client.ts";
import { registerCleanup, stopAll } from "./processes.ts";
import type { LiveProfile } from "./profile.ts";
import { gatewayId, planCell, type CellPlan, type GatewayKey } from "./realise.ts";
import { isPaired, pairDevices } from "./pairing.ts";
import { cellRequest, clientRequest, type PairedDevice } from "./request.ts";
import { liveRoot, type LiveRuntime } from "./runtime.ts";

export interface LiveObserved {
  verdict: Verdict;
  /** which gateway configuration answered, for the report. */
  gateway: string;
}

export interface LiveRunResult {
  observed: Map<string, LiveObserved>;
  starts: { gateway: string; listen: number; ready: number; cells: number; seconds: number }[];
  handshakes: number;
  seconds: number;
  /** the explicit Control UI origin allowlist each gateway was given, for the report. */
  originAllowlist: string;
}

export interface LiveRunOptions {
  runtime: LiveRuntime;
  profile: LiveProfile;
  progress: (message: string) => void;
  jobs?: number;
  /** handshakes in flight per gateway. */
  inflight?: number;
}

interface Job {
  key: GatewayKey;
  cells: { cell: Cell; plan: CellPlan }[];
}

export async function runLive(cells: readonly Cell[], opts: LiveRunOptions): Promise<LiveRunResult> {
  const started = Date.now();
  const runDir = join(liveRoot(), "runs", `${process.pid}-${Date.now()}`);
  const unregisterDir = registerCleanup(`dir:${runDir}`, () => rm(runDir, { recursive: true, force: true }), () => rmSync(runDir, { recursive: true, force: true }));
  await mkdir(runDir, { recursive: true });
  let netns: Netns | undefined;
  let peer: Peer | undefined;
  try {
    const jobs = groupJobs(cells, opts.profile);
    if (jobs.some((j) => j.key.bind === "custom" || j.cells.some((c) => c.plan.from === "peer"))) {
      opts.progress("live: creating a network namespace for remote peers");
      netns = createNetns();
      peer = await startPeer(netns);
    }
    const runner = new JobRunner(opts, runDir, netns, peer, jobs);
    await runner.runAll();
    return { observed: runner.observed, starts: runner.starts, handshakes: runner.handshakes, seconds: (Date.now() - started) / 1000, originAllowlist: ORIGIN_ALLOWLIST };
  } finally {
    await peer?.stop();
    await stopAll();
    netns?.remove();
    await rm(runDir, { recursive: true, force: true });
    unregisterDir();
  }
}

function groupJobs(cells: readonly Cell[], profile: LiveProfile): Job[] {
  const jobs = new Map<string, Job>();
  for (const cell of cells) {
    const plan = planCell(cell, profile);
    const id = gatewayId(plan.gateway);
    const job = jobs.get(id) ?? { key: plan.gateway, cells: [] };
    job.cells.push({ cell, plan });
    jobs.set(id, job);
  }
  // the seed gateway (token, knobs off) first; then the jobs that need no paired device can start at once
  const seedFirst = (j: Job) => (isSeed(j.key, profile) ? 0 : j.cells.some((c) => c.cell.device === "paired") ? 2 : 1);
  return [...jobs.values()].sort((a, b) => seedFirst(a) - seedFirst(b));
}

/** Devices are paired on a token gateway with the knobs off that listens on loopback (local pairing is the real silent path). */
const isSeed = (k: GatewayKey, p: LiveProfile) =>
  k.authMode === "token" && !k.allowInsecureAuth && !k.dangerouslyDisableDeviceAuth && !k.loopbackProxy && (k.bind === "loopback" || p.customBindAlsoLoopback);

class JobRunner {
  readonly observed = new Map<string, LiveObserved>();
  readonly starts: LiveRunResult["starts"] = [];
  handshakes = 0;
  private paired = new Map<string, PairedDevice>();
  private seedState: string | undefined;
  private seedClaimed = false;
  private seeded: Promise<void>;
  private resolveSeed!: () => void;
  private done = 0;
  private stopping: Promise<void>[] = [];
  private total: number;

  constructor(
    private opts: LiveRunOptions,
    private runDir: string,
    private netns: Netns | undefined,
    private peer: Peer | undefined,
    private jobs: Job[],
  ) {
    this.seeded = new Promise((r) => (this.resolveSeed = r));
    this.total = jobs.reduce((n, j) => n + j.cells.length, 0);
    const needs = this.pairingNeeds();
    if (!needs.length) this.resolveSeed();
    else if (!jobs.some((j) => isSeed(j.key, opts.profile))) jobs.unshift({ key: { authMode: "token", allowInsecureAuth: false, dangerouslyDisableDeviceAuth: false, bind: "loopback", loopbackProxy: false }, cells: [] });
  }

  private pairingNeeds(): string[] {
    const needs = new Set<string>();
    for (const j of this.jobs) for (const { cell } of j.cells) if (cell.device === "paired") needs.add(`${cell.role}/${cell.client}`);
    return [...needs].sort();
  }

  async runAll(): Promise<void> {
    const queue = [...this.jobs];
    const width = Math.max(1, this.opts.jobs ?? 2);
    let failure: unknown;
    const worker = async () => {
      while (queue.length && failure === undefined) {
        const job = queue.shift()!;
        try {
          await this.runJob(job);
        } catch (error) {
          failure ??= error;
          this.resolveSeed();
        }
      }
    };
    await Promise.all(Array.from({ length: width }, worker));
    await Promise.all(this.stopping);
    if (failure !== undefined) throw failure;
  }

  private async runJob(job: Job): Promise<void> {
    const seed = isSeed(job.key, this.opts.profile) && !this.seedClaimed && this.pairingNeeds().length > 0;
    if (seed) this.seedClaimed = true;
    const needsPaired = job.cells.some((c) => c.cell.device === "paired");
    if (needsPaired && !seed) await this.seeded;
    const t0 = Date.now();
    const id = gatewayId(job.key);
    this.opts.progress(`live: starting gateway ${id} (${this.done}/${this.total} cells done)`);
    const gw = await startGateway({
      runtime: this.opts.runtime, runDir: this.runDir, ...(this.seedState && !seed ? { seedState: this.seedState } : {}),
      configFor: (port) => gatewayConfig(job.key, port, this.netns),
      probe: (url) => handshake(clientRequest(this.opts, url, { role: "operator", client: "cli" }, {})),
    });
    try {
      if (seed) await this.pairAll(gw);
      await this.runCells(gw, job);
    } catch (error) {
      await gw.stop();
      throw error;
    }
    // the next gateway starts while this one shuts down (9.6 takes up to 9 s); runAll waits for every stop
    this.stopping.push(gw.stop());
    this.starts.push({ gateway: id, listen: gw.timing.listen, ready: gw.timing.ready, cells: job.cells.length, seconds: (Date.now() - t0) / 1000 });
  }

  /** Pairs the devices paired cells need, then keeps a copy of the seed gateway's stores for every later gateway. */
  private async pairAll(gw: RunningGateway): Promise<void> {
    this.paired = await pairDevices(this.opts, gw, this.pairingNeeds(), this.opts.progress);
    // the stores (3.13: devices/*.json; 9.6: state/openclaw.sqlite with its WAL), not the owner locks and
    // scratch under tmp/ and cache/, which belong to the running seed gateway
    this.seedState = join(this.runDir, "seed-state");
    await cp(gw.stateDir, this.seedState, { recursive: true, filter: (src) => !/^(tmp|cache)(\/|$)|\.lock$/.test(relative(gw.stateDir, src)) });
    this.resolveSeed();
  }

  /**
   * A paired device's cells run one after another, and the device token it is handed next is the
   * last one the gateway issued it (a hello-ok may issue a new one), so no cell reads a token
   * another cell's connect replaced. Everything else runs `inflight` at a time.
   */
  private async runCells(gw: RunningGateway, job: Job): Promise<void> {
    const id = gatewayId(job.key);
    const tokens = new Map<string, string>();
    const lanes = new Map<string, { cell: Cell; plan: CellPlan }[]>();
    const loose: { cell: Cell; plan: CellPlan }[][] = [];
    for (const item of job.cells) {
      if (item.cell.device !== "paired") loose.push([item]);
      else {
        const lane = `${item.cell.role}/${item.cell.client}`;
        lanes.set(lane, [...(lanes.get(lane) ?? []), item]);
      }
    }
    const queue = [...lanes.values(), ...loose];
    const worker = async () => {
      for (let lane = queue.shift(); lane; lane = queue.shift()) {
        for (const { cell, plan } of lane) {
          const device = `${cell.role}/${cell.client}`;
          const observation = await this.connect(gw, cell, plan, tokens.get(device));
          this.handshakes++;
          const issued = observation.hello?.auth?.deviceToken;
          if (cell.device === "paired" && issued) tokens.set(device, issued);
          const persisted = cell.device === "unpaired" && observation.kind === "hello" ? !!issued || (await isPaired(gw.stateDir, observation.deviceId!)) : undefined;
          const verdict = liveVerdict({ observation, sentDevice: cell.device, role: cell.role, ...(persisted === undefined ? {} : { persisted }) });
          this.observed.set(cellKey(cell), { verdict, gateway: id });
          if (++this.done % 50 === 0) this.opts.progress(`live: ${this.done}/${this.total} cells`);
        }
      }
    };
    await Promise.all(Array.from({ length: this.opts.inflight ?? 8 }, worker));
  }

  private connect(gw: RunningGateway, cell: Cell, plan: CellPlan, latestToken: string | undefined): Promise<Observation> {
    const host = plan.from === "peer" ? this.netns!.hostAddress : "127.0.0.1";
    const paired = cell.device === "paired" ? this.paired.get(`${cell.role}/${cell.client}`) : undefined;
    const request = cellRequest(this.opts, host, gw.port, cell, plan, paired && latestToken ? { ...paired, deviceToken: latestToken } : paired);
    return plan.from === "peer" ? this.peer!.handshake(request) : handshake(request);
  }
}

