import { inVersionRange, type VersionRange } from "../../domain/versions.ts";
import type { ConcreteRequest } from "../request.ts";
import type { Traced } from "../trace.ts";

/**
 * The four meanings "local client" has had (notes §4). Ranges are contiguous so every version has
 * an era; 3.29/3.30 and 7.36–7.x were never probed and are assumed to follow their predecessor.
 */
export const LOCALITY_ERAS = ["L0", "L1", "L2", "L3"] as const;
export type LocalityEra = (typeof LOCALITY_ERAS)[number];

export const INGRESS_KINDS = ["direct-local", "direct-remote", "trusted-proxy", "tailscale-serve", "tailscale-funnel", "unattributable-proxy"] as const;
export type IngressKind = (typeof INGRESS_KINDS)[number];

/**
 * The locality functions of one release. Every answer carries the deciding rule and the trail of
 * sub-decisions, so a report can show why a request was (not) local.
 */
export interface LocalityModel {
  era: LocalityEra;
  version: string;
  isLoopbackAddress(address: string): Traced<boolean>;
  resolveClientIp(req: ConcreteRequest): Traced<string | undefined>;
  isLocalDirectRequest(req: ConcreteRequest): Traced<boolean>;
  /** 8.1+ only: `resolveGatewayIngressAttribution(...).kind`. */
  ingressAttribution?(req: ConcreteRequest): Traced<IngressKind>;
  /** what the connect handler calls `isLocalClient`. */
  isLocalClient(req: ConcreteRequest): Traced<boolean>;
}

export interface LocalityEraDefinition extends VersionRange {
  id: LocalityEra;
  title: string;
  modelAt(version: string): LocalityModel;
}

/** Guards `modelAt` so a version outside the era fails loudly instead of filtering rules oddly. */
export function defineEra(era: LocalityEraDefinition): LocalityEraDefinition {
  return {
    ...era,
    modelAt: (version) => {
      if (!inVersionRange(version, era)) throw new Error(`locality era ${era.id} does not hold version ${version}`);
      return era.modelAt(version);
    },
  };
}
