import { z } from "zod";

/**
 * One abstract connect scenario (a "cell"). Every field is a finite choice, so the whole
 * domain can be enumerated; values are listed most-benign first, which is also the order
 * counterexamples are searched in, so the first one found is the simplest.
 */
export const ROLES = ["operator", "node"] as const;
export const CLIENTS = ["cli", "backend", "node-host", "webchat", "control-ui", "other"] as const;
export const DEVICES = ["paired", "unpaired", "none"] as const;
export const AUTH_MODES = ["token", "password", "none", "trusted-proxy", "tailscale"] as const;
export const CREDENTIALS = [
  "secret-ok",
  "secret-wrong",
  "none",
  "device-token",
  "bootstrap-token",
  "proxy-ok",
  "proxy-missing",
  "tailscale-ok",
  "tailscale-missing",
] as const;
export const LOCALITIES = ["remote", "local"] as const;
export const ORIGINS = ["none", "loopback", "foreign"] as const;
/**
 * What a paired device asks for beyond its approval: nothing, more scopes, or the other role (a
 * device approved as a node asking to be an operator, or the reverse) — upgrade pairing.
 */
export const UPGRADES = ["none", "scopes", "role"] as const;
/**
 * What the upgrade request's Host header names: the gateway itself (the address the client dialled
 * as the gateway knows it), or the page's own host, equal to the Origin's: a foreign name made to
 * resolve to the gateway (DNS rebinding), which the gateway cannot tell from its own name.
 */
export const HOST_HEADERS = ["gateway", "origin"] as const;
/**
 * The trusted proxy's own socket, on a connect it carries in trusted-proxy mode: `lan`, a proxy on
 * another host (what every key meant before the field existed); `loopback`, a same-host reverse
 * proxy listed in gateway.trustedProxies; `loopback-opted-in`, that proxy with
 * gateway.auth.trustedProxy.allowLoopback set (a knob of 4.27+, see validity.ts).
 */
export const PROXY_SOCKETS = ["lan", "loopback", "loopback-opted-in"] as const;

export const CellSchema = z.object({
  role: z.enum(ROLES),
  /** client id/mode as sent: backend = `gateway-client` in mode `backend`; control-ui = `openclaw-control-ui`. */
  client: z.enum(CLIENTS),
  /** device identity sent with the connect, and whether the gateway already paired it (for this role and scopes). */
  device: z.enum(DEVICES),
  authMode: z.enum(AUTH_MODES),
  /** what the client presented and whether it verifies in that mode. */
  credential: z.enum(CREDENTIALS),
  /** locality as the gateway observes it (what `isLocalClient` would say). */
  locality: z.enum(LOCALITIES),
  /** browser Origin header: none, a loopback origin, or a foreign site. */
  origin: z.enum(ORIGINS),
  allowInsecureAuth: z.boolean(),
  dangerouslyDisableDeviceAuth: z.boolean(),
  /** appended field: keys written before it existed omit it and mean its default, `none`. */
  upgrade: z.enum(UPGRADES).default("none"),
  /**
   * appended: the request carries forwarding headers (X-Forwarded-For, X-Real-IP), i.e. it came
   * through a proxy. What they make of locality is already `locality`; this is what other steps read.
   */
  forwarded: z.boolean().default(false),
  /** appended: the Host header, against the Origin (see HOST_HEADERS); default `gateway`. */
  hostHeader: z.enum(HOST_HEADERS).default("gateway"),
  /**
   * appended: beside the shared secret in `credential` (right or wrong), the connect also carries the
   * paired device's own token (auth.deviceToken): two credentials in one connect. Default: it does not.
   */
  withDeviceToken: z.boolean().default(false),
  /** appended: where the trusted proxy carrying the connect sits (see PROXY_SOCKETS); default `lan`. */
  proxySocket: z.enum(PROXY_SOCKETS).default("lan"),
});

export type Cell = z.infer<typeof CellSchema>;
export type Role = Cell["role"];
export type Client = Cell["client"];
export type AuthMode = Cell["authMode"];
export type Credential = Cell["credential"];

/** Field order and value lists: the single source the enumerator, keys and arbitraries share. */
export const CELL_FIELDS = [
  ["role", ROLES],
  ["client", CLIENTS],
  ["device", DEVICES],
  ["authMode", AUTH_MODES],
  ["credential", CREDENTIALS],
  ["locality", LOCALITIES],
  ["origin", ORIGINS],
  ["allowInsecureAuth", [false, true]],
  ["dangerouslyDisableDeviceAuth", [false, true]],
  // appended fields, each with its default first: a key leaves them out at the default
  ["upgrade", UPGRADES],
  ["forwarded", [false, true]],
  ["hostHeader", HOST_HEADERS],
  ["withDeviceToken", [false, true]],
  ["proxySocket", PROXY_SOCKETS],
] as const satisfies ReadonlyArray<readonly [keyof Cell, readonly unknown[]]>;

export type CellField = (typeof CELL_FIELDS)[number][0];

/**
 * Fields added after keys were first published. Every one defaults to its first value, keys omit
 * it there, and a key without it parses to the default, so every older key names the same connect.
 */
export const APPENDED_FIELDS: ReadonlySet<CellField> = new Set<CellField>(["upgrade", "forwarded", "hostHeader", "withDeviceToken", "proxySocket"]);
