import type { VersionRange } from "../../domain/versions.ts";
import { eraOf } from "../../model/era.ts";
import { decide, rulesAt, type Decision, type HitCounter, type RuleList } from "../../model/rule.ts";
import type { AuthCell } from "../auth-cell.ts";
import type { AuthOutcome } from "../outcome.ts";
import { AP } from "./a-pre-surface.ts";
import { A0 } from "./a0-direct.ts";
import { A1 } from "./a1-explicit-secret.ts";
import { A2 } from "./a2-attributed.ts";

export interface AuthEra extends VersionRange {
  id: string;
  list: RuleList<AuthCell, AuthOutcome>;
}

/** Auth eras tile the versions from the first one measured; boundaries are the first release that behaves differently. */
export const AUTH_ERAS: readonly AuthEra[] = [
  { id: "AP", since: "2026.2.9", until: "2026.2.21", list: AP },
  { id: "A0", since: "2026.2.21", until: "2026.4.5", list: A0 },
  { id: "A1", since: "2026.4.5", until: "2026.8.1", list: A1 },
  { id: "A2", since: "2026.8.1", list: A2 },
];

export const authEraOf = (version: string): AuthEra => eraOf(AUTH_ERAS, version, "auth");

const atVersion = new Map<string, RuleList<AuthCell, AuthOutcome>>();

/** The authorizeGatewayConnect rule list as it stands in one release. */
export function authRulesAt(version: string): RuleList<AuthCell, AuthOutcome> {
  let list = atVersion.get(version);
  if (!list) atVersion.set(version, (list = rulesAt(authEraOf(version).list, version)));
  return list;
}

/** The model's authorizeGatewayConnect at a version. */
export function authorizeModel(version: string, cell: AuthCell, hit?: HitCounter): Decision<AuthOutcome> {
  return decide(authRulesAt(version), cell, hit);
}
