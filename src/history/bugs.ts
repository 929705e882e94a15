/**
 * OpenClaw's connect-path security bugs and lock-outs, each dated against the published npm
 * bundles, with the one clawproof check that shows it. The README table "What clawproof finds in
 * OpenClaw's history" and test/history are both generated from this list, so a row that stops
 * failing on its affected release, or starts failing on its fixed one, fails the suite.
 *
 * `introduced`/`fixed` are published releases: the first release with the bug (absent: every
 * published release before `fixed` where the scenario exists) and the first without it. The
 * release before `fixed` is where the test shows the bug; `fixed` is where it shows it gone.
 */
export interface HistoryBug {
  id: string;
  /** what went wrong, in one line. */
  title: string;
  /** where upstream documents it: advisory, CHANGELOG line, issue or PR. */
  source: string;
  /** a bug that admits too much (security) or too little (a lock-out). */
  grants: "too-much" | "too-little";
  property: string;
  /** the cells (partial key) the check is limited to, so only this bug decides it. */
  cell?: string;
  /** the concrete connections, for a ground-truth property. */
  connection?: string;
  introduced?: string;
  /** absent: the newest published release still has it (open). */
  fixed?: string;
  /** oldest release `bisect` should search from, when the same cells carry an earlier, different bug. */
  bisectFrom?: string;
  /** what decided the boundary on the releases around it (sliced function, or the model where the release keeps the logic inline). */
  measuredBy: string;
}

/** A LAN client (192.168.1.20) connecting straight to the gateway and writing a loopback Host header. */
const LAN_CLIENT_LOOPBACK_HOST = "topo=direct,origin=remote-lan-outside,trusted=none,realip=0,spoof=none,host=loopback";
/** It claims to be the Control UI with a new device, sends the gateway's own loopback page as its Origin and holds the token. */
const CONTROL_UI_WITH_TOKEN = "client=control-ui,device=unpaired,origin=loopback,auth=token,cred=secret-ok";
const MEASURED_ON_THE_REQUEST =
  "sliced resolvePairingLocality and shouldAllowSilentLocalPairing on the topology's concrete request, handed the release's sliced hasProxyHeaders glue on that request, the pairing request settled by its sliced pairing glue; the Origin check's inline call site decided by the release's sliced guard (checkBrowserOrigin itself sliced)";

export const HISTORY: readonly HistoryBug[] = [
  {
    id: "node-role-without-device",
    title: "any role holding the shared secret skipped device identity: a device-less node was admitted",
    source: "CHANGELOG 2026.2.22 \"block node-role connections when device identity metadata is missing\"",
    grants: "too-much", property: "node-never-admitted-without-identity", cell: "role=node,device=none,cred=secret-ok",
    fixed: "2026.2.22-1", measuredBy: "sliced evaluateMissingDeviceIdentity from 2.22-1; inline gate before (model)",
  },
  {
    id: "origin-check-browser-clients-only",
    title: "the Origin check ran only for Control UI and WebChat: a foreign page claiming to be the CLI passed",
    source: "cross-site WebSocket hijacking class (GHSA-5wcw-8jjv-m286's family); 2.25 checks every client sending an Origin (enforceOriginCheckForAnyClient), without proxy headers until 3.11 (the GHSA row below)",
    grants: "too-much", property: "foreign-origin-rejected", cell: "client=cli,origin=foreign,fwd=0",
    fixed: "2026.2.25", measuredBy: "sliced resolveHandshakeBrowserSecurityContext from 2.25 (flags the CLI's Origin; 2.24 has no such function) and checkBrowserOrigin (refuses it, every release); the call site's inline condition decided by the release's sliced guard (≤2.24 the Control UI and WebChat only)",
  },
  {
    id: "browser-origin-silent-pairing",
    title: "a local page (loopback Origin) claiming to be the CLI had its new device paired silently",
    source: "2.25's shouldAllowSilentLocalPairing consults the Origin; the inline silent pairing before it (silent = isLocalClient) does not",
    grants: "too-much", property: "browser-origin-no-auto-pairing", cell: "client=cli,origin=loopback,device=unpaired,loc=local",
    fixed: "2026.2.25", measuredBy: "live 2.24 and 2.25 (boundary silent-pairing-consults-origin, 2026-12-01); sliced shouldAllowSilentLocalPairing from 2.25",
  },
  {
    id: "insecure-auth-bypasses-device",
    title: "allowInsecureAuth let a remote Control UI in without a device",
    source: "#20684 (Control UI needs a secure context and a paired device even with allowInsecureAuth)",
    grants: "too-much", property: "control-ui-remote-needs-device-or-proxy-auth", cell: "client=control-ui,insecure=1,ddda=0",
    fixed: "2026.2.21", measuredBy: "sliced resolveControlUiAuthPolicy from 2.21; inline before (model)",
  },
  {
    id: "insecure-auth-skips-remote-pairing",
    title: "allowInsecureAuth with the secret skipped pairing for a remote Control UI device",
    source: "#20684 (the same bypass, on the pairing step)",
    grants: "too-much", property: "remote-unpaired-needs-approval", cell: "client=control-ui,insecure=1,ddda=0",
    fixed: "2026.2.21", measuredBy: "model: inline pairing skip before 2.21; sliced shouldSkipControlUiPairing from 2.26",
  },
  {
    id: "leftmost-xff-spoof",
    title: "behind a trusted proxy the left-most X-Forwarded-For named the client: a remote client writing 127.0.0.1 became local",
    source: "2.21 resolves the client IP right to left, skipping trusted hops",
    grants: "too-much", property: "spoofed-headers-never-raise-locality", connection: "topo=same-host-proxy,spoof=xff-loopback",
    fixed: "2026.2.21", measuredBy: "sliced resolveClientIp / isLocalDirectRequest",
  },
  {
    id: "trusted-proxy-loopback-hop",
    title: "a trusted proxy forwarding a client-written loopback hop made a remote client local",
    source: "#46800 (a loopback hop in X-Forwarded-For from a trusted proxy is ignored)",
    grants: "too-much", property: "spoofed-headers-never-raise-locality", connection: "topo=lan-proxy,spoof=xff-loopback",
    introduced: "2026.2.17", fixed: "2026.3.22", measuredBy: "sliced resolveClientIp / isLocalDirectRequest",
  },
  {
    id: "GHSA-rqpp-rjj8-7wv8",
    title: "device-less shared-token clients kept the scopes they declared",
    source: "GHSA-rqpp-rjj8-7wv8 (#44306, 2026.3.12; first published in 3.13)",
    grants: "too-much", property: "unbound-scopes-cleared", cell: "client=cli,device=none,auth=token,cred=secret-ok",
    introduced: "2026.2.26", fixed: "2026.3.13", bisectFrom: "2026.2.17",
    measuredBy: "sliced inline clearing (glue scopeClearGlue) on every handler 2.9–3.28, the sliced gate deciding the admit: 2.26 adds the secret exemption to clearUnboundScopes, 3.13 drops it; live 2026-12-01: a device-less token CLI is cleared on 2.19, 2.21, 2.24, 2.25 and kept on 2.26",
  },
  {
    id: "trusted-proxy-control-ui-keeps-scopes",
    title: "a device-less Control UI authenticated by the trusted proxy kept its declared scopes",
    source: "the trusted-proxy Control UI flag in the connect handler's inline clearing (3.22; the part of #57692 that 3.22 already shipped)",
    grants: "too-much", property: "unbound-scopes-cleared", cell: "client=control-ui,device=none,auth=trusted-proxy,cred=proxy-ok,ddda=0,insecure=0",
    introduced: "2026.2.26", fixed: "2026.3.22", measuredBy: "sliced inline clearing (glue scopeClearGlue) on every handler 2.9–3.28: 2.25 clears unless a bypass knob is set, 2.26's secret exemption counts the proxy as shared auth, 3.13 keeps any allowed Control UI's scopes, 3.22 clears by the trusted-proxy Control UI flag",
  },
  {
    id: "trusted-proxy-operator-keeps-scopes-5.12",
    title: "5.12 let a device-less Control UI operator authenticated by the trusted proxy keep its declared scopes again",
    source: "regression measured in 5.12's shouldClearUnboundScopesForMissingDeviceIdentity; 5.18 clears again",
    grants: "too-much", property: "unbound-scopes-cleared", cell: "client=control-ui,device=none,auth=trusted-proxy,cred=proxy-ok,ddda=0,insecure=0",
    introduced: "2026.5.12", fixed: "2026.5.18", bisectFrom: "2026.3.31", measuredBy: "sliced shouldClearUnboundScopes",
  },
  {
    id: "bypass-without-secret-rejected",
    title: "dangerouslyDisableDeviceAuth on an auth-none gateway still demanded a device from the Control UI",
    source: "#35944 (fixed on main 2026-03-13, #45512)",
    grants: "too-little", property: "control-ui-bypass-honoured", cell: "auth=none",
    introduced: "2026.2.19", fixed: "2026.3.13", measuredBy: "sliced evaluateMissingDeviceIdentity (2.22-1 on)",
  },
  {
    id: "trusted-proxy-operator-needs-device",
    title: "an operator the trusted proxy vouched for was not counted as shared auth and needed a device",
    source: "resolveConnectAuthState from 2.23 counts a trusted-proxy identity as shared auth",
    grants: "too-little", property: "trusted-proxy-operator-admitted",
    introduced: "2026.2.17", fixed: "2026.2.23", measuredBy: "sliced resolveConnectAuthState (auth layer)",
  },
  {
    id: "trusted-proxy-local-password",
    title: "in trusted-proxy mode the owner's local CLI could not use the gateway password",
    source: "#17761 (CHANGELOG 2026.4.27: local direct callers may use the configured password)",
    grants: "too-little", property: "local-cli-with-secret-admitted", cell: "auth=trusted-proxy",
    introduced: "2026.2.17", fixed: "2026.4.27", measuredBy: "sliced authorizeGatewayConnect (auth layer)",
  },
  {
    id: "trusted-proxy-local-password-5.12",
    title: "5.12 dropped the trusted-proxy local password fallback again",
    source: "regression measured in 5.12's authorizeGatewayConnect; back in 5.18",
    grants: "too-little", property: "local-cli-with-secret-admitted", cell: "auth=trusted-proxy",
    introduced: "2026.5.12", fixed: "2026.5.18", bisectFrom: "2026.4.27", measuredBy: "sliced authorizeGatewayConnect (auth layer)",
  },
  {
    id: "local-backend-auth-none-locked-out",
    title: "on an auth-none gateway its own backend client (cron, subagents, RPC probe) got 'device identity required'",
    source: "#67703; fixed by #63548's local backend exemption (CHANGELOG 2026.4.25, compiled in 5.12)",
    grants: "too-little", property: "local-backend-admitted",
    introduced: "2026.2.19", fixed: "2026.5.12", measuredBy: "sliced evaluateMissingDeviceIdentity and shouldSkipLocalBackendSelfPairing",
  },
  {
    id: "browser-ui-silent-pairing-refused",
    title: "5.18–5.20 refused silent pairing to the Control UI and WebChat on the gateway host",
    source: "regression measured in shouldAllowSilentLocalPairing; 5.22 relaxes it again",
    grants: "too-little", property: "local-browser-ui-pairs-silently",
    introduced: "2026.5.18", fixed: "2026.5.22", measuredBy: "sliced shouldAllowSilentLocalPairing",
  },
  {
    id: "local-upgrade-silent-e0",
    title: "a paired node on the gateway host was upgraded to operator without approval (silent = local, whatever the reason)",
    source: "2.19 makes only first pairings silent (inline in the message handler's requirePairing)",
    grants: "too-much", property: "paired-node-never-silently-escalates", cell: "upgrade=role,role=operator",
    fixed: "2026.2.19", measuredBy: "sliced glue (requirePairing's silent): 2.9–2.17 isLocalClient whatever the reason, 2.19 first pairings only",
  },
  {
    id: "paired-node-silent-scope-upgrade",
    title: "a paired node on the gateway host was granted more scopes without approval",
    source: "scope-upgrade a silent reason from 2.22 (2.25 helper); from 3.28 the caller never approves a scope upgrade silently (and from 5.18 none of a paired node's upgrades)",
    grants: "too-much", property: "paired-node-never-silently-escalates", cell: "upgrade=scopes,role=node",
    introduced: "2026.2.22-1", fixed: "2026.3.28", bisectFrom: "2026.2.21",
    measuredBy: "sliced glue (requirePairing's silent) on every release: 2.21 first pairings only, 2.22-1–2.24 inline scope upgrades silent when local, 2.25–3.24 the sliced shouldAllowSilentLocalPairing's answer (reason scope-upgrade), 3.28 never for a scope upgrade",
  },
  {
    id: "GHSA-5wcw-8jjv-m286",
    title: "a foreign page reaching the gateway through a proxy (forwarding headers present) skipped the Origin check by claiming a client id other than the Control UI or WebChat (before 2.25 such ids were never checked: row 2)",
    source: "GHSA-5wcw-8jjv-m286 (2026.3.11: cross-site WebSocket hijacking in trusted-proxy mode; 2.25–3.8 enforce other clients' Origin only without proxy headers)",
    grants: "too-much", property: "foreign-origin-rejected", cell: "client=cli,origin=foreign,fwd=1",
    fixed: "2026.3.11", measuredBy: "sliced resolveHandshakeBrowserSecurityContext 3.8 (no any-client flag with proxy headers) → 3.11 (flag whatever the headers) and checkBrowserOrigin; the call site's inline condition decided by the release's sliced guard",
  },
  {
    id: "host-header-origin-match",
    title: "a foreign page whose Origin matched the Host header passed the Control UI's Origin check (DNS rebinding: a foreign name resolved to the gateway)",
    source: "checkBrowserOrigin ≤2.22-1 accepts an Origin host equal to the Host header; from 2.23 only with gateway.controlUi.dangerouslyAllowHostHeaderOriginFallback",
    grants: "too-much", property: "foreign-origin-rejected", cell: "client=control-ui,origin=foreign,host=origin",
    fixed: "2026.2.23", measuredBy: "sliced checkBrowserOrigin 2.22-1 (an Origin equal to the Host header passes) → 2.23 (only with dangerouslyAllowHostHeaderOriginFallback); the Control UI's Origin is checked at an inline call site before 9.2 (the release's sliced guard decides it)",
  },
  {
    id: "lan-browser-container-silent-pairing",
    title: "a LAN client claiming the Control UI, writing a loopback Host and the gateway's own loopback Origin and holding the shared token, was classed browser_container_local and its new device paired silently",
    source: "resolvePairingLocality's browser-container rule (4.7) takes any private socket (RFC 1918, CGNAT/tailnet, link-local, ULA) for a container bridge and trusts the Host and Origin the client writes; a non-loopback bind seeds the loopback origins into gateway.controlUi.allowedOrigins; 5.18 stopped pairing browser-origin connects silently",
    grants: "too-much", property: "remote-origin-never-silently-paired", connection: LAN_CLIENT_LOOPBACK_HOST, cell: CONTROL_UI_WITH_TOKEN,
    introduced: "2026.4.7", fixed: "2026.5.18", measuredBy: MEASURED_ON_THE_REQUEST,
  },
  {
    id: "lan-browser-container-silent-pairing-again",
    title: "the same LAN client is paired silently again once 5.22 lets browser-origin connects pair silently (still in the newest release)",
    source: "5.22 relaxed shouldAllowSilentLocalPairing for the Control UI and WebChat (row 16's fix) while resolvePairingLocality still takes any private socket for a browser container",
    grants: "too-much", property: "remote-origin-never-silently-paired", connection: LAN_CLIENT_LOOPBACK_HOST, cell: CONTROL_UI_WITH_TOKEN,
    introduced: "2026.5.22", measuredBy: MEASURED_ON_THE_REQUEST,
  },
  {
    id: "loopback-trusted-proxy-refused",
    title: "a same-host trusted proxy (nginx or Caddy with an auth service on the gateway host, listed in gateway.trustedProxies) was refused with trusted_proxy_loopback_source, and no setting could allow it",
    source: "#59167 (regression from #54536's blanket loopback-source refusal, 3.31); #73266 adds the opt-in gateway.auth.trustedProxy.allowLoopback (first in the 4.27 bundle; the default refusal stays, by design)",
    grants: "too-little", property: "configured-loopback-proxy-honoured",
    introduced: "2026.3.31", fixed: "2026.4.27",
    measuredBy: "sliced authorizeGatewayConnect and resolveConnectAuthState (auth layer, psock cells; 3.28/3.31, 4.26/4.27); the opt-in's first release read from every bundle's config schema",
  },
  {
    id: "device-less-scopes-never-cleared",
    title: "before 2.17 nothing cleared a device-less client's declared scopes: a CLI holding the token kept what it asked for",
    source: "the connect handlers of 2.9 and 2.12 have no clearing; 2.17's empties a device-less client's scopes unless a Control UI bypass knob is set (sliced from both)",
    grants: "too-much", property: "unbound-scopes-cleared", cell: "client=cli,device=none,auth=token,cred=secret-ok",
    fixed: "2026.2.17", measuredBy: "sliced inline clearing (glue scopeClearGlue): the slicer proves 2.9's and 2.12's handlers never write scopes, 2.17's empties them unless a bypass knob is set; the sliced gate decides the admit",
  },
  {
    id: "operator-shared-auth-skips-pairing",
    title: "an operator other than the Control UI or WebChat holding the shared secret skipped pairing: a remote client's new device was admitted unpaired, keeping its declared scopes",
    source: "the connect handler's inline skipPairingForOperatorSharedAuth (bundles 2.22-1–2.24; absent in 2.21, gone in 2.25); live 2026-12-01 on 2.24: the device is not paired, the connect admitted",
    grants: "too-much", property: "remote-unpaired-needs-approval", cell: "role=operator,client=cli,device=unpaired,auth=token,cred=secret-ok,loc=remote",
    introduced: "2026.2.22-1", fixed: "2026.2.25", measuredBy: "model: the skip is inline (read in every bundle 2.21–2.25; live on 2.24), the pairing request's silent by the sliced glue",
  },
  {
    id: "trusted-proxy-operator-keeps-scopes",
    title: "a device-less operator authenticated by the trusted proxy that is not the Control UI kept its declared scopes",
    source: "#57692 (3.31: shouldClearUnboundScopesForMissingDeviceIdentity clears by the trusted-proxy auth method, not only the Control UI flag)",
    grants: "too-much", property: "unbound-scopes-cleared", cell: "client=cli,device=none,auth=trusted-proxy,cred=proxy-ok",
    introduced: "2026.3.22", fixed: "2026.3.31", bisectFrom: "2026.3.13",
    measuredBy: "sliced inline clearing (glue scopeClearGlue) on 3.13–3.28: 3.13 clears everything but an allowed Control UI, 3.22–3.28 clear only by a secret or the Control UI flag; sliced shouldClearUnboundScopes from 3.31 (2.26–3.11 keep it too, by the secret exemption: before bisectFrom)",
  },
  {
    id: "bypass-session-scopes-cleared",
    title: "a Control UI let in by dangerouslyDisableDeviceAuth while holding the shared secret lost every scope it asked for",
    source: "regression measured in 3.22's inline scope clearing (it clears on token or password auth before looking at the bypass); 3.23-1 keeps a bypass session's scopes again",
    grants: "too-little", property: "bypass-session-keeps-scopes", cell: "client=control-ui,device=none,ddda=1,cred=secret-ok",
    introduced: "2026.3.22", fixed: "2026.3.23-1",
    measuredBy: "sliced inline clearing (glue scopeClearGlue) on 3.13–3.28 (3.22 clears by the secret first; 3.23-1 tests the bypass first); sliced resolveControlUiAuthPolicy for the bypass",
  },
];
