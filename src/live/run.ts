/**
 * Drives a set of realisable cells through real gateways: one gateway per configuration, run
 * `jobs` at a time so one starts while another answers handshakes; devices that must be paired
 * are paired once through the real path on the first token gateway and its paired store is
 * handed to every later gateway. Everything started is stopped, and the run folder and the
 * netns are removed, whatever happens.
 */
import { generateKeyPairSync } from "node:crypto";
import { mkdir, readFile, rm, cp } from "node:fs/promises";
import { rmSync } from "node:fs";
import { join, relative } from "node:path";
import { cellKey } from "../domain/cell-key.ts";
import type { Cell } from "../domain/cell.ts";
import type { Verdict } from "../domain/verdict.ts";
import { startGateway, type GatewayConfig, type RunningGateway } from "./gateway.ts";
import { handshake, type DeviceKey, type HandshakeRequest, type Observation } from "./handshake.ts";
import { createNetns, type Netns } from "./netns.ts";
import { liveVerdict } from "./observe.ts";
import { startPeer, type Peer } from "./peer-client.ts";
import { registerCleanup, stopAll } from "./processes.ts";
import type { LiveProfile } from "./profile.ts";
import { CLIENT_IDS, gatewayId, planCell, type CellPlan, type GatewayKey } from "./realise.ts";
import { liveRoot, type LiveRuntime } from "./runtime.ts";

export const SECRET = { token: "clawproof-live-token", password: "clawproof-live-password", wrong: "clawproof-wrong-secret" };
const OPERATOR_SCOPES = ["operator.read"];
const ADMIN_SCOPES = ["operator.read", "operator.write", "operator.pairing", "operator.admin"];
const PROXY_USER_HEADER = "x-forwarded-user";
const FOREIGN_ORIGIN = "https://foreign.invalid";

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

const freshKey = (): DeviceKey => ({ privateKeyPem: generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString() });

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
    return { observed: runner.observed, starts: runner.starts, handshakes: runner.handshakes, seconds: (Date.now() - started) / 1000, originAllowlist: "the gateway's own loopback origins (http://127.0.0.1:<port>, http://localhost:<port>); `foreign` is https://foreign.invalid, not in it" };
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

interface PairedDevice {
  key: DeviceKey;
  deviceToken: string;
}

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

  private gatewayConfig(key: GatewayKey, port: number): GatewayConfig {
    const host = key.bind === "custom" ? this.netns!.hostAddress : undefined;
    const auth: Record<string, unknown> = { rateLimit: { maxAttempts: 1_000_000, windowMs: 60_000, lockoutMs: 1 } };
    const trustedProxies: string[] = [];
    switch (key.authMode) {
      case "token": Object.assign(auth, { mode: "token", token: SECRET.token }); break;
      case "tailscale": Object.assign(auth, { mode: "token", token: SECRET.token, allowTailscale: true }); break;
      case "password": Object.assign(auth, { mode: "password", password: SECRET.password }); break;
      case "none": Object.assign(auth, { mode: "none" }); break;
      case "trusted-proxy":
        // the password is the local fallback for callers that bypass the proxy (#17761)
        Object.assign(auth, { mode: "trusted-proxy", password: SECRET.password, trustedProxy: { userHeader: PROXY_USER_HEADER } });
        // a documentation address when no netns exists: named in config, never contacted
        trustedProxies.push(key.loopbackProxy ? "127.0.0.1" : (this.netns?.peerAddress ?? "192.0.2.1"));
        break;
    }
    const controlUi = {
      allowInsecureAuth: key.allowInsecureAuth,
      dangerouslyDisableDeviceAuth: key.dangerouslyDisableDeviceAuth,
      allowedOrigins: [`http://127.0.0.1:${port}`, `http://localhost:${port}`],
    };
    return {
      id: gatewayId(key),
      gateway: { auth, controlUi, ...(trustedProxies.length ? { trustedProxies } : {}), ...(host ? { bind: "custom", customBindHost: host } : {}) },
    };
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
      configFor: (port) => this.gatewayConfig(job.key, port),
      probe: (url) => handshake(this.request(url, { role: "operator", client: "cli" }, {})),
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

  private request(url: string, who: { role: Cell["role"]; client: Cell["client"] }, extra: Partial<HandshakeRequest>): HandshakeRequest {
    const client = CLIENT_IDS[who.client]!;
    return {
      url, headers: {}, role: who.role, scopes: who.role === "operator" ? OPERATOR_SCOPES : [],
      client: { id: client.id, mode: client.mode, version: "1.0.0", platform: "linux", ...(who.client === "control-ui" && this.opts.runtime.buildId ? { buildId: this.opts.runtime.buildId } : {}) },
      auth: {}, protocol: this.opts.profile.protocol, timeoutMs: 15_000, ...extra,
    };
  }

  /**
   * Pairs one device per (role, client) through the real path: a silent local pairing where the
   * release grants one; where it skips pairing instead (a local backend with the secret), the
   * connect is repeated with a loopback Origin, which waits for approval, and a local admin
   * operator approves it with `device.pair.approve`.
   */
  private async pairAll(gw: RunningGateway): Promise<void> {
    const url = `ws://127.0.0.1:${gw.port}`;
    const auth = { token: SECRET.token };
    let admin: DeviceKey | undefined;
    for (const need of this.pairingNeeds()) {
      const [role, client] = need.split("/") as [Cell["role"], Cell["client"]];
      this.opts.progress(`live: pairing a ${role} ${client} device`);
      const key = freshKey();
      const connect = (headers: Record<string, string>) => handshake(this.request(url, { role, client }, { auth, device: key, headers }));
      let o = await connect({});
      let token = o.kind === "hello" ? o.hello?.auth?.deviceToken ?? (await storedDeviceToken(gw.stateDir, o.deviceId!, role)) : undefined;
      if (!token) {
        const origin = { Origin: `http://127.0.0.1:${gw.port}` };
        o = await connect(origin);
        const requestId = o.error?.details?.requestId;
        if (o.kind !== "hello") {
          if (typeof requestId !== "string") throw new Error(`live: cannot pair a ${role} ${client} device: ${o.error?.message ?? o.close?.reason ?? o.kind}`);
          admin ??= await this.pairAdmin(url);
          const approved = await handshake({ ...this.request(url, { role: "operator", client: "cli" }, { auth, device: admin }), scopes: ADMIN_SCOPES, after: { method: "device.pair.approve", params: { requestId } } });
          if (!approved.probe?.ok) throw new Error(`live: approving the ${role} ${client} device failed: ${approved.probe?.message ?? approved.kind}`);
          o = await connect(origin);
          if (o.kind !== "hello") throw new Error(`live: the approved ${role} ${client} device is still refused: ${o.error?.message ?? o.kind}`);
        }
        token = o.hello?.auth?.deviceToken ?? (await storedDeviceToken(gw.stateDir, o.deviceId!, role));
      }
      if (!token) throw new Error(`live: the gateway issued no device token for the paired ${role} ${client} device`);
      this.paired.set(need, { key, deviceToken: token });
    }
    // the stores (3.13: devices/*.json; 9.6: state/openclaw.sqlite with its WAL), not the owner locks and
    // scratch under tmp/ and cache/, which belong to the running seed gateway
    this.seedState = join(this.runDir, "seed-state");
    await cp(gw.stateDir, this.seedState, { recursive: true, filter: (src) => !/^(tmp|cache)(\/|$)|\.lock$/.test(relative(gw.stateDir, src)) });
    this.resolveSeed();
  }

  private async pairAdmin(url: string): Promise<DeviceKey> {
    const admin = freshKey();
    const o = await handshake({ ...this.request(url, { role: "operator", client: "cli" }, { auth: { token: SECRET.token }, device: admin }), scopes: ADMIN_SCOPES });
    if (o.kind !== "hello") throw new Error(`live: cannot pair a local admin operator: ${o.error?.message ?? o.kind}`);
    return admin;
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
    const url = `ws://${host}:${gw.port}`;
    const headers: Record<string, string> = {};
    if (cell.origin === "loopback") headers.Origin = `http://127.0.0.1:${gw.port}`;
    if (cell.origin === "foreign") headers.Origin = FOREIGN_ORIGIN;
    if (plan.proxy) {
      headers["X-Forwarded-For"] = plan.proxy.forwardedFor;
      headers["X-Forwarded-Proto"] = "https";
      headers["X-Forwarded-Host"] = `gateway.invalid`;
      if (plan.proxy.user) headers[PROXY_USER_HEADER] = "reviewer@example.invalid";
    }
    const paired = cell.device === "paired" ? this.paired.get(`${cell.role}/${cell.client}`) : undefined;
    if (cell.device === "paired" && !paired) throw new Error(`live: no paired ${cell.role} ${cell.client} device`);
    const device = paired?.key ?? (cell.device === "unpaired" ? freshKey() : undefined);
    const request = this.request(url, cell, {
      headers, auth: credential(cell, paired && latestToken ? { ...paired, deviceToken: latestToken } : paired), ...(device ? { device } : {}),
      ...(cell.role === "operator" ? { after: { method: "status" } } : {}),
    });
    return plan.from === "peer" ? this.peer!.handshake(request) : handshake(request);
  }
}

function credential(cell: Cell, paired: PairedDevice | undefined): HandshakeRequest["auth"] {
  const password = cell.authMode === "password" || cell.authMode === "trusted-proxy";
  switch (cell.credential) {
    case "secret-ok": return password ? { password: SECRET.password } : { token: SECRET.token };
    case "secret-wrong": return password ? { password: SECRET.wrong } : { token: SECRET.wrong };
    case "device-token": return { deviceToken: paired!.deviceToken };
    default: return {};
  }
}

async function pairedStore(stateDir: string): Promise<Record<string, { tokens?: Record<string, { token?: string }> }>> {
  try {
    return JSON.parse(await readFile(join(stateDir, "devices", "paired.json"), "utf8"));
  } catch {
    return {};
  }
}

/** The gateway writes its paired store just after hello-ok, so a missing entry is looked for once more shortly after. */
async function isPaired(stateDir: string, deviceId: string): Promise<boolean> {
  if (deviceId in (await pairedStore(stateDir))) return true;
  await new Promise((r) => setTimeout(r, 400));
  return deviceId in (await pairedStore(stateDir));
}

async function storedDeviceToken(stateDir: string, deviceId: string, role: string): Promise<string | undefined> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const token = (await pairedStore(stateDir))[deviceId]?.tokens?.[role]?.token;
    if (token) return token;
    await new Promise((r) => setTimeout(r, 200));
  }
  return undefined;
}
