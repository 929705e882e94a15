import { CannotCheckError } from "../domain/errors.ts";
import { loadFromDist, loadRelease, type DistSource, type LoadOptions, type ReleaseSlice } from "../release/load.ts";
import type { Release, RealDecider } from "./release.ts";
import { signatureOf, type Signature } from "./signature.ts";

/** A loaded slice as the handle every layer reads: presence, signatures, sources, calls. */
export function releaseHandle(slice: ReleaseSlice, ref: string, decider: RealDecider): Release {
  const signatures = new Map<string, Signature | undefined>();
  return {
    ref,
    version: slice.version,
    integrity: slice.integrity,
    decider,
    sliced: slice.found,
    imports: slice.imports,
    present(name) {
      if (slice.found.includes(name)) return true;
      if (slice.missing.includes(name)) return false;
      const failure = slice.failed.find((f) => f.name === name)?.error ?? "it was not loaded with this release";
      throw new CannotCheckError(`${name} of ${ref} cannot be run: ${failure}`);
    },
    source: (name) => slice.source(name),
    signature(name) {
      if (!signatures.has(name)) signatures.set(name, slice.found.includes(name) ? signatureOf(slice.source(name), name) : undefined);
      return signatures.get(name);
    },
    region: (name) => slice.manifests[name]?.roots.find((r) => r.name === name)?.region,
    call: (fn, argsList) => slice.call(fn, argsList),
    close: () => slice.close(),
  };
}

/** `openclaw@<version>` with these exports sliced, as a handle (for layers and tests that need one release). */
export async function openPublished(version: string, names: readonly string[], opts: LoadOptions = {}): Promise<Release> {
  return releaseHandle(await loadRelease(version, names, opts), `openclaw@${version}`, "sliced");
}

/** A dist folder (a built checkout, or transpiled sources) with these exports sliced, as a handle. */
export async function openDist(source: DistSource, names: readonly string[], decider: RealDecider, opts: LoadOptions = {}): Promise<Release> {
  return releaseHandle(await loadFromDist(source, names, opts), source.label, decider);
}
