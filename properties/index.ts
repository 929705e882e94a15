import type { AnyProperty } from "../src/engine/property.ts";
export { ACCEPTED_EXCEPTIONS } from "./accepted-exceptions.ts";
import { proxiedNeverLocal } from "./proxied-never-local.ts";
import { remoteOriginNodeNeedsIdentity } from "./remote-origin-node-needs-identity.ts";
import { remoteDirectNeverLocal } from "./remote-direct-never-local.ts";
import { spoofedHeadersNeverRaiseLocality } from "./spoofed-headers-never-raise-locality.ts";
import { remoteOriginNeverSilentlyPaired } from "./remote-origin-never-silently-paired.ts";
import { authMonotone } from "./auth-monotone.ts";
import { browserOriginNoAutoPairing } from "./browser-origin-no-auto-pairing.ts";
import { controlUiKnobsInertElsewhere } from "./control-ui-knobs-inert-elsewhere.ts";
import { controlUiPathsUnchanged } from "./control-ui-paths-unchanged.ts";
import { controlUiRemoteNeedsDeviceOrProxyAuth } from "./control-ui-remote-needs-device-or-proxy-auth.ts";
import { defaultDeny } from "./default-deny.ts";
import { deviceIdentityMonotone } from "./device-identity-monotone.ts";
import { failedAuthRejected } from "./failed-auth-rejected.ts";
import { foreignOriginRejected } from "./foreign-origin-rejected.ts";
import { localityMonotone } from "./locality-monotone.ts";
import { noUnauthenticatedAdmission } from "./no-unauthenticated-admission.ts";
import { nodeNeverAdmittedWithoutIdentity } from "./node-never-admitted-without-identity.ts";
import { operatorPathsUnchanged } from "./operator-paths-unchanged.ts";
import { remoteNodeNeedsIdentity } from "./remote-node-needs-identity.ts";
import { remoteUnpairedNeedsApproval } from "./remote-unpaired-needs-approval.ts";
import { silentPairingLocalOnly } from "./silent-pairing-local-only.ts";
import { unboundScopesCleared } from "./unbound-scopes-cleared.ts";
import { wrongSecretNoBetterThanNone } from "./wrong-secret-no-better-than-none.ts";
import { controlUiBypassHonoured } from "./control-ui-bypass-honoured.ts";
import { bypassSessionKeepsScopes } from "./bypass-session-keeps-scopes.ts";
import { localCliWithSecretAdmitted } from "./local-cli-with-secret-admitted.ts";
import { trustedProxyOperatorAdmitted } from "./trusted-proxy-operator-admitted.ts";
import { configuredLoopbackProxyHonoured } from "./configured-loopback-proxy-honoured.ts";
import { localBrowserUiPairsSilently } from "./local-browser-ui-pairs-silently.ts";
import { localBackendAdmitted } from "./local-backend-admitted.ts";
import { pairedDeviceKeepsApprovedScopes } from "./paired-device-keeps-approved-scopes.ts";
import { pairedNodeNeverSilentlyEscalates } from "./paired-node-never-silently-escalates.ts";
import { deviceTokenScopeUpgradeNeedsApproval } from "./device-token-scope-upgrade-needs-approval.ts";
import { credentialPairDecidedByTheVerifyingOne } from "./credential-pair-decided-by-the-verifying-one.ts";

/** Every property `check` runs, in report order: node identity and ground truth first, then auth, Control UI, scopes, pairing, availability, structure. */
export const PROPERTIES: readonly AnyProperty[] = [
  remoteNodeNeedsIdentity,
  nodeNeverAdmittedWithoutIdentity,
  remoteOriginNodeNeedsIdentity,
  proxiedNeverLocal,
  remoteDirectNeverLocal,
  spoofedHeadersNeverRaiseLocality,
  remoteOriginNeverSilentlyPaired,
  failedAuthRejected,
  noUnauthenticatedAdmission,
  authMonotone,
  wrongSecretNoBetterThanNone,
  credentialPairDecidedByTheVerifyingOne,
  deviceIdentityMonotone,
  localityMonotone,
  foreignOriginRejected,
  controlUiRemoteNeedsDeviceOrProxyAuth,
  controlUiKnobsInertElsewhere,
  unboundScopesCleared,
  remoteUnpairedNeedsApproval,
  silentPairingLocalOnly,
  browserOriginNoAutoPairing,
  pairedNodeNeverSilentlyEscalates,
  deviceTokenScopeUpgradeNeedsApproval,
  // availability: what the config and credential entitle a client to, it gets
  localCliWithSecretAdmitted,
  trustedProxyOperatorAdmitted,
  configuredLoopbackProxyHonoured,
  localBackendAdmitted,
  controlUiBypassHonoured,
  bypassSessionKeepsScopes,
  localBrowserUiPairsSilently,
  pairedDeviceKeepsApprovedScopes,
  defaultDeny,
  operatorPathsUnchanged,
  controlUiPathsUnchanged,
];

export function findProperty(id: string): AnyProperty | undefined {
  return PROPERTIES.find((p) => p.id === id);
}
