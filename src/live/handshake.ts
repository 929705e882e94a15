/**
 * One real `connect` handshake over a WebSocket, as a gateway client does it: wait for the
 * gateway's challenge, send `connect` (signing the challenge with the device key when there is
 * one), and record whatever the gateway answered. Requests and observations are plain JSON so
 * the same code runs in-process (loopback) and inside a network namespace (a remote peer).
 */
import { createHash, createPrivateKey, createPublicKey, sign, type KeyObject } from "node:crypto";
import WebSocket from "ws";

export interface DeviceKey {
  /** PKCS#8 PEM of an Ed25519 private key. */
  privateKeyPem: string;
}

export interface HandshakeRequest {
  url: string;
  headers: Record<string, string>;
  role: "operator" | "node";
  scopes: string[];
  client: { id: string; mode: string; version: string; platform: string; buildId?: string; displayName?: string };
  auth: { token?: string; password?: string; deviceToken?: string };
  device?: DeviceKey;
  protocol: { min: number; max: number };
  /** after hello-ok, one call: a method whose scope tells whether the requested scopes were kept, or an admin action. */
  after?: { method: string; params?: Record<string, unknown>; onlyWithoutScopes?: boolean };
  timeoutMs: number;
  /** leave with a closing handshake instead of cutting the socket (a paired device's next connect follows). */
  graceful?: boolean;
  /** the device-proof payload the release verifies (the profile's; v3 with the device token signed when absent). */
  proof?: { payload: "v2" | "v3"; signsDeviceToken: boolean };
}

export interface Observation {
  kind: "hello" | "error" | "close" | "http" | "timeout" | "socket-error";
  hello?: { auth?: { role?: string; scopes?: string[]; deviceToken?: string } | null; server?: unknown; raw?: unknown };
  error?: { code?: string; message?: string; details?: Record<string, unknown> };
  close?: { code: number; reason: string };
  httpStatus?: number;
  probe?: { ok: boolean; code?: string; message?: string; payload?: unknown };
  deviceId?: string;
  challenge?: Record<string, unknown>;
  detail?: string;
}

const b64url = (buf: Buffer) => buf.toString("base64url");

export function deviceIdentity(key: DeviceKey): { id: string; publicKey: string; privateKey: KeyObject } {
  const privateKey = createPrivateKey(key.privateKeyPem);
  const spki = createPublicKey(privateKey).export({ type: "spki", format: "der" });
  const raw = spki.subarray(spki.length - 32);
  return { id: createHash("sha256").update(raw).digest("hex"), publicKey: b64url(raw), privateKey };
}

/** The device proof: every field the gateway binds the signature to, `|`-joined (v2 ends at the nonce; v3 adds platform and family). */
function deviceProof(req: HandshakeRequest, key: DeviceKey, nonce: string, ts: number, token: string) {
  const id = deviceIdentity(key);
  const proof = req.proof ?? { payload: "v3", signsDeviceToken: true };
  const signed = proof.signsDeviceToken ? token : (req.auth.token ?? "");
  const v2 = [proof.payload, id.id, req.client.id, req.client.mode, req.role, req.scopes.join(","), String(ts), signed, nonce];
  const payload = (proof.payload === "v2" ? v2 : [...v2, req.client.platform.toLowerCase(), ""]).join("|");
  return { id: id.id, publicKey: id.publicKey, signature: b64url(sign(null, Buffer.from(payload), id.privateKey)), signedAt: ts, nonce };
}

export function handshake(req: HandshakeRequest): Promise<Observation> {
  return new Promise((resolve) => {
    const ws = new WebSocket(req.url, { headers: req.headers, handshakeTimeout: req.timeoutMs });
    let settled = false;
    let observation: Observation | undefined;
    const deviceId = req.device ? deviceIdentity(req.device).id : undefined;
    const finish = (o: Observation) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      ws.removeAllListeners();
      ws.on("error", () => {});
      const done = () => resolve(deviceId ? { ...o, deviceId } : o);
      if (req.graceful && ws.readyState === WebSocket.OPEN) {
        // a closing handshake, as a client that is done would; bounded, then the socket is cut
        const cut = setTimeout(() => { ws.terminate(); done(); }, 2_000);
        ws.once("close", () => { clearTimeout(cut); done(); });
        ws.close(1000);
        return;
      }
      if (ws.readyState === WebSocket.OPEN || ws.readyState === WebSocket.CONNECTING) ws.terminate();
      done();
    };
    const timer = setTimeout(() => finish(observation ?? { kind: "timeout", detail: `no answer within ${req.timeoutMs} ms` }), req.timeoutMs);
    ws.on("unexpected-response", (_r, res) => finish({ kind: "http", httpStatus: res.statusCode ?? 0 }));
    ws.on("error", (e) => finish(observation ?? { kind: "socket-error", detail: e.message }));
    ws.on("close", (code, reason) => finish({ ...(observation ?? { kind: "close" }), close: { code, reason: reason.toString() } }));
    let challenge: Record<string, unknown> | undefined;
    ws.on("message", (data) => {
      let frame: { type?: string; event?: string; id?: string; ok?: boolean; payload?: Record<string, unknown>; error?: Observation["error"] };
      try {
        frame = JSON.parse(String(data));
      } catch {
        return;
      }
      if (frame.type === "event" && frame.event === "connect.challenge" && !challenge) {
        challenge = frame.payload ?? {};
        const nonce = String(challenge.nonce ?? "");
        const ts = Number(challenge.ts ?? Date.now());
        const client = req.client;
        const params = {
          minProtocol: req.protocol.min, maxProtocol: req.protocol.max, client, role: req.role, scopes: req.scopes,
          caps: [], commands: [], permissions: {}, auth: req.auth,
          ...(req.device ? { device: deviceProof({ ...req, client }, req.device, nonce, ts, req.auth.token ?? req.auth.deviceToken ?? "") } : {}),
        };
        ws.send(JSON.stringify({ type: "req", id: "connect", method: "connect", params }));
        return;
      }
      if (frame.type === "res" && frame.id === "connect") {
        if (!frame.ok) {
          observation = { kind: "error", ...(frame.error ? { error: frame.error } : {}), ...(challenge ? { challenge } : {}) };
          return; // the close frame follows; keep waiting for it
        }
        const payload = frame.payload ?? {};
        observation = { kind: "hello", hello: { auth: (payload.auth ?? null) as NonNullable<Observation["hello"]>["auth"] }, ...(challenge ? { challenge } : {}) };
        // a scope probe is only needed where hello-ok lists no granted scopes (3.13 sends `auth: null`)
        const listed = Array.isArray((payload.auth as { scopes?: unknown } | undefined)?.scopes);
        if (!req.after || (req.after.onlyWithoutScopes && listed)) return finish(observation);
        ws.send(JSON.stringify({ type: "req", id: "probe", method: req.after.method, params: req.after.params ?? {} }));
        return;
      }
      if (frame.type === "res" && frame.id === "probe" && observation) {
        const e = frame.error;
        finish({ ...observation, probe: { ok: !!frame.ok, ...(e?.code ? { code: e.code } : {}), ...(e?.message ? { message: e.message } : {}), ...(frame.payload ? { payload: frame.payload } : {}) } });
      }
    });
  });
}
