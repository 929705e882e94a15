import { CannotCheckError } from "../domain/errors.ts";
import { isVersion } from "../domain/versions.ts";
import { CANDIDATES, findCandidate } from "../model/candidates/index.ts";
import { isPublished, nearestReleases, newestRelease } from "../model/releases.ts";
import type { Implementation } from "./implementation.ts";
import { candidateModel, releaseModel } from "./model-impl.ts";

/** Loaders for references other than models register here (releases, checkouts), keyed by prefix. */
export type RefLoader = (spec: string) => Promise<Implementation>;
const loaders = new Map<string, RefLoader>();

export function registerRefLoader(prefix: string, loader: RefLoader): void {
  loaders.set(prefix, loader);
}

/** The published version a `latest`/`newest` alias or a version names, or exit 2 with the nearest ones. */
export function publishedVersion(spec: string): string {
  if (spec === "latest" || spec === "newest") return newestRelease();
  if (!isVersion(spec)) throw new CannotCheckError(`"${spec}" is not a version (expected e.g. 2026.3.13)`);
  if (!isPublished(spec)) {
    throw new CannotCheckError(`openclaw ${spec} was never published; nearest published: ${nearestReleases(spec).join(", ")}`);
  }
  return spec;
}

export function resolveModel(spec: string): Implementation {
  const candidate = findCandidate(spec);
  if (candidate) return candidateModel(candidate);
  if (!isVersion(spec) && spec !== "latest" && spec !== "newest") {
    throw new CannotCheckError(`unknown model "${spec}": use a published version, latest, or a candidate (${CANDIDATES.map((c) => c.id).join(", ")})`);
  }
  return releaseModel(publishedVersion(spec));
}

export async function resolveImplementation(ref: string): Promise<Implementation> {
  if (ref.startsWith("model:")) return resolveModel(ref.slice("model:".length));
  for (const [prefix, loader] of loaders) if (ref.startsWith(prefix)) return loader(ref.slice(prefix.length));
  throw new CannotCheckError(`unknown implementation "${ref}": expected model:<version|candidate>, openclaw@<version>, or path:<dir>`);
}
