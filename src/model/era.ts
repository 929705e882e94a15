import { CannotCheckError } from "../domain/errors.ts";
import { inVersionRange, type VersionRange } from "../domain/versions.ts";
import type {
  BackendPairingInput,
  ControlUiPairingInput,
  ControlUiPolicy,
  ControlUiPolicyInput,
  GateInput,
  GateKind,
  RoleSkipInput,
  ScopeClearInput,
  SilentPairingInput,
  TrustedProxyInput,
} from "./policy-functions.ts";
import type { RuleList } from "./rule.ts";
import type { OriginHelperLists } from "./origin-step.ts";
import type { AuthStage, FinalAuthStage, OriginStage, PairingStage, ScopeExemptionStage } from "./stage-types.ts";

export const ERA_IDS = ["E0", "E1", "E2", "E3", "E4"] as const;
export type EraId = (typeof ERA_IDS)[number];

/** Where the handshake's glue (not a sliceable function) differs between releases. */
export interface HandshakeShape {
  /** the backend self-pairing skip is computed before the gate and feeds it (localBackendSelfPairingOk). */
  backendSkipFeedsGate: boolean | VersionRange;
}

/**
 * The connect policy of one era, as ordered rule lists named after the OpenClaw functions they
 * model. Stages run in handshake order: origin → auth → device gate → scope clearing → final auth → pairing.
 */
export interface EraModel extends VersionRange {
  id: EraId;
  title: string;
  shape: HandshakeShape;
  origin: OriginStage;
  auth: AuthStage;
  controlUiPolicy: RuleList<ControlUiPolicyInput, ControlUiPolicy>;
  gate: RuleList<GateInput, GateKind>;
  scopes: RuleList<ScopeClearInput, boolean>;
  scopeExemptions: ScopeExemptionStage;
  finalAuth: FinalAuthStage;
  controlUiPairing: RuleList<ControlUiPairingInput, boolean>;
  backendPairing: RuleList<BackendPairingInput, boolean>;
  silentPairing: RuleList<SilentPairingInput, boolean>;
  pairing: PairingStage;
  /** function-only lists: modelled for the differential check, consulted inside other rules. */
  roleSkip: RuleList<RoleSkipInput, boolean>;
  trustedProxy: RuleList<TrustedProxyInput, boolean>;
  /** the origin step's helpers (origin-step.ts), consulted through it. */
  originCheck: OriginHelperLists["originCheck"];
  browserContext: OriginHelperLists["browserContext"];
  originApplies: OriginHelperLists["originApplies"];
}

/** The lists the handshake consults directly; rule coverage is counted over these. */
export const HANDSHAKE_LISTS = [
  "origin",
  "auth",
  "controlUiPolicy",
  "gate",
  "scopes",
  "scopeExemptions",
  "finalAuth",
  "controlUiPairing",
  "backendPairing",
  "silentPairing",
  "pairing",
  "trustedProxy",
] as const satisfies ReadonlyArray<keyof EraModel>;

/** No era of a dated list holds a version (before the first one modelled): "cannot check", never a guess. */
export class NoEraError extends CannotCheckError {
  constructor(what: string, version: string, first: string | undefined) {
    super(`no ${what} model for ${version}${first ? `: ${what} is modelled from ${first}` : ""}`);
    this.name = "NoEraError";
  }
}

/**
 * The era of a dated list that holds a version: the one era mechanism for the connect, locality
 * and auth models (each a list of ranges oldest first, tiling the versions from the first).
 */
export function eraOf<E extends VersionRange>(eras: readonly E[], version: string, what: string): E {
  const era = eras.find((e) => inVersionRange(version, e));
  if (!era) throw new NoEraError(what, version, eras[0]?.since);
  return era;
}
