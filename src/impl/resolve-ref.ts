import { CannotCheckError } from "../domain/errors.ts";
import { isVersion } from "../domain/versions.ts";
import { CANDIDATES, findCandidate } from "../model/candidates/index.ts";
import type { Implementation } from "./implementation.ts";
import { publishedVersion } from "./published-version.ts";
import { candidateModel, releaseModel } from "./model-impl.ts";
import { openCheckout, openNpmRelease } from "./release/open-release.ts";
import { releaseImplementation } from "./release/release-impl.ts";

/** What a reference is resolved with; an implementation is complete once resolved, so everything it needs comes here. */
export interface ResolveOptions {
  /** seed of the random part of a release's differential (random address spellings); none when absent. */
  seed?: number;
  onProgress?: (message: string) => void;
}

export type RefLoader = (spec: string, opts: ResolveOptions) => Promise<Implementation>;

// where every published-version argument is checked; re-exported for the commands that take one
export { publishedVersion };

export function resolveModel(spec: string): Implementation {
  const candidate = findCandidate(spec);
  if (candidate) return candidateModel(candidate);
  if (!isVersion(spec) && spec !== "latest" && spec !== "newest") {
    throw new CannotCheckError(`unknown model "${spec}": use a published version, latest, or a candidate (${CANDIDATES.map((c) => c.id).join(", ")})`);
  }
  // a release's model is its era's sources at that version and nothing else: what its kept check is keyed by
  const model = releaseModel(publishedVersion(spec));
  return { ...model, integrity: `${model.ref} (the ${model.era} model)` };
}

/** Every kind of reference, by prefix: one loader each, no registration at import time. */
const LOADERS: readonly (readonly [prefix: string, load: RefLoader])[] = [
  ["model:", async (spec) => resolveModel(spec)],
  ["openclaw@", async (spec, opts) => {
    const version = publishedVersion(spec);
    return releaseImplementation(await openNpmRelease(version, opts), { kind: "release", origin: `openclaw ${version} from npm`, ...seedOf(opts) });
  }],
  ["path:", async (dir, opts) => {
    const release = await openCheckout(dir, opts);
    return releaseImplementation(release, { kind: "checkout", origin: `checkout ${dir}`, ...seedOf(opts) });
  }],
  // the live runner (gateways, netns, ws) is loaded only for a live: ref
  ["live:", async (spec, opts) => (await import("../live/index.ts")).loadLiveImplementation(spec, opts.onProgress ? { onProgress: opts.onProgress } : {})],
];

const seedOf = (opts: ResolveOptions) => (opts.seed === undefined ? {} : { seed: opts.seed });

export async function resolveImplementation(ref: string, opts: ResolveOptions = {}): Promise<Implementation> {
  for (const [prefix, load] of LOADERS) if (ref.startsWith(prefix)) return load(ref.slice(prefix.length), opts);
  throw new CannotCheckError(`unknown implementation "${ref}": expected model:<version|candidate>, openclaw@<version>, path:<dir>, or live:<version>`);
}
