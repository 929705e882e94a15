import { expectType, positionalParams, singleCall } from "../adapter.ts";

/**
 * `isLoopbackAddress(ip) → boolean` of the gateway's net module, in every release sampled: string
 * prefixes through 2.21, ipaddr.js from 2.22, one positional parameter throughout.
 */
export const LOOPBACK = singleCall({
  function: "isLoopbackAddress",
  real: "isLoopbackAddress",
  shape: "(ip) → boolean",
  matches: positionalParams("ip"),
  toArgs: (address: string) => [address],
  fromResult: (v) => expectType<boolean>("isLoopbackAddress", "boolean", v),
});
