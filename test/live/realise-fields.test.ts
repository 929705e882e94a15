import { describe, expect, it } from "vitest";
import type { Cell } from "../../src/domain/cell.ts";
import { allCells } from "../../src/domain/enumerate.ts";
import { isValidCell } from "../../src/domain/validity.ts";
import { gatewayConfig } from "../../src/live/gateway-config.ts";
import { liveVerdict } from "../../src/live/observe.ts";
import { liveProfile } from "../../src/live/profile.ts";
import { CLIENT_IDS, LOCAL_CLIENT, gatewayId, planCell, unrealisedReason, REMOTE_CLIENT } from "../../src/live/realise.ts";
import { SECRET, UPGRADE_SCOPE, approvedRole, cellRequest, freshKey, type PairedDevice } from "../../src/live/request.ts";
import type { LiveRuntime } from "../../src/live/runtime.ts";
import { probeConnectParams } from "../../src/pairing-locality/truth-probe.ts";

const p96 = liveProfile("2026.9.6");
const p313 = liveProfile("2026.3.13");
const runtime = { buildId: "build-1" } as LiveRuntime;
const netns = { name: "t", hostAddress: "10.77.0.1", peerAddress: "10.77.0.2", remove() {} };

/** The first valid cell with these fields (the enumerator's order: the simplest such connect). */
function cellWith(fields: Partial<Cell>): Cell {
  const found = allCells().find((c) => isValidCell(c) && Object.entries(fields).every(([k, v]) => (c as unknown as Record<string, unknown>)[k] === v));
  if (!found) throw new Error(`no valid cell with ${JSON.stringify(fields)}`);
  return found;
}

const device = (role: Cell["role"], client: Cell["client"]): PairedDevice => ({ key: freshKey(), deviceToken: "dev-token", role, client });

describe("live realisation of the appended cell fields", () => {
  it("realises upgrade, forwarded, hostHeader and withDeviceToken cells where a gateway can show them", () => {
    const cells = [
      cellWith({ upgrade: "scopes", authMode: "token", credential: "secret-ok", locality: "local" }),
      cellWith({ upgrade: "role", authMode: "password", credential: "device-token", locality: "remote" }),
      cellWith({ withDeviceToken: true, authMode: "token", credential: "secret-wrong", locality: "local" }),
      cellWith({ hostHeader: "origin", client: "control-ui", locality: "remote" }),
      cellWith({ forwarded: true, authMode: "token", locality: "remote" }),
    ];
    for (const cell of cells) for (const profile of [p96, p313]) expect(unrealisedReason(cell, profile, undefined)).toBeUndefined();
  });

  it("leaves forwarded cells unrealised, with the reason, where no gateway observes them as the cell says", () => {
    const local = cellWith({ forwarded: true, authMode: "token", locality: "local" });
    expect(unrealisedReason(local, p96, undefined)).toMatch(/never local/);
    expect(unrealisedReason(local, p313, undefined)).toBeUndefined();
    const direct = cellWith({ forwarded: true, authMode: "trusted-proxy", credential: "secret-ok" });
    expect(unrealisedReason(direct, p313, undefined)).toMatch(/bypassing it while carrying X-Forwarded-For/);
    // auth none has no remote socket, but a forwarded remote one arrives over a loopback hop
    expect(unrealisedReason(cellWith({ forwarded: false, authMode: "none", locality: "remote" }), p96, undefined)).toMatch(/auth none/);
    expect(unrealisedReason(cellWith({ forwarded: true, authMode: "none", locality: "remote" }), p96, "no netns")).toBeUndefined();
  });

  it("sends a forwarded cell's X-Forwarded-For from a hop the gateway trusts where it must (local, and from 8.1 always)", () => {
    const remote = cellWith({ forwarded: true, authMode: "token", locality: "remote" });
    const on96 = planCell(remote, p96);
    expect([on96.from, on96.gateway.forwardedBy, on96.forwardedFor]).toEqual(["peer", "peer", REMOTE_CLIENT]);
    expect(gatewayConfig(on96.gateway, 1, netns, p96).gateway.trustedProxies).toEqual([netns.peerAddress]);
    // before 8.1 an untrusted hop is remote already, so it shares the plain remote gateway
    const on313 = planCell(remote, p313);
    expect([on313.from, on313.gateway.forwardedBy, gatewayId(on313.gateway)]).toEqual(["peer", undefined, gatewayId(planCell({ ...remote, forwarded: false, origin: "none" }, p313).gateway)]);
    const local = planCell(cellWith({ forwarded: true, authMode: "token", locality: "local" }), p313);
    expect([local.from, local.gateway.bind, local.gateway.forwardedBy, local.forwardedFor]).toEqual(["loopback", "loopback", "loopback", LOCAL_CLIENT]);
    expect(gatewayConfig(local.gateway, 1, undefined, p313).gateway.trustedProxies).toEqual(["127.0.0.1"]);
    const none = planCell(cellWith({ forwarded: true, authMode: "none", locality: "remote" }), p96);
    expect([none.from, none.gateway.bind, none.gateway.forwardedBy, none.forwardedFor]).toEqual(["loopback", "loopback", "loopback", REMOTE_CLIENT]);
    const dev = device(remote.role, remote.client);
    const request = cellRequest({ runtime, profile: p96 }, "10.77.0.1", 1, remote, on96, dev);
    expect(request.headers["X-Forwarded-For"]).toBe(REMOTE_CLIENT);
    expect(cellRequest({ runtime, profile: p96 }, "127.0.0.1", 1, { ...remote, forwarded: false }, planCell({ ...remote, forwarded: false }, p96), dev).headers["X-Forwarded-For"]).toBeUndefined();
  });

  it("carries a psock cell through a same-host proxy: a trusted loopback hop, given allowLoopback for the opted-in one, a netns peer for lan", () => {
    const lan = planCell(cellWith({ authMode: "trusted-proxy", credential: "proxy-ok", locality: "remote", proxySocket: "lan" }), p96);
    const loopback = cellWith({ authMode: "trusted-proxy", credential: "proxy-ok", locality: "remote", proxySocket: "loopback" });
    const optedIn = cellWith({ authMode: "trusted-proxy", credential: "proxy-ok", locality: "remote", proxySocket: "loopback-opted-in" });
    expect([lan.from, lan.gateway.loopbackProxy]).toEqual(["peer", false]);
    for (const cell of [loopback, optedIn]) {
      const plan = planCell(cell, p96);
      expect([plan.from, plan.gateway.bind, plan.gateway.loopbackProxy, plan.proxy]).toEqual(["loopback", "loopback", true, { forwardedFor: REMOTE_CLIENT, user: true }]);
      expect(gatewayConfig(plan.gateway, 1, undefined, p96).gateway.trustedProxies).toEqual(["127.0.0.1"]);
      // no netns needed: the proxy is this host's loopback
      expect(unrealisedReason(cell, p96, "no netns")).toBeUndefined();
    }
    const auth = (cell: Cell) => gatewayConfig(planCell(cell, p96).gateway, 1, undefined, p96).gateway.auth as { trustedProxy: Record<string, unknown> };
    expect(auth(optedIn).trustedProxy.allowLoopback).toBe(true);
    expect(auth(loopback).trustedProxy).not.toHaveProperty("allowLoopback");
    expect(gatewayId(planCell(optedIn, p96).gateway)).not.toBe(gatewayId(planCell(loopback, p96).gateway));
  });

  it("leaves a local Host=Origin cell unrealised where locality reads the Host (a foreign name makes loopback remote there)", () => {
    const cell = cellWith({ hostHeader: "origin", client: "control-ui", locality: "local" });
    expect(unrealisedReason(cell, p313, undefined)).toMatch(/isLocalishHost/);
    expect(unrealisedReason(cell, p96, undefined)).toBeUndefined();
  });

  it("sends a Host equal to the Origin's host for hostHeader=origin, and the gateway's own otherwise", () => {
    const cell = cellWith({ hostHeader: "origin", client: "control-ui", locality: "local" });
    const dev = device(cell.role, cell.client);
    const headers = cellRequest({ runtime, profile: p96 }, "127.0.0.1", 1, cell, planCell(cell, p96), dev).headers;
    expect(headers.Host).toBe(new URL(headers.Origin!).host);
    expect(cellRequest({ runtime, profile: p96 }, "127.0.0.1", 1, { ...cell, hostHeader: "gateway" }, planCell(cell, p96), dev).headers.Host).toBeUndefined();
  });

  it("sends the paired device's token beside the secret for withDeviceToken", () => {
    const cell = cellWith({ withDeviceToken: true, authMode: "password", credential: "secret-wrong" });
    const auth = cellRequest({ runtime, profile: p96 }, "127.0.0.1", 1, cell, planCell(cell, p96), device(cell.role, cell.client)).auth;
    expect(auth).toEqual({ password: SECRET.wrong, deviceToken: "dev-token" });
    const plain = { ...cell, withDeviceToken: false };
    expect(cellRequest({ runtime, profile: p96 }, "127.0.0.1", 1, plain, planCell(plain, p96), device(cell.role, cell.client)).auth).toEqual({ password: SECRET.wrong });
  });

  it("asks a paired device for one scope beyond its approval, or for the role it was not approved for", () => {
    const scopes = cellWith({ upgrade: "scopes", role: "operator" });
    const base = cellRequest({ runtime, profile: p96 }, "127.0.0.1", 1, { ...scopes, upgrade: "none" }, planCell(scopes, p96), device("operator", scopes.client));
    const up = cellRequest({ runtime, profile: p96 }, "127.0.0.1", 1, scopes, planCell(scopes, p96), device("operator", scopes.client));
    expect(up.scopes).toEqual([...base.scopes, UPGRADE_SCOPE.operator]);
    const role = cellWith({ upgrade: "role", role: "operator" });
    expect(approvedRole(role)).toBe("node");
    expect(approvedRole({ ...role, upgrade: "none" })).toBe("operator");
    expect(cellRequest({ runtime, profile: p96 }, "127.0.0.1", 1, role, planCell(role, p96), device("node", role.client)).role).toBe("operator");
  });

  it("reads an admitted upgrade as silent only when the device came out approved for it", () => {
    const hello = { kind: "hello" as const, hello: { auth: { role: "operator", scopes: ["operator.read"] } } };
    expect(liveVerdict({ observation: hello, sentDevice: "paired", role: "operator", upgraded: true }).pairing).toBe("silent");
    expect(liveVerdict({ observation: hello, sentDevice: "paired", role: "operator", upgraded: false }).pairing).toBe("paired");
    expect(liveVerdict({ observation: hello, sentDevice: "paired", role: "operator" }).pairing).toBe("paired");
  });

  it("sends the Control UI as the real one does (openclaw-control-ui in mode webchat), from the table the pairing-locality probe uses", () => {
    expect(CLIENT_IDS["control-ui"]).toEqual({ id: "openclaw-control-ui", mode: "webchat" });
    for (const client of Object.keys(CLIENT_IDS) as Cell["client"][]) {
      const sent = probeConnectParams({ client }).client as { id: string; mode: string };
      expect({ id: sent.id, mode: sent.mode }).toEqual(CLIENT_IDS[client]);
    }
  });
});
