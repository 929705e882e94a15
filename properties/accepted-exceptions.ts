import type { Cell } from "../src/domain/cell.ts";
import type { ExceptionRule } from "../src/engine/exceptions.ts";
import type { LocalityCell } from "../src/locality/locality-domain.ts";
import { clientListedAsTrustedProxy } from "../src/topology/client-trusted.ts";

/**
 * Cells where upstream deliberately chose to break an invariant. Each names the property, the
 * cells (a predicate), the release that introduced it (and retired it), and why. The range is
 * the measured lifetime of the upstream decision, never wider: a bug upstream later fixed is not
 * an exception, and no exception may cover a release a history row names as affected (tested in
 * test/history). `check` lists
 * every cell that passed only through one; a new exemption is added here on purpose, never by
 * editing a property.
 */
export type AcceptedException = ExceptionRule;

const controlUi = (c: Cell) => c.client === "control-ui";
const localBackendOperator = (c: Cell) => c.client === "backend" && c.role === "operator" && c.locality === "local" && c.origin === "none";

export const ACCEPTED_EXCEPTIONS: readonly AcceptedException[] = [
  { id: "control-ui-dangerously-disable-device-auth", property: "no-unauthenticated-admission", since: "2026.3.13", until: "2026.8.1",
    covers: (c) => controlUi(c) && c.dangerouslyDisableDeviceAuth && c.role === "operator",
    why: "#45512 restored the bypass for operators without a shared secret; the knob's name is the warning (retired in 8.1)" },
  { id: "control-ui-dangerously-disable-device-auth", property: "control-ui-remote-needs-device-or-proxy-auth", since: "2026.2.21", until: "2026.8.1",
    covers: (c) => controlUi(c) && c.dangerouslyDisableDeviceAuth,
    why: "the operator explicitly disabled device auth for the Control UI (retired in 8.1)" },
  { id: "local-backend-auth-none", property: "no-unauthenticated-admission", since: "2026.5.12",
    covers: (c) => localBackendOperator(c) && c.authMode === "none",
    why: "#63548: the gateway's own local backend client (cron, subagents) connects device-less even under auth none; operator only" },
  { id: "control-ui-bypass-keeps-scopes", property: "unbound-scopes-cleared", since: "2026.2.21", until: "2026.8.1",
    covers: (c) => controlUi(c) && c.dangerouslyDisableDeviceAuth,
    why: "a bypassed Control UI keeps its scopes: the operator chose the bypass" },
  { id: "control-ui-insecure-local-keeps-scopes", property: "unbound-scopes-cleared", since: "2026.3.13", until: "2026.8.1",
    covers: (c) => controlUi(c) && c.allowInsecureAuth && c.locality === "local",
    why: "a local Control UI under allowInsecureAuth keeps its scopes" },
  { id: "local-backend-keeps-scopes", property: "unbound-scopes-cleared", since: "2026.5.12",
    covers: (c) => localBackendOperator(c) && c.authMode === "none",
    why: "the gateway's own backend client keeps its scopes under auth none (5.12, measured)" },
  { id: "local-backend-shared-secret-keeps-scopes", property: "unbound-scopes-cleared", since: "2026.8.1",
    covers: (c) => localBackendOperator(c) && c.credential === "secret-ok",
    why: "from 8.1 the gateway's own backend client holding the shared secret keeps its scopes too" },
  { id: "local-cli-shared-secret-keeps-scopes", property: "unbound-scopes-cleared", since: "2026.8.1",
    covers: (c) => c.client === "cli" && c.locality === "local" && c.origin === "none" && c.credential === "secret-ok",
    why: "shouldPreserveLocalCliSharedAuthScopes: a local CLI holding the shared secret keeps its scopes" },
  { id: "control-ui-dangerously-disable-device-auth", property: "remote-unpaired-needs-approval", since: "2026.2.21", until: "2026.8.1",
    covers: (c) => controlUi(c) && c.dangerouslyDisableDeviceAuth,
    why: "the bypass ignores the device the Control UI sent, so it is admitted on the device-less path instead (retired in 8.1)" },
  { id: "control-ui-trusted-proxy-skips-pairing", property: "remote-unpaired-needs-approval", since: "2026.2.24", until: "2026.5.18",
    covers: (c) => controlUi(c) && c.role === "operator" && c.credential === "proxy-ok",
    why: "an identity-aware proxy vouches for the operator, so the Control UI device is not paired" },
  { id: "control-ui-auth-none-skips-pairing", property: "remote-unpaired-needs-approval", since: "2026.3.22",
    covers: (c) => controlUi(c) && c.role === "operator" && c.authMode === "none",
    why: "#47148: with auth none there is nothing to pair against for the Control UI operator" },
  { id: "control-ui-tailscale-device-skips-pairing", property: "remote-unpaired-needs-approval", since: "2026.4.25",
    covers: (c) => controlUi(c) && c.role === "operator" && c.credential === "tailscale-ok",
    why: "a Tailscale identity already names the user behind the Control UI device" },
  { id: "local-role-upgrade-silent", property: "paired-node-never-silently-escalates", since: "2026.8.1",
    covers: (c) => c.device === "paired" && c.upgrade === "role" && c.role === "operator" && c.locality === "local",
    why: "#59092 (CHANGELOG 2026.4.1; the published function allows role-upgrade from 4.2, measured): a local paired device's role upgrade is silent by design; a node asking to be an operator also asks a scope upgrade (its record holds no operator scopes; every bundle 2.9–9.6), which the caller never approves silently 3.28–7.35 (live 2026-12-01: 5.12 and 5.18 refuse it), so it is silent only from 8.1, where the approval plan hands scope upgrades back to the helper (auth none, token or password); 5.18's caller block stops only upgrades towards a non-operator role" },
  { id: "control-ui-knobs-retired", property: "control-ui-bypass-honoured", since: "2026.8.1",
    covers: controlUi,
    why: "8.1 retired dangerouslyDisableDeviceAuth on purpose (config migration: 'retired and ignored'); the knob grants nothing from then on" },
  { id: "real-ip-fallback-opt-in", property: ["proxied-never-local", "spoofed-headers-never-raise-locality"], since: "2026.2.21",
    coversConnection: (c) => c.realIp,
    why: "gateway.allowRealIpFallback lets a trusted proxy's X-Real-IP name the client, loopback included: the operator opted in" },
  { id: "client-listed-as-trusted-proxy", property: ["proxied-never-local", "spoofed-headers-never-raise-locality", "remote-direct-never-local"],
    coversConnection: clientListedAsTrustedProxy,
    why: "gateway.trustedProxies covers the client's own address, so by configuration it may vouch for itself" },
];
