import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CallSession } from "../../src/impl/call-session.ts";
import { replay, runLocality } from "../../src/locality/real/compare.ts";
import { cellRequests } from "../../src/locality/real/inputs.ts";
import { openLocalityRelease, type LocalityRelease } from "../../src/locality/real/open.ts";

/**
 * A disagreement must be reported with a replay that reproduces the release's side. Pairing the
 * sliced 3.13 functions with the 3.22 model (which skips loopback X-Forwarded-For hops) makes one.
 */
let release: LocalityRelease;
const session = new CallSession();
beforeAll(async () => {
  release = await openLocalityRelease("2026.3.13");
});
afterAll(async () => {
  await release.close();
  await session.close();
});

const argsOf = (replay: string) => JSON.parse(/--args '(.*)'$/.exec(replay)![1]!.replaceAll(`'\\''`, "'")) as unknown[];

describe("mismatch reporting", () => {
  it("counts the disagreements, keeps the first example, and its replay command reproduces the release's answer", async () => {
    const run = await runLocality({ ...release, version: "2026.3.22" }, { addresses: [], requests: cellRequests() });
    const a = run.resolveClientIp.agreement;
    expect(a.status).toBe("mismatch");
    expect(a.mismatches).toBeGreaterThan(0);
    expect(a.mismatches).toBeLessThan(a.cells);
    expect(a.example!.replay).toMatch(/^npx clawproof call openclaw@2026\.3\.13 resolveClientIp --args '\[/);
    const replayed = await session.call("openclaw@2026.3.13", "resolveClientIp", argsOf(a.example!.replay));
    expect(replayed).toEqual(a.example!.release === undefined ? { ok: true } : { ok: true, result: a.example!.release });
    expect(a.example!.model).not.toEqual(a.example!.release);
  });

  it("replay commands survive the shell when an argument holds a single quote", () => {
    const command = replay("openclaw@2026.3.13", { fn: "isLoopbackAddress", args: ["it's", { x: "'" }] });
    // let bash split the command, then print its last word: the JSON exactly as clawproof would receive it
    const lastWord = execFileSync("bash", ["-c", `set -- ${command}; printf %s "\${@: -1}"`], { encoding: "utf8" });
    expect(JSON.parse(lastWord)).toEqual(["it's", { x: "'" }]);
  });
});
