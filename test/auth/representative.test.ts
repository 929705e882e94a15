import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allAuthCells, authCellKey, parseAuthCellKey } from "../../src/auth/auth-cell.ts";
import { authRulesAt } from "../../src/auth/eras/index.ts";
import { agreementOf, authTable, connectStateAgreement, type AuthTable } from "../../src/auth/real/agreement.ts";
import { decide } from "../../src/model/rule.ts";
import type { Agreement } from "../../src/differential/agreement.ts";
import { clawproof } from "../helpers/cli.ts";

/** The representative releases of the brief; 9.6 is the newest published. */
const REPRESENTATIVE = ["2026.2.26", "2026.3.11", "2026.3.13", "2026.3.22", "2026.4.9", "2026.5.12", "2026.6.10", "2026.8.1", "2026.9.6"];

const tables = new Map<string, AuthTable>();
const states = new Map<string, Agreement>();
beforeAll(async () => {
  // releases come from the project's cache (fetched once from npm on a cold run); each runs in its own worker
  await Promise.all(REPRESENTATIVE.map(async (v) => {
    tables.set(v, await authTable(v));
    states.set(v, await connectStateAgreement(v));
  }));
}, 900_000);
afterAll(() => tables.clear());

const row = (v: string, key: string) => tables.get(v)!.rows.find((r) => r.key === authCellKey(parseAuthCellKey(key)))!;
const tok = "mode=token,secret=set,ts=0,proxy=n/a,token=right,pw=absent,via=direct-remote,id=n/a,tsid=absent,surface=ws-control-ui";

describe.each(REPRESENTATIVE)("openclaw@%s", (version) => {
  it("authorizeGatewayConnect agrees with the model on every auth cell", () => {
    const a = agreementOf(tables.get(version)!);
    expect({ status: a.status, mismatches: a.mismatches, example: a.example }).toEqual({ status: "agrees", mismatches: 0, example: undefined });
    expect(a.cells).toBe(allAuthCells().length);
  });

  it("resolveConnectAuthState derives authOk, authMethod and sharedAuthOk as modelled", () => {
    const a = states.get(version)!;
    expect({ status: a.status, mismatches: a.mismatches, example: a.example }).toEqual({ status: "agrees", mismatches: 0, example: undefined });
    expect(a.cells).toBe(9000);
  });

  it("admits mode none with method none, and answers a wrong token with token_mismatch", () => {
    expect(row(version, "mode=none,secret=unset,ts=0,proxy=n/a,token=absent,pw=absent,via=direct-local,id=n/a,tsid=absent,surface=ws-control-ui").release)
      .toEqual({ ok: true, method: "none" });
    expect(row(version, tok.replace("token=right", "token=wrong")).release).toEqual({ ok: false, reason: "token_mismatch" });
  });

  it("exercises every rule in force (no rule is agreed with vacuously)", () => {
    const hit = new Set(tables.get(version)!.rows.map((r) => r.rule));
    const unused = authRulesAt(version).rules.filter((r) => !hit.has(r.id) && !r.unreachable).map((r) => r.id);
    expect(unused).toEqual([]);
  });

  it("would catch a model that dropped any rule that decides a cell", () => {
    const rows = tables.get(version)!.rows;
    const list = authRulesAt(version);
    for (const dropped of list.rules.slice(0, -1)) {
      const mutant = { ...list, rules: list.rules.filter((r) => r !== dropped) };
      const caught = rows.some((r) => r.rule === dropped.id && JSON.stringify(decide(mutant, r.cell).value) !== JSON.stringify(r.release));
      expect({ dropped: dropped.id, caught }).toEqual({ dropped: dropped.id, caught: rows.some((r) => r.rule === dropped.id) });
    }
  });
});

describe("measured facts", () => {
  it("a Tailscale identity is verified through the whois argument, and replays from the CLI", () => {
    const key = tok.replace("ts=0", "ts=1").replace("token=right", "token=absent").replace("via=direct-remote", "via=tailscale-serve").replace("tsid=absent", "tsid=whois-match");
    for (const v of ["2026.3.11", "2026.9.6"]) {
      expect(row(v, key).release).toEqual({ ok: true, method: "tailscale" });
      expect(row(v, key.replace("whois-match", "whois-mismatch")).release).toEqual({ ok: false, reason: "token_missing" });
    }
    const replay = clawproof("call", "openclaw@2026.3.11", "authorizeGatewayConnect", "--args", JSON.stringify(row("2026.3.11", key).args));
    expect(replay.code).toBe(0);
    expect(JSON.parse(replay.stdout)).toMatchObject({ ok: true, method: "tailscale", user: "alice@example.com" });
  });

  it("reason codes seen across the representative releases", () => {
    const reasons = new Set<string>();
    for (const t of tables.values()) for (const r of t.rows) if ("reason" in r.release) reasons.add(r.release.reason);
    expect([...reasons].sort()).toEqual([
      "gateway_auth_required", "password_mismatch", "password_missing", "password_missing_config", "password_redacted_config",
      "proxy_attribution_required", "token_mismatch", "token_missing", "token_missing_config", "token_redacted_config",
      "trusted_proxy_config_missing", "trusted_proxy_loopback_source", "trusted_proxy_missing_header_x-auth-request-email", "trusted_proxy_no_proxies_configured",
      "trusted_proxy_untrusted_source", "trusted_proxy_user_missing",
    ]);
  });
});
