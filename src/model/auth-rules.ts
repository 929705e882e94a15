import type { Cell } from "../domain/cell.ts";
import { always } from "./rule.ts";
import type { AuthStage, FinalAuthStage } from "./stage-types.ts";

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
    { id: "auth.proxy-loopback-source", since: "2026.3.31", when: (c) => c.credential === "proxy-ok" && c.proxySocket === "loopback",
      then: { ok: false, method: "token", sharedAuthOk: false },
      why: "3.31+ refuses a trusted proxy whose socket is loopback (trusted_proxy_loopback_source, #54536): any local process could speak for a same-host proxy; measured 3.28/3.31 on authorizeGatewayConnect" },
    { id: "auth.proxy-loopback-opt-in-unread", since: "2026.3.31", until: "2026.4.27", when: (c) => c.credential === "proxy-ok" && c.proxySocket === "loopback-opted-in",
      then: { ok: false, method: "token", sharedAuthOk: false },
      unreachable: "no connect: allowLoopback is not in the config schema before 4.27 (validity.ts dates it); kept so a key decided there answers as the release's own authorizeGatewayConnect does (it ignores the flag, measured 4.26)",
      why: "before 4.27 allowLoopback is not read: an opted-in same-host proxy is refused all the same" },
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
    { id: "final.bootstrap-token-over-auth", since: "2026.4.2", when: (i) => i.authOk && i.hasDevice && i.credential === "bootstrap-token", then: "bootstrap-token",
      why: "from 4.2 resolveConnectAuthDecision verifies a bootstrap token even when auth already succeeded (mode none), and a valid one becomes the method (measured on every cached release: 4.1 skips it once auth is ok, 4.2 on do not)" },
    { id: "final.auth-ok", when: (i) => i.authOk, then: "auth-ok", why: "auth already succeeded; its method stands" },
    { id: "final.bootstrap-token", since: "2026.3.13", when: (i) => i.hasDevice && i.credential === "bootstrap-token",
      then: "bootstrap-token", why: "bootstrap tokens (3.13+) let a new device authenticate to pair; tried before a device token sent beside it (measured in resolveConnectAuthDecision on every cached release 3.13–9.6; 3.11 has no bootstrap path)" },
    { id: "final.device-token-beyond-approval", when: (i) => i.hasDevice && i.deviceToken && i.upgrade !== "none", then: "unauthorized",
      why: "a device token is issued per role with the approved scopes, and verifyDeviceToken looks up the requested role's token and wants the requested scopes within its own (read in every bundle 2.9–9.6): asking for the other role or more scopes with it fails (live 2026-12-01: 3.24 device token mismatch, 7.35 and 8.1 AUTH_SCOPE_MISMATCH)" },
    { id: "final.node-device-token-unverifiable", since: "2026.3.13", until: "2026.3.31", when: (i) => i.hasDevice && i.deviceToken && i.role === "node",
      then: "unauthorized", why: "live 3.13: a node's device token never verifies (the token check wants an approved scope baseline and a node pairs with none): device token mismatch; measured live on 3.11 (verifies), 3.13, 3.22 and 3.28 (refused), and 3.31, 4.1, 4.2, 4.20, 6.10 and 9.6 (verifies)" },
    { id: "final.device-token", when: (i) => i.hasDevice && i.deviceToken,
      then: "device-token", why: "a device token issued at pairing authenticates its device; it is read only when the shared secret (if any was sent beside it) failed, so a wrong secret neither helps nor spoils it (measured in resolveConnectAuthDecision, 2.22 on; ≤2.21 inline, the token field)" },
    { id: "final.unauthorized", when: always, then: "unauthorized", why: "no credential verified: close 1008 unauthorized" },
  ],
};
