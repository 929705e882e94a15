import type { Agreement } from "../impl/release/agreement.ts";
import { derivedFromRelease } from "../impl/release/derived-cache.ts";
import { PAIRING_LOCALITY_FN } from "./adapter.ts";
import { pairingLocalityAgreement } from "./agreement.ts";

/**
 * resolvePairingLocality against its model on every cell, once per release: the result only
 * changes with the release's tarball or with the sources in src/pairing-locality, so a warm
 * check reads it from the derived cache instead of re-slicing and re-running 8640 calls.
 */
export async function releasePairingLocalityAgreement(version: string, integrity: string): Promise<Agreement> {
  try {
    return await derivedFromRelease("pairing-locality", integrity, ["pairing-locality"], () => pairingLocalityAgreement(version));
  } catch (error) {
    // same convention as the auth layer: a release that cannot be checked must not sink the others
    return { function: PAIRING_LOCALITY_FN, status: "not-in-release", cells: 0, mismatches: 0, note: `could not check: ${(error as Error).message}` };
  }
}
