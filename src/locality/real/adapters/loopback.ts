import { expectType, positionalParams, type LocalityAdapter } from "../adapter.ts";

/**
 * `isLoopbackAddress(ip) → boolean` of the gateway's net module, in every release sampled: string
 * prefixes through 2.21, ipaddr.js from 2.22, one positional parameter throughout.
 */
export const LOOPBACK: LocalityAdapter<"isLoopbackAddress"> = {
  function: "isLoopbackAddress",
  real: "isLoopbackAddress",
  shape: "(ip) → boolean",
  releases: {},
  matches: positionalParams("ip"),
  toArgs: (address) => [address],
  fromResult: (v) => expectType<boolean>("isLoopbackAddress", "boolean", v),
};
