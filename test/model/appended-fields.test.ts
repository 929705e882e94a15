import { describe, expect, it } from "vitest";
import { parseCellKey } from "../../src/domain/cell-key.ts";
import { modelImplementation, releaseModel } from "../../src/impl/model-impl.ts";
import { resolveModel } from "../../src/impl/resolve-ref.ts";
import { gate } from "../../src/engine/gate.ts";
import { eraOf } from "../../src/model/eras/index.ts";
import { connectPatch, type ModelPatch } from "../../src/model/patch.ts";
import type { Rule } from "../../src/model/rule.ts";
import type { Cell } from "../../src/domain/cell.ts";
import type { AuthFacts, FinalAuth, FinalAuthInput } from "../../src/model/stage-types.ts";
import { checkImpl } from "../helpers/check.ts";

/**
 * The appended fields (forwarding headers and Host header at the origin check, a device token
 * beside a secret) are read by the model's rules, and the properties stated over them fail on a
 * model that gets them wrong while the honest model holds.
 */
const verdict = (version: string, key: string) => resolveModel(version).decide(parseCellKey(key));
const CLI_FOREIGN = "role=operator,client=cli,device=none,auth=trusted-proxy,cred=proxy-ok,loc=remote,origin=foreign,insecure=0,ddda=0";
const UI_FOREIGN = "role=operator,client=control-ui,device=paired,auth=token,cred=secret-ok,loc=local,origin=foreign,insecure=0,ddda=0";
const BOTH = "role=operator,client=cli,device=paired,auth=token,cred=secret-wrong,loc=remote,origin=none,insecure=0,ddda=0,dtok=1";

describe("the origin check reads forwarding headers and the Host header where releases did", () => {
  it("2.25–3.8 pass a proxied foreign Origin on a non-browser client id (GHSA-5wcw-8jjv-m286); 3.11 refuses it", () => {
    expect(verdict("2026.3.8", `${CLI_FOREIGN},fwd=1`).outcome).toBe("admit");
    expect(verdict("2026.3.8", CLI_FOREIGN).reason).toBe("origin-not-allowed");
    expect(verdict("2026.3.11", `${CLI_FOREIGN},fwd=1`).reason).toBe("origin-not-allowed");
  });

  it("≤2.22-1 pass a Control UI Origin equal to the Host header (DNS rebinding); 2.23 refuses it", () => {
    expect(verdict("2026.2.22-1", `${UI_FOREIGN},host=origin`).outcome).toBe("admit");
    expect(verdict("2026.2.22-1", UI_FOREIGN).reason).toBe("origin-not-allowed");
    expect(verdict("2026.2.23", `${UI_FOREIGN},host=origin`).reason).toBe("origin-not-allowed");
  });
});

describe("a device token beside a wrong secret", () => {
  it("is read after the secret fails, as resolveConnectAuthDecision does", () => {
    expect(verdict("2026.9.6", BOTH)).toMatchObject({ outcome: "admit", pairing: "paired" });
    expect(verdict("2026.9.6", BOTH).rules).toContain("final.device-token");
  });
});

/** A device-less CLI operator a trusted proxy vouches for, on the proxy's own socket class. */
const VOUCHED = "role=operator,client=cli,device=none,auth=trusted-proxy,cred=proxy-ok,loc=remote,origin=none,insecure=0,ddda=0";

describe("a same-host trusted proxy (psock) reaches the connect's auth step", () => {
  it("3.28 admits a loopback proxy; 3.31 refuses it (trusted_proxy_loopback_source) while a LAN proxy stays admitted", () => {
    expect(verdict("2026.3.28", `${VOUCHED},psock=loopback`).outcome).toBe("admit");
    const refused = verdict("2026.3.31", `${VOUCHED},psock=loopback`);
    expect(refused.outcome).toBe("reject");
    expect(refused.rules).toContain("auth.proxy-loopback-source");
    expect(verdict("2026.3.31", VOUCHED).outcome).toBe("admit");
  });

  it("4.27 admits the proxy opted in with allowLoopback and still refuses it without", () => {
    expect(verdict("2026.4.27", `${VOUCHED},psock=loopback-opted-in`).outcome).toBe("admit");
    expect(verdict("2026.4.27", `${VOUCHED},psock=loopback`).outcome).toBe("reject");
  });

  it("configured-loopback-proxy-honoured fails on the models of 3.31 and 4.26 and holds on 3.28 and 4.27", () => {
    const status = (v: string) => checkImpl(releaseModel(v), ["configured-loopback-proxy-honoured"]).properties[0]!.status;
    expect(["2026.3.28", "2026.3.31", "2026.4.26", "2026.4.27"].map(status)).toEqual(["holds", "violated", "violated", "holds"]);
  });
});

const authRule = (rule: Rule<Cell, AuthFacts>): ModelPatch =>
  connectPatch((e) => ({ ...e, auth: { ...e.auth, rules: [rule, ...e.auth.rules] } }));

const finalRule = (rule: Rule<FinalAuthInput, FinalAuth>): ModelPatch =>
  connectPatch((e) => ({ ...e, finalAuth: { ...e.finalAuth, rules: [rule, ...e.finalAuth.rules] } }));

const MUTANTS: { name: string; version: string; killedBy: string; patch: ModelPatch }[] = [
  { name: "a wrong secret spoils the device token beside it", version: "2026.9.6", killedBy: "credential-pair-decided-by-the-verifying-one",
    patch: finalRule({ id: "mutant.wrong-secret-first", when: (i) => !i.authOk && i.credential === "secret-wrong", then: "unauthorized", why: "mutant" }) },
  { name: "a device token beside a verified secret is checked first and refuses it", version: "2026.9.6", killedBy: "credential-pair-decided-by-the-verifying-one",
    patch: finalRule({ id: "mutant.token-first", when: (i) => i.hasDevice && i.deviceToken && i.credential !== "device-token", then: "unauthorized", why: "mutant" }) },
  { name: "proxy headers skip the Origin check again", version: "2026.9.6", killedBy: "foreign-origin-rejected",
    patch: connectPatch((e) => ({ ...e, origin: { ...e.origin, rules: [{ id: "mutant.proxied", when: ({ cell: c }) => c.origin === "foreign" && c.forwarded, then: "pass", why: "mutant" }, ...e.origin.rules] } })) },
  { name: "an Origin equal to the Host header passes again", version: "2026.9.6", killedBy: "foreign-origin-rejected",
    patch: connectPatch((e) => ({ ...e, origin: { ...e.origin, rules: [{ id: "mutant.host", when: ({ cell: c }) => c.hostHeader === "origin", then: "pass", why: "mutant" }, ...e.origin.rules] } })) },
  { name: "allowLoopback is ignored again", version: "2026.9.6", killedBy: "configured-loopback-proxy-honoured",
    patch: authRule({ id: "mutant.opt-in-ignored", when: (c) => c.credential === "proxy-ok" && c.proxySocket !== "lan", then: { ok: false, method: "token", sharedAuthOk: false }, why: "mutant" }) },
  { name: "an opted-in same-host proxy's operator loses its scopes", version: "2026.9.6", killedBy: "configured-loopback-proxy-honoured",
    patch: authRule({ id: "mutant.opt-in-not-shared", when: (c) => c.credential === "proxy-ok" && c.proxySocket === "loopback-opted-in", then: { ok: true, method: "trusted-proxy", sharedAuthOk: false }, why: "mutant" }) },
];

describe("mutants of the appended fields' rules", () => {
  for (const mutant of MUTANTS) {
    it(`${mutant.name} — killed by ${mutant.killedBy}`, () => {
      const impl = modelImplementation(`mutant:${mutant.name}`, eraOf(mutant.version), mutant.version, mutant.name, mutant.patch);
      expect(checkImpl(impl, [mutant.killedBy]).properties[0]!.status).toBe("violated");
      expect(checkImpl(releaseModel(mutant.version), [mutant.killedBy]).properties[0]!.status).toBe("holds");
    });
  }
});

describe("the gate on a same-host proxy", () => {
  it("reports a release that stops honouring allowLoopback as narrowing, its own failing class, and --allow-narrowing accepts it", () => {
    const base = releaseModel("2026.9.6");
    const head = modelImplementation("mutant:opt-in-ignored", eraOf("2026.9.6"), "2026.9.6", "allowLoopback ignored", MUTANTS.find((m) => m.name === "allowLoopback is ignored again")!.patch);
    const report = gate(base, head);
    expect(report.unaccepted).toEqual([]);
    expect(report.narrowed).toBeGreaterThan(0);
    expect(report.narrowing.map((r) => r.when).every((when) => when.includes("proxySocket=loopback-opted-in"))).toBe(true);
    expect(report.failed).toBe(true);
    expect(gate(base, head, undefined, { allowNarrowing: true }).failed).toBe(false);
  });
});

