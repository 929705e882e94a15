/**
 * Paired devices for live cells, made through the gateway's own pairing path once per run and
 * reused: one device per (role, client kind), with the device token the gateway issued it.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Cell } from "../domain/cell.ts";
import type { RunningGateway } from "./gateway.ts";
import { deviceIdentity, handshake, type DeviceKey, type HandshakeRequest, type Observation } from "./handshake.ts";
import { ADMIN_SCOPES, SECRET, clientRequest, freshKey, type PairedDevice, type RequestContext } from "./request.ts";

/** One device to pair: its id in the run, the role and client kind it is approved for, and its display name if it has one of its own. */
export interface PairingNeed {
  id: string;
  role: Cell["role"];
  client: Cell["client"];
  displayName?: string;
}

/**
 * Pairs one device per need through the real path (see pairThrough), and, with `withAdmin`, a
 * local admin operator first: the one that approves what needs approval here and that restores
 * upgrade devices to their approval on every later gateway (see restoreDevice).
 */
export async function pairDevices(ctx: RequestContext, gw: RunningGateway, needs: readonly PairingNeed[], progress: (m: string) => void, withAdmin = false): Promise<{ devices: Map<string, PairedDevice>; admin?: Admin }> {
  const url = `ws://127.0.0.1:${gw.port}`;
  const auth = { token: SECRET.token };
  const paired = new Map<string, PairedDevice>();
  let admin: Promise<Admin> | undefined = withAdmin ? pairAdmin(ctx, url) : undefined;
  if (admin) await admin;
  const approver = adminSession(ctx, url, auth);
  const approve = async (requestId: string) => approver.call(await (admin ??= pairAdmin(ctx, url)), "device.pair.approve", { requestId });
  // devices with a display name of their own are each a pruning cluster of their own: paired 8 at a time;
  // the shared ones one after another, after them (a silent pairing prunes its cluster's older ones)
  const own = needs.filter((n) => n.displayName);
  const shared = needs.filter((n) => !n.displayName);
  const pairOne = async (need: PairingNeed) => {
    progress(`live: pairing a ${need.role} ${need.client} device${need.displayName ? ` (${need.displayName})` : ""}`);
    const key = freshKey();
    paired.set(need.id, { key, deviceToken: await pairThrough(ctx, url, gw.stateDir, need, key, auth, approve), role: need.role, client: need.client, ...(need.displayName ? { displayName: need.displayName } : {}) });
  };
  const queue = [...own];
  await Promise.all(Array.from({ length: 8 }, async () => {
    for (let next = queue.shift(); next; next = queue.shift()) await pairOne(next);
  }));
  for (const need of shared) await pairOne(need);
  return { devices: paired, ...(admin ? { admin: await admin } : {}) };
}

/**
 * One device (its key) paired through the real path with `auth`, the device token it is issued:
 * a silent local pairing where the release grants one; where it skips pairing instead (a local
 * backend with the secret) or the connect is not local, the connect is repeated with a loopback
 * Origin, which waits for approval, and `approve` approves the request it filed.
 */
async function pairThrough(ctx: RequestContext, url: string, stateDir: string, need: Omit<PairingNeed, "id">, key: DeviceKey, auth: HandshakeRequest["auth"], approve: (requestId: string) => Promise<Observation>): Promise<string> {
  const { role, client, displayName } = need;
  const connect = (headers: Record<string, string>) => handshake(clientRequest(ctx, url, { role, client, ...(displayName ? { displayName } : {}) }, { auth, device: key, headers, graceful: true }));
  let headers: Record<string, string> = {};
  let o = await connect(headers);
  let token = o.kind === "hello" ? o.hello?.auth?.deviceToken ?? (await storedDeviceToken(stateDir, o.deviceId!, role)) : undefined;
  if (!token) {
    // a connect that filed a request (not local) is approved as it is; one that skipped pairing files one with a loopback Origin
    if (o.kind === "hello" || typeof o.error?.details?.requestId !== "string") o = await connect((headers = { Origin: `http://127.0.0.1:${new URL(url).port}` }));
    const requestId = o.error?.details?.requestId;
    if (o.kind !== "hello") {
      if (typeof requestId !== "string") throw new Error(`live: cannot pair a ${role} ${client} device: ${o.error?.message ?? o.close?.reason ?? o.kind}`);
      const approved = await approve(requestId);
      if (!approved.probe?.ok) throw new Error(`live: approving the ${role} ${client} device failed: ${approved.probe?.message ?? approved.kind}`);
      o = await connect(headers);
      if (o.kind !== "hello") throw new Error(`live: the approved ${role} ${client} device is still refused: ${o.error?.message ?? o.kind}`);
    }
    token = o.hello?.auth?.deviceToken ?? (await storedDeviceToken(stateDir, o.deviceId!, role));
  }
  if (!token) throw new Error(`live: the gateway issued no device token for the paired ${role} ${client} device`);
  return token;
}

/**
 * What a connect did to its device's approval, and so what brings it back: a pairing request it
 * left pending (`reject` it), and an approval it may have widened (`rePair`: an admitted upgrade,
 * a role step approved before a refused scope step, an unexplained end whose state is unknown).
 * Undefined: the connect never reached the pairing step, the device is as it was.
 */
export interface LeftOff { reject?: string; rePair: boolean }

/**
 * Puts a paired device back to exactly its approval on a running gateway, through the gateway's own
 * RPCs called by the admin operator: a pending request is rejected (`device.pair.reject`), a
 * widened approval is removed (`device.pair.remove`) and the
 * same key paired again with the role and scopes it was first approved for (pairThrough, with the
 * gateway's own credential; a request it files is approved by the admin). Where the release has
 * no `device.pair.remove` (≤2.17) or refuses it, a fresh key takes the device's place on this
 * gateway, paired the same way. Returns the key and device token the lane now presents; throws
 * where the gateway refused a step.
 */
export async function restoreDevice(ctx: RequestContext, at: { url: string; stateDir: string; auth: HandshakeRequest["auth"] }, admin: Admin, device: PairedDevice, left: LeftOff, session: AdminSession): Promise<Pick<PairedDevice, "key" | "deviceToken">> {
  if (left.reject) {
    const rejected = await session.call(admin, "device.pair.reject", { requestId: left.reject });
    // a request the gateway already dropped (superseded, or never stored) needs no rejection
    if (!rejected.probe?.ok && !/unknown requestId/i.test(rejected.probe?.message ?? "")) throw new Error(`device.pair.reject refused: ${rejected.probe?.message ?? rejected.kind}`);
  }
  if (!left.rePair) return device;
  const removed = await session.call(admin, "device.pair.remove", { deviceId: deviceIdentity(device.key).id });
  const key = removed.probe?.ok || /unknown deviceId/i.test(removed.probe?.message ?? "") ? device.key : freshKey();
  await sleep(150);
  return { key, deviceToken: await pairThrough(ctx, at.url, at.stateDir, device, key, at.auth, (requestId) => session.call(admin, "device.pair.approve", { requestId })) };
}

/** The admin operator's device (paired with every operator scope) and the display name that keeps it a pruning cluster of its own. */
export interface Admin { key: DeviceKey }
const ADMIN_NAME = "clawproof admin";

/** Calls the admin makes on one gateway, one at a time (the admin is one device, and 9.6 races a device's overlapping connects). */
export interface AdminSession { call(admin: Admin, method: string, params: Record<string, unknown>): Promise<Observation> }

export function adminSession(ctx: RequestContext, url: string, auth: HandshakeRequest["auth"]): AdminSession {
  let turn: Promise<unknown> = Promise.resolve();
  return {
    call: (admin, method, params) => {
      const call = turn.then(() => handshake({ ...clientRequest(ctx, url, { role: "operator", client: "cli", displayName: ADMIN_NAME }, { auth, device: admin.key, graceful: true }), scopes: ADMIN_SCOPES, after: { method, params } }));
      turn = call.then(() => sleep(150), () => undefined);
      return call;
    },
  };
}

/** The shared credential a local client presents on a gateway of this auth mode (none under auth none). */
export const gatewayCredential = (authMode: Cell["authMode"]): HandshakeRequest["auth"] =>
  authMode === "password" || authMode === "trusted-proxy" ? { password: SECRET.password } : authMode === "none" ? {} : { token: SECRET.token };

/**
 * The device token each paired device holds on this gateway: what the gateway issues it on a
 * local connect with the gateway's own shared secret (and a loopback Origin for a browser client), as a paired device is handed a token by the gateway it connects to. 9.6 binds
 * a browser client's device token to the shared secret it was issued under, so a token from the
 * pairing gateway (a token gateway) is a mismatch on a password gateway until one is re-issued
 * there; without this, whether a Control UI or WebChat device-token cell passed depended on
 * whether a secret-ok cell of that device had run before it. Undefined where none is issued.
 */
export async function deviceTokensOn(ctx: RequestContext, gw: RunningGateway, authMode: Cell["authMode"], devices: ReadonlyMap<string, PairedDevice>): Promise<Map<string, string>> {
  const url = `ws://127.0.0.1:${gw.port}`;
  const auth = gatewayCredential(authMode);
  const tokens = new Map<string, string>();
  await Promise.all([...devices].map(async ([need, device]) => {
    const { role, client, displayName } = device;
    // one connect, with an Origin only where the client is a browser (a stray Origin on a node made 9.6 file a new pairing request)
    const headers: Record<string, string> = BROWSER_CLIENTS.has(client) ? { Origin: `http://127.0.0.1:${gw.port}` } : {};
    const issued = (await handshake(clientRequest(ctx, url, { role, client, ...(displayName ? { displayName } : {}) }, { auth, device: device.key, headers, graceful: true }))).hello?.auth?.deviceToken;
    if (issued) tokens.set(need, issued);
  }));
  await new Promise((r) => setTimeout(r, 150));
  return tokens;
}

const BROWSER_CLIENTS = new Set<string>(["control-ui", "webchat"]);

async function pairAdmin(ctx: RequestContext, url: string): Promise<Admin> {
  const key = freshKey();
  const o = await handshake({ ...clientRequest(ctx, url, { role: "operator", client: "cli", displayName: ADMIN_NAME }, { auth: { token: SECRET.token }, device: key, graceful: true }), scopes: ADMIN_SCOPES });
  if (o.kind !== "hello") throw new Error(`live: cannot pair a local admin operator: ${o.error?.message ?? o.kind}`);
  return { key };
}

type StoredDevice = { tokens?: Record<string, { token?: string }>; role?: string; roles?: string[]; scopes?: string[]; approvedScopes?: string[] };

async function pairedStore(stateDir: string): Promise<Record<string, StoredDevice>> {
  return (await pairedStoreFile(stateDir)) ?? {};
}

/** The JSON paired store (3.13), or undefined where the release keeps none (9.6 keeps it in SQLite). */
async function pairedStoreFile(stateDir: string): Promise<Record<string, StoredDevice> | undefined> {
  try {
    return JSON.parse(await readFile(join(stateDir, "devices", "paired.json"), "utf8"));
  } catch {
    return undefined;
  }
}

/**
 * Whether a paired device's upgrade was approved by this connect: its paired record now lists the
 * requested role and (for a scope upgrade) the added scope. Undefined where the release keeps no
 * JSON store to read; the caller then reads hello-ok. Read once more shortly after, as the
 * gateway writes the store just after hello-ok.
 */
export async function upgradeInStore(stateDir: string, deviceId: string, role: string, scope: string | undefined): Promise<boolean | undefined> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const store = await pairedStoreFile(stateDir);
    if (!store) return undefined;
    const d = store[deviceId];
    const roles = d ? (Array.isArray(d.roles) ? d.roles : d.role ? [d.role] : []) : [];
    const scopes = d ? (Array.isArray(d.scopes) ? d.scopes : Array.isArray(d.approvedScopes) ? d.approvedScopes : []) : [];
    if (roles.includes(role) && (!scope || scopes.includes(scope))) return true;
    if (attempt === 0) await new Promise((r) => setTimeout(r, 300));
  }
  return false;
}

/** The gateway writes its paired store just after hello-ok, so a missing entry is looked for once more shortly after. */
export async function isPaired(stateDir: string, deviceId: string): Promise<boolean> {
  if (deviceId in (await pairedStore(stateDir))) return true;
  await new Promise((r) => setTimeout(r, 400));
  return deviceId in (await pairedStore(stateDir));
}

async function storedDeviceToken(stateDir: string, deviceId: string, role: string): Promise<string | undefined> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const token = (await pairedStore(stateDir))[deviceId]?.tokens?.[role]?.token;
    if (token) return token;
    await new Promise((r) => setTimeout(r, 200));
  }
  return undefined;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
