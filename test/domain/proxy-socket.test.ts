import { describe, expect, it } from "vitest";
import { cellKey, parseCellKey } from "../../src/domain/cell-key.ts";
import { allCells, cellsAt } from "../../src/domain/enumerate.ts";
import { exclusionOf, isValidCell } from "../../src/domain/validity.ts";

/** A device-less CLI operator a trusted proxy vouches for: the scenario the proxy's socket changes. */
const VOUCHED = "role=operator,client=cli,device=none,auth=trusted-proxy,cred=proxy-ok,loc=remote,origin=none,insecure=0,ddda=0";

describe("the trusted proxy's socket (psock) as a connect-cell field", () => {
  it("round-trips with and without the field: lan is left out, so an older key names the same connect", () => {
    const lan = parseCellKey(VOUCHED);
    expect(lan.proxySocket).toBe("lan");
    expect(cellKey(lan)).toBe(VOUCHED);
    expect(parseCellKey(`${VOUCHED},psock=lan`)).toEqual(lan);
    for (const socket of ["loopback", "loopback-opted-in"] as const) {
      const key = `${VOUCHED},psock=${socket}`;
      const cell = parseCellKey(key);
      expect(cell).toEqual({ ...lan, proxySocket: socket });
      expect(cellKey(cell)).toBe(key);
    }
  });

  it("varies only where a trusted proxy vouches for a user in trusted-proxy mode", () => {
    const moved = allCells().filter((c) => c.proxySocket !== "lan");
    expect(moved.length).toBeGreaterThan(0);
    expect(moved.every((c) => c.authMode === "trusted-proxy" && c.credential === "proxy-ok")).toBe(true);
    // every such cell has both same-host twins, and nothing else moved off lan
    const vouched = allCells().filter((c) => c.proxySocket === "lan" && c.authMode === "trusted-proxy" && c.credential === "proxy-ok");
    expect(moved.length).toBe(2 * vouched.length);
    for (const key of [
      "role=operator,client=cli,device=none,auth=trusted-proxy,cred=proxy-missing,loc=remote,origin=none,insecure=0,ddda=0,psock=loopback",
      "role=operator,client=cli,device=none,auth=trusted-proxy,cred=secret-ok,loc=local,origin=none,insecure=0,ddda=0,psock=loopback",
      "role=operator,client=cli,device=none,auth=token,cred=secret-ok,loc=remote,origin=none,insecure=0,ddda=0,psock=loopback-opted-in",
    ]) expect(() => parseCellKey(key), key).toThrow(/proxy-socket-where-the-proxy-speaks/);
    expect(isValidCell({ ...parseCellKey(VOUCHED), credential: "device-token", device: "paired", proxySocket: "loopback" })).toBe(false);
    expect(exclusionOf({ ...parseCellKey(VOUCHED), proxySocket: "loopback" })).toBeUndefined();
  });

  it("has the allowLoopback opt-in only from 2026.4.27, when the config schema first takes the key", () => {
    expect(cellsAt("2026.4.26").some((c) => c.proxySocket === "loopback-opted-in")).toBe(false);
    expect(cellsAt("2026.4.26").some((c) => c.proxySocket === "loopback")).toBe(true);
    expect(cellsAt("2026.4.27").some((c) => c.proxySocket === "loopback-opted-in")).toBe(true);
  });
});
