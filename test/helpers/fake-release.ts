import { signatureOf } from "../../src/differential/signature.ts";
import type { Release } from "../../src/differential/release.ts";
import type { Signature } from "../../src/differential/signature.ts";

/**
 * A release handle over hand-written sources, for adapter choice: every named export is present
 * with that source, anything else is absent. Calls are refused (nothing runs here).
 */
export function fakeRelease(sources: Record<string, string>, ref = "openclaw@test", version = "2026.9.6"): Release {
  return {
    ref,
    version,
    integrity: "test",
    decider: "sliced",
    sliced: Object.keys(sources),
    imports: { bare: [], node: [] },
    present: (name) => name in sources,
    source: (name) => sources[name] ?? "",
    signature: (name) => (name in sources ? signatureOf(sources[name]!, name) : undefined),
    region: () => undefined,
    call: () => Promise.reject(new Error("a fake release runs nothing")),
    close: async () => {},
  };
}

/** The same, from signatures directly (for shapes no source would be worth writing). */
export function fakeReleaseOfSignatures(sigs: Record<string, Signature | undefined>, ref = "openclaw@test"): Release {
  return { ...fakeRelease(Object.fromEntries(Object.keys(sigs).map((n) => [n, ""])), ref), signature: (name) => sigs[name] };
}
