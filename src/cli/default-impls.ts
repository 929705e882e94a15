import { compareVersions, isPrerelease } from "../domain/versions.ts";
import type { Implementation } from "../impl/implementation.ts";
import { resolveImplementation, type ResolveOptions } from "../impl/resolve-ref.ts";
import { newestRelease, publishedReleases } from "../model/releases.ts";

/** What `clawproof check` with no implementation checks: the newest release's model and the release itself. */
export function defaultRefs(): string[] {
  const newest = newestRelease();
  return [`model:${newest}`, `openclaw@${newest}`];
}

/** `--all-releases`: every published release from 2026.2.22 on (the era with a sliceable gate). */
export function allReleaseRefs(includePrereleases: boolean): string[] {
  return publishedReleases()
    .map((r) => r.version)
    .filter((v) => compareVersions(v, "2026.2.22") >= 0 && (includePrereleases || !isPrerelease(v)))
    .map((v) => `openclaw@${v}`);
}

export async function resolveAll(refs: readonly string[], opts: ResolveOptions, progress?: (message: string) => void): Promise<Implementation[]> {
  const impls: Implementation[] = [];
  // one at a time: each release runs its own worker, and two cores are all CI has
  for (const [n, ref] of refs.entries()) {
    if (refs.length > 1) progress?.(`loading ${ref} (${n + 1}/${refs.length})`);
    impls.push(await resolveImplementation(ref, { ...opts, ...(progress ? { onProgress: progress } : {}) }));
  }
  return impls;
}
