/**
 * The inline scope clearing: the `empties` anchor on hand-written handlers (the three shapes the
 * releases use, the proof of "never", and every shape it must refuse), then the real handlers on
 * both sides of each boundary of the model's scope lists, held to those lists, and a release
 * read with the list of the era before it is caught.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import "../release/env.ts";
import { COLD } from "../release/env.ts";
import { runFunction, type LayerFunction } from "../../src/differential/layer.ts";
import { openPublished } from "../../src/differential/open.ts";
import type { Release } from "../../src/differential/release.ts";
import { GLUE_LAYER } from "../../src/glue/layer.ts";
import { modelScopeClear, SCOPE_GLUE, type ScopeGlueInput } from "../../src/glue/scope-clear.ts";
import { Dist } from "../../src/release/slice/dist.ts";
import { GLUE_ANCHORS, type GlueSpec } from "../../src/release/slice/glue-anchors.ts";
import { GlueRefusal, sliceGlue } from "../../src/release/slice/glue.ts";

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

/** A connect handler whose body is `body` (after `let scopes`), as a one-chunk dist. */
function handlerDist(body: string, declare = "let", extra = ""): Dist {
  const root = mkdtempSync(join(tmpdir(), "clawproof-scope-glue-"));
  roots.push(root);
  const text = [
    `//#region src/gateway/server/ws-connection/message-handler.ts`,
    extra,
    `function attachGatewayWsMessageHandler(params) {`,
    `\tconst { connectParams, device, isControlUi, sharedAuthOk } = params;`,
    `\t${declare} scopes = Array.isArray(connectParams.scopes) ? connectParams.scopes : [];`,
    `\tconnectParams.scopes = scopes;`,
    body,
    `\treturn scopes;`,
    `}`,
    `//#endregion`,
    `export { attachGatewayWsMessageHandler as t };`,
  ].join("\n");
  writeFileSync(join(root, "handler-H1.js"), text);
  return new Dist(root);
}

const SPEC: GlueSpec = { ...GLUE_ANCHORS.glueScopeClear!, inputs: ["device", "scopes", "isControlUi", "sharedAuthOk"] };
const slice = (dist: Dist, spec: GlueSpec = SPEC) => sliceGlue(dist, "glueTest", spec, new Set(), () => (s) => s);
async function callable(code: string): Promise<(input: Record<string, unknown>) => unknown> {
  return (await import(`data:text/javascript;base64,${Buffer.from(code).toString("base64")}`)).glueTest;
}
const EMPTY = `scopes = [];\n\t\tconnectParams.scopes = scopes;`;

describe("the empties anchor", () => {
  it("inline in the device-less branch (2.17): the emptying's test and the branch", async () => {
    const fn = await callable(slice(handlerDist(`\tif (!device) {\n\t\tif (scopes.length > 0 && !isControlUi) {\n\t\t${EMPTY}\n\t\t}\n\t}`)).code!);
    const at = (device: unknown, isControlUi: boolean) => fn({ device, scopes: ["operator.read"], isControlUi, sharedAuthOk: false });
    expect([at(null, false), at(null, true), at({ id: "d" }, false)]).toEqual([true, false, false]);
  });

  it("in a const arrow (2.21–3.28): its test and the guard of its one call, an early return included", async () => {
    const body = [
      `\tconst clear = () => {\n\t\tif (scopes.length > 0 && !sharedAuthOk) {\n\t\t${EMPTY}\n\t\t}\n\t};`,
      `\tconst onMissing = () => {\n\t\tif (device) return true;\n\t\tif (isControlUi) clear();\n\t};`,
      `\tonMissing();`,
    ].join("\n");
    const fn = await callable(slice(handlerDist(body)).code!);
    const at = (device: unknown, isControlUi: boolean, sharedAuthOk: boolean) => fn({ device, scopes: ["operator.read"], isControlUi, sharedAuthOk });
    expect([at(null, true, false), at(null, true, true), at(null, false, false), at({ id: "d" }, true, false)]).toEqual([true, false, false, false]);
  });

  it("proves never only where nothing writes the scopes, and says nothing where there are none", async () => {
    const glue = slice(handlerDist(`\tif (!device) send(scopes.length);`, "const"));
    expect(glue.code).toContain("return (false)");
    expect(glue.notes.join("\n")).toContain("the constant false: nothing in the handler writes the anchor's name");
    expect(await callable(glue.code!).then((fn) => fn({}))).toBe(false);
    expect(slice(handlerDist(`\tif (!device) send(scopes.length);`, "const"), { ...SPEC, anchor: { kind: "empties", name: "grants", branch: "device" } }).code).toBeUndefined();
  });

  it("is missing where the decision became a function of its own", () => {
    const dist = handlerDist(`\tif (!device && shouldClearUnboundScopesForMissingDeviceIdentity({ isControlUi })) {\n\t\t${EMPTY}\n\t}`, "let",
      `function shouldClearUnboundScopesForMissingDeviceIdentity(params) {\n\treturn !params.isControlUi;\n}`);
    expect(slice(dist).code).toBeUndefined();
  });

  it.each([
    ["another value", `\tif (!device) scopes = scopes.filter(Boolean);`, /assigned something other than \[\]/],
    ["an in-place change", `\tif (!device) scopes.splice(0);`, /scopes\.splice may change it in place/],
    ["a length write", `\tif (!device) scopes.length = 0;`, /scopes\.length may change it in place/],
    ["another copy", `\tif (!device) connectParams.scopes = [];`, /\.scopes property is assigned something other than scopes/],
    ["two emptyings", `\tif (!device) scopes = [];\n\tif (isControlUi) scopes = [];`, /emptied in 2 places/],
    ["no branch on the device", `\tif (isControlUi) {\n\t\t${EMPTY}\n\t}`, /not under a branch reading device/],
    ["a statement before it that may leave", `\tif (!device) {\n\t\tif (isControlUi) { if (sharedAuthOk) return; send(1); }\n\t\t${EMPTY}\n\t}`, /may leave the block/],
    ["an emptying inside a call", `\tif (!device) send(scopes = []);`, /sits in a CallExpression/],
    ["a loop around it", `\tif (!device) for (const s of [1]) {\n\t\t${EMPTY}\n\t}`, /ForOfStatement/],
    ["two call sites", `\tconst clear = () => {\n\t\t${EMPTY}\n\t};\n\tif (!device) clear();\n\tif (isControlUi) clear();`, /called from 2 places/],
    ["a call it cannot follow", `\tconst clear = () => {\n\t\t${EMPTY}\n\t};\n\tif (!device) queue(clear);`, /called from 0 places and referenced 1 other ways/],
  ])("refuses %s", (_what, body, why) => {
    expect(() => slice(handlerDist(body))).toThrow(GlueRefusal);
    expect(() => slice(handlerDist(body))).toThrow(why);
  });
});

/** Each release either side of a boundary of the scope lists (and the first with the function). */
const VERSIONS = ["2026.2.12", "2026.2.17", "2026.2.25", "2026.2.26", "2026.3.11", "2026.3.13", "2026.3.22", "2026.3.23-1", "2026.3.28", "2026.3.31"];
const releases = new Map<string, Release>();
beforeAll(async () => {
  for (const v of VERSIONS) releases.set(v, await openPublished(v, ["glueScopeClear"]));
}, COLD * 2);
afterAll(async () => {
  for (const r of releases.values()) await r.close();
});

const run = (version: string, fn: LayerFunction<ScopeGlueInput, boolean> = SCOPE_GLUE) => runFunction(fn, releases.get(version)!).then((r) => r.agreement);

describe("the handlers' inline scope clearing", () => {
  it("is registered in the glue layer", () => expect(GLUE_LAYER.functions).toContain(SCOPE_GLUE));

  it.each(VERSIONS.slice(0, -1))("openclaw@%s agrees with the model's scope list on every input", async (version) => {
    const a = await run(version);
    expect({ status: a.status, cells: a.cells, example: a.example }).toEqual({ status: "agrees", cells: SCOPE_GLUE.inputs(version).length, example: undefined });
  });

  it("2.12's slice is the proven constant, 2.17's reads the bypass", () => {
    expect(releases.get("2026.2.12")!.signature("glueScopeClear")!.reads[0]).toEqual([]);
    expect(releases.get("2026.2.17")!.signature("glueScopeClear")!.reads[0]).toEqual(["allowControlUiBypass", "device", "scopes"]);
  });

  it("from 3.31 there is nothing inline to cut (the policy layer slices the function)", async () => {
    expect(releases.get("2026.3.31")!.present("glueScopeClear")).toBe(false);
    expect((await run("2026.3.31")).status).toBe("not-in-release");
  });

  // each release read with the list of the published release before it: a wrong date is caught
  it.each([["2026.2.17", "2026.2.12"], ["2026.2.26", "2026.2.25"], ["2026.3.13", "2026.3.11"], ["2026.3.22", "2026.3.13"], ["2026.3.23-1", "2026.3.22"], ["2026.3.28", "2026.3.31"]])(
    "openclaw@%s held to %s's list disagrees", async (version, other) => {
      const fn = { ...SCOPE_GLUE, model: () => (i: ScopeGlueInput) => modelScopeClear(other, i).value };
      expect((await run(version, fn)).mismatches).toBeGreaterThan(0);
    });
});
