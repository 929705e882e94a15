import { requestOf, type LocalityCell } from "../locality/locality-domain.ts";
import { localityModelAt, type LocalityModel } from "../locality/locality-model.ts";

/** What the gateway makes of one concrete connection: the locality the connect policy is fed. */
export interface Observation {
  isLocalClient: boolean;
  /** L3 ingress attribution, where the release has it. */
  ingressKind?: string;
  /** rules (model) or functions (release) that decided, for counterexamples. */
  trail: string[];
}

export type LocalityObserver = (cell: LocalityCell) => Observation;

/** The locality reference model of the release's era. */
export const modelLocalityObserver = (version: string): LocalityObserver => localityModelObserver(localityModelAt(version));

/** How a locality model (the era's, or a patched one) classes each concrete connection. */
export function localityModelObserver(model: LocalityModel): LocalityObserver {
  return (cell) => {
    const request = requestOf(cell);
    const local = model.isLocalClient(request);
    const ingressKind = model.ingressAttribution?.(request).value;
    return { isLocalClient: local.value, ...(ingressKind ? { ingressKind } : {}), trail: [...local.trail] };
  };
}
