import type { Cell } from "../domain/cell.ts";
import { always } from "./rule.ts";
import type { AuthStage, FinalAuthStage, OriginStage, PairingStage, ScopeExemptionStage } from "./stages.ts";

/** Browser Origin check, before auth. `foreign` means an Origin the gateway does not allow. */
export const ORIGIN: OriginStage = {
  name: "origin check",
  rules: [
    { id: "origin.foreign-browser-client", until: "2026.2.22-1", when: (c) => c.origin === "foreign" && (c.client === "control-ui" || c.client === "webchat"),
      then: "reject", why: "≤2.21 checked the Origin of Control UI and WebChat clients only",
      unmeasured: "the origin check is inline in every release: its 2.21 → 2.22-1 boundary is read from the bundles, not run" },
    { id: "origin.foreign-any-client", since: "2026.2.22-1", when: (c) => c.origin === "foreign", then: "reject",
      why: "any client sending a disallowed Origin is refused (cross-site WebSocket hijacking, GHSA-5wcw-8jjv-m286)" },
    { id: "origin.browser-client-without-origin", since: "2026.3.13", when: (c) => c.origin === "none" && (c.client === "control-ui" || c.client === "webchat"),
      then: "reject", why: "live 2026-12-01 (3.13, 9.6): a Control UI or WebChat client sending no Origin is refused as origin not allowed, local or remote (earlier releases not run live)" },
    { id: "origin.pass", when: always, then: "pass", why: "no Origin, or an allowed one" },
  ],
};

const proxyModeLocalPassword = (c: Cell) => c.authMode === "trusted-proxy" && c.credential === "secret-ok" && c.locality === "local";

/** Auth outcome per connect (resolveConnectAuthState), the same in every era but for dated rules. */
export const AUTH: AuthStage = {
  name: "auth",
  rules: [
    { id: "auth.mode-none-unsupported", until: "2026.2.19", when: (c) => c.authMode === "none", then: { ok: false, method: "token", sharedAuthOk: false },
      why: "before 2.19 authorizeGatewayConnect had no mode none: it ends in unauthorized (measured)" },
    { id: "auth.proxy-mode-unsupported", until: "2026.2.17", when: (c) => c.authMode === "trusted-proxy", then: { ok: false, method: "token", sharedAuthOk: false },
      why: "trusted-proxy mode arrives in 2.17 (measured)" },
    { id: "auth.mode-none", since: "2026.2.19", when: (c) => c.authMode === "none", then: { ok: true, method: "none", sharedAuthOk: false },
      why: "mode none accepts everyone; no shared secret was verified, so sharedAuthOk stays false" },
    { id: "auth.proxy-ok-shared", since: "2026.2.23", when: (c) => c.credential === "proxy-ok",
      then: { ok: true, method: "trusted-proxy", sharedAuthOk: true },
      why: "from 2.23 a verified trusted-proxy identity counts as shared auth (measured on resolveConnectAuthState)" },
    { id: "auth.proxy-ok", since: "2026.2.17", until: "2026.2.23", when: (c) => c.credential === "proxy-ok",
      then: { ok: true, method: "trusted-proxy", sharedAuthOk: false },
      why: "before 2.23 only a token/password match was shared auth" },
    { id: "auth.tailscale-ok", when: (c) => c.credential === "tailscale-ok" && c.locality === "remote",
      then: { ok: true, method: "tailscale", sharedAuthOk: false },
      why: "a Tailscale header identity is used for non-local requests only, and is not a shared secret" },
    { id: "auth.proxy-mode-local-password", since: "2026.4.27", until: "2026.5.12", when: proxyModeLocalPassword,
      then: { ok: true, method: "password", sharedAuthOk: true },
      why: "#17761: in trusted-proxy mode a local direct caller may use the gateway password (measured 4.27; absent in 5.12)" },
    { id: "auth.proxy-mode-local-password-back", since: "2026.5.18", when: proxyModeLocalPassword,
      then: { ok: true, method: "password", sharedAuthOk: true }, why: "the fallback is back from 5.18 (measured)" },
    { id: "auth.proxy-mode-secret-refused", since: "2026.2.17", when: (c) => c.authMode === "trusted-proxy" && (c.credential === "secret-ok" || c.credential === "secret-wrong"),
      then: { ok: false, method: "token", sharedAuthOk: false },
      why: "outside the fallback, trusted-proxy mode only trusts the proxy: a secret from a direct caller fails (method token)" },
    { id: "auth.password-ok", when: (c) => c.authMode === "password" && c.credential === "secret-ok",
      then: { ok: true, method: "password", sharedAuthOk: true }, why: "password compared in constant time" },
    { id: "auth.token-ok", when: (c) => c.credential === "secret-ok", then: { ok: true, method: "token", sharedAuthOk: true },
      why: "token compared in constant time (Tailscale-enabled gateways are token mode)" },
    { id: "auth.failed-password", when: (c) => c.authMode === "password", then: { ok: false, method: "password", sharedAuthOk: false },
      why: "a failed auth still reports the mode's method, so callers must check ok too" },
    { id: "auth.failed", when: always, then: { ok: false, method: "token", sharedAuthOk: false },
      why: "every other failure reports method token" },
  ],
};

/** resolveConnectAuthDecision: after the gate, a device may turn a failed auth into success. */
export const FINAL_AUTH: FinalAuthStage = {
  name: "final-auth",
  rules: [
    { id: "final.auth-ok", when: (i) => i.authOk, then: "auth-ok", why: "auth already succeeded; its method stands" },
    { id: "final.node-device-token-unverifiable", since: "2026.3.13", until: "2026.4.2", when: (i) => i.hasDevice && i.credential === "device-token" && i.role === "node",
      then: "unauthorized", why: "live 3.13: a node's device token never verifies (the token check wants an approved scope baseline and a node pairs with none): device token mismatch; measured live on 3.13, 3.22 and 3.28, verified on 4.2, 4.20, 6.10 and 9.6 (3.31 and 4.1 not run)" },
    { id: "final.device-token", when: (i) => i.hasDevice && i.credential === "device-token",
      then: "device-token", why: "a device token issued at pairing authenticates its device" },
    { id: "final.bootstrap-token", since: "2026.3.13", when: (i) => i.hasDevice && i.credential === "bootstrap-token",
      then: "bootstrap-token", why: "bootstrap tokens (3.13+) let a new device authenticate to pair" },
    { id: "final.unauthorized", when: always, then: "unauthorized", why: "no credential verified: close 1008 unauthorized" },
  ],
};

/** The pairing step for connects that carry a device (E1+ order: skips, then state, then silent approval). */
export const PAIRING: PairingStage = {
  name: "pairing",
  rules: [
    { id: "pairing.no-device", when: (i) => !i.hasDevice, then: "no-device", why: "pairing binds a device; without one there is nothing to pair" },
    { id: "pairing.control-ui-skip", requires: "controlUiPairing", when: (i) => i.controlUiSkip, then: "skipped", why: "shouldSkipControlUiPairing said so" },
    { id: "pairing.backend-skip", requires: "backendPairing", when: (i) => i.backendSkip, then: "skipped", why: "local backend self-connections do not pair with themselves" },
    { id: "pairing.paired", when: (i) => i.paired && i.upgrade === "none", then: "paired", why: "the device is already approved for this role and these scopes" },
    { id: "pairing.upgrade-silent-local-e0", until: "2026.2.21", when: (i) => i.upgrade !== "none" && i.isLocalClient, then: "silent",
      unmeasured: "inline in the message handler; read from the 2.9 bundle, not run",
      why: "≤2.19 inline: silent = isLocalClient whatever the reason, so a local paired device was upgraded without approval" },
    { id: "pairing.upgrade-paired-node-needs-approval", since: "2026.6.10", when: (i) => i.upgrade !== "none" && i.approvedRole === "node", then: "required",
      unmeasured: "caller glue in the message handler (read from the 6.10 bundle); no sliced function carries it",
      why: "6.10: the caller never upgrades an already-paired non-operator device silently" },
    { id: "pairing.scope-upgrade-needs-secret-auth", since: "2026.8.1", when: (i) => i.upgrade === "scopes" && !["none", "token", "password"].includes(i.method), then: "required",
      unmeasured: "shouldAllowSilentLocalPairing is sliced, but its adapter only asks about first pairings (reason not-paired)",
      why: "8.1: a silent scope upgrade needs auth method none, token or password" },
    { id: "pairing.scope-upgrade-silent", since: "2026.2.22-1", when: (i) => i.upgrade === "scopes" && i.localSilentOk, then: "silent",
      unmeasured: "the reason scope-upgrade is not passed to the sliced shouldAllowSilentLocalPairing; 2.22–2.25 inline",
      why: "scope-upgrade is a silent reason wherever a first pairing would be silent (2.26–3.31 measured by reading; 2.22–2.25 inline)" },
    { id: "pairing.role-upgrade-silent", since: "2026.4.1", when: (i) => i.upgrade === "role" && i.localSilentOk, then: "silent",
      unmeasured: "dated by the CHANGELOG (#59092, 2026.4.1); the reason role-upgrade is not passed to the sliced function",
      why: "#59092: local loopback role upgrades are silent (role-upgrade added to the silent reasons)" },
    { id: "pairing.upgrade-required", when: (i) => i.upgrade !== "none", then: "required",
      why: "any other upgrade waits for an operator (2.21 made only first pairings silent)" },
    { id: "pairing.silent", when: (i) => i.silent, then: "silent", why: "local first pairing is auto-approved" },
    { id: "pairing.required", when: always, then: "required", why: "an operator must approve the device: close 1008 pairing required" },
  ],
};

/** Before 8.1 the function's answer stands. */
export const NO_SCOPE_EXEMPTIONS: ScopeExemptionStage = {
  name: "scope-exemptions",
  rules: [
    { id: "scopes.cleared", requires: "scopes", when: (i) => i.clear, then: true, why: "shouldClearUnboundScopes said clear" },
    { id: "scopes.kept", when: always, then: false, why: "shouldClearUnboundScopes said keep" },
  ],
};
