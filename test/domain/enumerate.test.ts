import { describe, expect, it } from "vitest";
import { test as prop } from "@fast-check/vitest";
import { cellArbitrary } from "../../src/domain/arbitraries.ts";
import { APPENDED_FIELDS, CELL_FIELDS } from "../../src/domain/cell.ts";
import { cellKey, parseCellKey, parseCellPattern } from "../../src/domain/cell-key.ts";
import { PRODUCT_SIZE, allCells, cellAt, cellsAt, indexOf } from "../../src/domain/enumerate.ts";
import { VALIDITY_RULES, exclusionOf, isValidCell } from "../../src/domain/validity.ts";

describe("the abstract domain", () => {
  it("yields every valid cell exactly once and nothing else", () => {
    const keys = allCells().map(cellKey);
    expect(new Set(keys).size).toBe(keys.length);
    let valid = 0;
    for (let i = 0; i < PRODUCT_SIZE; i++) if (isValidCell(cellAt(i))) valid++;
    expect(keys.length).toBe(valid);
    expect(allCells().every(isValidCell)).toBe(true);
    // in index order: the order counterexamples are searched in
    const indices = allCells().map(indexOf);
    expect(indices.every((n, i) => i === 0 || n > indices[i - 1]!)).toBe(true);
  });

  it("excludes each impossible combination through a stated rule", () => {
    // one pass over the product: every invalid cell names its rule, and every rule excludes something
    const used = new Set<string>();
    let excluded = 0;
    for (let i = 0; i < PRODUCT_SIZE; i++) {
      const cell = cellAt(i);
      if (isValidCell(cell)) continue;
      excluded++;
      const rule = exclusionOf(cell);
      if (!rule?.why) expect.fail(`cell ${i} is invalid without a stated rule`);
      used.add(rule.id);
    }
    expect(excluded).toBeGreaterThan(0);
    expect([...used].sort()).toEqual(VALIDITY_RULES.map((r) => r.id).sort());
  });

  it("numbers cells consistently", () => {
    for (const cell of allCells().slice(0, 500)) expect(cellAt(indexOf(cell))).toEqual(cell);
  });

  it("has a device token beside a token only from 2026.2.22 (beside a password always)", () => {
    expect(cellsAt("2026.2.21").filter((c) => c.withDeviceToken).every((c) => c.authMode === "password")).toBe(true);
    expect(cellsAt("2026.2.21").some((c) => c.withDeviceToken)).toBe(true);
    expect(cellsAt("2026.2.22").some((c) => c.withDeviceToken && c.authMode === "token")).toBe(true);
  });

  it("has no bootstrap tokens before 2026.3.13", () => {
    expect(cellsAt("2026.3.11").some((c) => c.credential === "bootstrap-token")).toBe(false);
    expect(cellsAt("2026.3.13").some((c) => c.credential === "bootstrap-token")).toBe(true);
  });
});

describe("cell keys", () => {
  prop.prop([cellArbitrary], { seed: 7, numRuns: 300 })("round-trip through the command line form", (cell) => {
    expect(parseCellKey(cellKey(cell))).toEqual(cell);
  });

  it("name every field, leaving appended fields out at their default", () => {
    const key = cellKey(allCells()[0]!);
    expect(key.split(",").map((p) => p.split("=")[0])).toEqual(CELL_FIELDS.filter(([f]) => !APPENDED_FIELDS.has(f)).map(([f]) => (f === "authMode" ? "auth" : f === "credential" ? "cred" : f === "locality" ? "loc" : f === "allowInsecureAuth" ? "insecure" : f === "dangerouslyDisableDeviceAuth" ? "ddda" : f)));
    const upgraded = allCells().find((c) => c.upgrade === "role")!;
    expect(cellKey(upgraded)).toMatch(/,upgrade=role$/);
    expect(parseCellKey(cellKey(upgraded))).toEqual(upgraded);
    const forwarded = allCells().find((c) => c.forwarded)!;
    expect(cellKey(forwarded)).toMatch(/,fwd=1$/);
    const rebound = allCells().find((c) => c.hostHeader === "origin")!;
    expect(cellKey(rebound)).toMatch(/,host=origin$/);
    expect(parseCellKey(cellKey(rebound))).toEqual(rebound);
    const both = allCells().find((c) => c.withDeviceToken)!;
    expect(cellKey(both)).toMatch(/,dtok=1$/);
  });

  it("leave the latest appended fields out of a key at their defaults, and use them only where a rule reads them", () => {
    const atDefaults = allCells().filter((c) => !c.forwarded && c.hostHeader === "gateway" && !c.withDeviceToken);
    for (const cell of atDefaults.slice(0, 2000)) expect(cellKey(cell)).not.toMatch(/fwd=|host=|dtok=/);
    // the new values only occur where a step reads them: the origin check of a disallowed Origin, a new device's first pairing
    expect(allCells().filter((c) => c.hostHeader !== "gateway").every((c) => c.origin === "foreign")).toBe(true);
    expect(allCells().filter((c) => c.forwarded).every((c) => c.origin === "foreign" || (c.device === "unpaired" && c.upgrade === "none"))).toBe(true);
    // and the device token beside a secret only on a paired device
    expect(allCells().filter((c) => c.withDeviceToken).every((c) => c.device === "paired" && (c.credential === "secret-ok" || c.credential === "secret-wrong"))).toBe(true);
  });

  it("read a key written before a field was appended as the same connect, at the field's default", () => {
    const old = "role=node,client=cli,device=none,auth=token,cred=secret-ok,loc=local,origin=none,insecure=0,ddda=0";
    expect(parseCellKey(old)).toEqual({ role: "node", client: "cli", device: "none", authMode: "token", credential: "secret-ok", locality: "local", origin: "none", allowInsecureAuth: false, dangerouslyDisableDeviceAuth: false, upgrade: "none", forwarded: false, hostHeader: "gateway", withDeviceToken: false, proxySocket: "lan" });
    expect(cellKey(parseCellKey(old))).toBe(old);
  });

  it("explain bad keys", () => {
    expect(() => parseCellPattern("role=admin")).toThrow(/role is one of operator\|node/);
    expect(() => parseCellKey("role=node")).toThrow(/incomplete: missing client/);
    expect(() => parseCellKey(cellKey(allCells()[0]!).replace("cred=secret-ok", "cred=proxy-ok"))).toThrow(/credential-fits-mode/);
  });
});

describe("arbitraries", () => {
  prop.prop([cellArbitrary], { seed: 11, numRuns: 300 })("only draw valid cells", (cell) => {
    expect(isValidCell(cell)).toBe(true);
  });
});
