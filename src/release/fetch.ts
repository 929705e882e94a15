/**
 * Brings `openclaw@<version>` from npm into the cache, keeping only the bundle chunks the slicer
 * reads. A release folder is used only after its files match the hash list recorded at
 * extraction; a damaged folder is fetched again, or, offline, is a clear "could not check".
 */
import { pipeline } from "node:stream/promises";
import { mkdir, readdir, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import type { Packument } from "pacote";
import { x as untar } from "tar";
import { CannotCheckError } from "../domain/errors.ts";
import { cacheRoot, metaDigest, readReleaseMeta, releaseDir, releaseDistDir, releaseMetaState, scratchRoot, writeJsonAtomic, type ReleaseMeta } from "./cache.ts";
import { forgetVerified, hashTree, releaseDamageOnce } from "./integrity.ts";
import { nearestVersions, readLocalReleaseList } from "./release-list.ts";
import { isNetworkError, oneLine, registryOptions, withScratchCache } from "./registry.ts";

export interface FetchedRelease {
  version: string;
  integrity: string;
  distDir: string;
}

export interface FetchOptions {
  onProgress?: (message: string) => void;
  /** Registry URL; defaults to $CLAWPROOF_REGISTRY, then the user's npm configuration. */
  registry?: string;
}

/**
 * Bundle chunks are all the slicer needs. Assets, maps and types are skipped, and so are the
 * folders that only hold second copies of gateway code or per-extension bundles (worker
 * bundles, browser UI, hook relay, dist/extensions: 8.5k files in 4.9). No top-level chunk of
 * the sampled releases imports from them, and the slicer must never pick their look-alikes.
 */
const WANTED = /^package\/(dist\/(?!(?:worker|control-ui|native-hook-relay|extensions)\/).+\.m?js|package\.json)$/;

/** Counts fetches that went to the network, so tests can prove a warm path made none. */
export const fetchStats = { registryCalls: 0 };

/**
 * pacote's packument memo (its own mechanism, keyed by registry URL; a failed request is not
 * kept), shared by the fetches of one process: a run that fetches many releases cold (a bisect,
 * the history tests) downloads and parses the ~10 MB document once, not once per release (and the
 * tarball step resolves from it without reading it again). Kept no longer than the registry lets a
 * client cache it (max-age 300), so a long-running process still sees a release published meanwhile.
 */
const PACKUMENT_FRESH_MS = 300_000;
let packuments = { since: 0, memo: new Map<string, Packument>() };
function packumentCache(): Map<string, Packument> {
  if (Date.now() - packuments.since > PACKUMENT_FRESH_MS) packuments = { since: Date.now(), memo: new Map() };
  return packuments.memo;
}

export async function fetchRelease(version: string, opts: FetchOptions = {}): Promise<FetchedRelease> {
  const progress = opts.onProgress ?? (() => {});
  const damage = await cachedDamage(version);
  if (damage === undefined) return usable(version);
  if (damage) progress(`openclaw@${version}: the cached folder is damaged (${damage}); fetching it again`);
  else progress(`openclaw@${version}: not cached, asking the registry`);

  const { default: pacote } = await import("pacote");
  return withScratchCache(scratchRoot(), async (scratch) => {
    const pacoteOpts = { ...(await registryOptions(opts.registry)), cache: join(scratch, "pacote"), packumentCache: packumentCache() };
    fetchStats.registryCalls++;
    let packument: { versions: Record<string, { dist?: { integrity?: string } }> };
    try {
      packument = (await pacote.packument("openclaw", pacoteOpts)) as typeof packument;
    } catch (err) {
      throw offlineError(version, err, damage);
    }
    const manifest = packument.versions[version];
    if (!manifest) {
      const near = nearestVersions(version, Object.keys(packument.versions));
      throw new CannotCheckError(`openclaw@${version} is not published on npm; nearest: ${near.join(", ")}`);
    }
    const integrity = manifest.dist?.integrity;
    if (!integrity) throw new CannotCheckError(`openclaw@${version}: the registry gives no tarball integrity`);

    const staging = join(scratch, "package");
    progress(`openclaw@${version}: downloading and extracting dist chunks`);
    try {
      // pacote checks `integrity` while streaming and fails the pipeline on a mismatch.
      await pacote.tarball.stream(
        `openclaw@${version}`,
        async (stream) => {
          await rm(staging, { recursive: true, force: true });
          await mkdir(staging, { recursive: true });
          await pipeline(stream, untar({ cwd: staging, strip: 1, filter: (path) => WANTED.test(path) }));
        },
        { ...pacoteOpts, integrity },
      );
    } catch (err) {
      if (isNetworkError(err)) throw offlineError(version, err, damage);
      throw new CannotCheckError(`openclaw@${version}: download failed: ${oneLine(err)}`);
    }
    const fresh = await writeReleaseMetaInto(staging, version, integrity);
    await publish(staging, version, fresh);
    const after = await cachedDamage(version);
    if (after !== undefined) throw new CannotCheckError(`openclaw@${version}: cache folder ${releaseDir(version)} is unusable right after fetching: ${after || "no meta.json"}`);
    progress(`openclaw@${version}: ${fresh.files} files cached`);
    return { version, integrity, distDir: releaseDistDir(version) };
  });
}

/** undefined: the folder is complete and matches its hash list; "": there is no folder; else what is wrong. */
async function cachedDamage(version: string): Promise<string | undefined> {
  const found = await releaseMetaState(version);
  if (found.state === "absent") return "";
  if (found.state === "damaged") return found.why;
  return releaseDamageOnce(found.meta);
}

async function usable(version: string): Promise<FetchedRelease> {
  const meta = (await readReleaseMeta(version))!;
  return { version, integrity: meta.integrity, distDir: releaseDistDir(version) };
}

/**
 * The hash list is taken in the private staging folder, from files pacote just checked against
 * the tarball's SRI; the meta file goes in before the folder is moved into place, so a visible
 * folder is complete.
 */
async function writeReleaseMetaInto(staging: string, version: string, integrity: string): Promise<ReleaseMeta> {
  const hashes = await hashTree(staging);
  const body = { package: "openclaw" as const, version, integrity, files: Object.keys(hashes).length, hashes };
  const meta: ReleaseMeta = { ...body, digest: metaDigest(body), extractedAt: new Date().toISOString() };
  await writeJsonAtomic(join(staging, "meta.json"), meta);
  return meta;
}

/**
 * Moves a finished staging folder into place. A damaged folder is first renamed aside (never
 * read again; a later run removes it if this one dies); a concurrent fetch that won the race is kept.
 */
async function publish(staging: string, version: string, fresh: ReleaseMeta): Promise<void> {
  const target = releaseDir(version);
  await mkdir(join(target, ".."), { recursive: true });
  forgetVerified(version);
  if ((await cachedDamage(version)) === undefined) return;
  // files all intact, only meta.json stale (an older clawproof's, or itself damaged): the folder
  // stays where it is, so a concurrent reader of its chunks never sees it move
  if (sameHashes(await hashTree(target).catch(() => undefined), fresh.hashes!)) {
    await writeJsonAtomic(join(target, "meta.json"), fresh);
    forgetVerified(version);
    return;
  }
  const aside = `${target}.replaced-${process.pid}-${Math.random().toString(36).slice(2)}`;
  await rename(target, aside).catch(() => {});
  try {
    await rename(staging, target);
  } catch (err) {
    forgetVerified(version);
    if ((await cachedDamage(version)) !== undefined) throw err;
  } finally {
    await rm(aside, { recursive: true, force: true });
    forgetVerified(version);
  }
}

function sameHashes(a: Record<string, string> | undefined, b: Record<string, string>): boolean {
  return !!a && Object.keys(a).length === Object.keys(b).length && Object.entries(b).every(([f, h]) => a[f] === h);
}

function offlineError(version: string, err: unknown, damage: string): CannotCheckError {
  if (damage) {
    return new CannotCheckError(
      `openclaw@${version}: the cached folder ${releaseDir(version)} is damaged (${damage}) and the npm registry is unreachable to fetch it again: ${oneLine(err)}`,
    );
  }
  const local = readLocalReleaseList();
  const known = local?.releases.map((r) => r.version);
  if (known && !known.includes(version)) {
    const near = nearestVersions(version, known);
    return new CannotCheckError(
      `openclaw@${version} is not published on npm (per data/releases.json; registry unreachable); nearest: ${near.join(", ")}`,
    );
  }
  return new CannotCheckError(
    `openclaw@${version} is not in the cache (${cacheRoot()}) and the npm registry is unreachable: ${oneLine(err)}`,
  );
}

/** Lists cached release versions (complete ones only). */
export async function cachedReleases(): Promise<string[]> {
  const dir = join(cacheRoot(), "releases");
  const names = await readdir(dir).catch(() => [] as string[]);
  const out: string[] = [];
  for (const n of names) if (/^[0-9A-Za-z.-]+$/.test(n) && (await readReleaseMeta(n))) out.push(n);
  return out;
}
