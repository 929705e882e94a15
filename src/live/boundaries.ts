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
    rules: ["cui-policy.insecure-is-bypass", "cui-pairing.bypass-and-secret-e0"],
    // local: 2.19's config schema refuses gateway.customBindHost, so no gateway of it binds the netns
    // address for remote peers; the change shows on local connects too. The shared secret only:
    // ≤2.21 take a device token in auth.token and refuse auth.deviceToken, which the harness sends
    cells: "client=control-ui,insecure=1,ddda=0,loc=local,auth=token,cred=secret-ok,upgrade=none,fwd=0,host=gateway,dtok=0",
    before: "2026.2.19",
    after: "2026.2.21",
    what: "#20684: 2.21 stops taking allowInsecureAuth for a device bypass (inline before it), so a Control UI without a device is refused and one with a device pairs",
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
    id: "node-device-token-verifies-from-4.2",
    rules: ["final.node-device-token-unverifiable"],
    cells: "role=node,client=node-host,device=paired,auth=token,cred=device-token,upgrade=none,fwd=0,host=gateway,dtok=0",
    before: "2026.4.1",
    after: "2026.4.2",
    what: "from 4.2 a paired node's device token verifies again",
  },
];
