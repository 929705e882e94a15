import { decisionTableFields } from "./locality-fields.ts";
import { localityCells } from "../locality/locality-domain.ts";
import type { Implementation } from "../impl/implementation.ts";
import { tabulateDecisions, type DecisionTable } from "../engine/table.ts";
import { modelLocalityObserver } from "./observer.ts";

/** How an implementation classes every concrete connection of the locality domain. */
export function localityTable(impl: Implementation): DecisionTable {
  const observe = impl.observeLocality ?? modelLocalityObserver(impl.version);
  return tabulateDecisions(`Locality table of \`${impl.ref}\``, localityCells() as unknown as Record<string, unknown>[], decisionTableFields(), (cell) => {
    const seen = observe(cell as never);
    return `${seen.isLocalClient ? "local" : "remote"}${seen.ingressKind ? ` (${seen.ingressKind})` : ""}`;
  });
}
