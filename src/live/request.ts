/**
 * What one live handshake sends: the client a cell names, its credential and device, and the
 * headers its origin and proxy hop imply. The secrets are clawproof's own, written into every
 * gateway config it starts.
 */
import { generateKeyPairSync } from "node:crypto";
import type { Cell } from "../domain/cell.ts";
import type { DeviceKey, HandshakeRequest } from "./handshake.ts";
import type { LiveProfile } from "./profile.ts";
import { CLIENT_IDS, type CellPlan } from "./realise.ts";
import type { LiveRuntime } from "./runtime.ts";

export const SECRET = { token: "clawproof-live-token", password: "clawproof-live-password", wrong: "clawproof-wrong-secret" };
export const PROXY_USER_HEADER = "x-forwarded-user";
export const ADMIN_SCOPES = ["operator.read", "operator.write", "operator.pairing", "operator.admin"];
const OPERATOR_SCOPES = ["operator.read"];
const FOREIGN_ORIGIN = "https://foreign.invalid";
/**
 * What a paired device asks for beyond its approval on an `upgrade=scopes` cell: an operator
 * approved for operator.read adds operator.write; a node, approved with no scopes, asks for one
 * of its role's own (any scope is beyond an empty approval, and a `node.` one stays inside the role).
 */
export const UPGRADE_SCOPE: Record<Cell["role"], string> = { operator: "operator.write", node: "node.clawproof-upgrade" };

/** A device paired through the real path, and the device token the gateway issued it. */
export interface PairedDevice {
  key: DeviceKey;
  deviceToken: string;
  /** the role and client kind it was approved for. */
  role: Cell["role"];
  client: Cell["client"];
  /**
   * sent as client.displayName on every connect of this device: an upgrade device's own name, so
   * its silent approval (which prunes older silent pairings of the same client id, mode and
   * display name on 9.6) can never retire another device of the run.
   */
  displayName?: string;
}

/** The role a cell's device was approved for: the other one on a role upgrade. */
export const approvedRole = (cell: Pick<Cell, "role" | "upgrade">): Cell["role"] => (cell.upgrade === "role" ? (cell.role === "operator" ? "node" : "operator") : cell.role);

export interface RequestContext {
  runtime: LiveRuntime;
  profile: LiveProfile;
}

export const freshKey = (): DeviceKey => ({ privateKeyPem: generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString() });

/** A connect as a given role and client kind, with nothing else yet (no credential, device or headers). */
export function clientRequest(ctx: RequestContext, url: string, who: { role: Cell["role"]; client: Cell["client"]; displayName?: string }, extra: Partial<HandshakeRequest>): HandshakeRequest {
  const client = CLIENT_IDS[who.client]!;
  return {
    url, headers: {}, role: who.role, scopes: who.role === "operator" ? OPERATOR_SCOPES : [],
    client: {
      id: client.id, mode: client.mode, version: "1.0.0", platform: "linux",
      ...(who.client === "control-ui" && ctx.runtime.buildId ? { buildId: ctx.runtime.buildId } : {}),
      ...(who.displayName ? { displayName: who.displayName } : {}),
    },
    auth: {}, protocol: ctx.profile.protocol, proof: ctx.profile.deviceProof, timeoutMs: 15_000, ...extra,
  };
}

/** The connect a cell stands for, sent to `host:port`; a paired cell presents `paired` (with its latest device token). */
export function cellRequest(ctx: RequestContext, host: string, port: number, cell: Cell, plan: CellPlan, paired: PairedDevice | undefined): HandshakeRequest {
  const headers: Record<string, string> = {};
  if (cell.origin === "loopback") headers.Origin = `http://127.0.0.1:${port}`;
  if (cell.origin === "foreign") headers.Origin = FOREIGN_ORIGIN;
  // a rebound name: the page's host is the Host the gateway receives (the socket still goes to the gateway)
  if (cell.hostHeader === "origin") headers.Host = new URL(headers.Origin ?? FOREIGN_ORIGIN).host;
  if (plan.forwardedFor) headers["X-Forwarded-For"] = plan.forwardedFor;
  if (plan.proxy) {
    headers["X-Forwarded-For"] = plan.proxy.forwardedFor;
    headers["X-Forwarded-Proto"] = "https";
    headers["X-Forwarded-Host"] = `gateway.invalid`;
    if (plan.proxy.user) headers[PROXY_USER_HEADER] = "reviewer@example.invalid";
  }
  if (cell.device === "paired" && !paired) throw new Error(`live: no paired ${approvedRole(cell)} ${cell.client} device`);
  const device = paired?.key ?? (cell.device === "unpaired" ? freshKey() : undefined);
  const request = clientRequest(ctx, `ws://${host}:${port}`, { ...cell, ...(paired?.displayName ? { displayName: paired.displayName } : {}) }, {
    headers, auth: credential(cell, paired), ...(device ? { device } : {}),
    ...(cell.role === "operator" ? { after: { method: "status", onlyWithoutScopes: true } } : {}),
  });
  // a role upgrade asks for the cell's role (the device was approved for the other); a scope upgrade adds one
  return cell.upgrade === "scopes" ? { ...request, scopes: [...request.scopes, UPGRADE_SCOPE[cell.role]] } : request;
}

function credential(cell: Cell, paired: PairedDevice | undefined): HandshakeRequest["auth"] {
  const password = cell.authMode === "password" || cell.authMode === "trusted-proxy";
  // withDeviceToken: the paired device's own token travels beside the secret (auth.deviceToken)
  const beside = cell.withDeviceToken ? { deviceToken: paired!.deviceToken } : {};
  switch (cell.credential) {
    case "secret-ok": return { ...(password ? { password: SECRET.password } : { token: SECRET.token }), ...beside };
    case "secret-wrong": return { ...(password ? { password: SECRET.wrong } : { token: SECRET.wrong }), ...beside };
    case "device-token": return { deviceToken: paired!.deviceToken };
    default: return {};
  }
}
