import { localityCellKey, localityCells } from "../../locality/locality-domain.ts";
import { realLocality } from "../../locality/real/observe.ts";
import type { LocalityObserver, Observation } from "../../topology/observer.ts";
import type { Agreement } from "./agreement.ts";
import { derivedFromRelease } from "./derived-cache.ts";

interface Stored {
  observations: Record<string, { isLocalClient: boolean; ingressKind?: string }>;
  agreement: Agreement[];
}

export interface ReleaseLocality {
  observe: LocalityObserver;
  agreement: Agreement[];
}

/** The release's own locality functions, tabulated over every concrete connection once per release. */
export async function releaseLocality(version: string, integrity: string): Promise<ReleaseLocality> {
  const stored = await derivedFromRelease<Stored>("locality", integrity, ["locality"], async () => {
    const real = await realLocality(version);
    const observations: Stored["observations"] = {};
    for (const cell of localityCells()) observations[localityCellKey(cell)] = real.observe(cell);
    await real.close();
    return { observations, agreement: real.agreement };
  });
  const decider = stored.agreement.some((a) => a.function === "ingressAttribution" && a.status !== "not-in-release") ? "ingress attribution" : "isLocalDirectRequest";
  return {
    agreement: stored.agreement,
    observe: (cell): Observation => {
      const seen = stored.observations[localityCellKey(cell)]!;
      return { ...seen, trail: [`openclaw:${decider}=${seen.ingressKind ?? seen.isLocalClient}`] };
    },
  };
}
