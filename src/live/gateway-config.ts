import type { GatewayConfig } from "./gateway.ts";
import type { Netns } from "./netns.ts";
import type { LiveProfile } from "./profile.ts";
import { gatewayId, type GatewayKey } from "./realise.ts";
import { PROXY_USER_HEADER, SECRET } from "./request.ts";

/**
 * The config of one gateway: the cell fields that are configuration (auth mode, Control UI knobs,
 * a trusted proxy, a custom bind on the netns host address) and an explicit origin allowlist.
 */
export function gatewayConfig(key: GatewayKey, port: number, netns: Netns | undefined, profile: LiveProfile): GatewayConfig {
  const host = key.bind === "custom" ? netns!.hostAddress : undefined;
  // the netns peer is not exempt from the auth rate limiter, and a run makes thousands of attempts
  const auth: Record<string, unknown> = { rateLimit: { maxAttempts: 1_000_000, windowMs: 60_000, lockoutMs: 1 } };
  const trustedProxies: string[] = [];
  switch (key.authMode) {
    case "token": Object.assign(auth, { mode: "token", token: SECRET.token }); break;
    case "tailscale": Object.assign(auth, { mode: "token", token: SECRET.token, allowTailscale: true }); break;
    case "password": Object.assign(auth, { mode: "password", password: SECRET.password }); break;
    case "none": Object.assign(auth, { mode: "none" }); break;
    case "trusted-proxy":
      // the password is the local fallback for callers that bypass the proxy (#17761)
      Object.assign(auth, { mode: "trusted-proxy", password: SECRET.password, trustedProxy: { userHeader: PROXY_USER_HEADER, ...(key.proxyAllowLoopback ? { allowLoopback: true } : {}) } });
      // a documentation address when no netns exists: named in config, never contacted
      trustedProxies.push(key.loopbackProxy ? "127.0.0.1" : (netns?.peerAddress ?? "192.0.2.1"));
      break;
  }
  // another mode's forwarded cells: their hop is a trusted proxy, so the gateway attributes its X-Forwarded-For
  if (key.forwardedBy) trustedProxies.push(key.forwardedBy === "loopback" ? "127.0.0.1" : (netns?.peerAddress ?? "192.0.2.1"));
  const controlUi = {
    allowInsecureAuth: key.allowInsecureAuth,
    dangerouslyDisableDeviceAuth: key.dangerouslyDisableDeviceAuth,
    allowedOrigins: [`http://127.0.0.1:${port}`, `http://localhost:${port}`],
  };
  return {
    id: gatewayId(key),
    // from 8.1 a gateway refreshes its model catalog from catalog.openclaw.ai (seen in 9.6's log): off, loopback only
    ...(profile.modelCatalogRefreshKnob ? { settings: { models: { catalogRefresh: { enabled: false } } } } : {}),
    gateway: { auth, controlUi, ...(trustedProxies.length ? { trustedProxies } : {}), ...(host ? { bind: "custom", customBindHost: host } : {}) },
  };
}

/** How the report names the allowlist every gateway above is given. */
export const ORIGIN_ALLOWLIST =
  "the gateway's own loopback origins (http://127.0.0.1:<port>, http://localhost:<port>); `foreign` is https://foreign.invalid, not in it";
