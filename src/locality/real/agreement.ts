import type { Agreement } from "../../differential/agreement.ts";
import { agreementsOf, runLocality } from "./compare.ts";
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
    return agreementsOf(await runLocality(release, {
      addresses: [...exampleAddresses(), ...randomAddresses(seed, randomRuns)],
      requests: [...cellRequests(), ...randomRequests(seed, randomRuns)],
    }));
  } finally {
    await release.close();
  }
}
