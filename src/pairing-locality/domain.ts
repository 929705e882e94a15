import { finiteDomain, named, type FiniteDomain } from "../differential/domain.ts";

/**
 * The abstract domain of OpenClaw's `resolvePairingLocality`: every input it reads, each a small
 * enum, so the whole domain (8640 cells) is enumerated and run through the model and a release.
 * The fields are the union of what the sliced function reads in every release that has it
 * (4.5–9.6); `hasBrowserOriginHeader` and `requestOrigin` both come from the one Origin field,
 * because the handshake derives both from the same header.
 */

/**
 * `connectParams.client` as sent: `cli`/`cli`, the Control UI in webchat mode, the node host, the
 * gateway's own backend client, and a native app UI standing for every other client.
 */
export const PL_CLIENTS = ["cli", "control-ui-webchat", "node-host", "backend", "other"] as const;
/** `authMethod` as the handshake passes it (the method of the full auth, see notes §3.10). */
export const PL_AUTH_METHODS = ["none", "token", "password", "device-token", "trusted-proxy", "tailscale"] as const;
/** Origin header: absent, a loopback page, a foreign site. */
export const PL_ORIGINS = ["none", "loopback", "foreign"] as const;
/** The socket's peer address. */
export const PL_SOCKETS = ["loopback", "private", "public"] as const;
/** The Host header's host part, or no Host header at all. */
export const PL_HOSTS = ["loopback", "private", "public", "absent"] as const;

export const PAIRING_LOCALITY_KINDS = ["direct_local", "browser_container_local", "cli_container_local", "shared_secret_loopback_local", "remote"] as const;
export type PairingLocalityKind = (typeof PAIRING_LOCALITY_KINDS)[number];

export interface PairingLocalityCell {
  isLocalClient: boolean;
  client: (typeof PL_CLIENTS)[number];
  sharedAuthOk: boolean;
  authMethod: (typeof PL_AUTH_METHODS)[number];
  /** Forwarded / X-Forwarded-For / X-Real-IP present on the upgrade request. */
  hasProxyHeaders: boolean;
  origin: (typeof PL_ORIGINS)[number];
  socket: (typeof PL_SOCKETS)[number];
  host: (typeof PL_HOSTS)[number];
}

/** Field order, values listed most-benign first: the enumerator and the cell keys share it. */
export const PAIRING_LOCALITY_DOMAIN: FiniteDomain<PairingLocalityCell> = finiteDomain("pairing locality cell", named([
  ["isLocalClient", [true, false]],
  ["client", PL_CLIENTS],
  ["sharedAuthOk", [true, false]],
  ["authMethod", PL_AUTH_METHODS],
  ["hasProxyHeaders", [false, true]],
  ["origin", PL_ORIGINS],
  ["socket", PL_SOCKETS],
  ["host", PL_HOSTS],
]));

/** Every cell of the domain, in a fixed order (so cached results and examples are stable). */
export const allPairingLocalityCells = (): PairingLocalityCell[] => PAIRING_LOCALITY_DOMAIN.enumerate();
export const pairingLocalityCellKey = (c: PairingLocalityCell): string => PAIRING_LOCALITY_DOMAIN.key(c);

/**
 * Concrete spellings per class. The private socket is Docker's bridge gateway (how a container
 * sees the host, the notes' `remote` example); the private Host is a LAN address; public ones
 * are globally routable (no TEST-NET block, which the IP library files under "reserved").
 */
const CLIENT_INFO: Record<PairingLocalityCell["client"], { id: string; mode: string; role: string }> = {
  cli: { id: "cli", mode: "cli", role: "operator" },
  "control-ui-webchat": { id: "openclaw-control-ui", mode: "webchat", role: "operator" },
  "node-host": { id: "node-host", mode: "node", role: "node" },
  backend: { id: "gateway-client", mode: "backend", role: "operator" },
  other: { id: "openclaw-macos", mode: "ui", role: "operator" },
};
const SOCKET_ADDRESS: Record<PairingLocalityCell["socket"], string> = { loopback: "127.0.0.1", private: "172.17.0.1", public: "34.117.59.81" };
const HOST_HEADER: Record<PairingLocalityCell["host"], string | undefined> = {
  loopback: "127.0.0.1:18789", private: "192.168.1.20:18789", public: "34.117.59.82:18789", absent: undefined,
};
const ORIGIN_HEADER: Record<PairingLocalityCell["origin"], string | undefined> = {
  none: undefined, loopback: "http://127.0.0.1:18789", foreign: "https://evil.example",
};

/** The connect frame's params as a client of that kind sends them (protocol 3). */
export function connectParamsOf(client: PairingLocalityCell["client"]): Record<string, unknown> {
  const { id, mode, role } = CLIENT_INFO[client];
  return { minProtocol: 3, maxProtocol: 3, client: { id, version: "2026.9.6", platform: "linux", mode }, role, scopes: [] };
}

/**
 * The params object the handshake builds for one cell: the union of the fields any release
 * reads (older releases ignore what they do not read). Absent headers are left out, as the
 * handshake passes `undefined` for them.
 */
export function pairingLocalityArgs(c: PairingLocalityCell): Record<string, unknown> {
  const host = HOST_HEADER[c.host];
  const origin = ORIGIN_HEADER[c.origin];
  return {
    connectParams: connectParamsOf(c.client),
    isLocalClient: c.isLocalClient,
    ...(host !== undefined ? { requestHost: host } : {}),
    ...(origin !== undefined ? { requestOrigin: origin } : {}),
    remoteAddress: SOCKET_ADDRESS[c.socket],
    hasProxyHeaders: c.hasProxyHeaders,
    hasBrowserOriginHeader: origin !== undefined,
    sharedAuthOk: c.sharedAuthOk,
    authMethod: c.authMethod,
  };
}
