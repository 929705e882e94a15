import { describe, expect, it } from "vitest";
import { AUTH_VALUES, authArgs } from "../../src/auth/auth-args.ts";
import {
  AUTH_EXCLUSIONS, AUTH_FIELDS, allAuthCells, authCellKey, exclusionOf, isValidAuthCell, parseAuthCellKey, type AuthCell,
} from "../../src/auth/auth-cell.ts";

const cell = (key: string) => parseAuthCellKey(key);
const base = "mode=token,secret=set,ts=0,proxy=n/a,token=right,pw=absent,via=direct-remote,id=n/a,tsid=absent,surface=ws-control-ui";

describe("the auth domain", () => {
  const cells = allAuthCells();

  it("enumerates every valid cell once, with stable distinct keys", () => {
    expect(cells.length).toBe(20952);
    const keys = cells.map(authCellKey);
    expect(new Set(keys).size).toBe(cells.length);
    expect(keys[0]).toBe("mode=none,secret=unset,ts=0,proxy=n/a,token=right,pw=right,via=direct-local,id=n/a,tsid=absent,surface=ws-control-ui");
    for (const key of keys.filter((_, i) => i % 997 === 0)) expect(authCellKey(parseAuthCellKey(key))).toBe(key);
  });

  it("drops only what a stated exclusion rule names", () => {
    const product = AUTH_FIELDS.reduce((n, [, , values]) => n * values.length, 1);
    expect(product).toBe(622080);
    const byRule = new Map(AUTH_EXCLUSIONS.map((r) => [r.id, 0]));
    let partial: Record<string, unknown>[] = [{}];
    for (const [name, , values] of AUTH_FIELDS) partial = partial.flatMap((c) => values.map((v) => ({ ...c, [name]: v })));
    for (const c of partial as unknown as AuthCell[]) {
      const rule = exclusionOf(c);
      expect(rule === undefined).toBe(isValidAuthCell(c));
      if (rule) byRule.set(rule.id, byRule.get(rule.id)! + 1);
    }
    expect(product - cells.length).toBe([...byRule.values()].reduce((a, b) => a + b, 0));
    for (const [id, n] of byRule) expect({ id, n }).not.toEqual({ id, n: 0 });
  });

  it("rejects keys of excluded or unknown cells", () => {
    expect(() => parseAuthCellKey(base.replace("proxy=n/a", "proxy=user-header"))).toThrow(/proxy-fields-in-proxy-mode/);
    expect(() => parseAuthCellKey(base.replace("via=direct-remote", "via=moon"))).toThrow(/via must be one of/);
  });

  it("keeps trusted-proxy fields to trusted-proxy mode, and the trusted paths to a configured list", () => {
    expect(cells.every((c) => (c.mode === "trusted-proxy") === (c.proxySetup !== "n/a"))).toBe(true);
    expect(cells.some((c) => c.proxySetup === "no-proxies" && c.via === "trusted-proxy")).toBe(false);
    expect(cells.some((c) => c.mode === "none" && c.secret !== "unset")).toBe(false);
  });
});

describe("concrete arguments of a cell", () => {
  it("sends the configured token, and no connectAuth at all when nothing is presented", () => {
    const a = authArgs(cell(base));
    expect(a.auth).toEqual({ mode: "token", token: AUTH_VALUES.token, allowTailscale: false });
    expect(a.connectAuth).toEqual({ token: AUTH_VALUES.token });
    expect(authArgs(cell(base.replace("token=right", "token=absent"))).connectAuth).toBeUndefined();
    expect(authArgs(cell(base.replace("secret=set", "secret=redacted"))).auth.token).toBe("__OPENCLAW_REDACTED__");
  });

  it("builds each path's request", () => {
    const local = authArgs(cell(base.replace("via=direct-remote", "via=direct-local")));
    expect(local.req).toEqual({ socket: { remoteAddress: "127.0.0.1" }, headers: { host: "127.0.0.1:18789" } });
    const serve = authArgs(cell(base.replace("via=direct-remote", "via=tailscale-serve").replace("tsid=absent", "tsid=whois-mismatch")));
    expect(serve.request.listener).toBe("tailscale-serve");
    expect(serve.req.headers).toMatchObject({ "x-forwarded-for": AUTH_VALUES.tailnetClient, "tailscale-user-login": AUTH_VALUES.tailscaleLogin });
    expect(serve.whois).toEqual({ login: AUTH_VALUES.otherLogin, name: "Mallory" });
    const funnel = authArgs(cell(base.replace("via=direct-remote", "via=trusted-proxy-funnel")));
    expect(funnel.req.socket.remoteAddress).toBe(AUTH_VALUES.proxy);
    expect(funnel.req.headers["tailscale-funnel-request"]).toBe("?1");
    expect(funnel.trustedProxies).toEqual([AUTH_VALUES.proxy]);
  });

  it("configures the trusted proxy and its identity headers", () => {
    const key = "mode=trusted-proxy,secret=set,ts=0,proxy=user-and-required,token=absent,pw=right,via=trusted-proxy,id=user-only,tsid=absent,surface=ws-control-ui";
    const a = authArgs(cell(key));
    expect(a.auth).toEqual({ mode: "trusted-proxy", password: AUTH_VALUES.password, allowTailscale: false,
      trustedProxy: { userHeader: AUTH_VALUES.userHeader, requiredHeaders: [AUTH_VALUES.requiredHeader] } });
    expect(a.req.headers[AUTH_VALUES.userHeader]).toBe("alice");
    expect(a.req.headers[AUTH_VALUES.requiredHeader]).toBeUndefined();
    expect(authArgs(cell(key.replace("proxy=user-and-required", "proxy=no-proxies").replace("via=trusted-proxy", "via=direct-local"))).trustedProxies).toEqual([]);
    expect(authArgs(cell(key.replace("proxy=user-and-required", "proxy=missing-config"))).auth.trustedProxy).toBeUndefined();
  });

  it("puts a same-host proxy on loopback, lists that address, and sets allowLoopback only when opted in", () => {
    const key = "mode=trusted-proxy,secret=unset,ts=0,proxy=user-header,token=absent,pw=absent,via=trusted-proxy,id=full,tsid=absent,surface=ws-control-ui";
    expect(authCellKey(cell(key))).toBe(key);
    expect(cell(key).proxySocket).toBe("lan");
    expect(cell(`${key},psock=lan`)).toEqual(cell(key));
    const loopback = authArgs(cell(`${key},psock=loopback`));
    expect(loopback.req.socket.remoteAddress).toBe(AUTH_VALUES.loopback);
    expect(loopback.req.headers["x-forwarded-for"]).toBe(AUTH_VALUES.remoteClient);
    expect(loopback.trustedProxies).toEqual([AUTH_VALUES.loopback]);
    expect(loopback.auth.trustedProxy).toEqual({ userHeader: AUTH_VALUES.userHeader });
    const optedIn = authArgs(cell(`${key},psock=loopback-opted-in`));
    expect(optedIn.auth.trustedProxy).toEqual({ userHeader: AUTH_VALUES.userHeader, allowLoopback: true });
    expect(authCellKey(cell(`${key},psock=loopback-opted-in`))).toBe(`${key},psock=loopback-opted-in`);
    expect(() => cell(`${base},psock=loopback`)).toThrow(/proxy-socket-on-the-proxy-path/);
  });
});
