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
import { handshake, type DeviceKey, type Observation } from "./handshake.ts";
import { createNetns, type Netns } from "./netns.ts";
import { liveVerdict } from "./observe.ts";
import { startPeer, type Peer } from "./peer-client.ts";
import { registerCleanup, stopAll } from "./processes.ts";
import type { LiveProfile } from "./profile.ts";
import { groupJobs, hotReloadFrom, type Job } from "./jobs.ts";
import { gatewayId, type CellPlan, type GatewayKey } from "./realise.ts";
import { adminSession, deviceTokensOn, gatewayCredential, isPaired, pairDevices, restoreDevice, type Admin, type AdminSession, type PairingNeed } from "./pairing.ts";
import { cellRequest, clientRequest, type PairedDevice } from "./request.ts";
import { liveRoot, type LiveRuntime } from "./runtime.ts";
import { baseLane, dealToLanes, leftOff, pairingNeeds, upgradeApproved } from "./upgrade-lanes.ts";

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

export async function runLive(cells: readonly Cell[], opts: LiveRunOptions): Promise<LiveRunResult> {
  const started = Date.now();
  const runDir = join(liveRoot(), "runs", `${process.pid}-${Date.now()}`);
  const unregisterDir = registerCleanup(`dir:${runDir}`, () => rm(runDir, { recursive: true, force: true }), () => rmSync(runDir, { recursive: true, force: true, maxRetries: 3 }));
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

/**
 * Devices are paired on a gateway of their own (token, knobs off, loopback: local pairing is the
 * real silent path), which is stopped before its state is copied into every later gateway. A copy
 * of a running gateway's store is not a consistent snapshot: 9.6 keeps it in SQLite with a WAL and
 * writes it after hello-ok, so a copy taken while it ran could miss the device token it had just
 * issued, and which cells then read "device token mismatch" depended on timing (seen as 9 of 1,152
 * paired cells in one order and 0 in the other, and 0 vs 44 of 4,896 across two full runs).
 */
const PAIRING_GATEWAY: GatewayKey = { authMode: "token", allowInsecureAuth: false, dangerouslyDisableDeviceAuth: false, bind: "loopback", loopbackProxy: false };

class JobRunner {
  readonly observed = new Map<string, LiveObserved>();
  readonly starts: LiveRunResult["starts"] = [];
  handshakes = 0;
  private paired = new Map<string, PairedDevice>();
  private needs: PairingNeed[];
  /** the admin operator that puts upgrade devices back to their approval (paired with them). */
  private admin: Admin | undefined;
  /** per running gateway: its admin calls, and the upgrade lanes whose device could not be put back there (why). */
  private sessions = new WeakMap<RunningGateway, AdminSession>();
  private broken = new WeakMap<RunningGateway, Map<string, string>>();
  /** per running gateway: the upgrade lanes whose device a fresh key replaced there (a release without device.pair.remove). */
  private replaced = new WeakMap<RunningGateway, Map<string, DeviceKey>>();
  /** upgrade cells left unobserved because their lane's device could not be put back to its approval (reported as not observed). */
  unrestored = 0;
  private unrestoredWhy = new Set<string>();
  private seedState: string | undefined;
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
    this.needs = pairingNeeds(jobs);
    if (!this.needs.length) this.resolveSeed();
  }

  async runAll(): Promise<void> {
    const queue: (Job | "pairing")[] = [...(this.needs.length ? ["pairing" as const] : []), ...this.jobs];
    const width = Math.max(1, this.opts.jobs ?? 2);
    let failure: unknown;
    const worker = async () => {
      while (queue.length && failure === undefined) {
        const task = queue.shift()!;
        try {
          await (task === "pairing" ? this.pairAll() : this.runJob(task, queue));
        } catch (error) {
          failure ??= error;
          this.resolveSeed();
        }
      }
    };
    await Promise.all(Array.from({ length: width }, worker));
    await Promise.all(this.stopping);
    if (failure !== undefined) throw failure;
    if (this.unrestored) this.opts.progress(`live: ${this.unrestored} upgrade cells not observed: their lane's device could not be put back to its approval (${[...this.unrestoredWhy].join("; ")})`);
  }

  private start(key: GatewayKey, id: string, seedState: string | undefined): Promise<RunningGateway> {
    this.opts.progress(`live: starting gateway ${id} (${this.done}/${this.total} cells done)`);
    return startGateway({
      runtime: this.opts.runtime, runDir: this.runDir, ...(seedState ? { seedState } : {}),
      configFor: (port) => ({ ...gatewayConfig(key, port, this.netns, this.opts.profile), id }),
      probe: (url) => handshake(clientRequest(this.opts, url, { role: "operator", client: "cli" }, {})),
    });
  }

  /**
   * One gateway for `job` and for each queued job it can become by a change its release applies
   * without restarting (`hotReloadFrom`), so those need no start of their own. Cells with a fresh
   * unpaired device run last on a gateway, after every paired and device-less cell of all those
   * jobs (switching back by hot reload): 9.6 prunes a client's earlier silent pairing when a new
   * device of the same client kind is paired silently, so an unpaired local cell that ran first
   * took the paired device's pairing away, and which paired cells then failed ("pairing required:
   * device is not approved yet", "device token mismatch") depended on the order of the cells.
   */
  private async runJob(job: Job, queue: (Job | "pairing")[]): Promise<void> {
    if ([...job.cells, ...(job.riders?.cells ?? [])].some((c) => c.cell.device === "paired")) await this.seeded;
    const chain: Job[] = [job];
    for (let next; (next = queue.find((j): j is Job => j !== "pairing" && hotReloadFrom(chain.at(-1)!.key, j.key, this.opts.profile) !== undefined));) {
      queue.splice(queue.indexOf(next), 1);
      chain.push(next);
    }
    const t0 = Date.now();
    const gw = await this.start(job.key, gatewayId(job.key), this.seedState);
    const tokens = new Map<string, string>();
    const timing = new Map<Job, { listen: number; ready: number; cells: number; seconds: number }>();
    let at = job;
    // the gateway now runs `to`'s config, or the release did not say it applied the change in place
    const become = async (to: Job): Promise<boolean> => {
      if (to === at) return true;
      const reload = hotReloadFrom(at.key, to.key, this.opts.profile)!;
      const auth = gatewayConfig(to.key, gw.port, this.netns, this.opts.profile).gateway.auth;
      this.opts.progress(`live: reconfiguring gateway ${gatewayId(at.key)} as ${gatewayId(to.key)} (hot reload of ${reload.path})`);
      const t = Date.now();
      if (!(await gw.reconfigure((c) => (c.gateway.auth = auth), reload.applied))) return false;
      at = to;
      const entry = timing.get(to) ?? { listen: 0, ready: 0, cells: 0, seconds: 0 };
      timing.set(to, { ...entry, ready: entry.ready || (Date.now() - t) / 1000 });
      return true;
    };
    const phase = async (j: Job, cells: Job["cells"], refresh: boolean) => {
      const t = Date.now();
      if (refresh) await this.refreshTokens(gw, { key: j.key, cells }, tokens);
      await this.runCells(gw, { key: j.key, cells }, tokens);
      const entry = timing.get(j)!;
      timing.set(j, { ...entry, cells: entry.cells + cells.length, seconds: entry.seconds + (Date.now() - t) / 1000 });
    };
    timing.set(job, { ...gw.timing, cells: 0, seconds: (Date.now() - t0) / 1000 - gw.timing.ready });
    try {
      let stripped: boolean | undefined;
      const work = new Map<Job, Job["cells"]>();
      for (const j of chain) {
        if (!(await become(j))) {
          queue.unshift(...chain.slice(chain.indexOf(j)));
          break;
        }
        let cells = j.cells;
        if (j.riders) {
          stripped ??= !("allowInsecureAuth" in ((await gw.configOnDisk()).gateway?.controlUi ?? {}));
          if (stripped) cells = [...cells, ...j.riders.cells];
          else queue.push(j.riders);
        }
        work.set(j, cells);
        await phase(j, cells.filter((c) => c.cell.device !== "unpaired"), true);
      }
      for (const [j, cells] of [...work].reverse()) {
        const unpaired = cells.filter((c) => c.cell.device === "unpaired");
        if (!unpaired.length) continue;
        if (!(await become(j))) queue.push({ key: j.key, cells: unpaired });
        else await phase(j, unpaired, false);
      }
      for (const [j, t] of timing) {
        const label = gatewayId(j.key) + (stripped && j.riders ? ` (and ${gatewayId(j.riders.key)}: the knob was removed at start)` : "");
        if (t.cells) this.starts.push({ gateway: label, listen: t.listen, ready: t.ready, cells: t.cells, seconds: t.ready + t.seconds });
      }
    } catch (error) {
      await gw.stop();
      throw error;
    }
    // the next gateway starts while this one shuts down (9.6 takes up to 9 s); runAll waits for every stop
    this.stopping.push(gw.stop());
  }

  /** Each paired device of `job` presents the device token this gateway issued it, not one from the pairing gateway. */
  private async refreshTokens(gw: RunningGateway, job: Job, tokens: Map<string, string>): Promise<void> {
    // the shared devices only: an upgrade cell's pool device gets this gateway's token on first use (deviceFor)
    const needs = new Set(job.cells.filter((c) => c.cell.device === "paired" && c.cell.upgrade === "none").map((c) => baseLane(c.cell)));
    if (!needs.size) return;
    const devices = new Map([...this.paired].filter(([need]) => needs.has(need)));
    for (const [need, token] of await deviceTokensOn(this.opts, gw, job.key.authMode, devices)) tokens.set(need, token);
  }

  /** Pairs the devices paired cells need on the pairing gateway, stops it, and keeps its state for every later gateway. */
  private async pairAll(): Promise<void> {
    const t0 = Date.now();
    const gw = await this.start(PAIRING_GATEWAY, "pairing", undefined);
    try {
      ({ devices: this.paired, admin: this.admin } = await pairDevices(this.opts, gw, this.needs, this.opts.progress, this.needs.some((n) => n.displayName)));
    } finally {
      await gw.stop();
    }
    // the stores (3.13: devices/*.json; 9.6: state/openclaw.sqlite), not scratch under tmp/ and cache/
    this.seedState = join(this.runDir, "seed-state");
    await cp(gw.stateDir, this.seedState, { recursive: true, filter: (src) => !/^(tmp|cache)(\/|$)|\.lock$/.test(relative(gw.stateDir, src)) });
    this.starts.push({ gateway: "pairing", listen: gw.timing.listen, ready: gw.timing.ready, cells: 0, seconds: (Date.now() - t0) / 1000 });
    this.resolveSeed();
  }

  /**
   * A paired device's cells run one after another, and the device token it is handed next is the
   * last one the gateway issued it (a hello-ok may issue a new one), so no cell reads a token
   * another cell's connect replaced. Everything else runs `inflight` at a time.
   */
  private async runCells(gw: RunningGateway, job: Job, tokens: Map<string, string>): Promise<void> {
    const id = gatewayId(job.key);
    const queue = dealToLanes(job.cells);
    const broken = this.broken.get(gw) ?? new Map<string, string>();
    this.broken.set(gw, broken);
    const replaced = this.replaced.get(gw) ?? new Map<string, DeviceKey>();
    this.replaced.set(gw, replaced);
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const [lane, items] = next;
        for (const { cell, plan } of items) {
          if (lane && broken.has(lane)) {
            // its device is off its approval on this gateway: the cell stays unobserved (reported as such), never guessed
            this.unrestored++;
            continue;
          }
          if (lane && cell.upgrade !== "none") await this.ensureToken(gw, job.key.authMode, lane, tokens);
          const device = lane;
          const paired = device ? this.paired.get(device) : undefined;
          const presented = paired && { ...paired, key: replaced.get(device!) ?? paired.key, deviceToken: tokens.get(device!) ?? paired.deviceToken };
          const observation = await this.connect(gw, cell, plan, presented);
          this.handshakes++;
          // the gateway finishes a connect in work it detaches from the socket (9.6: node registration and
          // pairing-generation bookkeeping); the device's next connect waits a moment so it does not race it
          if (cell.device === "paired") await sleep(SETTLE_MS);
          const issued = observation.hello?.auth?.deviceToken;
          if (device && issued) tokens.set(device, issued);
          const persisted = cell.device === "unpaired" && observation.kind === "hello" ? !!issued || (await isPaired(gw.stateDir, observation.deviceId!)) : undefined;
          const upgraded = cell.upgrade !== "none" && observation.kind === "hello" ? await upgradeApproved(gw.stateDir, cell, observation) : undefined;
          const verdict = liveVerdict({ observation, sentDevice: cell.device, role: cell.role, ...(persisted === undefined ? {} : { persisted }), ...(upgraded === undefined ? {} : { upgraded }) });
          // the device may be off its approval now (see leftOff): put it back before its lane's next cell
          const left = cell.upgrade !== "none" ? leftOff(cell, observation, verdict, upgraded) : undefined;
          if (left) {
            try {
              const now = await restoreDevice(this.opts, this.adminAt(gw, job.key), this.admin!, presented!, left, this.session(gw, job.key));
              tokens.set(device!, now.deviceToken);
              if (now.key !== presented!.key) replaced.set(device!, now.key);
              await sleep(SETTLE_MS);
            } catch (error) {
              broken.set(device!, (error as Error).message);
              this.unrestoredWhy.add(`${gatewayId(job.key)}: ${(error as Error).message.slice(0, 160)}`);
            }
          }
          this.observed.set(cellKey(cell), { verdict, gateway: id });
          if (++this.done % 50 === 0) this.opts.progress(`live: ${this.done}/${this.total} cells`);
        }
      }
    };
    await Promise.all(Array.from({ length: this.opts.inflight ?? 8 }, worker));
  }

  /** An upgrade lane's device gets its token from this gateway on first use, as the shared devices do (refreshTokens). */
  private async ensureToken(gw: RunningGateway, authMode: Cell["authMode"], lane: string, tokens: Map<string, string>): Promise<void> {
    if (tokens.has(lane)) return;
    for (const [need, token] of await deviceTokensOn(this.opts, gw, authMode, new Map([[lane, this.paired.get(lane)!]]))) tokens.set(need, token);
  }

  /** Where the admin reaches this gateway: loopback, or the netns host address a custom bind listens on alone (3.13). */
  private adminAt(gw: RunningGateway, key: GatewayKey) {
    const alone = key.bind === "custom" && !this.opts.profile.customBindAlsoLoopback;
    return { url: `ws://${alone ? this.netns!.hostAddress : "127.0.0.1"}:${gw.port}`, stateDir: gw.stateDir, auth: gatewayCredential(key.authMode) };
  }

  private session(gw: RunningGateway, key: GatewayKey): AdminSession {
    const known = this.sessions.get(gw);
    if (known) return known;
    const at = this.adminAt(gw, key);
    const made = adminSession(this.opts, at.url, at.auth);
    this.sessions.set(gw, made);
    return made;
  }

  private connect(gw: RunningGateway, cell: Cell, plan: CellPlan, paired: PairedDevice | undefined): Promise<Observation> {
    const host = plan.from === "peer" ? this.netns!.hostAddress : "127.0.0.1";
    const request = cellRequest(this.opts, host, gw.port, cell, plan, paired);
    const sent = cell.device === "paired" ? { ...request, graceful: true } : request;
    return plan.from === "peer" ? this.peer!.handshake(sent) : handshake(sent);
  }
}

/**
 * Between two connects of one paired device on one gateway. Reusing a device back to back with the
 * socket cut right after hello-ok made 9.6 refuse some later connects of it ("node pairing changed
 * during connect", a device token mismatch, a 1000 close) depending on timing and machine load.
 */
const SETTLE_MS = 150;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
