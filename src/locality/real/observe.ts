import { CannotCheckError } from "../../domain/errors.ts";
import type { Agreement } from "../../differential/agreement.ts";
import { localityCellKey, type LocalityCell } from "../locality-domain.ts";
import { agreementsOf, runLocality } from "./compare.ts";
import { cellRequests, exampleAddresses } from "./inputs.ts";
import { observationsOf, type RealLocalityObservation } from "./layer.ts";
import { openLocalityRelease } from "./open.ts";

export type { RealLocalityObservation } from "./layer.ts";

export interface RealLocality {
  version: string;
  observe(cell: LocalityCell): RealLocalityObservation;
  /** the release against the model on the abstract inputs (no random spellings). */
  agreement: Agreement[];
}

/** How a table of observations answers for one connection: a missing or failed entry is "cannot check". */
export function observerOf(ref: string, table: Record<string, RealLocalityObservation | { error: string }>) {
  return (cell: LocalityCell): RealLocalityObservation => {
    const key = localityCellKey(cell);
    const seen = table[key];
    if (!seen) throw new CannotCheckError(`${ref}: no locality tabulated for ${key}`);
    if ("error" in seen) throw new CannotCheckError(`${ref} threw on ${key}: ${seen.error}`);
    return seen;
  };
}

/** `openclaw@version`'s own locality, tabulated once over every abstract connection (one load, one batched run per function). */
export async function realLocality(version: string): Promise<RealLocality> {
  const release = await openLocalityRelease(version);
  try {
    const run = await runLocality(release, { addresses: exampleAddresses(), requests: cellRequests() });
    return { version, agreement: agreementsOf(run), observe: observerOf(release.ref, observationsOf(Object.values(run))) };
  } finally {
    await release.close();
  }
}
