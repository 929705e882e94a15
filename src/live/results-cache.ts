/**
 * Live verdicts are cached per release integrity and harness version: a second `check live:<v>`
 * reads them without starting anything (and offline). Bumping HARNESS_VERSION invalidates every
 * entry, which is what a change to how cells are realised or observed must do.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { VerdictSchema } from "../domain/verdict.ts";
import { writeJsonAtomic } from "../release/cache.ts";
import { liveRoot } from "./runtime.ts";
import type { LiveObserved, LiveRunResult } from "./run.ts";
import { z } from "zod";

export const HARNESS_VERSION = "live-8";

const CacheSchema = z.object({
  harness: z.literal(HARNESS_VERSION),
  version: z.string(),
  integrity: z.string(),
  observed: z.record(z.string(), z.object({ verdict: VerdictSchema, gateway: z.string() })),
  starts: z.array(z.object({ gateway: z.string(), listen: z.number(), ready: z.number(), cells: z.number(), seconds: z.number() })),
  originAllowlist: z.string(),
});
export type LiveCache = z.infer<typeof CacheSchema>;

const cachePath = (version: string, integrity: string) =>
  join(liveRoot(), "results", `${version}-${createHash("sha256").update(`${integrity}\n${HARNESS_VERSION}`).digest("hex").slice(0, 16)}.json`);

/** The cached verdicts, or an empty set when there are none or the file is damaged (then they are re-observed). */
export async function readLiveCache(version: string, integrity: string): Promise<LiveCache> {
  const empty: LiveCache = { harness: HARNESS_VERSION, version, integrity, observed: {}, starts: [], originAllowlist: "" };
  try {
    const parsed = CacheSchema.safeParse(JSON.parse(await readFile(cachePath(version, integrity), "utf8")));
    return parsed.success && parsed.data.version === version && parsed.data.integrity === integrity ? parsed.data : empty;
  } catch {
    return empty;
  }
}

export async function writeLiveCache(cache: LiveCache, run: LiveRunResult): Promise<LiveCache> {
  const observed: Record<string, LiveObserved> = { ...cache.observed };
  for (const [key, o] of run.observed) observed[key] = o;
  const next: LiveCache = { ...cache, observed, starts: [...cache.starts, ...run.starts], originAllowlist: run.originAllowlist };
  await writeJsonAtomic(cachePath(cache.version, cache.integrity), next);
  return next;
}
