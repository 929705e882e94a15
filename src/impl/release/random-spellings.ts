import { LOCALITY_FUNCTIONS } from "../../locality/real/adapter.ts";
import { runLocality } from "../../locality/real/compare.ts";
import { randomAddresses, randomRequests } from "../../locality/real/inputs.ts";
import { openLocalityRelease } from "../../locality/real/open.ts";
import type { Agreement } from "./agreement.ts";

/** Per class, how many concrete spellings each run draws (addresses, and requests built around them). */
export const SPELLINGS_PER_CLASS = 10;

/**
 * The seeded part of the locality differential: fresh concrete spellings of every address class
 * (and requests carrying them) on each run, through the release and the model. `--seed` replays it.
 */
export async function randomSpellingAgreement(version: string, seed: number): Promise<Agreement[]> {
  const release = await openLocalityRelease(version);
  try {
    const run = await runLocality(release, { addresses: randomAddresses(seed, SPELLINGS_PER_CLASS), requests: randomRequests(seed, SPELLINGS_PER_CLASS) });
    return LOCALITY_FUNCTIONS.map((fn) => ({ ...run[fn].agreement, note: `${run[fn].agreement.note ? `${run[fn].agreement.note}; ` : ""}random spellings, seed ${seed}` }));
  } finally {
    await release.close();
  }
}
