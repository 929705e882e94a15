import { LOCALITY_EXPORTS } from "../../locality/real/adapters/index.ts";
import { DEFAULT_STUBS } from "../../release/load.ts";
import { readCachedSlice } from "../../release/slice-cache.ts";
import { REAL_FUNCTIONS } from "./adapters/index.ts";

/** Every OpenClaw export a release check slices: the policy functions and the locality, auth and pairing-locality layers. */
const SLICED = [...new Set([...REAL_FUNCTIONS, ...LOCALITY_EXPORTS, "authorizeGatewayConnect", "resolvePairingLocality"])];

/** The `node:` and bare imports pulled in by every slice of a release, read from the slice manifests. */
export async function sliceImports(integrity: string): Promise<{ bare: string[]; node: string[] }> {
  const bare = new Set<string>();
  const node = new Set<string>();
  for (const name of SLICED) {
    const slice = await readCachedSlice(integrity, name, [...DEFAULT_STUBS]);
    for (const b of slice?.manifest.imports.bare ?? []) bare.add(b);
    for (const n of slice?.manifest.imports.node ?? []) node.add(n);
  }
  return { bare: [...bare].sort(), node: [...node].sort() };
}
