/**
 * The Node and the `openclaw` tree a live gateway runs on, installed by clawproof itself from npm
 * into its cache (`<cache>/live/`). Each install goes into a temporary folder that is renamed
 * into place only when complete, so a killed install is never mistaken for a finished one.
 * The user's own `npm` runs the installs, so their registry, proxy and auth config apply.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { CannotCheckError } from "../domain/errors.ts";
import { cacheRoot } from "../release/cache.ts";
import { fetchRelease } from "../release/fetch.ts";
import { track } from "./processes.ts";

export interface LiveRuntime {
  version: string;
  /** SRI of the release tarball (the live result cache is keyed by it). */
  integrity: string;
  nodeBin: string;
  nodeVersion: string;
  /** `openclaw.mjs` of the installed release. */
  entry: string;
  /** the build id a Control UI must announce (from the release's `dist/build-info.json`; older releases have none). */
  buildId?: string;
  /** dependency overrides the install needed, for the report. */
  overrides: Record<string, string>;
}

/**
 * A release whose tree pulls a git dependency from GitHub cannot install from the registry
 * alone. Baileys (WhatsApp channel only; channels are off in a live run) pins libsignal that way;
 * the same code is published on npm, so it is overridden with that.
 */
const GIT_DEPENDENCY_OVERRIDES: Record<string, string> = { libsignal: "npm:libsignal@6.0.0" };

export const liveRoot = (): string => join(cacheRoot(), "live");

export async function ensureRuntime(version: string, progress: (m: string) => void): Promise<LiveRuntime> {
  const release = await fetchRelease(version, { onProgress: progress });
  const pkg = JSON.parse(await readFile(join(release.distDir, "..", "package.json"), "utf8")) as { engines?: { node?: string } };
  const floor = nodeFloor(pkg.engines?.node);
  const node = await ensureNode(floor, progress);
  const tree = await ensureOpenclaw(version, release.integrity, progress);
  const buildId = await readBuildId(join(tree.entry, "..", "dist", "build-info.json"));
  return { version, integrity: release.integrity, nodeBin: node.bin, nodeVersion: node.version, entry: tree.entry, overrides: tree.overrides, ...(buildId ? { buildId } : {}) };
}

async function readBuildId(path: string): Promise<string | undefined> {
  try {
    const info = JSON.parse(await readFile(path, "utf8")) as { buildId?: unknown };
    return typeof info.buildId === "string" ? info.buildId : undefined;
  } catch {
    return undefined;
  }
}

/** `>=22.16.0` → the floor's major and the range to install (same major, at least the floor). */
export function nodeFloor(engines: string | undefined): { major: number; range: string } {
  const match = /(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(engines ?? "");
  if (!match) throw new CannotCheckError(`the release's package.json names no Node engine ("${engines ?? ""}")`);
  const major = Number(match[1]);
  const floor = `${major}.${match[2] ?? 0}.${match[3] ?? 0}`;
  return { major, range: `>=${floor} <${major + 1}` };
}

interface InstallMeta {
  complete: true;
  [k: string]: unknown;
}

async function readMeta(dir: string): Promise<InstallMeta | undefined> {
  try {
    const meta = JSON.parse(await readFile(join(dir, "clawproof-install.json"), "utf8")) as InstallMeta;
    return meta.complete === true ? meta : undefined;
  } catch {
    return undefined;
  }
}

async function ensureNode(floor: { major: number; range: string }, progress: (m: string) => void): Promise<{ bin: string; version: string }> {
  const dir = join(liveRoot(), `node-${floor.major}`);
  const bin = join(dir, "node_modules", "node", "bin", "node");
  const cached = await readMeta(dir);
  if (cached && existsSync(bin)) return { bin, version: String(cached.nodeVersion) };
  progress(`live: installing Node ${floor.range} from npm (about 10 s)`);
  const version = await installInto(dir, { name: "clawproof-live-node", private: true }, ["install", "--no-audit", "--no-fund", `node@${floor.range}`], async (tmp) => {
    const out = await run(join(tmp, "node_modules", "node", "bin", "node"), ["--version"], tmp);
    return { nodeVersion: out.trim() };
  }, () => existsSync(bin));
  return { bin, version: String(version.nodeVersion) };
}

async function ensureOpenclaw(version: string, integrity: string, progress: (m: string) => void): Promise<{ entry: string; overrides: Record<string, string> }> {
  const dir = join(liveRoot(), `openclaw-${version}`);
  const entry = join(dir, "node_modules", "openclaw", "openclaw.mjs");
  const cached = await readMeta(dir);
  if (cached && cached.integrity === integrity && existsSync(entry)) return { entry, overrides: (cached.overrides ?? {}) as Record<string, string> };
  const args = ["install", "--ignore-scripts", "--no-audit", "--no-fund"];
  const manifest = (overrides: Record<string, string>) => ({ name: "clawproof-live-openclaw", private: true, dependencies: { openclaw: version }, overrides });
  progress(`live: installing openclaw@${version} from npm with --ignore-scripts (about a minute)`);
  const accepts = (meta: Record<string, unknown>) => meta.integrity === integrity && existsSync(entry);
  const installed = (meta: Record<string, unknown>) => ({ entry, overrides: (meta.overrides ?? {}) as Record<string, string> });
  try {
    return installed(await installInto(dir, manifest({}), args, async () => ({ integrity, overrides: {} }), accepts));
  } catch (error) {
    if (!/github\.com|git ls-remote|exit 128/i.test((error as Error).message)) throw error;
    progress(`live: openclaw@${version} pulls a git dependency; retrying with registry overrides`);
    return installed(await installInto(dir, manifest(GIT_DEPENDENCY_OVERRIDES), args, async () => ({ integrity, overrides: GIT_DEPENDENCY_OVERRIDES }), accepts));
  }
}

/**
 * npm install into a fresh temporary folder, then rename it over `dir` with its meta written last.
 * When a concurrent run (another test file, another terminal) finished an install that `accepts`
 * first, that one is kept: replacing it would pull the files from under its running gateways.
 */
async function installInto(
  dir: string, manifest: object, npmArgs: string[], describe: (tmp: string) => Promise<Record<string, unknown>>,
  accepts: (meta: Record<string, unknown>) => boolean,
): Promise<Record<string, unknown>> {
  const tmp = `${dir}.tmp-${process.pid}-${Date.now()}`;
  await mkdir(tmp, { recursive: true });
  try {
    await writeFile(join(tmp, "package.json"), JSON.stringify(manifest, null, 1));
    await run("npm", npmArgs, tmp);
    const meta = { complete: true, ...(await describe(tmp)), installedAt: new Date().toISOString() };
    await writeFile(join(tmp, "clawproof-install.json"), JSON.stringify(meta, null, 1));
    const winner = await readMeta(dir);
    if (winner && accepts(winner)) {
      await rm(tmp, { recursive: true, force: true });
      return winner;
    }
    await rm(dir, { recursive: true, force: true });
    await rename(tmp, dir);
    return meta;
  } catch (error) {
    await rm(tmp, { recursive: true, force: true });
    throw error;
  }
}

/** Runs a command to completion (tracked, so Ctrl-C stops it); rejects with its stderr tail. */
function run(command: string, args: string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
    const untrack = track(child);
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("error", (e) => {
      untrack();
      reject(new CannotCheckError(`live: cannot run ${command}: ${e.message}`));
    });
    child.on("close", (code) => {
      untrack();
      if (code === 0) resolve(out);
      else reject(new CannotCheckError(`live: \`${command} ${args.join(" ")}\` failed (exit ${code}): ${err.trim().split("\n").slice(-3).join(" | ")}`));
    });
  });
}
