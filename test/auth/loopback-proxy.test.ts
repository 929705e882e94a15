import { beforeAll, describe, expect, it } from "vitest";
import { allAuthCells, authCellKey, type AuthCell } from "../../src/auth/auth-cell.ts";
import { authTable, type AuthTable } from "../../src/auth/real/agreement.ts";

/**
 * A same-host reverse proxy in gateway.trustedProxies: 3.31 starts refusing a proxy whose socket is
 * loopback, and 4.27 starts honouring gateway.auth.trustedProxy.allowLoopback. The answers asserted
 * are the releases' own (the `release` side of each row), so a model that invented the refusal or
 * the opt-in, or a request that never put the proxy on loopback, fails here.
 */
const VERSIONS = ["2026.3.28", "2026.3.31", "2026.4.26", "2026.4.27"];
const proxyCells = allAuthCells().filter((c) => c.mode === "trusted-proxy");

const tables = new Map<string, AuthTable>();
beforeAll(async () => {
  await Promise.all(VERSIONS.map(async (v) => tables.set(v, await authTable(v, proxyCells))));
}, 900_000);

/** The cell where the proxy vouches fully for a user, on the given socket class. */
const vouched = (proxySocket: AuthCell["proxySocket"]) => authCellKey(proxyCells.find((c) =>
  c.via === "trusted-proxy" && c.proxySetup === "user-header" && c.proxyIdentity === "full" && c.secret === "unset"
  && c.token === "absent" && c.password === "absent" && c.surface === "ws-control-ui" && c.proxySocket === proxySocket)!);

const answer = (v: string, key: string) => tables.get(v)!.rows.find((r) => r.key === key)!.release;

describe("a loopback trusted proxy, as the releases decide it", () => {
  it("both sides of each boundary agree with the model on every trusted-proxy cell", () => {
    for (const v of VERSIONS) {
      const a = tables.get(v)!.agreement;
      expect({ v, status: a.status, mismatches: a.mismatches, example: a.example }).toEqual({ v, status: "agrees", mismatches: 0, example: undefined });
    }
  });

  it("3.28 admits a loopback proxy; 3.31 refuses it with trusted_proxy_loopback_source while a LAN proxy stays admitted", () => {
    const admitted = { ok: true, method: "trusted-proxy" };
    expect(answer("2026.3.28", vouched("loopback"))).toMatchObject(admitted);
    expect(answer("2026.3.31", vouched("loopback"))).toEqual({ ok: false, reason: "trusted_proxy_loopback_source" });
    for (const v of VERSIONS) expect(answer(v, vouched("lan"))).toMatchObject(admitted);
  });

  it("allowLoopback is ignored by 4.26 and honoured by 4.27; without it 4.27 still refuses", () => {
    expect(answer("2026.4.26", vouched("loopback-opted-in"))).toEqual({ ok: false, reason: "trusted_proxy_loopback_source" });
    expect(answer("2026.4.27", vouched("loopback-opted-in"))).toMatchObject({ ok: true, method: "trusted-proxy" });
    expect(answer("2026.4.27", vouched("loopback"))).toEqual({ ok: false, reason: "trusted_proxy_loopback_source" });
  });

  it("the model names the dated rules for those answers", () => {
    const rule = (v: string, key: string) => tables.get(v)!.rows.find((r) => r.key === key)!.rule;
    expect(rule("2026.3.31", vouched("loopback"))).toBe("proxy.loopback-source");
    expect(rule("2026.4.26", vouched("loopback-opted-in"))).toBe("proxy.loopback-source-no-opt-in");
    expect(rule("2026.3.28", vouched("loopback"))).toBe("proxy.ok");
  });
});
