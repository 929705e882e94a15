/**
 * One real gateway process for one configuration: its own HOME, state dir, TMPDIR and port, a
 * config file written fresh for each start (gateways rewrite their config), update checks,
 * mDNS, channels and plugins off. Started detached in its own process group so a Ctrl-C in the
 * terminal reaches clawproof, which then stops the gateway by its PID.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";
import { cp, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { join } from "node:path";
import { handshake, type Observation } from "./handshake.ts";
import { stopProcess, track } from "./processes.ts";
import { liveRoot, type LiveRuntime } from "./runtime.ts";

export interface GatewayConfig {
  /** stable name, also the folder name of this gateway's state. */
  id: string;
  /** the `gateway` section (auth, bind, controlUi, trustedProxies), merged over the lean defaults. */
  gateway: Record<string, unknown>;
  /** other top-level sections, merged over the lean defaults. */
  settings?: Record<string, unknown>;
}

export interface RunningGateway {
  config: GatewayConfig;
  port: number;
  stateDir: string;
  /** seconds from spawn to listening, and to ready. */
  timing: { listen: number; ready: number };
  stop(): Promise<void>;
  /**
   * Changes the running gateway's config file in place (`edit` gets the file as the gateway left
   * it, so a setting it stripped at start is not put back) and waits until its log says the
   * change was applied without a restart (`applied`). False when it did not say so in time: the
   * caller must then not take the change as made.
   */
  reconfigure(edit: (config: Record<string, any>) => void, applied: RegExp, timeoutMs?: number): Promise<boolean>;
  /** its config file as it is now (a gateway may rewrite it at start). */
  configOnDisk(): Promise<Record<string, any>>;
  /** the tail of its log, for error messages. */
  logTail(): string;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

/** The lean configuration every live gateway shares: nothing runs that a connect does not need. */
function configFile(config: GatewayConfig, port: number, logFile: string): object {
  return {
    gateway: { mode: "local", port, bind: "loopback", tailscale: { mode: "off" }, ...config.gateway },
    update: { checkOnStart: false },
    browser: { enabled: false },
    plugins: { enabled: false },
    discovery: { mdns: { mode: "off" } },
    logging: { file: logFile },
    ...config.settings,
  };
}

export interface StartOptions {
  runtime: LiveRuntime;
  /** the configuration, written once the port is known (the origin allowlist names it). */
  configFor: (port: number) => GatewayConfig;
  /** the run's own folder (under the cache); each gateway gets `<dir>/<id>`. */
  runDir: string;
  /** paired-device state to start from (copied in), so pairings made once are reused. */
  seedState?: string;
  /** readiness probe: a handshake request builder for this gateway's URL. */
  probe: (url: string) => Promise<Observation>;
  readyTimeoutMs?: number;
  /** V8 compile cache folder (default: the one shared by every gateway of this Node, `compileCacheDir`). */
  compileCache?: string;
}

export async function startGateway(opts: StartOptions): Promise<RunningGateway> {
  const port = await freePort();
  const config = opts.configFor(port);
  const root = join(opts.runDir, config.id);
  const home = join(root, "home");
  const stateDir = join(root, "state");
  const tmp = join(root, "tmp");
  await rm(root, { recursive: true, force: true });
  await Promise.all([home, stateDir, tmp].map((d) => mkdir(d, { recursive: true })));
  if (opts.seedState) await cp(opts.seedState, stateDir, { recursive: true });
  const logFile = join(root, "gateway.log");
  const configPath = join(root, "openclaw.json");
  await writeFile(configPath, JSON.stringify(configFile(config, port, logFile), null, 1));
  const env: NodeJS.ProcessEnv = {
    PATH: `${join(opts.runtime.nodeBin, "..")}:/usr/bin:/bin:/usr/sbin:/sbin`,
    HOME: home, OPENCLAW_STATE_DIR: stateDir, OPENCLAW_CONFIG_PATH: configPath, TMPDIR: tmp, NODE_COMPILE_CACHE: opts.compileCache ?? compileCacheDir(opts.runtime),
    OPENCLAW_SKIP_CHANNELS: "1", OPENCLAW_SKIP_CANVAS_HOST: "1", OPENCLAW_DISABLE_BONJOUR: "1", OPENCLAW_SKIP_CRON: "1",
    OPENCLAW_SKIP_GMAIL_WATCHER: "1", OPENCLAW_NO_RESPAWN: "1", NO_COLOR: "1", CI: "1",
  };
  const started = Date.now();
  const child = spawn(opts.runtime.nodeBin, [opts.runtime.entry, "gateway", "run"], { cwd: root, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const untrack = track(child);
  const out = createWriteStream(join(root, "stdout.log"));
  let tail = "";
  let since: string | undefined;
  const onData = (d: Buffer) => {
    out.write(d);
    tail = (tail + d.toString()).slice(-4000);
    if (since !== undefined) since += d.toString();
  };
  child.stdout!.on("data", onData);
  child.stderr!.on("data", onData);
  const stop = async () => {
    await stopProcess(child);
    untrack();
    out.end();
    // CLAWPROOF_LIVE_KEEP_LOGS=1 keeps each gateway's log under <cache>/live/logs/ (the run folder is removed) for diagnosing a cell by hand
    if (process.env.CLAWPROOF_LIVE_KEEP_LOGS === "1") await keepLog(logFile, config.id);
  };
  const bind = config.gateway.bind === "custom" ? String(config.gateway.customBindHost) : undefined;
  // CLAWPROOF_LIVE_READY_TIMEOUT_MS shortens the wait, which is how the tests make a run fail half-way
  const timeoutMs = Number(process.env.CLAWPROOF_LIVE_READY_TIMEOUT_MS) || opts.readyTimeoutMs || 90_000;
  try {
    const listen = await waitListening(child, port, bind ?? "127.0.0.1", () => tail, timeoutMs);
    const ready = await waitReady(child, `ws://${host(bind ?? "127.0.0.1")}:${port}`, opts.probe, () => tail, timeoutMs);
    const reconfigure = async (edit: (config: Record<string, any>) => void, applied: RegExp, reloadMs = 20_000) => {
      const current = JSON.parse(await readFile(configPath, "utf8")) as Record<string, any>;
      edit(current);
      since = "";
      // written whole and renamed into place, so the gateway's watcher never reads half a file
      await writeFile(`${configPath}.next`, JSON.stringify(current, null, 1));
      await rename(`${configPath}.next`, configPath);
      const deadline = Date.now() + reloadMs;
      while (Date.now() < deadline && !applied.test(since) && child.exitCode === null) await sleep(100);
      const ok = applied.test(since);
      since = undefined;
      return ok;
    };
    return { config, port, stateDir, timing: { listen: (listen - started) / 1000, ready: (ready - started) / 1000 }, stop, reconfigure, configOnDisk: async () => JSON.parse(await readFile(configPath, "utf8")), logTail: () => tail };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * V8's compiled code for the release's modules, shared by every gateway of that Node (and kept
 * with the installs): a cold cache per gateway made each 9.6 start parse and compile the whole
 * bundle again (~15 s to ready; ~9 s warm). The cache only skips compilation, it never changes
 * what runs; Node checks each entry against the source and recompiles on any mismatch.
 */
export const compileCacheDir = (runtime: LiveRuntime) => join(liveRoot(), "compile-cache", `node-${runtime.nodeVersion}`);

async function keepLog(logFile: string, id: string): Promise<void> {
  const dir = join(liveRoot(), "logs");
  await mkdir(dir, { recursive: true });
  await cp(logFile, join(dir, `${process.pid}-${Date.now()}-${id}.log`)).catch(() => undefined);
}

const host = (address: string) => (address.includes(":") ? `[${address}]` : address);

async function waitListening(child: ChildProcess, port: number, address: string, tail: () => string, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`gateway exited (${child.exitCode}) before listening: ${lastLines(tail())}`);
    if (await canConnect(address, port)) return Date.now();
    await sleep(250);
  }
  throw new Error(`gateway did not listen on ${address}:${port} within ${timeoutMs / 1000} s: ${lastLines(tail())}`);
}

/** 9.6 answers "gateway starting" for a few seconds after it listens: probe until it stops saying so. */
async function waitReady(child: ChildProcess, url: string, probe: (url: string) => Promise<Observation>, tail: () => string, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`gateway exited (${child.exitCode}) while starting: ${lastLines(tail())}`);
    const o = await probe(url);
    const text = `${o.error?.message ?? ""} ${o.close?.reason ?? ""} ${o.error?.code ?? ""}`;
    if (o.kind !== "timeout" && o.kind !== "socket-error" && !/starting|UNAVAILABLE/i.test(text)) return Date.now();
    await sleep(300);
  }
  throw new Error(`gateway at ${url} never became ready: ${lastLines(tail())}`);
}

function canConnect(address: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    import("node:net").then(({ connect }) => {
      const socket = connect({ host: address, port });
      socket.once("connect", () => { socket.destroy(); resolve(true); });
      socket.once("error", () => resolve(false));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const lastLines = (text: string) => text.trim().split("\n").slice(-4).join(" | ").slice(0, 600);
