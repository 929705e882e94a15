import type { Agreement } from "../../impl/release/agreement.ts";
import { LOCALITY_FUNCTIONS } from "./adapter.ts";
import { runLocality } from "./compare.ts";
import { cellRequests, exampleAddresses, randomAddresses, randomRequests } from "./inputs.ts";
import { openLocalityRelease } from "./open.ts";

export interface LocalityAgreementOptions {
  /** fast-check seed for the random spellings; the same seed draws the same spellings. */
  seed: number;
  /** random spellings drawn per address class (and, for requests, per slot). */
  randomRuns: number;
}

/**
 * The differential of `openclaw@version`'s sliced locality functions against the locality model:
 * one entry per function, over every abstract cell's request (every fixed class example for
 * isLoopbackAddress) plus seeded random spellings of every address class. `cells` counts both.
 */
export async function localityAgreement(version: string, { seed, randomRuns }: LocalityAgreementOptions): Promise<Agreement[]> {
  const release = await openLocalityRelease(version);
  try {
    const run = await runLocality(release, {
      addresses: [...exampleAddresses(), ...randomAddresses(seed, randomRuns)],
      requests: [...cellRequests(), ...randomRequests(seed, randomRuns)],
    });
    return LOCALITY_FUNCTIONS.map((fn) => run[fn].agreement);
  } finally {
    await release.close();
  }
}
