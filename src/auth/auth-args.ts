import { concreteRequest, HEADER, toIncomingMessage, type ConcreteRequest, type IncomingMessageLike } from "../locality/request.ts";
import type { AuthCell, Presented, Secret } from "./auth-cell.ts";

/**
 * The concrete values one auth cell stands for. Addresses come from the documentation ranges
 * (RFC 5737) and the Tailscale CGNAT range, so none of them can be an interface of the machine
 * running the check (6.10+ refuses a trusted proxy that is a local interface).
 */
export const AUTH_VALUES = {
  token: "tok-7f3a-gateway",
  password: "pw-9c1e-gateway",
  wrongToken: "tok-guess",
  wrongPassword: "pw-guess",
  /** one of the placeholders 9.6 recognises as a redacted secret. */
  redacted: "__OPENCLAW_REDACTED__",
  loopback: "127.0.0.1",
  proxy: "203.0.113.10",
  untrustedProxy: "192.0.2.44",
  remoteClient: "198.51.100.7",
  tailnetClient: "100.101.102.103",
  host: "gateway.example.com",
  tailnetHost: "gw.tailnet-1234.ts.net",
  userHeader: "x-auth-request-user",
  requiredHeader: "x-auth-request-email",
  tailscaleLogin: "alice@example.com",
  otherLogin: "mallory@example.com",
} as const;
const V = AUTH_VALUES;

export interface ConnectAuth {
  token?: string;
  password?: string;
}

export interface WhoisIdentity {
  login: string;
  name?: string;
}

/** The arguments OpenClaw's WS handshake hands authorizeGatewayConnect, release-independent. */
export interface AuthArgs {
  auth: { mode: AuthCell["mode"]; token?: string; password?: string; allowTailscale: boolean; trustedProxy?: { userHeader: string; requiredHeaders?: string[]; allowLoopback?: true } };
  /** absent when the client sends no secret, as resolveConnectAuthState passes it. */
  connectAuth?: ConnectAuth;
  request: ConcreteRequest;
  req: IncomingMessageLike;
  trustedProxies: string[];
  authSurface: AuthCell["surface"];
  /** what `tailscale whois <client address>` answers; releases receive it as a function. */
  whois: WhoisIdentity | null;
}

function configured(secret: Secret, value: string): string | undefined {
  return secret === "set" ? value : secret === "redacted" ? V.redacted : undefined;
}

function presented(p: Presented, right: string, wrong: string): string | undefined {
  return p === "right" ? right : p === "wrong" ? wrong : undefined;
}

const FORWARDED = (client: string, host: string) => ({ [HEADER.xForwardedFor]: client, [HEADER.xForwardedProto]: "https", [HEADER.xForwardedHost]: host });

/** The trusted proxy's socket address: a documentation-range host, or loopback for a same-host proxy. */
const proxyAddress = (cell: AuthCell) => (cell.proxySocket === "lan" ? V.proxy : V.loopback);

/** The request each path delivers (before identity headers are added). */
function requestFor(cell: AuthCell): ConcreteRequest {
  switch (cell.via) {
    case "direct-local":
      return concreteRequest({ socketAddress: V.loopback, host: `${V.loopback}:18789` });
    case "direct-remote":
      return concreteRequest({ socketAddress: V.remoteClient, host: V.host });
    case "trusted-proxy":
      return concreteRequest({ socketAddress: proxyAddress(cell), host: V.host, headers: FORWARDED(V.remoteClient, V.host) });
    case "trusted-proxy-funnel":
      return concreteRequest({ socketAddress: V.proxy, host: V.host, headers: { ...FORWARDED(V.remoteClient, V.host), [HEADER.tailscaleFunnelRequest]: "?1" } });
    case "untrusted-proxy":
      return concreteRequest({ socketAddress: V.untrustedProxy, host: V.host, headers: FORWARDED(V.remoteClient, V.host) });
    case "tailscale-serve":
      return concreteRequest({ socketAddress: V.loopback, host: V.tailnetHost, headers: FORWARDED(V.tailnetClient, V.tailnetHost), listener: "tailscale-serve" });
  }
}

function identityHeaders(cell: AuthCell): Record<string, string> {
  const headers: Record<string, string> = {};
  if (cell.proxyIdentity === "full" || cell.proxyIdentity === "user-only") headers[V.userHeader] = "alice";
  if (cell.proxyIdentity === "full") headers[V.requiredHeader] = V.tailscaleLogin;
  if (cell.tailscale !== "absent") {
    headers[HEADER.tailscaleUserLogin] = V.tailscaleLogin;
    headers[HEADER.tailscaleUserName] = "Alice";
  }
  return headers;
}

const WHOIS: Record<AuthCell["tailscale"], WhoisIdentity | null> = {
  absent: null,
  "whois-match": { login: V.tailscaleLogin, name: "Alice" },
  "whois-mismatch": { login: V.otherLogin, name: "Mallory" },
  "whois-none": null,
};

/** The concrete arguments of one cell. */
export function authArgs(cell: AuthCell): AuthArgs {
  const base = requestFor(cell);
  const request = { ...base, headers: { ...base.headers, ...identityHeaders(cell) } };
  const auth: AuthArgs["auth"] = { mode: cell.mode, allowTailscale: cell.allowTailscale };
  if (cell.mode === "token") {
    const token = configured(cell.secret, V.token);
    if (token !== undefined) auth.token = token;
  } else if (cell.mode === "password" || cell.mode === "trusted-proxy") {
    const password = configured(cell.secret, V.password);
    if (password !== undefined) auth.password = password;
  }
  if (cell.proxySetup !== "n/a" && cell.proxySetup !== "missing-config") {
    auth.trustedProxy = {
      userHeader: V.userHeader,
      ...(cell.proxySetup === "user-and-required" ? { requiredHeaders: [V.requiredHeader] } : {}),
      ...(cell.proxySocket === "loopback-opted-in" ? { allowLoopback: true as const } : {}),
    };
  }
  const token = presented(cell.token, V.token, V.wrongToken);
  const password = presented(cell.password, V.password, V.wrongPassword);
  const connectAuth: ConnectAuth = { ...(token ? { token } : {}), ...(password ? { password } : {}) };
  return {
    auth,
    ...(token || password ? { connectAuth } : {}),
    request,
    req: toIncomingMessage(request),
    trustedProxies: cell.proxySetup === "no-proxies" ? [] : [proxyAddress(cell)],
    authSurface: cell.surface,
    whois: WHOIS[cell.tailscale],
  };
}
