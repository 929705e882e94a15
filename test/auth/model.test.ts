import { describe, expect, it } from "vitest";
import { allAuthCells, parseAuthCellKey } from "../../src/auth/auth-cell.ts";
import { connectAuthFacts, connectAuthStateAt } from "../../src/auth/connect-state.ts";
import { AUTH_ERAS, authEraOf, authorizeModel, authRulesAt } from "../../src/auth/eras/index.ts";
import { fail, ok } from "../../src/auth/outcome.ts";
import { CannotCheckError } from "../../src/domain/errors.ts";
import { compareVersions } from "../../src/domain/versions.ts";
import { publishedReleases } from "../../src/model/releases.ts";

const cell = parseAuthCellKey;
const tok = "mode=token,secret=set,ts=0,proxy=n/a,token=right,pw=absent,via=direct-remote,id=n/a,tsid=absent,surface=ws-control-ui";
const decide = (version: string, key: string) => authorizeModel(version, cell(key)).value;

describe("auth eras", () => {
  it("tile every published release from 2026.2.9 without gaps or overlaps", () => {
    for (const { version } of publishedReleases()) {
      const eras = AUTH_ERAS.filter((e) => (!e.since || compareVersions(version, e.since) >= 0) && (!e.until || compareVersions(version, e.until) < 0));
      expect({ version, eras: eras.length }).toEqual({ version, eras: compareVersions(version, "2026.2.9") < 0 ? 0 : 1 });
    }
    expect(() => authEraOf("2026.2.6-3")).toThrow(CannotCheckError);
  });

  it("in force at any release: one screen of rules, unique ids, a catch-all last", () => {
    const versions = publishedReleases().map((r) => r.version).filter((v) => compareVersions(v, "2026.2.9") >= 0);
    for (const v of versions) {
      const rules = authRulesAt(v).rules;
      expect(rules.length).toBeLessThanOrEqual(25);
      expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
      expect(allAuthCells().filter((_, i) => i % 211 === 0).every((c) => rules.at(-1)!.when(c))).toBe(true);
    }
  });
});

describe("authorizeGatewayConnect, as modelled", () => {
  it("admits mode none with method none", () => {
    const none = "mode=none,secret=unset,ts=0,proxy=n/a,token=absent,pw=absent,via=direct-remote,id=n/a,tsid=absent,surface=ws-control-ui";
    for (const v of ["2026.2.26", "2026.3.11", "2026.6.10", "2026.9.6"]) expect(decide(v, none)).toEqual(ok("none"));
    // before 2.19 the function has no mode none branch
    expect(decide("2026.2.17", none)).toEqual(fail("unauthorized"));
  });

  it("answers a wrong token with token_mismatch, a missing one with token_missing", () => {
    for (const v of ["2026.2.26", "2026.4.9", "2026.9.6"]) {
      expect(decide(v, tok.replace("token=right", "token=wrong"))).toEqual(fail("token_mismatch"));
      expect(decide(v, tok.replace("token=right", "token=absent"))).toEqual(fail("token_missing"));
      expect(decide(v, tok.replace("secret=set", "secret=unset"))).toEqual(fail("token_missing_config"));
    }
    // 9.3+: the password stands in for an absent token, and never matches it
    const pwOnly = tok.replace("token=right", "token=absent").replace("pw=absent", "pw=right");
    expect(decide("2026.9.2", pwOnly)).toEqual(fail("token_missing"));
    expect(decide("2026.9.3", pwOnly)).toEqual(fail("token_mismatch"));
    expect(decide("2026.9.6", tok.replace("secret=set", "secret=redacted"))).toEqual(fail("token_redacted_config"));
    expect(decide("2026.9.5", tok.replace("secret=set", "secret=redacted"))).toEqual(fail("token_mismatch"));
  });

  it("takes a Tailscale identity only on the WebSocket surface, and from 4.5 only without a secret", () => {
    const serve = tok.replace("ts=0", "ts=1").replace("via=direct-remote", "via=tailscale-serve").replace("tsid=absent", "tsid=whois-match");
    expect(decide("2026.3.11", serve)).toEqual(ok("tailscale"));
    expect(decide("2026.2.19", serve.replace("surface=ws-control-ui", "surface=http"))).toEqual(ok("tailscale"));
    expect(decide("2026.3.11", serve.replace("surface=ws-control-ui", "surface=http"))).toEqual(ok("token"));
    expect(decide("2026.4.5", serve)).toEqual(ok("token"));
    expect(decide("2026.4.5", serve.replace("token=right", "token=absent"))).toEqual(ok("tailscale"));
    expect(decide("2026.4.5", serve.replace("token=right", "token=absent").replace("whois-match", "whois-mismatch"))).toEqual(fail("token_missing"));
  });

  it("8.1+: refuses unattributable proxies before credentials, and mode none through a funnel", () => {
    expect(decide("2026.7.35", tok.replace("via=direct-remote", "via=untrusted-proxy"))).toEqual(ok("token"));
    expect(decide("2026.8.1", tok.replace("via=direct-remote", "via=untrusted-proxy"))).toEqual(fail("proxy_attribution_required"));
    const funnelNone = "mode=none,secret=unset,ts=0,proxy=n/a,token=absent,pw=absent,via=trusted-proxy-funnel,id=n/a,tsid=absent,surface=ws-control-ui";
    expect(decide("2026.7.35", funnelNone)).toEqual(ok("none"));
    expect(decide("2026.8.1", funnelNone)).toEqual(fail("gateway_auth_required"));
  });

  it("lets a local caller use the password in trusted-proxy mode from 4.27, except in 5.12", () => {
    const local = "mode=trusted-proxy,secret=set,ts=0,proxy=user-header,token=absent,pw=right,via=direct-local,id=full,tsid=absent,surface=ws-control-ui";
    expect(decide("2026.4.26", local)).toEqual(fail("trusted_proxy_untrusted_source"));
    expect(decide("2026.4.27", local)).toEqual(ok("password"));
    expect(decide("2026.5.12", local)).toEqual(fail("trusted_proxy_untrusted_source"));
    expect(decide("2026.5.18", local)).toEqual(ok("password"));
    expect(decide("2026.9.6", local.replace("secret=set", "secret=redacted"))).toEqual(fail("password_redacted_config"));
  });
});

describe("connect-policy facts from an auth result", () => {
  it("falls back to the mode's method when auth failed: password in password mode, token otherwise", () => {
    const pw = "mode=password,secret=set,ts=0,proxy=n/a,token=absent,pw=wrong,via=direct-remote,id=n/a,tsid=absent,surface=ws-control-ui";
    expect(connectAuthStateAt("2026.3.11", cell(pw))).toEqual({ authOk: false, authMethod: "password", sharedAuthOk: false, hasSharedAuth: true });
    expect(connectAuthStateAt("2026.3.11", cell(tok.replace("token=right", "token=wrong")))).toMatchObject({ authOk: false, authMethod: "token" });
    const proxy = "mode=trusted-proxy,secret=unset,ts=0,proxy=user-header,token=absent,pw=absent,via=direct-remote,id=full,tsid=absent,surface=ws-control-ui";
    expect(connectAuthStateAt("2026.6.10", cell(proxy))).toEqual({ authOk: false, authMethod: "token", sharedAuthOk: false, hasSharedAuth: false });
    const none = "mode=none,secret=unset,ts=0,proxy=n/a,token=absent,pw=absent,via=untrusted-proxy,id=n/a,tsid=absent,surface=ws-control-ui";
    expect(connectAuthStateAt("2026.9.6", cell(none))).toEqual({ authOk: false, authMethod: "token", sharedAuthOk: false, hasSharedAuth: false });
  });

  it("counts token/password and trusted-proxy as shared auth, never mode none or Tailscale", () => {
    expect(connectAuthStateAt("2026.3.11", cell(tok))).toEqual({ authOk: true, authMethod: "token", sharedAuthOk: true, hasSharedAuth: true });
    const none = "mode=none,secret=unset,ts=0,proxy=n/a,token=right,pw=absent,via=direct-local,id=n/a,tsid=absent,surface=ws-control-ui";
    expect(connectAuthStateAt("2026.3.11", cell(none))).toEqual({ authOk: true, authMethod: "none", sharedAuthOk: false, hasSharedAuth: true });
    const proxy = "mode=trusted-proxy,secret=unset,ts=0,proxy=user-header,token=absent,pw=absent,via=trusted-proxy,id=full,tsid=absent,surface=ws-control-ui";
    expect(connectAuthStateAt("2026.2.23", cell(proxy))).toEqual({ authOk: true, authMethod: "trusted-proxy", sharedAuthOk: true, hasSharedAuth: false });
    // measured: 2.22's resolveConnectAuthState (the first) did not count trusted-proxy yet
    expect(connectAuthStateAt("2026.2.22", cell(proxy))).toMatchObject({ authOk: true, sharedAuthOk: false });
    // 3.x: Tailscale wins the full auth, yet the token verified on its own: shared auth holds
    const serve = tok.replace("ts=0", "ts=1").replace("via=direct-remote", "via=tailscale-serve").replace("tsid=absent", "tsid=whois-match");
    expect(connectAuthStateAt("2026.3.11", cell(serve))).toEqual({ authOk: true, authMethod: "tailscale", sharedAuthOk: true, hasSharedAuth: true });
    const tsOnly = serve.replace("token=right", "token=absent");
    expect(connectAuthStateAt("2026.9.6", cell(tsOnly))).toEqual({ authOk: true, authMethod: "tailscale", sharedAuthOk: false, hasSharedAuth: false });
  });

  it("can be fed any pair of outcomes, e.g. a release's", () => {
    expect(connectAuthFacts("2026.9.6", { cell: cell(tok), full: fail("rate_limited"), sharedOnly: ok("token") }))
      .toEqual({ authOk: false, authMethod: "token", sharedAuthOk: true, hasSharedAuth: true });
  });
});
