/**
 * The statement slicer on a small hand-written bundle shaped like rolldown output: a connect
 * handler with an inline `silent:` and a proxy-header const, a helper in another chunk, a second
 * copy of the handler, and the shapes it must refuse (a `let`, an undeclared parameter, two
 * different matches). The real releases are in releases.test.ts.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Dist } from "../../src/release/slice/dist.ts";
import type { GlueSpec } from "../../src/release/slice/glue-anchors.ts";
import { GlueRefusal, sliceGlue } from "../../src/release/slice/glue.ts";

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

function distOf(files: Record<string, string>): Dist {
  const root = mkdtempSync(join(tmpdir(), "clawproof-glue-"));
  roots.push(root);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, name), text);
  return new Dist(root);
}

const HELPERS = [
  `//#region src/gateway/net.ts`,
  `const FORWARDED = ["forwarded", "x-forwarded-for"];`,
  `function hasForwardedRequestHeaders(req) {\n\treturn FORWARDED.some((h) => Boolean(req.headers[h]));\n}`,
  `//#endregion`,
  `export { hasForwardedRequestHeaders as h };`,
].join("\n");

const handler = (silent: string, extra = "") => [
  `import { h as hasForwardedRequestHeaders } from "./net-N1.js";`,
  `//#region src/gateway/server/ws-connection/message-handler.ts`,
  `function attachGatewayWsMessageHandler(params) {`,
  `\tconst { upgradeReq, role } = params;`,
  `\tconst hasProxyHeaders = hasForwardedRequestHeaders(upgradeReq);`,
  `\tlet attempts = 0;`,
  extra,
  `\tconst requirePairing = async (reason, existingPairedDevice = null) => {`,
  `\t\tconst allowSilentLocalPairing = !(existingPairedDevice && role !== "operator") && shouldAllowSilentLocalPairing({ reason, attempts });`,
  `\t\tconst pairing = await requestDevicePairing({ deviceId: "d", silent: ${silent} });`,
  `\t\treturn pairing;`,
  `\t};`,
  `\treturn { hasProxyHeaders, requirePairing };`,
  `}`,
  `//#endregion`,
  `export { attachGatewayWsMessageHandler as t };`,
].join("\n");

const SILENT: GlueSpec = {
  within: ["attachGatewayWsMessageHandler", "requirePairing"],
  anchor: { kind: "property", property: "silent", call: "requestDevicePairing" },
  inputs: ["reason", "existingPairedDevice", "role"], holes: ["shouldAllowSilentLocalPairing"], pins: { allowSilentTrustedCidrsNodePairing: false },
};
const PROXY: GlueSpec = { within: ["attachGatewayWsMessageHandler"], anchor: { kind: "declarator", name: "hasProxyHeaders" }, inputs: ["upgradeReq"] };

const slice = (dist: Dist, spec: GlueSpec) => sliceGlue(dist, "glueTest", spec, new Set(), () => (s) => s);
/** The emitted module, imported and called like the worker does. */
async function callable(code: string): Promise<(input: Record<string, unknown>) => unknown> {
  const mod = await import(`data:text/javascript;base64,${Buffer.from(code).toString("base64")}`);
  return mod.glueTest;
}

describe("the statement slicer", () => {
  const VETO = `reason === "scope-upgrade" ? false : allowSilentLocalPairing || allowSilentTrustedCidrsNodePairing`;

  it("cuts out a call's property with the consts it reads, the helper's call as an input and a pinned lane", async () => {
    const glue = slice(distOf({ "net-N1.js": HELPERS, "handler-H1.js": handler(VETO) }), SILENT);
    const fn = await callable(glue.code!);
    const at = (reason: string, paired: boolean, role: string, helper: boolean) =>
      fn({ reason, existingPairedDevice: paired ? {} : null, role, shouldAllowSilentLocalPairing: helper });
    expect([at("not-paired", false, "node", true), at("scope-upgrade", true, "operator", true), at("role-upgrade", true, "node", true), at("role-upgrade", true, "operator", true)])
      .toEqual([true, false, false, true]);
    // the helper's own arguments (here a `let`) are not the glue's: the call is replaced whole
    expect(glue.code).not.toContain("attempts");
  });

  it("slices a module-level helper the expression calls from the release, like any export", async () => {
    const glue = slice(distOf({ "net-N1.js": HELPERS, "handler-H1.js": handler(VETO) }), PROXY);
    const fn = await callable(glue.code!);
    expect([fn({ upgradeReq: { headers: {} } }), fn({ upgradeReq: { headers: { forwarded: "for=x" } } })]).toEqual([false, true]);
    expect(glue.closure!.order.map((u) => u.names[0])).toEqual(["FORWARDED", "hasForwardedRequestHeaders"]);
  });

  it("reads two identical copies of the handler (2.x ships two gateway chunks) as one anchor", () => {
    const glue = slice(distOf({ "net-N1.js": HELPERS, "handler-H1.js": handler(VETO), "handler-H2.js": handler(VETO) }), SILENT);
    expect(glue.candidates).toHaveLength(2);
    expect(glue.code).toBeDefined();
  });

  it("refuses two different matches as ambiguous", () => {
    const dist = distOf({ "net-N1.js": HELPERS, "handler-H1.js": handler(VETO), "handler-H2.js": handler("allowSilentLocalPairing") });
    expect(() => slice(dist, SILENT)).toThrow(/ambiguous anchor, 2 different matches/);
  });

  it("reports an anchor it cannot find as missing, never as an answer", () => {
    const glue = slice(distOf({ "net-N1.js": HELPERS, "handler-H1.js": handler(VETO) }), { ...SILENT, anchor: { kind: "property", property: "silent", call: "approveDevicePairing" } });
    expect(glue.code).toBeUndefined();
    expect(slice(distOf({ "net-N1.js": HELPERS }), SILENT).code).toBeUndefined();
  });

  it("refuses a free name it cannot place: a let, an undeclared parameter, a destructured const", () => {
    const dist = distOf({ "net-N1.js": HELPERS, "handler-H1.js": handler(`${VETO} || attempts > 0`) });
    expect(() => slice(dist, SILENT)).toThrow(GlueRefusal);
    expect(() => slice(dist, SILENT)).toThrow(/attempts is a let/);
    expect(() => slice(distOf({ "net-N1.js": HELPERS, "handler-H1.js": handler(VETO) }), { ...SILENT, inputs: ["existingPairedDevice", "role"] }))
      .toThrow(/reason is a parameter of the enclosing function, not a declared input/);
    expect(() => slice(distOf({ "net-N1.js": HELPERS, "handler-H1.js": handler(VETO) }), { ...SILENT, inputs: ["reason", "existingPairedDevice"] }))
      .toThrow(/role is destructured/);
  });

  it("takes the innermost `if` around a marked call as the guard, not one further out", async () => {
    const extra = `\tif (params.ready) {\n\t\tif (role === "operator" || hasProxyHeaders) checkBrowserOrigin({});\n\t}`;
    const glue = slice(distOf({ "net-N1.js": HELPERS, "handler-H1.js": handler(VETO, extra) }),
      { within: ["attachGatewayWsMessageHandler"], anchor: { kind: "if-test", calls: "checkBrowserOrigin" }, inputs: ["role", "upgradeReq"], truthy: true });
    const fn = await callable(glue.code!);
    expect([fn({ role: "node", upgradeReq: { headers: {} } }), fn({ role: "node", upgradeReq: { headers: { "x-forwarded-for": "1.2.3.4" } } })]).toEqual([false, true]);
    expect(glue.code).not.toContain("params.ready");
  });
});
