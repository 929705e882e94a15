/**
 * The one call the rest of clawproof needs: "give me these policy functions of openclaw@V,
 * ready to run". Fetches (or reuses) the release, slices (or reuses) each function on its own so
 * one missing or broken function does not sink the others, and starts an isolated runner.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { CannotCheckError } from "../domain/errors.ts";
import { readReleaseMeta, releaseDistDir } from "./cache.ts";
import { fetchRelease } from "./fetch.ts";
import { SliceRunner, type CallResult, type RunnerReady } from "./runner.ts";
import { readCachedRefusal, readCachedSlice, sliceAndStore, type CachedSlice } from "./slice-cache.ts";
import { Dist, type SliceManifest } from "./slice/index.ts";

export type { CallResult } from "./runner.ts";
export type { SliceManifest } from "./slice/index.ts";

/** Cut points applied unless the caller passes its own list: Tailscale whois shells out. */
export const DEFAULT_STUBS: readonly string[] = ["readTailscaleWhoisIdentity"];

export interface LoadOptions {
  /** Declarations replaced by throwing functions; defaults to DEFAULT_STUBS. */
  stubs?: readonly string[];
  onProgress?: (message: string) => void;
  /** Registry URL for a cold fetch; defaults to $CLAWPROOF_REGISTRY, then npm's public registry. */
  registry?: string;
}

export interface ReleaseSlice {
  version: string;
  integrity: string;
  /** Roots that sliced: callable (a slice that does not import is exit 2 at its first call). */
  found: string[];
  /** Roots with no declaration in this release ("not in this release"). */
  missing: string[];
  /** Roots that exist but could not be sliced or imported, with the reason. */
  failed: { name: string; error: string }[];
  /** Union over all roots of the external modules the slices import. */
  imports: { bare: string[]; node: string[] };
  manifests: Record<string, SliceManifest>;
  /** the emitted module of a sliced root ("" when it has none), read once. */
  source(name: string): string;
  call(fn: string, argsList: unknown[][]): Promise<CallResult[]>;
  close(): Promise<void>;
}

export async function loadRelease(version: string, names: readonly string[], opts: LoadOptions = {}): Promise<ReleaseSlice> {
  const progress = opts.onProgress ?? (() => {});
  // Warm path: the release's meta file gives the integrity, and cached slices need nothing else.
  let integrity = (await readReleaseMeta(version))?.integrity;
  let fetched = false;
  const fetch = async () => {
    const release = await fetchRelease(version, { onProgress: progress, ...(opts.registry ? { registry: opts.registry } : {}) });
    integrity = release.integrity;
    fetched = true;
  };
  if (!integrity) await fetch();
  return loadFromDist(
    {
      label: `openclaw@${version}`,
      version,
      integrity: integrity!,
      distDir: async () => {
        if (!fetched) await fetch();
        return releaseDistDir(version);
      },
    },
    names,
    opts,
  );
}

/** Where sliced code comes from: a published release in the cache, or a contributor's built checkout. */
export interface DistSource {
  /** how reports and errors name it, e.g. `openclaw@2026.9.6` or `path:../openclaw`. */
  label: string;
  version: string;
  /** keys the slice cache: a tarball integrity, or a fingerprint of a checkout's dist. */
  integrity: string;
  /** the dist folder, produced only when something has to be sliced. */
  distDir(): Promise<string>;
}

export async function loadFromDist(source: DistSource, names: readonly string[], opts: LoadOptions = {}): Promise<ReleaseSlice> {
  const progress = opts.onProgress ?? (() => {});
  const stubs = [...new Set(opts.stubs ?? DEFAULT_STUBS)].sort();
  const unique = [...new Set(names)];
  const { integrity, version } = source;
  const slices = new Map<string, CachedSlice>();
  for (const n of unique) await readCachedSlice(integrity, n, stubs).then((s) => s && slices.set(n, s));

  const failed: { name: string; error: string }[] = [];
  const failure = (name: string, reason: string) => failed.push({ name, error: `slicing failed: ${reason.split("\n")[0]}` });
  // a refusal kept from an earlier load fails the same way without reading the release again
  const refused = new Map<string, string>();
  for (const n of unique) if (!slices.has(n)) await readCachedRefusal(integrity, n, stubs).then((r) => r !== undefined && refused.set(n, r));
  const todo = unique.filter((n) => !slices.has(n) && !refused.has(n));
  if (todo.length) {
    const dist = new Dist(await source.distDir());
    for (const name of todo) {
      progress(`${source.label}: slicing ${name}`);
      try {
        slices.set(name, await sliceAndStore(dist, integrity, name, stubs));
      } catch (err) {
        failure(name, (err as Error).message);
      }
    }
  }
  for (const [name, reason] of refused) failure(name, reason);
  // in the order the roots were asked for, whichever of them were refused before
  failed.sort((a, b) => unique.indexOf(a.name) - unique.indexOf(b.name));

  const missing = unique.filter((n) => slices.get(n)?.manifest.missing.includes(n));
  const modules = unique.flatMap((n) => {
    const url = slices.get(n)?.url;
    return url ? [{ url, names: [n] }] : [];
  });
  // the worker starts on the first call: a warm check answers from derived tables and calls nothing
  let started: Promise<{ runner: SliceRunner; ready: RunnerReady }> | undefined;
  const start = () => (started ??= SliceRunner.start(modules));

  const manifests: Record<string, SliceManifest> = {};
  const bare = new Set<string>();
  const node = new Set<string>();
  for (const [name, s] of slices) {
    manifests[name] = s.manifest;
    for (const b of s.manifest.imports.bare) bare.add(b);
    for (const b of s.manifest.imports.node) node.add(b);
  }
  // sliced and emitted; a slice that then fails to import is exit 2 at its first call, never a silent answer
  const found = unique.filter((n) => slices.get(n)?.url !== undefined);
  const sources = new Map<string, string>();
  return {
    version,
    integrity,
    found,
    missing,
    failed,
    imports: { bare: [...bare].sort(), node: [...node].sort() },
    manifests,
    source(name) {
      const url = slices.get(name)?.url;
      if (!url) return "";
      if (!sources.has(name)) sources.set(name, readFileSync(fileURLToPath(url), "utf8"));
      return sources.get(name)!;
    },
    call(fn, argsList) {
      if (!found.includes(fn)) {
        const why = missing.includes(fn)
          ? "not in this release"
          : (failed.find((f) => f.name === fn)?.error ?? "not requested in loadRelease");
        return Promise.reject(new CannotCheckError(`${fn} is not available in ${source.label}: ${why}`));
      }
      return start().then(({ runner, ready }) => {
        const importFailure = ready.failed[fn];
        if (importFailure) throw new CannotCheckError(`${fn} is not available in ${source.label}: ${importFailure}`);
        return runner.call(fn, argsList);
      });
    },
    close: async () => {
      if (started) await (await started).runner.close();
    },
  };
}
