import type { RoleSkipInput } from "../../../model/policy-functions.ts";
import { expectBoolean, positional, type RealAdapter } from "./adapter.ts";

/** roleCanSkipDeviceIdentity(role, sharedAuthOk) → boolean, unchanged 2.22–9.6. */
export const ROLE_SKIP: RealAdapter<RoleSkipInput, boolean> = {
  real: "roleCanSkipDeviceIdentity",
  abstract: "roleCanSkipDeviceIdentity",
  shape: "(role, sharedAuthOk) → boolean",
  releases: { since: "2026.2.22" },
  matches: positional("role", "sharedAuthOk"),
  toArgs: (i) => [i.role, i.sharedAuthOk],
  fromResult: (v) => expectBoolean("roleCanSkipDeviceIdentity", v),
  fromArgs: (args) => ({ role: args[0] === "node" ? "node" : "operator", sharedAuthOk: args[1] === true }),
  toResult: (out) => out,
};
