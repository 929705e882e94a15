/**
 * `live:<version>`: the real gateway of that release, installed into clawproof's cache and
 * started here, answering a real `connect` handshake for every cell it can realise. Verdicts are
 * observed once (cached per release integrity and harness version), then compared cell by cell
 * with the era model and with the sliced release.
 */
import { cellKey, matchesPattern, type CellPattern } from "../domain/cell-key.ts";
import { CELL_FIELDS, type Cell } from "../domain/cell.ts";
import { cellsAt } from "../domain/enumerate.ts";
import { CannotCheckError } from "../domain/errors.ts";
import { showKeyValue } from "../domain/key-codec.ts";
import { uniformProvenance, type Implementation } from "../impl/implementation.ts";
import { releaseModel } from "../impl/model-impl.ts";
import { publishedVersion } from "../impl/published-version.ts";
import { openNpmRelease } from "../impl/release/open-release.ts";
import { releaseImplementation } from "../impl/release/release-impl.ts";
import { eraOf } from "../model/eras/index.ts";
import { fetchRelease } from "../release/fetch.ts";
import { disagreementAgreements } from "./agreement.ts";
import { netnsUnavailable } from "./netns.ts";
import { liveProfile } from "./profile.ts";
import { unrealisedReason } from "./realise.ts";
import { HARNESS_VERSION, readLiveCache, writeLiveCache } from "./results-cache.ts";
import { runLive } from "./run.ts";
import { ensureRuntime } from "./runtime.ts";

export interface LiveLoadOptions {
  onProgress?: (message: string) => void;
  /** observe only these cells (e.g. `decide --cell`); every other cell reads as not observed. */
  cells?: CellPattern;
  /** run no remote cells (no netns); they are reported unrealised. Also CLAWPROOF_LIVE_LOCAL_ONLY=1. */
  localOnly?: boolean;
  /** compare with the model and the sliced release (default true). */
  compare?: boolean;
  /** gateways run at once (default CLAWPROOF_LIVE_JOBS or 2). */
  jobs?: number;
}

const HELLO_OK = "live:hello-ok";
const NOT_OBSERVED = "not observed in this run (limited with --cell) and not in the live cache";

export async function loadLiveImplementation(spec: string, options: LiveLoadOptions = {}): Promise<Implementation> {
  const version = publishedVersion(spec);
  const progress = options.onProgress ?? (() => {});
  const localOnly = options.localOnly ?? process.env.CLAWPROOF_LIVE_LOCAL_ONLY === "1";
  const netnsProblem = localOnly ? "--local-only: remote cells were not run" : netnsUnavailable();
  const profile = liveProfile(version);
  const domain = cellsAt(version);
  const wanted = options.cells ? domain.filter((c) => matchesPattern(c, options.cells!)) : domain;
  const reasonOf = (cell: Cell) => unrealisedReason(cell, profile, netnsProblem);
  const realisable = wanted.filter((c) => reasonOf(c) === undefined);
  if (!localOnly && netnsProblem && wanted.some((c) => c.locality === "remote" && unrealisedReason(c, profile, undefined) === undefined)) {
    throw new CannotCheckError(`live:${version}: ${netnsProblem}`);
  }

  const release = await fetchRelease(version, { onProgress: progress });
  let cache = await readLiveCache(version, release.integrity);
  // CLAWPROOF_LIVE_REOBSERVE=1 asks the gateway again even for cached cells (the new answers replace the old)
  const reobserve = process.env.CLAWPROOF_LIVE_REOBSERVE === "1";
  const missing = realisable.filter((c) => reobserve || !(cellKey(c) in cache.observed));
  let runtimeNote = "all verdicts read from the live cache";
  if (missing.length) {
    const runtime = await ensureRuntime(version, progress);
    const jobs = options.jobs ?? (Number(process.env.CLAWPROOF_LIVE_JOBS) || 2);
    let run;
    try {
      run = await runLive(missing, { runtime, profile, progress, jobs });
    } catch (error) {
      throw new CannotCheckError(`live:${version}: ${(error as Error).message.split("\n")[0]}`);
    }
    cache = await writeLiveCache(cache, run);
    runtimeNote = `observed ${run.handshakes} handshakes in ${run.seconds.toFixed(1)} s on Node ${runtime.nodeVersion}` +
      `${Object.keys(runtime.overrides).length ? ` (install overrides: ${JSON.stringify(runtime.overrides)})` : ""}`;
  }

  const observed = cache.observed;
  const realisedKeys = new Set(realisable.map(cellKey).filter((k) => k in observed));
  const unrealised = (cell: Cell) => reasonOf(cell) ?? (observed[cellKey(cell)] ? undefined : NOT_OBSERVED);
  const hits = new Map<string, number>();
  const base: Implementation = {
    ref: `live:${version}`,
    kind: "live",
    version,
    era: eraOf(version).id,
    title: `openclaw ${version} running here: a real gateway answering real connect handshakes`,
    decide: (cell) => {
      const entry = observed[cellKey(cell)];
      if (!entry) throw new CannotCheckError(`live:${version}: cell ${cellKey(cell)} was not observed`);
      for (const id of entry.verdict.rules.filter((r) => r === HELLO_OK)) hits.set(id, (hits.get(id) ?? 0) + 1);
      return entry.verdict;
    },
    unrealised,
    // the gateway's hello-ok is the one allow a live run sees (default-deny reads it as the admitting rule)
    coverage: { rules: [{ id: HELLO_OK, list: "live gateway", admits: true }], hits },
    provenance: uniformProvenance("live", `openclaw ${version} gateway process (harness ${HARNESS_VERSION})`),
    notes: [
      runtimeNote,
      `realisation: ${cache.originAllowlist || "origin allowlist: the gateway's own loopback origins"}`,
      ...realisedCounts(domain.filter((c) => matchesPattern(c, options.cells ?? {})), (c) => realisedKeys.has(cellKey(c))),
    ],
  };
  if (!(options.compare ?? true)) return base;
  const cells = wanted.filter((c) => realisedKeys.has(cellKey(c)));
  const against = [releaseModel(version), await releaseFor(version, progress)].filter((x): x is Implementation => !!x);
  if (against.length < 2) base.notes.push(`not compared with openclaw@${version}: the sliced release could not be loaded`);
  return { ...base, agreement: against.flatMap((other) => disagreementAgreements(base, other, cells)) };
}

async function releaseFor(version: string, progress: (m: string) => void): Promise<Implementation | undefined> {
  try {
    return await releaseImplementation(await openNpmRelease(version, { onProgress: progress }), { kind: "release", origin: `openclaw ${version} from npm` });
  } catch (error) {
    progress(`live: openclaw@${version} not loaded: ${(error as Error).message}`);
    return undefined;
  }
}

/** One line per field: how many cells of each value were realised, e.g. `realised locality: local 9000/9000, remote 6000/8000`. */
function realisedCounts(cells: readonly Cell[], realised: (c: Cell) => boolean): string[] {
  return CELL_FIELDS.map(([field, values]) => {
    const parts = (values as readonly unknown[]).map((v) => {
      const of = cells.filter((c) => (c as unknown as Record<string, unknown>)[field] === v);
      return `${showKeyValue(v)} ${of.filter(realised).length}/${of.length}`;
    });
    return `realised ${field}: ${parts.join(", ")}`;
  });
}
