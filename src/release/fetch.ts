/**
 * Brings `openclaw@<version>` from npm into the cache, keeping only the bundle chunks the slicer
 * reads. A warm release is answered from its meta file alone, without loading pacote or
 * touching the network.
 */
import { pipeline } from "node:stream/promises";
import { mkdir, readdir, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { x as untar } from "tar";
import { CannotCheckError } from "../domain/errors.ts";
import { cacheRoot, readReleaseMeta, releaseDir, releaseDistDir, writeJsonAtomic, type ReleaseMeta } from "./cache.ts";
import { nearestVersions, readLocalReleaseList } from "./release-list.ts";
import { isNetworkError, registryOptions, withScratchCache } from "./registry.ts";

export interface FetchedRelease {
  version: string;
  integrity: string;
  distDir: string;
}

export interface FetchOptions {
  onProgress?: (message: string) => void;
  /** Registry URL; defaults to $CLAWPROOF_REGISTRY, then pacote's default. */
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

export async function fetchRelease(version: string, opts: FetchOptions = {}): Promise<FetchedRelease> {
  const progress = opts.onProgress ?? (() => {});
  const cached = await readReleaseMeta(version);
  if (cached) return { version, integrity: cached.integrity, distDir: releaseDistDir(version) };

  progress(`openclaw@${version}: not cached, asking the registry`);
  const { default: pacote } = await import("pacote");
  return withScratchCache(join(cacheRoot(), "tmp"), async (scratch) => {
    const pacoteOpts = { ...registryOptions(opts.registry), cache: join(scratch, "pacote") };
    fetchStats.registryCalls++;
    let packument: { versions: Record<string, { dist?: { integrity?: string } }> };
    try {
      packument = (await pacote.packument("openclaw", pacoteOpts)) as typeof packument;
    } catch (err) {
      throw offlineError(version, err);
    }
    const manifest = packument.versions[version];
    if (!manifest) {
      const near = nearestVersions(version, Object.keys(packument.versions));
      throw new CannotCheckError(`openclaw@${version} is not published on npm; nearest: ${near.join(", ")}`);
    }
    const integrity = manifest.dist?.integrity;
    if (!integrity) throw new CannotCheckError(`openclaw@${version}: the registry gives no tarball integrity`);

    const staging = join(scratch, "package");
    let files = 0;
    progress(`openclaw@${version}: downloading and extracting dist chunks`);
    try {
      // pacote checks `integrity` while streaming and fails the pipeline on a mismatch.
      await pacote.tarball.stream(
        `openclaw@${version}`,
        async (stream) => {
          await rm(staging, { recursive: true, force: true });
          await mkdir(staging, { recursive: true });
          files = 0;
          const sink = untar({
            cwd: staging,
            strip: 1,
            filter: (path) => WANTED.test(path) && ++files > 0,
          });
          await pipeline(stream, sink);
        },
        { ...pacoteOpts, integrity },
      );
    } catch (err) {
      if (isNetworkError(err)) throw offlineError(version, err);
      throw new CannotCheckError(`openclaw@${version}: download failed: ${oneLine(err)}`);
    }
    await writeReleaseMetaInto(staging, version, integrity, files);
    await publish(staging, version);
    const meta = await readReleaseMeta(version, integrity);
    if (!meta) throw new CannotCheckError(`openclaw@${version}: cache folder ${releaseDir(version)} is unusable`);
    progress(`openclaw@${version}: ${files} files cached`);
    return { version, integrity, distDir: releaseDistDir(version) };
  });
}

/** The meta file goes in before the folder is moved into place, so a visible folder is complete. */
async function writeReleaseMetaInto(staging: string, version: string, integrity: string, files: number): Promise<void> {
  const meta: ReleaseMeta = { package: "openclaw", version, integrity, files, extractedAt: new Date().toISOString() };
  await writeJsonAtomic(join(staging, "meta.json"), meta);
}

/** Moves a finished staging folder into place; a concurrent fetch that won the race is kept. */
async function publish(staging: string, version: string): Promise<void> {
  const target = releaseDir(version);
  await mkdir(join(target, ".."), { recursive: true });
  if (await readReleaseMeta(version)) return;
  await rm(target, { recursive: true, force: true });
  try {
    await rename(staging, target);
  } catch (err) {
    if (!(await readReleaseMeta(version))) throw err;
  }
}

function offlineError(version: string, err: unknown): CannotCheckError {
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

function oneLine(err: unknown): string {
  const e = err as { code?: string; message?: string };
  const msg = (e?.message ?? String(err)).split("\n")[0]!;
  return e?.code && !msg.includes(e.code) ? `${e.code} ${msg}` : msg;
}

/** Lists cached release versions (complete ones only). */
export async function cachedReleases(): Promise<string[]> {
  const dir = join(cacheRoot(), "releases");
  const names = await readdir(dir).catch(() => [] as string[]);
  const out: string[] = [];
  for (const n of names) if (await readReleaseMeta(n)) out.push(n);
  return out;
}
