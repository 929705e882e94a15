import { CannotCheckError } from "../../domain/errors.ts";
import type { Agreement } from "../../impl/release/agreement.ts";
import { localityCellKey, type LocalityCell } from "../locality-domain.ts";
import { localityEraOf } from "../locality-model.ts";
import { LOCALITY_FUNCTIONS, type Answer } from "./adapter.ts";
import { runLocality } from "./compare.ts";
import { cellRequests, exampleAddresses } from "./inputs.ts";
import { openLocalityRelease } from "./open.ts";

/** What the release's connect handler would see of one abstract cell. */
export interface RealLocalityObservation {
  isLocalClient: boolean;
  /** 8.1+ only: the kind of the release's ingress attribution. */
  ingressKind?: string;
}

export interface RealLocality {
  version: string;
  observe(cell: LocalityCell): RealLocalityObservation;
  /** the release against the model on the abstract inputs (no random spellings). */
  agreement: Agreement[];
  close(): Promise<void>;
}

/**
 * `openclaw@version`'s own locality, tabulated once over every abstract cell (one batched run per
 * function) so the connect policy can later be composed with it cell by cell. `isLocalClient` is
 * what the release's connect handler derives: through 7.x its `isLocalDirectRequest(req,
 * trustedProxies, allowRealIpFallback)`, from 8.1 its ingress attribution being "direct-local".
 * The worker is released as soon as the table is built; `close()` is kept for callers that
 * manage lifetimes uniformly and is safe to call more than once.
 */
export async function realLocality(version: string): Promise<RealLocality> {
  const release = await openLocalityRelease(version);
  try {
    const probes = cellRequests();
    const run = await runLocality(release, { addresses: exampleAddresses(), requests: probes });
    const l3 = localityEraOf(version).id === "L3";
    const decisive = l3 ? run.ingressAttribution.answers : run.isLocalDirectRequest.answers;
    if (!decisive) throw new CannotCheckError(`${release.ref} has no ${l3 ? "ingress attribution" : "isLocalDirectRequest"}: ${release.absent[l3 ? "ingressAttribution" : "isLocalDirectRequest"]}`);
    const kinds = run.ingressAttribution.answers;

    const table = new Map<string, RealLocalityObservation | { error: string }>();
    probes.forEach((probe, i) => {
      const answer = decisive[i]! as Answer<boolean | string>;
      const kind = kinds?.[i];
      if (!answer.ok || (kind && !kind.ok)) {
        table.set(probe.label, { error: !answer.ok ? answer.error : (kind as { error: string }).error });
        return;
      }
      table.set(probe.label, {
        isLocalClient: l3 ? answer.value === "direct-local" : answer.value === true,
        ...(kind?.ok ? { ingressKind: kind.value } : {}),
      });
    });

    return {
      version,
      agreement: LOCALITY_FUNCTIONS.map((fn) => run[fn].agreement),
      observe(cell) {
        const key = localityCellKey(cell);
        const seen = table.get(key);
        if (!seen) throw new CannotCheckError(`${release.ref}: no locality tabulated for ${key}`);
        if ("error" in seen) throw new CannotCheckError(`${release.ref} threw on ${key}: ${seen.error}`);
        return seen;
      },
      close: async () => {},
    };
  } finally {
    await release.close();
  }
}
