/**
 * The abstract domain of gateway auth (authorizeGatewayConnect): how the gateway is configured,
 * what the client presents and what the request looks like. Every field is a small enum, so the
 * whole domain can be enumerated and each cell run through a model and a release alike. The
 * concrete arguments a cell stands for are built in auth-args.ts.
 */
import { PROXY_SOCKETS } from "../domain/cell.ts";
import { keyCodec } from "../domain/key-codec.ts";

/** `gateway.auth.mode`. */
export const AUTH_MODES = ["none", "token", "password", "trusted-proxy"] as const;
/**
 * The mode's own secret (`auth.token` in token mode, `auth.password` in password mode, and in
 * trusted-proxy mode the password 6.10+ accepts from local direct callers): set, not set, or a
 * redaction placeholder written back into the config (9.6 refuses those).
 */
export const SECRETS = ["set", "unset", "redacted"] as const;
/**
 * Trusted-proxy setup: the two config errors one at a time, then the user header alone or with a
 * required header. Outside trusted-proxy mode it is `n/a`.
 */
export const PROXY_SETUPS = ["n/a", "missing-config", "no-proxies", "user-header", "user-and-required"] as const;
/** What the client sends in connect.auth for one secret: the configured value, another one, nothing. */
export const PRESENTED = ["right", "wrong", "absent"] as const;
/**
 * The path the request took to the gateway's socket:
 * - direct-local: loopback socket, no forwarding headers (the only local path);
 * - direct-remote: a remote client straight on the socket;
 * - trusted-proxy / untrusted-proxy: a reverse proxy whose address is / is not in gateway.trustedProxies;
 * - trusted-proxy-funnel: a trusted proxy that marks the request as coming through Tailscale Funnel;
 * - tailscale-serve: Tailscale serve's loopback proxy (on the listener the gateway runs for it).
 */
export const VIAS = ["direct-local", "direct-remote", "trusted-proxy", "trusted-proxy-funnel", "untrusted-proxy", "tailscale-serve"] as const;
/** Identity headers a trusted proxy adds: user and required header, user header only, none. */
export const PROXY_IDENTITIES = ["n/a", "full", "user-only", "none"] as const;
/** Tailscale identity headers, and what a whois lookup of the client address says about them. */
export const TAILSCALE = ["absent", "whois-match", "whois-mismatch", "whois-none"] as const;
/** authSurface: the WebSocket connect uses "ws-control-ui" (the only surface taking Tailscale headers); HTTP routes "http". */
export const SURFACES = ["ws-control-ui", "http"] as const;
/**
 * Appended: the trusted proxy's own socket address, on the trusted-proxy path — the connect cell's
 * own list (`lan` the default: a proxy on another host). 3.31+ refuses a loopback proxy unless
 * opted in; the auth domain keeps the opt-in on every release, as the function is handed it.
 */
export { PROXY_SOCKETS };

export type AuthMode = (typeof AUTH_MODES)[number];
export type Secret = (typeof SECRETS)[number];
export type ProxySetup = (typeof PROXY_SETUPS)[number];
export type Presented = (typeof PRESENTED)[number];
export type Via = (typeof VIAS)[number];
export type ProxyIdentity = (typeof PROXY_IDENTITIES)[number];
export type Tailscale = (typeof TAILSCALE)[number];
export type Surface = (typeof SURFACES)[number];
export type ProxySocket = (typeof PROXY_SOCKETS)[number];

export interface AuthCell {
  mode: AuthMode;
  secret: Secret;
  allowTailscale: boolean;
  proxySetup: ProxySetup;
  token: Presented;
  password: Presented;
  via: Via;
  proxyIdentity: ProxyIdentity;
  tailscale: Tailscale;
  surface: Surface;
  proxySocket: ProxySocket;
}

/** Field order of keys and enumeration; short names keep keys readable in reports. */
export const AUTH_FIELDS = [
  ["mode", "mode", AUTH_MODES],
  ["secret", "secret", SECRETS],
  ["allowTailscale", "ts", [false, true]],
  ["proxySetup", "proxy", PROXY_SETUPS],
  ["token", "token", PRESENTED],
  ["password", "pw", PRESENTED],
  ["via", "via", VIAS],
  ["proxyIdentity", "id", PROXY_IDENTITIES],
  ["tailscale", "tsid", TAILSCALE],
  ["surface", "surface", SURFACES],
  // appended, default first: a key leaves it out at `lan`, so every older key names the same cell
  ["proxySocket", "psock", PROXY_SOCKETS],
] as const satisfies readonly (readonly [keyof AuthCell, string, readonly unknown[]])[];

export interface AuthExclusion {
  id: string;
  why: string;
  excludes(cell: AuthCell): boolean;
}

const proxyMode = (c: AuthCell) => c.mode === "trusted-proxy";

/** Combinations left out, each with its reason; everything else is a cell. */
export const AUTH_EXCLUSIONS: readonly AuthExclusion[] = [
  { id: "proxy-fields-in-proxy-mode", why: "the trusted-proxy setup and identity headers exist only in trusted-proxy mode (n/a elsewhere, never n/a there)",
    excludes: (c) => (c.proxySetup === "n/a") === proxyMode(c) || (c.proxyIdentity === "n/a") === proxyMode(c) },
  { id: "none-has-no-secret", why: "mode none has no secret to configure", excludes: (c) => c.mode === "none" && c.secret !== "unset" },
  { id: "trusted-proxy-without-tailscale", why: "allowTailscale is a shared-secret-mode setting; in trusted-proxy mode it stays off to keep the product small",
    excludes: (c) => proxyMode(c) && c.allowTailscale },
  { id: "trusted-proxy-needs-the-list", why: "with gateway.trustedProxies empty no socket is a trusted proxy, so the trusted-proxy paths cannot occur",
    excludes: (c) => c.proxySetup === "no-proxies" && (c.via === "trusted-proxy" || c.via === "trusted-proxy-funnel") },
  { id: "proxy-socket-on-the-proxy-path", why: "the proxy's socket class matters only where a trusted proxy carries the request in trusted-proxy mode; to keep the growth small a same-host proxy is walked on the WebSocket surface with no token sent (neither is read on that path) and never marks Funnel",
    excludes: (c) => c.proxySocket !== "lan" && !(proxyMode(c) && c.via === "trusted-proxy" && c.surface === "ws-control-ui" && c.token === "absent") },
];

export function isValidAuthCell(cell: AuthCell): boolean {
  return AUTH_EXCLUSIONS.every((rule) => !rule.excludes(cell));
}

const codec = keyCodec<AuthCell>("auth cell", AUTH_FIELDS.map(([name, short, values]) => [name, short, values] as const));

const APPENDED_DEFAULT = ",psock=lan";

/** A stable, shell-safe key, e.g. `mode=token,secret=set,ts=0,proxy=n/a,token=wrong,…` (psock omitted at lan). */
export const authCellKey = (cell: AuthCell): string => {
  const key = codec.key(cell);
  return key.endsWith(APPENDED_DEFAULT) ? key.slice(0, -APPENDED_DEFAULT.length) : key;
};

export function parseAuthCellKey(key: string): AuthCell {
  const named = key.split(",").some((part) => part.trim().startsWith("psock="));
  const cell = codec.parse(named ? key : key + APPENDED_DEFAULT);
  if (!isValidAuthCell(cell)) throw new Error(`auth cell key ${key}: excluded by ${exclusionOf(cell)!.id}`);
  return cell;
}

export function exclusionOf(cell: AuthCell): AuthExclusion | undefined {
  return AUTH_EXCLUSIONS.find((rule) => rule.excludes(cell));
}

let cached: readonly AuthCell[] | undefined;

/** Every valid auth cell once, in AUTH_FIELDS order (the product walked as a mixed-radix number). */
export function allAuthCells(): readonly AuthCell[] {
  if (cached) return cached;
  let partial: Record<string, unknown>[] = [{}];
  for (const [name, , values] of AUTH_FIELDS) partial = partial.flatMap((c) => values.map((v) => ({ ...c, [name]: v })));
  cached = Object.freeze((partial as unknown as AuthCell[]).filter(isValidAuthCell).map((c) => Object.freeze(c)));
  return cached;
}

/** Whether the client sends any shared secret (the handshake's `hasSharedAuth`). */
export const presentsSecret = (c: AuthCell) => c.token !== "absent" || c.password !== "absent";
