/**
 * Emitted slices, cached per root so a warm load reads two small files per function and never
 * parses a chunk. The key covers everything that can change the emitted code: the tarball
 * integrity, the root, the stub list, the slicer's own source, and this checkout (bare imports
 * are rewritten to file URLs inside it).
 *
 * Each entry carries the sha256 of its module and a digest of itself, checked on every read: a
 * truncated or edited entry is sliced again, never read as "not in this release".
 *
 * A glue anchor the slicer refuses (GlueRefusal) is kept too, with its reason: the refusal is a
 * fact of the release's code under this key, like a slice, and without it every warm load would
 * verify and read the whole release only to refuse again. Any other error is not kept.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { REPO_ROOT, resolveBareFromRepo } from "./bare.ts";
import { sha256, sliceDir, writeFileAtomic, writeJsonAtomic } from "./cache.ts";
import { Dist, sliceRelease, type SliceManifest } from "./slice/index.ts";
import { GlueRefusal } from "./slice/glue-refusal.ts";

export interface CachedSlice {
  name: string;
  /** file URL of the emitted module, absent when the root is not in this release. */
  url?: string;
  manifest: SliceManifest;
}

let fingerprint: string | undefined;
/** Digest of the slicer's source files: editing the slicer invalidates every cached slice. */
function slicerFingerprint(): string {
  if (fingerprint) return fingerprint;
  const hash = createHash("sha256");
  for (const dir of ["./slice/", "./"]) {
    const path = fileURLToPath(new URL(dir, import.meta.url));
    // .ts from a clone, .js from the compiled package (never .d.ts: the code, not its types, shapes a slice)
    for (const f of readdirSync(path).filter((n) => /^(?!.*\.test\.)[\w-]+\.[jt]s$/.test(n)).sort()) {
      if (dir === "./" && !["bare", "slice-cache"].includes(f.slice(0, -3))) continue;
      hash.update(f).update(readFileSync(join(path, f)));
    }
  }
  return (fingerprint = hash.digest("hex").slice(0, 16));
}

function keyDir(integrity: string, name: string, stubs: readonly string[]): string {
  return sliceDir({ slicer: slicerFingerprint(), integrity, root: name, stubs, repo: REPO_ROOT });
}

/** manifest.json: the slice manifest, the module's sha256 (null when the root is missing), and a digest of both. */
interface StoredEntry {
  format: 2;
  manifest: SliceManifest;
  code: string | null;
  digest: string;
}

const entryDigest = (manifest: SliceManifest, code: string | null) => sha256(JSON.stringify([manifest, code]));

/** Cached slice for one root, or undefined when it was never sliced with this key or the entry is damaged. */
export async function readCachedSlice(integrity: string, name: string, stubs: readonly string[]): Promise<CachedSlice | undefined> {
  const dir = keyDir(integrity, name, stubs);
  let entry: StoredEntry;
  try {
    entry = JSON.parse(await readFile(join(dir, "manifest.json"), "utf8")) as StoredEntry;
  } catch {
    return undefined;
  }
  if (entry?.format !== 2 || entry.digest !== entryDigest(entry.manifest, entry.code)) return undefined;
  const { manifest } = entry;
  if (entry.code === null) return manifest.missing.includes(name) ? { name, manifest } : undefined;
  const code = join(dir, "slice.mjs");
  const text = await readFile(code).catch(() => undefined);
  if (!text || sha256(text) !== entry.code) return undefined;
  return { name, url: pathToFileURL(code).href, manifest };
}

/** refused.json: a refusal's reason and a digest of it. */
interface StoredRefusal {
  format: 1;
  reason: string;
  digest: string;
}

const refusalDigest = (reason: string) => sha256(JSON.stringify(["refused", reason]));

/** The reason the slicer refused this root under this key, or undefined when none is kept (or it is damaged). */
export async function readCachedRefusal(integrity: string, name: string, stubs: readonly string[]): Promise<string | undefined> {
  try {
    const entry = JSON.parse(await readFile(join(keyDir(integrity, name, stubs), "refused.json"), "utf8")) as StoredRefusal;
    return entry?.format === 1 && typeof entry.reason === "string" && entry.digest === refusalDigest(entry.reason) ? entry.reason : undefined;
  } catch {
    return undefined;
  }
}

/** Slices one root out of `dist` and stores the result (module before manifest: the manifest marks completeness). */
export async function sliceAndStore(dist: Dist, integrity: string, name: string, stubs: readonly string[]): Promise<CachedSlice> {
  const dir = keyDir(integrity, name, stubs);
  let sliced: ReturnType<typeof sliceRelease>;
  try {
    sliced = sliceRelease(dist, [name], { stubs, resolveBare: resolveBareFromRepo });
  } catch (err) {
    if (err instanceof GlueRefusal) await writeJsonAtomic(join(dir, "refused.json"), { format: 1, reason: err.message, digest: refusalDigest(err.message) } satisfies StoredRefusal);
    throw err;
  }
  const { code, manifest } = sliced;
  let url: string | undefined;
  if (code !== undefined) {
    await writeFileAtomic(join(dir, "slice.mjs"), code);
    url = pathToFileURL(join(dir, "slice.mjs")).href;
  }
  const hash = code === undefined ? null : sha256(code);
  const entry: StoredEntry = { format: 2, manifest, code: hash, digest: entryDigest(manifest, hash) };
  await writeJsonAtomic(join(dir, "manifest.json"), entry);
  return { name, ...(url ? { url } : {}), manifest };
}
