/**
 * Where clawproof keeps unpacked releases and emitted slices. One root, so a user can wipe
 * everything with a single `rm -rf`, and CI can point it at a throw-away folder.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";

export function cacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CLAWPROOF_CACHE) return env.CLAWPROOF_CACHE;
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, "clawproof");
  return join(homedir(), ".cache", "clawproof");
}

/** Versions are `YYYY.M.D[-suffix]`; anything else must never become a path segment. */
function safeSegment(version: string): string {
  if (!/^[0-9A-Za-z.-]+$/.test(version) || version.includes("..")) throw new Error(`unsafe version string "${version}"`);
  return version;
}

export const releaseDir = (version: string): string => join(cacheRoot(), "releases", safeSegment(version));
export const releaseDistDir = (version: string): string => join(releaseDir(version), "dist");
const releaseMetaPath = (version: string): string => join(releaseDir(version), "meta.json");

/** Written only after extraction finished, so its presence marks a complete release folder. */
export interface ReleaseMeta {
  package: "openclaw";
  version: string;
  /** SRI of the registry tarball the folder was extracted from (checked by pacote while streaming). */
  integrity: string;
  files: number;
  extractedAt: string;
}

const SRI = /^sha(256|384|512)-[A-Za-z0-9+/]+={0,2}$/;

/**
 * Returns the meta of a complete cached release, or undefined when the folder is absent, half
 * written or does not match what is asked for (wrong version, malformed or different integrity).
 */
export async function readReleaseMeta(version: string, expectedIntegrity?: string): Promise<ReleaseMeta | undefined> {
  let meta: ReleaseMeta;
  try {
    meta = JSON.parse(await readFile(releaseMetaPath(version), "utf8")) as ReleaseMeta;
  } catch {
    return undefined;
  }
  if (meta.package !== "openclaw" || meta.version !== version || !SRI.test(meta.integrity ?? "")) return undefined;
  if (expectedIntegrity && meta.integrity !== expectedIntegrity) return undefined;
  return meta;
}

/** Slices are keyed by a digest of everything that can change the emitted code. */
export function sliceDir(keyParts: unknown): string {
  const digest = createHash("sha256").update(JSON.stringify(keyParts)).digest("hex").slice(0, 24);
  return join(cacheRoot(), "slices", digest);
}

/** Write-then-rename so a crash or a concurrent reader never sees half a file. */
export async function writeJsonAtomic(path: string, value: unknown): Promise<void> {
  await writeFileAtomic(path, JSON.stringify(value, null, 1) + "\n");
}

export async function writeFileAtomic(path: string, text: string): Promise<void> {
  await mkdir(join(path, ".."), { recursive: true });
  const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(tmp, text);
  await rename(tmp, path);
}
