/**
 * Paired devices for live cells, made through the gateway's own pairing path once per run and
 * reused: one device per (role, client kind), with the device token the gateway issued it.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Cell } from "../domain/cell.ts";
import type { RunningGateway } from "./gateway.ts";
import { handshake, type DeviceKey } from "./handshake.ts";
import { ADMIN_SCOPES, SECRET, clientRequest, freshKey, type PairedDevice, type RequestContext } from "./request.ts";

/** One device to pair: its id in the run, the role and client kind it is approved for, and its display name if it has one of its own. */
export interface PairingNeed {
  id: string;
  role: Cell["role"];
  client: Cell["client"];
  displayName?: string;
}

/**
 * Pairs one device per need through the real path: a silent local pairing where
 * the release grants one; where it skips pairing instead (a local backend with the secret), the
 * connect is repeated with a loopback Origin, which waits for approval, and a local admin
 * operator approves it with `device.pair.approve`.
 */
export async function pairDevices(ctx: RequestContext, gw: RunningGateway, needs: readonly PairingNeed[], progress: (m: string) => void): Promise<Map<string, PairedDevice>> {
  const url = `ws://127.0.0.1:${gw.port}`;
  const auth = { token: SECRET.token };
  const paired = new Map<string, PairedDevice>();
  let admin: Promise<DeviceKey> | undefined;
  let approving: Promise<unknown> = Promise.resolve();
  // devices with a display name of their own are each a pruning cluster of their own: paired 8 at a time;
  // the shared ones one after another, after them (a silent pairing prunes its cluster's older ones)
  const own = needs.filter((n) => n.displayName);
  const shared = needs.filter((n) => !n.displayName);
  const pairOne = async ({ id: need, role, client, displayName }: PairingNeed) => {
    progress(`live: pairing a ${role} ${client} device${displayName ? ` (${displayName})` : ""}`);
    const key = freshKey();
    const connect = (headers: Record<string, string>) => handshake(clientRequest(ctx, url, { role, client, ...(displayName ? { displayName } : {}) }, { auth, device: key, headers }));
    let o = await connect({});
    let token = o.kind === "hello" ? o.hello?.auth?.deviceToken ?? (await storedDeviceToken(gw.stateDir, o.deviceId!, role)) : undefined;
    if (!token) {
      const origin = { Origin: `http://127.0.0.1:${gw.port}` };
      o = await connect(origin);
      const requestId = o.error?.details?.requestId;
      if (o.kind !== "hello") {
        if (typeof requestId !== "string") throw new Error(`live: cannot pair a ${role} ${client} device: ${o.error?.message ?? o.close?.reason ?? o.kind}`);
        admin ??= pairAdmin(ctx, url);
        const adminKey = await admin;
        // one approval at a time: the admin is one device, and 9.6 races a device's overlapping connects
        const turn = approving.then(() => handshake({ ...clientRequest(ctx, url, { role: "operator", client: "cli" }, { auth, device: adminKey }), scopes: ADMIN_SCOPES, after: { method: "device.pair.approve", params: { requestId } } }));
        approving = turn.then(() => sleep(150), () => undefined);
        const approved = await turn;
        if (!approved.probe?.ok) throw new Error(`live: approving the ${role} ${client} device failed: ${approved.probe?.message ?? approved.kind}`);
        o = await connect(origin);
        if (o.kind !== "hello") throw new Error(`live: the approved ${role} ${client} device is still refused: ${o.error?.message ?? o.kind}`);
      }
      token = o.hello?.auth?.deviceToken ?? (await storedDeviceToken(gw.stateDir, o.deviceId!, role));
    }
    if (!token) throw new Error(`live: the gateway issued no device token for the paired ${role} ${client} device`);
    paired.set(need, { key, deviceToken: token, role, client, ...(displayName ? { displayName } : {}) });
  };
  const queue = [...own];
  await Promise.all(Array.from({ length: 8 }, async () => {
    for (let next = queue.shift(); next; next = queue.shift()) await pairOne(next);
  }));
  for (const need of shared) await pairOne(need);
  return paired;
}

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
  const auth = authMode === "password" || authMode === "trusted-proxy" ? { password: SECRET.password } : authMode === "none" ? {} : { token: SECRET.token };
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

async function pairAdmin(ctx: RequestContext, url: string): Promise<DeviceKey> {
  const admin = freshKey();
  const o = await handshake({ ...clientRequest(ctx, url, { role: "operator", client: "cli" }, { auth: { token: SECRET.token }, device: admin }), scopes: ADMIN_SCOPES });
  if (o.kind !== "hello") throw new Error(`live: cannot pair a local admin operator: ${o.error?.message ?? o.kind}`);
  return admin;
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
