/**
 * A real gateway (openclaw 2026.3.13, installed into the project's .cache by clawproof itself)
 * answering real handshakes: token and password mode, local cells over loopback, remote cells
 * from a network namespace, paired devices paired through the real path first.
 */
import { describe, expect, it } from "vitest";
import { parseCellKey } from "../../src/domain/cell-key.ts";
import type { Implementation } from "../../src/impl/implementation.ts";
import { loadLiveImplementation } from "../../src/live/index.ts";
import { netnsUnavailable } from "../../src/live/netns.ts";

const VERSION = "2026.3.13";
const noNetns = netnsUnavailable();
const base = "client=cli,auth=token,origin=none,insecure=0,ddda=0";
const verdictOf = (impl: Implementation, key: string) => {
  const cell = parseCellKey(key);
  expect(impl.unrealised?.(cell)).toBeUndefined();
  const v = impl.decide(cell);
  return `${v.outcome} ${v.reason} ${v.outcome === "admit" ? `${v.scopes} ${v.pairing}` : ""}`.trim();
};

describe.skipIf(noNetns)(`live:${VERSION} smoke (real gateways, loopback and netns peers)`, () => {
  let impl: Implementation;

  it("installs the runtime, starts the gateways and observes every selected cell", async () => {
    // always real handshakes, even when the project's cache already holds these verdicts
    process.env.CLAWPROOF_LIVE_REOBSERVE = "1";
    try {
      impl = await loadLiveImplementation(VERSION, { cells: { client: "cli", authMode: "token", origin: "none", allowInsecureAuth: false, dangerouslyDisableDeviceAuth: false }, compare: false });
    } finally {
      delete process.env.CLAWPROOF_LIVE_REOBSERVE;
    }
    expect(impl.kind).toBe("live");
    expect(impl.notes[0]).toMatch(/^observed \d+ handshakes/);
    expect(new Set(impl.provenance.map((p) => p.decidedBy))).toEqual(new Set(["live"]));
  }, 300_000);

  it("refuses a device-less node and a wrong token, admits a local operator with the token", () => {
    expect(verdictOf(impl, `role=node,device=none,cred=secret-ok,loc=local,${base}`)).toBe("reject device-required");
    expect(verdictOf(impl, `role=operator,device=none,cred=secret-wrong,loc=local,${base}`)).toBe("reject unauthorized");
    expect(verdictOf(impl, `role=operator,device=none,cred=secret-ok,loc=remote,${base}`)).toMatch(/^admit ok /);
  });

  it("pairs a new local device silently, but makes a remote one wait for approval", () => {
    expect(verdictOf(impl, `role=node,device=unpaired,cred=secret-ok,loc=local,${base}`)).toBe("admit ok kept silent");
    expect(verdictOf(impl, `role=node,device=unpaired,cred=secret-ok,loc=remote,${base}`)).toBe("reject pairing-required");
  });

  it("admits a device paired through the real path from the remote peer", () => {
    expect(verdictOf(impl, `role=node,device=paired,cred=secret-ok,loc=remote,${base}`)).toBe("admit ok kept paired");
    expect(verdictOf(impl, `role=operator,device=paired,cred=device-token,loc=remote,${base}`)).toBe("admit ok kept paired");
  });

  it("realises the appended fields: upgrades of a paired device, a forwarded first pairing, a device token beside a wrong secret", () => {
    // a paired operator asking for one more scope: approved silently over loopback on 3.13, waiting for approval from the peer
    expect(verdictOf(impl, `role=operator,device=paired,cred=secret-ok,loc=local,${base},upgrade=scopes`)).toBe("admit ok kept silent");
    expect(verdictOf(impl, `role=operator,device=paired,cred=secret-ok,loc=remote,${base},upgrade=scopes`)).toBe("reject pairing-required");
    // a device approved as an operator asking to be a node waits for approval even locally
    expect(verdictOf(impl, `role=node,device=paired,cred=secret-ok,loc=local,${base},upgrade=role`)).toBe("reject pairing-required");
    // X-Forwarded-For: a trusted loopback hop naming another loopback client is local; an untrusted one from the peer is remote
    expect(verdictOf(impl, `role=node,device=unpaired,cred=secret-ok,loc=local,${base},fwd=1`)).toBe("admit ok kept silent");
    expect(verdictOf(impl, `role=node,device=unpaired,cred=secret-ok,loc=remote,${base},fwd=1`)).toBe("reject pairing-required");
    // the paired device's own token verifies beside a wrong token
    expect(verdictOf(impl, `role=operator,device=paired,cred=secret-wrong,loc=remote,${base},dtok=1`)).toBe("admit ok kept paired");
  });

  it("gives a reason for every cell it did not realise, and none for those it did", () => {
    expect(impl.unrealised!(parseCellKey(`role=node,device=unpaired,cred=bootstrap-token,loc=local,${base}`))).toMatch(/bootstrap/);
    expect(impl.unrealised!(parseCellKey(`role=node,device=unpaired,cred=device-token,loc=local,${base}`))).toMatch(/paired device/);
    expect(impl.notes.find((n) => n.startsWith("realised credential:"))).toMatch(/bootstrap-token 0\/\d+/);
  });
});

describe("live: without a network namespace", () => {
  it("reports remote cells as not realised under --local-only", async () => {
    const impl = await loadLiveImplementation(VERSION, { cells: { client: "cli", authMode: "token", locality: "remote", device: "none", origin: "none" }, compare: false, localOnly: true });
    const cell = parseCellKey(`role=node,device=none,cred=secret-ok,loc=remote,${base}`);
    expect(impl.unrealised!(cell)).toMatch(/--local-only/);
  }, 120_000);
});
