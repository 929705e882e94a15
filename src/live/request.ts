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

/** A device paired through the real path, and the device token the gateway issued it. */
export interface PairedDevice {
  key: DeviceKey;
  deviceToken: string;
}

export interface RequestContext {
  runtime: LiveRuntime;
  profile: LiveProfile;
}

export const freshKey = (): DeviceKey => ({ privateKeyPem: generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString() });

/** A connect as a given role and client kind, with nothing else yet (no credential, device or headers). */
export function clientRequest(ctx: RequestContext, url: string, who: { role: Cell["role"]; client: Cell["client"] }, extra: Partial<HandshakeRequest>): HandshakeRequest {
  const client = CLIENT_IDS[who.client]!;
  return {
    url, headers: {}, role: who.role, scopes: who.role === "operator" ? OPERATOR_SCOPES : [],
    client: { id: client.id, mode: client.mode, version: "1.0.0", platform: "linux", ...(who.client === "control-ui" && ctx.runtime.buildId ? { buildId: ctx.runtime.buildId } : {}) },
    auth: {}, protocol: ctx.profile.protocol, proof: ctx.profile.deviceProof, timeoutMs: 15_000, ...extra,
  };
}

/** The connect a cell stands for, sent to `host:port`; a paired cell presents `paired` (with its latest device token). */
export function cellRequest(ctx: RequestContext, host: string, port: number, cell: Cell, plan: CellPlan, paired: PairedDevice | undefined): HandshakeRequest {
  const headers: Record<string, string> = {};
  if (cell.origin === "loopback") headers.Origin = `http://127.0.0.1:${port}`;
  if (cell.origin === "foreign") headers.Origin = FOREIGN_ORIGIN;
  if (plan.proxy) {
    headers["X-Forwarded-For"] = plan.proxy.forwardedFor;
    headers["X-Forwarded-Proto"] = "https";
    headers["X-Forwarded-Host"] = `gateway.invalid`;
    if (plan.proxy.user) headers[PROXY_USER_HEADER] = "reviewer@example.invalid";
  }
  if (cell.device === "paired" && !paired) throw new Error(`live: no paired ${cell.role} ${cell.client} device`);
  const device = paired?.key ?? (cell.device === "unpaired" ? freshKey() : undefined);
  return clientRequest(ctx, `ws://${host}:${port}`, cell, {
    headers, auth: credential(cell, paired), ...(device ? { device } : {}),
    ...(cell.role === "operator" ? { after: { method: "status", onlyWithoutScopes: true } } : {}),
  });
}

function credential(cell: Cell, paired: PairedDevice | undefined): HandshakeRequest["auth"] {
  const password = cell.authMode === "password" || cell.authMode === "trusted-proxy";
  switch (cell.credential) {
    case "secret-ok": return password ? { password: SECRET.password } : { token: SECRET.token };
    case "secret-wrong": return password ? { password: SECRET.wrong } : { token: SECRET.wrong };
    case "device-token": return { deviceToken: paired!.deviceToken };
    default: return {};
  }
}
