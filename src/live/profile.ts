/**
 * What differs between releases in how a cell is realised against a live gateway. Each entry is
 * measured on a real gateway (see the README's "Live gateways"); releases between the measured
 * ones take the conservative choice.
 */
import { compareVersions } from "../domain/versions.ts";

export interface LiveProfile {
  /** a `bind: custom` gateway also listens on loopback (measured on 9.6; 3.13 listens on the custom host only). */
  customBindAlsoLoopback: boolean;
  /**
   * a trusted loopback proxy forwarding a loopback client makes it local (2.22–3.13 locality;
   * fixed in 3.22), so trusted-proxy local cells can be realised as that hop.
   */
  loopbackHopIsLocal: boolean;
  /**
   * proxy-shaped traffic the gateway cannot attribute is refused at upgrade (HTTP 403, from 8.1):
   * a direct caller from the netns peer, which is the trusted proxy, cannot bypass it.
   */
  refusesUnattributedProxyTraffic: boolean;
  /** `models.catalogRefresh.enabled` exists (read from the 8.1 and later bundles; older schemas would refuse the key). */
  modelCatalogRefreshKnob: boolean;
  /** a running gateway applies a change of `gateway.auth.allowTailscale` without restarting (read from 9.6; see run.ts). */
  hotReloadsAllowTailscale: boolean;
  /**
   * the gateway removes the retired `gateway.controlUi.allowInsecureAuth` from its config file at
   * start and reads it nowhere (9.6: the key appears only in its list of retired config paths),
   * so cells with and without it can share one gateway given it (checked on the file each start).
   */
  stripsRetiredAllowInsecureAuth: boolean;
  /**
   * a loopback socket is local only with a local Host name (isLocalishHost in isLocalDirectRequest,
   * read from 3.13; from 3.31 locality reads the socket and the proxy headers only, L2/L3), so a
   * Host naming a foreign page makes a loopback connect remote.
   */
  localityReadsHost: boolean;
  /** protocol range the client offers; the gateway picks within it. */
  protocol: { min: number; max: number };
  /**
   * the device proof the release verifies. Read from the bundles' buildDeviceAuthPayload and its
   * call site, and measured live (2.24 and 2.25 refused a v3 proof as "device signature invalid"):
   * ≤2.25 verify only the v2 payload (…|token|nonce), 2.26+ v3 first (adds platform and device
   * family); ≤2.21 sign only `auth.token` (2.22-1 adds the device token as the signed token).
   */
  deviceProof: { payload: "v2" | "v3"; signsDeviceToken: boolean };
  /**
   * the config schema takes `gateway.customBindHost` (measured live: 2.19 refuses to start with
   * "Unrecognized key: customBindHost", 2.21 binds it), so a gateway can bind the netns address.
   */
  bindsCustomHost: boolean;
}

export function liveProfile(version: string): LiveProfile {
  const at = (v: string) => compareVersions(version, v) >= 0;
  return {
    customBindAlsoLoopback: at("2026.9.6"),
    loopbackHopIsLocal: !at("2026.3.22"),
    refusesUnattributedProxyTraffic: at("2026.8.1"),
    modelCatalogRefreshKnob: at("2026.8.1"),
    hotReloadsAllowTailscale: at("2026.9.6"),
    stripsRetiredAllowInsecureAuth: at("2026.9.6"),
    localityReadsHost: !at("2026.3.31"),
    // protocol 4 is measured on 6.10 and 9.6, 3 on 3.13 and 3.22; a gateway picks within the offered range
    protocol: { min: 3, max: at("2026.3.23") ? 4 : 3 },
    deviceProof: { payload: at("2026.2.26") ? "v3" : "v2", signsDeviceToken: at("2026.2.22-1") },
    bindsCustomHost: at("2026.2.21"),
  };
}
