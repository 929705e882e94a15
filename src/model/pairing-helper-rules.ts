import type { RuleList } from "./rule.ts";
import type { BackendPairingInput, ControlUiPairingInput, PairingReason, SilentPairingInput } from "./policy-functions.ts";

/**
 * The pairing helpers changed in small dated steps that do not follow the era boundaries, so
 * each is one dated list used by every era (a rule applies from `since`, up to `until`).
 */

const BYPASS_DROPS_DEVICE = "the bypass drops the Control UI's device, so no device reaches pairing with it on";

/** shouldSkipControlUiPairing. */
export const CONTROL_UI_PAIRING: RuleList<ControlUiPairingInput, boolean> = {
  name: "shouldSkipControlUiPairing",
  rules: [
    { id: "cui-pairing.bypass-and-secret-e0", until: "2026.2.21", when: (i) => i.allowBypass && i.sharedAuthOk, then: true,
      why: "≤2.19 inline: a bypass knob plus a verified secret skipped pairing (shouldSkipControlUiPairing is sliced from 2.21). Live 2026-12-01 on 2.19 and 2.21 (boundary control-ui-insecure-not-bypass, local cells): 2.19 leaves a new Control UI device under allowInsecureAuth and the token unpaired, 2.21 pairs it" },
    { id: "cui-pairing.trusted-proxy", since: "2026.2.24", until: "2026.5.18", when: (i) => i.trustedProxyAuthOk, then: true,
      why: "a trusted-proxy operator skipped pairing (2.24–5.12 measured; the argument is unused from 5.18)" },
    { id: "cui-pairing.bypass-and-secret", since: "2026.2.21", until: "2026.3.13", when: (i) => i.allowBypass && i.sharedAuthOk,
      then: true, unreachable: BYPASS_DROPS_DEVICE, why: "bypass plus a verified shared secret" },
    { id: "cui-pairing.operator-bypass", since: "2026.3.13", until: "2026.8.1", when: (i) => i.role === "operator" && i.allowBypass,
      then: true, unreachable: BYPASS_DROPS_DEVICE, why: "3.13: operator with the bypass, no secret needed any more" },
    { id: "cui-pairing.operator-auth-none", since: "2026.3.22",
      when: (i) => i.isControlUi && i.role === "operator" && i.authMode === "none", then: true,
      why: "#47148: a Control UI operator on an auth-none gateway skips pairing (kind auth-none from 8.1)" },
    { id: "cui-pairing.operator-tailscale-device", since: "2026.4.25",
      when: (i) => i.isControlUi && i.role === "operator" && i.authMethod === "tailscale" && i.hasDevice, then: true,
      why: "a Tailscale-authenticated Control UI operator with a device (kind tailscale-device from 8.1)" },
    { id: "cui-pairing.no", when: () => true, then: false, why: "every other client pairs" },
  ],
};

const LOCAL_BACKEND_LOCALITIES = ["direct_local", "shared_secret_loopback_local"];
const backendLocal = (i: BackendPairingInput, since57: boolean) =>
  i.isBackendClient && !i.hasBrowserOriginHeader && (i.locality === "direct_local" || (since57 && LOCAL_BACKEND_LOCALITIES.includes(i.locality)));
const sharedSecret = (i: BackendPairingInput) => i.sharedAuthOk && (i.authMethod === "token" || i.authMethod === "password");

/** shouldSkipBackendSelfPairing (3.8–3.24), then shouldSkipLocalBackendSelfPairing (4.9+). It never reads the role. */
export const BACKEND_PAIRING: RuleList<BackendPairingInput, boolean> = {
  name: "shouldSkipBackendSelfPairing",
  rules: [
    { id: "backend-pairing.shared-secret", since: "2026.3.2", until: "2026.3.28", when: (i) => backendLocal(i, false) && sharedSecret(i),
      then: true, why: "local gateway-client/backend with a verified token or password, no Origin (3.2+, measured)" },
    { id: "backend-pairing.device-token", since: "2026.3.22", until: "2026.3.28",
      when: (i) => backendLocal(i, false) && i.authMethod === "device-token", then: true, why: "#46290: device-token auth also counts",
      unmeasured: "its end (3.24 → 3.28) only: 3.28–4.2 have no backend self-pairing function to slice, and no live connect shows it (a device token verifies only for a device already paired for what it asks, which is admitted whether its pairing is skipped or not); its start at 3.22 is sliced on both sides" },
    { id: "backend-pairing.local-shared-secret", since: "2026.4.5", until: "2026.5.7", when: (i) => backendLocal(i, false) && sharedSecret(i),
      then: true, why: "shouldSkipLocalBackendSelfPairing: direct-local backend with a verified secret (3.28–4.2 had no skip; 4.5 brought it back, measured)",
      unmeasured: "its start (4.2 → 4.5) only: 4.2 has no function to slice (live, 4.2 pairs such a backend, as the model says), and 4.5 does not start live without the plugin dependencies its postinstall installs (clawproof installs with scripts off), so the boundary is not run on both releases; 4.5's own function is sliced" },
    { id: "backend-pairing.local-or-loopback-shared-secret", since: "2026.5.7", when: (i) => backendLocal(i, true) && sharedSecret(i),
      then: true, why: "5.7+: shared-secret loopback locality counts as local too" },
    { id: "backend-pairing.local-device-token", since: "2026.4.5", when: (i) => backendLocal(i, true) && i.authMethod === "device-token",
      then: true, why: "device-token auth counts",
      unmeasured: "its start (4.2 → 4.5) only: 4.2 has no function to slice, and no live connect shows it (a device token verifies only for a device already paired for what it asks, which is admitted whether its pairing is skipped or not); 4.5's own function is sliced" },
    { id: "backend-pairing.local-auth-none", since: "2026.5.12", when: (i) => backendLocal(i, true) && i.authMethod === "none",
      then: true, why: "5.12: auth mode none counts (upstream's take on #48285's second change, backend only)" },
    { id: "backend-pairing.no", when: () => true, then: false, why: "everything else pairs (and before 3.8 there was no skip)" },
  ],
};

/** What 2.22-1–2.24's inline operator skip reads: the role asked for, resolveConnectAuthState's sharedAuthOk, a browser UI client. */
export interface OperatorSharedAuthSkipInput {
  role: "operator" | "node";
  sharedAuthOk: boolean;
  /** the Control UI or WebChat. */
  browserUi: boolean;
}

/**
 * The connect handler's inline skipPairingForOperatorSharedAuth, read in the 2.21, 2.22-1, 2.22,
 * 2.23, 2.24 and 2.25 bundles: absent in 2.21, gone in 2.25. It reads neither the locality nor the
 * auth method beyond sharedAuthOk (token or password; from 2.24 a trusted-proxy identity too), so
 * a remote operator's new device goes unpaired and keeps its declared scopes. Live 2026-12-01 on
 * 2.24: such an operator's new device is not paired, yet the connect is admitted.
 */
export const OPERATOR_SHARED_AUTH_SKIP: RuleList<OperatorSharedAuthSkipInput, boolean> = {
  name: "skipPairingForOperatorSharedAuth (inline)",
  rules: [
    { id: "operator-skip.shared-auth", since: "2026.2.22-1", until: "2026.2.25", when: (i) => i.role === "operator" && i.sharedAuthOk && !i.browserUi, then: true,
      why: "an operator other than the Control UI or WebChat with a verified shared secret skips pairing, local or remote" },
    { id: "operator-skip.no", when: () => true, then: false, why: "every other client pairs (and outside 2.22-1–2.24 there is no such skip)" },
  ],
};

/** A device's pairing request as the handler sees it: paired or not, what it asks beyond its approval, the role it asks for. */
export interface PairingRequestInput {
  paired: boolean;
  upgrade: "none" | "scopes" | "role";
  requestedRole: "operator" | "node";
}

/**
 * The pairing reasons one connect asks for, in the handler's order; it is approved silently only
 * when every one is. Read in the bundles of 2.9, 2.19, 2.22-1, 2.24, 2.25, 3.28, 4.2, 5.12, 5.18,
 * 6.35, 7.35, 8.1, 9.2 and 9.6: a paired device whose role is not approved asks role-upgrade, and
 * then, in the same handler, scope-upgrade whenever it declares scopes its record does not allow
 * (an empty record allows none). A node's record holds no operator scopes, so a node asking to be
 * an operator with an operator's scopes asks both; a node connect declares none.
 */
export const PAIRING_REASONS_OF: RuleList<PairingRequestInput, readonly PairingReason[]> = {
  name: "pairing reasons (connect handler)",
  rules: [
    { id: "reasons.first-pairing", when: (i) => !i.paired, then: ["not-paired"], why: "no paired record for this key: a first pairing" },
    { id: "reasons.node-to-operator", when: (i) => i.upgrade === "role" && i.requestedRole === "operator", then: ["role-upgrade", "scope-upgrade"],
      why: "the role check asks role-upgrade, then the scope check asks scope-upgrade for the operator scopes the node's record lacks; live 2026-12-01 on 5.12 and 5.18 such a connect is refused as asking for more scopes than approved" },
    { id: "reasons.role", when: (i) => i.upgrade === "role", then: ["role-upgrade"], why: "an operator device asking to be a node declares no scopes" },
    { id: "reasons.scopes", when: (i) => i.upgrade === "scopes", then: ["scope-upgrade"], why: "more scopes for the approved role" },
    { id: "reasons.none", when: () => true, then: [], why: "approved for this role and these scopes: nothing to ask" },
  ],
};

const roleUpgrade = (i: SilentPairingInput) => i.reason === "role-upgrade";
const localAndOriginOk = (i: SilentPairingInput) => i.locality !== "remote" && (!i.hasBrowserOriginHeader || i.isControlUi || i.isWebchat);

/**
 * shouldAllowSilentLocalPairing for a first pairing or an upgrade (its `reason`; autoApproveLocal at
 * its default). The reasons' boundaries were run on every release from 2.25 (the sliced function).
 */
export const SILENT_PAIRING: RuleList<SilentPairingInput, boolean> = {
  name: "shouldAllowSilentLocalPairing",
  rules: [
    { id: "silent.local-e0", until: "2026.2.22-1", when: (i) => i.locality !== "remote" && i.reason === "not-paired", then: true,
      why: "≤2.21 inline: a first pairing is silent when isLocalClient, Origin not consulted (upgrades: the pairing step's own ≤2.17 rule); measured on every release with the sliced glue (requirePairing's silent, which computes it inline)" },
    { id: "silent.no-browser-origin", since: "2026.5.18", until: "2026.5.22", when: (i) => i.hasBrowserOriginHeader, then: false,
      why: "measured: 5.18–5.20 paired no browser-origin connect silently, Control UI and WebChat included (5.22 relaxed it again)" },
    { id: "silent.role-upgrade-needs-approval-inline", since: "2026.2.22-1", until: "2026.2.25", when: roleUpgrade, then: false,
      why: "as from 2.25: a role upgrade waits for an operator (measured on every release 2.22-1–2.24 with the sliced glue, requirePairing's silent: reason not-paired or scope-upgrade only)" },
    { id: "silent.role-upgrade-needs-approval", since: "2026.2.25", until: "2026.4.2", when: roleUpgrade, then: false,
      why: "measured: the sliced function refuses role-upgrade 2.25–4.1 and allows it from 4.2 (#59092's CHANGELOG entry says 4.1)" },
    { id: "silent.scope-upgrade-needs-secret-auth", since: "2026.8.1",
      when: (i) => i.reason === "scope-upgrade" && !["none", "token", "password"].includes(i.authMethod), then: false,
      why: "measured 7.35 → 8.1: a silent scope upgrade needs auth method none, token or password (a device token alone no longer does)" },
    { id: "silent.local-inline", since: "2026.2.22-1", until: "2026.2.25", when: (i) => i.locality !== "remote", then: true,
      why: "2.22-1–2.24 inline: silent = isLocalClient for a first pairing or a scope upgrade, the Origin not consulted; live 2026-12-01 (2.24 and 2.25): 2.24 paired a local CLI device silently whatever its Origin, 2.25 refuses one carrying a browser Origin (was modelled as consulting it from 2.22-1); its start (2.21 → 2.22-1: a local scope upgrade becomes silent too) and every release in between measured with the sliced glue (requirePairing's silent)" },
    { id: "silent.local", since: "2026.2.25", when: localAndOriginOk, then: true,
      why: "measured from 2.25: local, and an Origin only from the Control UI or WebChat (first pairings and scope upgrades; role upgrades from 4.2)" },
    { id: "silent.no", when: () => true, then: false, why: "remote or browser-origin devices wait for an operator" },
  ],
};
