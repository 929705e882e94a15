/**
 * Where clawproof keeps unpacked releases and emitted slices. One root, so a user can wipe
 * everything with a single `rm -rf`, and CI can point it at a throw-away folder.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
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
/** Scratch space for downloads in flight; same file system as the releases, so a finished one is renamed into place. */
export const scratchRoot = (): string => join(cacheRoot(), "tmp");

/** Written only after extraction finished, so its presence marks a complete release folder. */
export interface ReleaseMeta {
  package: "openclaw";
  version: string;
  /** SRI of the registry tarball the folder was extracted from (checked by pacote while streaming). */
  integrity: string;
  files: number;
  /**
   * sha256 (hex) of every kept file, by path inside the release folder, taken from the
   * integrity-checked tarball at extraction. Absent in folders written by older clawproofs:
   * those cannot be checked and are fetched again before their files are used.
   */
  hashes?: Record<string, string>;
  /** sha256 of the fields above, so a damaged meta.json is told apart from a different release. */
  digest?: string;
  extractedAt: string;
}

const SRI = /^sha(256|384|512)-[A-Za-z0-9+/]+={0,2}$/;

export const sha256 = (data: string | Buffer): string => createHash("sha256").update(data).digest("hex");

export function metaDigest(meta: Pick<ReleaseMeta, "package" | "version" | "integrity" | "files" | "hashes">): string {
  return sha256(JSON.stringify([meta.package, meta.version, meta.integrity, meta.files, meta.hashes ?? null]));
}

export type MetaState =
  | { state: "absent" }
  | { state: "damaged"; why: string }
  | { state: "ok"; meta: ReleaseMeta };

/** What the release folder's meta file says: absent, damaged (unreadable, mismatched, tampered) or usable. */
export async function releaseMetaState(version: string, expectedIntegrity?: string): Promise<MetaState> {
  let text: string;
  try {
    text = await readFile(releaseMetaPath(version), "utf8");
  } catch {
    return { state: "absent" };
  }
  let meta: ReleaseMeta;
  try {
    meta = JSON.parse(text) as ReleaseMeta;
  } catch {
    return { state: "damaged", why: "meta.json is not valid JSON" };
  }
  if (meta?.package !== "openclaw" || meta.version !== version || !SRI.test(meta.integrity ?? "")) {
    return { state: "damaged", why: "meta.json does not describe this release" };
  }
  if (meta.hashes !== undefined && meta.digest !== metaDigest(meta)) return { state: "damaged", why: "meta.json does not match its own digest" };
  if (expectedIntegrity && meta.integrity !== expectedIntegrity) return { state: "damaged", why: "meta.json names a different tarball" };
  return { state: "ok", meta };
}

/**
 * Returns the meta of a complete cached release, or undefined when the folder is absent, half
 * written or does not match what is asked for (wrong version, malformed or different integrity).
 */
export async function readReleaseMeta(version: string, expectedIntegrity?: string): Promise<ReleaseMeta | undefined> {
  const found = await releaseMetaState(version, expectedIntegrity);
  return found.state === "ok" ? found.meta : undefined;
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
  try {
    await writeFile(tmp, text);
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}
