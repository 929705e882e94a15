import { describe, expect, it } from "vitest";
import { parseCellKey } from "../../src/domain/cell-key.ts";
import { resolveModel } from "../../src/impl/resolve-ref.ts";

/**
 * The inline scope clearing before 3.13, dated from each bundle's connect handler and from the
 * live gateways of 2026-12-01: a device-less CLI operator holding the right token is cleared on 2.19,
 * 2.21, 2.24 and 2.25 and keeps its scopes on 2.26 (GHSA-rqpp-rjj8-7wv8's secret exemption).
 */
const verdict = (version: string, key: string) => resolveModel(version).decide(parseCellKey(key));
const TOKEN_CLI = "role=operator,client=cli,device=none,auth=token,cred=secret-ok,loc=local,origin=none,insecure=0,ddda=0";
const PROXY_UI = "role=operator,client=control-ui,device=none,auth=trusted-proxy,cred=proxy-ok,loc=remote,origin=loopback,insecure=0,ddda=0";
const scopesOf = (version: string, key: string) => {
  const v = verdict(version, key);
  expect(v.outcome, `${key} admitted on ${version}`).toBe("admit");
  return v.scopes;
};

describe("device-less scope clearing before 3.13", () => {
  it("a token CLI keeps its scopes on 2.12, is cleared on 2.17–2.25 (live: 2.19, 2.21, 2.24, 2.25), keeps them on 2.26–3.11 and is cleared on 3.13", () => {
    const seen = ["2026.2.12", "2026.2.17", "2026.2.19", "2026.2.21", "2026.2.24", "2026.2.25", "2026.2.26", "2026.3.11", "2026.3.13"]
      .map((version) => [version, scopesOf(version, TOKEN_CLI)]);
    expect(seen).toEqual([
      ["2026.2.12", "kept"], ["2026.2.17", "cleared"], ["2026.2.19", "cleared"], ["2026.2.21", "cleared"], ["2026.2.24", "cleared"],
      ["2026.2.25", "cleared"], ["2026.2.26", "kept"], ["2026.3.11", "kept"], ["2026.3.13", "cleared"],
    ]);
  });

  it("a trusted-proxy Control UI admitted from 2.24 is cleared on 2.25 (no bypass knob) and keeps its scopes on 2.26 (the proxy counts as shared auth)", () => {
    expect(scopesOf("2026.2.25", PROXY_UI)).toBe("cleared");
    expect(scopesOf("2026.2.26", PROXY_UI)).toBe("kept");
  });

  it("the bypass knob keeps a Control UI's scopes on 2.25: the one exemption before 2.26", () => {
    expect(scopesOf("2026.2.25", PROXY_UI.replace("ddda=0", "ddda=1"))).toBe("kept");
  });
});
