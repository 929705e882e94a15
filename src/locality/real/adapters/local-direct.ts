import { toIncomingMessage } from "../../request.ts";
import { expectType, positionalParams, type LocalityAdapter } from "../adapter.ts";

const fromResult = (v: unknown) => expectType<boolean>("isLocalDirectRequest", "boolean", v);

/**
 * `isLocalDirectRequest(req, trustedProxies, allowRealIpFallback)` from 2.21: the request as Node
 * delivers it (socket peer and lower-case headers) plus the two settings. From 3.31 the settings
 * are still passed but unused (underscored), which this shape accepts.
 */
export const LOCAL_DIRECT: LocalityAdapter<"isLocalDirectRequest"> = {
  function: "isLocalDirectRequest",
  real: "isLocalDirectRequest",
  shape: "(req{socket,headers}, trustedProxies, allowRealIpFallback) → boolean",
  releases: { since: "2026.2.21" },
  matches: positionalParams("req", "trustedProxies", "allowRealIpFallback"),
  toArgs: (req) => [toIncomingMessage(req), req.trustedProxies, req.allowRealIpFallback],
  fromResult,
};

/** Through 2.19 there was no X-Real-IP opt-in, so no third parameter. */
export const LOCAL_DIRECT_TWO_PARAMS: LocalityAdapter<"isLocalDirectRequest"> = {
  function: "isLocalDirectRequest",
  real: "isLocalDirectRequest",
  shape: "(req{socket,headers}, trustedProxies) → boolean",
  releases: { until: "2026.2.21" },
  matches: positionalParams("req", "trustedProxies"),
  toArgs: (req) => [toIncomingMessage(req), req.trustedProxies],
  fromResult,
};
