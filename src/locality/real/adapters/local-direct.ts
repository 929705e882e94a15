import { toIncomingMessage, type ConcreteRequest } from "../../request.ts";
import { expectType, positionalParams, singleCall } from "../adapter.ts";

const fromResult = (v: unknown) => expectType<boolean>("isLocalDirectRequest", "boolean", v);

/**
 * `isLocalDirectRequest(req, trustedProxies, allowRealIpFallback)` from 2.21: the request as Node
 * delivers it (socket peer and lower-case headers) plus the two settings. From 3.31 the settings
 * are still passed but unused (underscored), which this shape accepts.
 */
export const LOCAL_DIRECT = singleCall({
  function: "isLocalDirectRequest",
  real: "isLocalDirectRequest",
  shape: "(req{socket,headers}, trustedProxies, allowRealIpFallback) → boolean",
  matches: positionalParams("req", "trustedProxies", "allowRealIpFallback"),
  toArgs: (req: ConcreteRequest) => [toIncomingMessage(req), req.trustedProxies, req.allowRealIpFallback],
  fromResult,
});

/** Through 2.19 there was no X-Real-IP opt-in, so no third parameter. */
export const LOCAL_DIRECT_TWO_PARAMS = singleCall({
  function: "isLocalDirectRequest",
  real: "isLocalDirectRequest",
  shape: "(req{socket,headers}, trustedProxies) → boolean",
  matches: positionalParams("req", "trustedProxies"),
  toArgs: (req: ConcreteRequest) => [toIncomingMessage(req), req.trustedProxies],
  fromResult,
});
