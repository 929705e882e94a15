import type { LocalityAdapter, LocalityFunction } from "../adapter.ts";
import { RESOLVE_CLIENT_IP, RESOLVE_GATEWAY_CLIENT_IP } from "./client-ip.ts";
import { INGRESS_ATTRIBUTION } from "./ingress.ts";
import { LOCAL_DIRECT, LOCAL_DIRECT_TWO_PARAMS } from "./local-direct.ts";
import { LOOPBACK } from "./loopback.ts";

/** Every known shape, per function; the first whose export slices and whose signature matches drives it. */
export const LOCALITY_ADAPTERS: { [F in LocalityFunction]: readonly LocalityAdapter<F>[] } = {
  isLoopbackAddress: [LOOPBACK],
  resolveClientIp: [RESOLVE_CLIENT_IP, RESOLVE_GATEWAY_CLIENT_IP],
  isLocalDirectRequest: [LOCAL_DIRECT, LOCAL_DIRECT_TWO_PARAMS],
  ingressAttribution: [INGRESS_ATTRIBUTION],
};
