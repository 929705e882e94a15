/**
 * Model boundaries measured on real gateways: for each, the rules whose `since`/`until` it is,
 * the cells that tell the two sides apart (a partial key, as `--cell` takes), and the published
 * releases either side — the last one before and the first one with the new behaviour. `boundaries
 * --live` runs `live:` on both and compares each with the model at that release; the unit test
 * holds every entry to the model (the rules exist and are dated there, the cells are realisable
 * and the model's verdicts differ across the boundary on them), so an entry that could show
 * nothing fails before it is ever run.
 */
export interface LiveBoundary {
  /** stable name, e.g. for `--boundary`. */
  id: string;
  /** rule ids whose `since` or `until` falls at `after`. */
  rules: readonly string[];
  /** a partial cell key selecting the cells that tell the two sides apart. */
  cells: string;
  /** the last published release before the boundary. */
  before: string;
  /** the first published release with the new behaviour (the rules' `since`/`until`). */
  after: string;
  /** what the boundary is, in a line. */
  what: string;
}

/**
 * Each pattern pins the appended fields it is not about at their defaults (upgrade, forwarding
 * headers, Host, a device token beside the secret): their live realisation is not part of what
 * these boundaries measure.
 */
export const LIVE_BOUNDARIES: readonly LiveBoundary[] = [
  {
    id: "backend-skip-covers-paired-again-8.1",
    rules: ["pairing.backend-skip-new-device", "pairing.backend-skip-again"],
    cells: "role=operator,client=backend,device=paired,upgrade=scopes,loc=local,auth=token,cred=secret-ok,origin=none,fwd=0,host=gateway,dtok=0",
    before: "2026.7.35",
    after: "2026.8.1",
    what: "8.1 decides the backend self-pairing skip before the paired branch again: a paired local backend asking for more scopes is admitted (7.35 asks it to pair)",
  },
  {
    id: "control-ui-auth-none-skip-covers-paired-8.1",
    rules: ["pairing.control-ui-skip-new-device", "pairing.control-ui-skip-again"],
    cells: "role=operator,client=control-ui,device=paired,upgrade=scopes,loc=local,auth=none,origin=loopback,insecure=0,ddda=0,fwd=0,host=gateway,dtok=0",
    before: "2026.7.35",
    after: "2026.8.1",
    what: "8.1's auth-none Control UI skip covers a paired device too: its scope upgrade is admitted (7.35 sends it through the paired branch's scope check, which asks for approval)",
  },
  {
    id: "operator-shared-auth-skip-from-2.22-1",
    rules: ["pairing.operator-shared-auth-skip"],
    // remote: a local unpaired device pairs silently either way, so only a remote one tells the skip apart
    cells: "role=operator,client=cli,device=unpaired,auth=token,cred=secret-ok,loc=remote,origin=none,upgrade=none,fwd=0,host=gateway,dtok=0",
    before: "2026.2.21",
    after: "2026.2.22-1",
    what: "2.22-1's inline skip lets a non-browser operator holding the shared secret in without pairing its new device, even from another host",
  },
  {
    id: "operator-shared-auth-skip-gone-2.25",
    rules: ["pairing.operator-shared-auth-skip"],
    cells: "role=operator,client=cli,device=unpaired,auth=token,cred=secret-ok,loc=remote,origin=none,upgrade=none,fwd=0,host=gateway,dtok=0",
    before: "2026.2.24",
    after: "2026.2.25",
    what: "2.25 drops the inline operator skip: a remote operator's new device waits for approval again",
  },
  {
    id: "origin-any-client",
    rules: ["browser-context.browser-clients-only", "browser-context.any-client", "origin-applies.any-client-inline"],
    // a node never keeps scopes, so the operator scope-clearing question (not this boundary's) stays out;
    // token only: the harness realises trusted-proxy cells through a hop that sends forwarding headers (fwd=0 or not)
    cells: "role=node,client=cli,origin=foreign,auth=token,upgrade=none,fwd=0,host=gateway,dtok=0",
    before: "2026.2.24",
    after: "2026.2.25",
    what: "2.25 checks the Origin of every client that sends one, not only the Control UI's and WebChat's",
  },
  {
    id: "silent-pairing-consults-origin",
    rules: ["silent.local-inline", "silent.local"],
    // nodes: 2.22-1–2.24 skip pairing for an operator with a verified shared secret (inline, not modelled yet; reported)
    cells: "role=node,client=cli,device=unpaired,loc=local,auth=token,cred=secret-ok,upgrade=none,fwd=0,host=gateway,dtok=0",
    before: "2026.2.24",
    after: "2026.2.25",
    what: "2.25's shouldAllowSilentLocalPairing refuses a local device whose connect carries a browser Origin (other than the Control UI's and WebChat's); 2.22-1–2.24's inline silent pairing did not look at it",
  },
  {
    id: "control-ui-insecure-not-bypass",
    // cui-pairing.bypass-and-secret: from 2.21 the sliced skip takes only dangerouslyDisableDeviceAuth as a bypass
    // (which drops the device, as inline before it), so allowInsecureAuth with the secret pairs
    rules: ["cui-policy.insecure-is-bypass", "cui-pairing.bypass-and-secret-e0", "cui-pairing.bypass-and-secret"],
    // local: 2.19's config schema refuses gateway.customBindHost, so no gateway of it binds the netns
    // address for remote peers; the change shows on local connects too. The shared secret only:
    // ≤2.21 take a device token in auth.token and refuse auth.deviceToken, which the harness sends
    cells: "client=control-ui,insecure=1,ddda=0,loc=local,auth=token,cred=secret-ok,upgrade=none,fwd=0,host=gateway,dtok=0",
    before: "2026.2.19",
    after: "2026.2.21",
    what: "#20684: 2.21 stops taking allowInsecureAuth for a device bypass (inline before it), so a Control UI without a device is refused and one with a device pairs",
  },
  {
    id: "trusted-proxy-control-ui-operator",
    rules: ["trusted-proxy.control-ui-operator"],
    cells: "role=operator,client=control-ui,auth=trusted-proxy,cred=proxy-ok,origin=loopback,ddda=0,upgrade=none,fwd=0,host=gateway,dtok=0,psock=lan",
    before: "2026.2.23",
    after: "2026.2.24",
    what: "2.24: a Control UI operator the trusted proxy vouched for passes the device gate without a device and skips pairing with one",
  },
  {
    id: "backend-self-pairing-skip-from-3.2",
    rules: ["backend-pairing.shared-secret"],
    // a device token never tells the skip apart: it verifies only for a paired device, which pairs as paired either way
    cells: "client=backend,device=unpaired,auth=token,cred=secret-ok,origin=none,insecure=0,ddda=0,upgrade=none,fwd=0,host=gateway,dtok=0",
    before: "2026.3.1",
    after: "2026.3.2",
    what: "3.2: a local gateway-client/backend with the shared secret and no Origin skips pairing its new device",
  },
  {
    id: "backend-self-pairing-skip-gone-3.28",
    rules: ["backend-pairing.shared-secret"],
    cells: "client=backend,device=unpaired,auth=token,cred=secret-ok,origin=none,insecure=0,ddda=0,upgrade=none,fwd=0,host=gateway,dtok=0",
    before: "2026.3.24",
    after: "2026.3.28",
    what: "3.28: a local backend with the shared secret pairs its new device again (silently, being local)",
  },
  {
    id: "node-device-token-unverifiable-from-3.13",
    rules: ["final.node-device-token-unverifiable"],
    cells: "role=node,client=node-host,device=paired,auth=token,cred=device-token,upgrade=none,fwd=0,host=gateway,dtok=0",
    before: "2026.3.11",
    after: "2026.3.13",
    what: "from 3.13 a paired node's device token does not verify (the token check wants an approved scope baseline, and a node pairs with none)",
  },
  {
    id: "node-device-token-verifies-from-3.31",
    rules: ["final.node-device-token-unverifiable"],
    cells: "role=node,client=node-host,device=paired,auth=token,cred=device-token,upgrade=none,fwd=0,host=gateway,dtok=0",
    // first run as 4.1/4.2 (2026-12-01): 4.1 already verified it, and so did 3.31
    before: "2026.3.28",
    after: "2026.3.31",
    what: "from 3.31 a paired node's device token verifies again",
  },
  {
    id: "host-header-match-opt-in",
    rules: ["origin-check.host-header-match", "origin-check.host-header-fallback-unnamed"],
    // remote: before 3.31 a loopback socket whose Host is not a local name is not local, so a rebound Host is only ever remote
    cells: "role=operator,client=control-ui,origin=foreign,host=origin,auth=token,cred=secret-ok,loc=remote,upgrade=none,fwd=0,dtok=0",
    before: "2026.2.22",
    after: "2026.2.23",
    what: "2.23 refuses a foreign Origin that equals the Host header (a rebound name) unless dangerouslyAllowHostHeaderOriginFallback is set",
  },
  {
    id: "proxied-origin-checked",
    rules: ["browser-context.proxied"],
    cells: "role=node,client=cli,origin=foreign,fwd=1,auth=token,cred=secret-ok,upgrade=none,host=gateway,dtok=0",
    before: "2026.3.8",
    after: "2026.3.11",
    what: "GHSA-5wcw-8jjv-m286: 3.11 checks a non-browser client's Origin also when the request carries forwarding headers",
  },
  {
    id: "scope-upgrade-never-silent",
    rules: ["pairing.scope-upgrade-never-silent", "pairing.upgrade-silent"],
    cells: "role=node,client=node-host,device=paired,upgrade=scopes,loc=local,auth=token,cred=secret-ok,origin=none,fwd=0,host=gateway,dtok=0",
    before: "2026.3.24",
    after: "2026.3.28",
    what: "3.28's caller never approves a scope upgrade silently, whatever shouldAllowSilentLocalPairing says",
  },
  {
    id: "node-upgrade-needs-approval",
    rules: ["pairing.upgrade-to-non-operator-needs-approval"],
    // a device approved as an operator asking to be a node; the other way round the gateway also sees the
    // operator's requested scopes as a scope upgrade (5.12 and 5.18 live: "asking for more scopes"), not modelled yet (reported)
    cells: "role=node,client=node-host,device=paired,upgrade=role,loc=local,auth=token,cred=secret-ok,origin=none,fwd=0,host=gateway,dtok=0",
    before: "2026.5.12",
    after: "2026.5.18",
    what: "5.18: a paired device asking for the node role waits for an operator",
  },
  {
    id: "scope-upgrade-back-to-helper",
    rules: ["pairing.scope-upgrade-never-silent", "silent.scope-upgrade-needs-secret-auth"],
    // the shared secret: a device token asking for more scopes than it was issued for is refused outright on
    // 7.35 and 8.1 (AUTH_SCOPE_MISMATCH), where the model verifies it and asks for pairing (not modelled yet; reported)
    cells: "role=operator,client=cli,device=paired,upgrade=scopes,loc=local,auth=token,cred=secret-ok,origin=none,fwd=0,host=gateway,dtok=0",
    before: "2026.7.35",
    after: "2026.8.1",
    what: "8.1 hands scope upgrades back to shouldAllowSilentLocalPairing, which wants auth method none, token or password",
  },
  {
    id: "scope-upgrade-silent-inline",
    rules: ["silent.local-e0", "silent.local-inline", "pairing.upgrade-silent"],
    cells: "role=node,client=node-host,device=paired,upgrade=scopes,loc=local,auth=token,cred=secret-ok,origin=none,fwd=0,host=gateway,dtok=0",
    before: "2026.2.21",
    after: "2026.2.22-1",
    what: "2.22-1's inline silent pairing approves a local paired device's scope upgrade silently too (2.21: first pairings only)",
  },
  {
    id: "control-ui-knobs-retired",
    rules: ["cui-policy.retired", "cui-policy.not-control-ui", "cui-policy.flags", "cui-policy.bypass-drops-device"],
    // every client: the knobs only ever applied to the Control UI, so the others must read the same on both sides
    cells: "role=operator,auth=token,cred=secret-ok,origin=loopback,upgrade=none,fwd=0,host=gateway,dtok=0",
    before: "2026.7.35",
    after: "2026.8.1",
    what: "8.1 retires allowInsecureAuth and dangerouslyDisableDeviceAuth: a device-less Control UI is refused and its device always counts",
  },
  {
    id: "upgrades-need-approval-from-2.19",
    rules: ["pairing.upgrade-silent-local-e0"],
    cells: "client=cli,device=paired,loc=local,auth=token,cred=secret-ok,origin=none,insecure=0,ddda=0,fwd=0,host=gateway,dtok=0",
    before: "2026.2.17",
    after: "2026.2.19",
    what: "2.19's inline silent pairing is for first pairings only: a local paired device asking for more scopes or the other role waits (≤2.17: silent whenever local)",
  },
  {
    id: "role-upgrade-silent-from-4.2",
    rules: ["pairing.upgrade-silent-from-4.2"],
    // a device approved as an operator asking to be a node (the other way round it also asks a scope upgrade)
    cells: "role=node,device=paired,upgrade=role,loc=local,auth=token,cred=secret-ok,origin=none,insecure=0,ddda=0,fwd=0,host=gateway,dtok=0",
    before: "2026.4.1",
    after: "2026.4.2",
    what: "4.2's caller lets shouldAllowSilentLocalPairing approve a local role upgrade silently (3.28–4.1 wait for an operator)",
  },
];
