import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { CannotCheckError } from "../../domain/errors.ts";
import { showSignature, signatureOf, type Signature } from "../../impl/release/signature.ts";
import { DEFAULT_STUBS, loadRelease, type ReleaseSlice } from "../../release/load.ts";
import { readCachedSlice } from "../../release/slice-cache.ts";
import { LOCALITY_FUNCTIONS, type Answer, type LocalityAdapter, type LocalityFunction, type LocalityInputs, type LocalityOutputs } from "./adapter.ts";
import { LOCALITY_ADAPTERS, LOCALITY_EXPORTS } from "./adapters/index.ts";

/** A release's locality function, bound to the adapter its sliced signature picked. */
export interface BoundLocality<F extends LocalityFunction> {
  adapter: LocalityAdapter<F>;
  /** `//#region` source path of the sliced export, to show a same-name trap was avoided. */
  region: string | undefined;
  run(inputs: readonly LocalityInputs[F][]): Promise<Answer<LocalityOutputs[F]>[]>;
}

export interface LocalityRelease {
  version: string;
  ref: string;
  bound: { [F in LocalityFunction]?: BoundLocality<F> };
  /** functions the release has no export for, with what was looked for. */
  absent: { [F in LocalityFunction]?: string };
  close(): Promise<void>;
}

/**
 * Slices every locality export of `openclaw@version` in one load and binds each function to the
 * adapter its signature matches. A function whose exports are all missing is "not in this
 * release"; one that exists in a shape no adapter knows, or that fails to slice, cannot be
 * checked and throws instead of being fed a guess.
 */
export async function openLocalityRelease(version: string): Promise<LocalityRelease> {
  const slice = await loadRelease(version, LOCALITY_EXPORTS, { stubs: DEFAULT_STUBS });
  const ref = `openclaw@${version}`;
  try {
    const signatures = new Map<string, Signature | undefined>();
    for (const name of slice.found) signatures.set(name, await signature(slice, name));
    const exports: ExportLookup = {
      present: (name) => available(slice, name, ref),
      signature: (name) => signatures.get(name),
    };
    const bound: LocalityRelease["bound"] = {};
    const absent: LocalityRelease["absent"] = {};
    for (const fn of LOCALITY_FUNCTIONS) {
      const adapter = chooseAdapter(LOCALITY_ADAPTERS[fn] as readonly LocalityAdapter[], exports, ref);
      if (!adapter) {
        absent[fn] = `no ${[...new Set(LOCALITY_ADAPTERS[fn].map((a) => a.real))].join(" or ")} in ${ref}`;
        continue;
      }
      const region = slice.manifests[adapter.real]?.roots.find((r) => r.name === adapter.real)?.region;
      (bound as Record<string, BoundLocality<LocalityFunction>>)[fn] = { adapter, region, run: (inputs) => adapter.run(slice, inputs as never) };
    }
    return { version, ref, bound, absent, close: () => slice.close() };
  } catch (error) {
    await slice.close();
    throw error;
  }
}

/** What adapter choice needs to know of a release's exports. */
export interface ExportLookup {
  /** true: sliced and callable; false: not in this release; throws when it exists but cannot run. */
  present(name: string): boolean;
  signature(name: string): Signature | undefined;
}

/**
 * The first candidate whose export the release has and whose signature (and that of every export
 * it also calls) it matches; undefined when the release has none of the candidates' exports.
 */
export function chooseAdapter<A extends LocalityAdapter>(candidates: readonly A[], exports: ExportLookup, ref: string): A | undefined {
  const present = candidates.find((a) => exports.present(a.real));
  if (!present) return undefined;
  const sig = exports.signature(present.real);
  const fits = candidates.filter((a) => a.real === present.real && sig && a.matches(sig));
  if (!fits.length) throw new CannotCheckError(`unsupported shape: ${present.real} reads ${sig ? showSignature(sig) : "(no declaration found)"} in ${ref}`);
  let unmet: string | undefined;
  for (const adapter of fits) {
    unmet = unmetNeeds(adapter, exports);
    if (!unmet) return adapter;
  }
  throw new CannotCheckError(`unsupported shape: ${present.real} in ${ref} needs ${unmet}`);
}

/** Found: callable. Missing: not in this release. Anything else (failed to slice or import) stops the check. */
function available(slice: ReleaseSlice, name: string, ref: string): boolean {
  if (slice.found.includes(name)) return true;
  if (slice.missing.includes(name)) return false;
  const failure = slice.failed.find((f) => f.name === name)?.error ?? "not loaded";
  throw new CannotCheckError(`${name} of ${ref} cannot be run: ${failure}`);
}

function unmetNeeds(adapter: LocalityAdapter, exports: ExportLookup): string | undefined {
  for (const [name, matches] of Object.entries(adapter.needs ?? {})) {
    if (!exports.present(name)) return `${name}, which is not in this release`;
    const sig = exports.signature(name);
    if (!sig || !matches(sig)) return `${name}, which reads ${sig ? showSignature(sig) : "(no declaration found)"}`;
  }
  return undefined;
}

async function signature(slice: ReleaseSlice, name: string): Promise<Signature | undefined> {
  const cached = await readCachedSlice(slice.integrity, name, [...DEFAULT_STUBS].sort());
  if (!cached?.url) return undefined;
  return signatureOf(readFileSync(fileURLToPath(cached.url), "utf8"), name);
}
