import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { bisectFlips, releasesBetween } from "../../src/engine/bisect.ts";
import { checkImplementation } from "../../src/engine/check.ts";
import { HISTORY, type HistoryBug } from "../../src/history/bugs.ts";
import { checkOptions, lastAffected, releaseBefore, renderHistoryTable } from "../../src/history/history.ts";
import type { Implementation } from "../../src/impl/implementation.ts";
import { resolveImplementation, resolveModel } from "../../src/impl/resolve-ref.ts";
import { newestRelease } from "../../src/model/releases.ts";

/** Releases are loaded once per version and shared by every row that probes them. */
const loaded = new Map<string, Promise<Implementation>>();
const release = (version: string) => {
  if (!loaded.has(version)) loaded.set(version, resolveImplementation(`openclaw@${version}`));
  return loaded.get(version)!;
};

const statusOn = (impl: Implementation, bug: HistoryBug) => checkImplementation(impl, checkOptions(bug)).properties[0]!.status;

/** A row's status on a release's model, computed once and shared by the range and bisect tests. */
const modelStatus = new Map<string, string>();
const statusOnModel = (version: string, bug: HistoryBug) => {
  const key = `${bug.id}@${version}`;
  if (!modelStatus.has(key)) modelStatus.set(key, statusOn(resolveModel(version), bug));
  return modelStatus.get(key)!;
};

/** The published release right after one (the bisect range ends there: the fix must be its last flip's far side). */
const releaseAfter = (version: string) => releasesBetween(version, newestRelease()).find((v) => v !== version) ?? version;

/** Where the row says the bug is, and is not, on the releases around each boundary. */
function probes(bug: HistoryBug): [version: string, expected: string[]][] {
  const list: [string, string[]][] = [[lastAffected(bug), ["violated"]], ...(bug.fixed ? [[bug.fixed, ["holds"]] as [string, string[]]] : [])];
  if (bug.introduced) list.push([bug.introduced, ["violated"]], [releaseBefore(bug.introduced), ["holds", "not-applicable"]]);
  return list;
}

describe("what clawproof finds in OpenClaw's history", () => {
  it("the README table is generated from the same rows the tests run", () => {
    expect(readFileSync(new URL("../../README.md", import.meta.url), "utf8")).toContain(renderHistoryTable(HISTORY));
  });

  describe.each(HISTORY.map((bug) => [bug.id, bug] as const))("%s", (_id, bug) => {
    it(`the check fails on the releases that have it and passes on ${bug.fixed ?? "no release yet (open)"}`, { timeout: 600_000 }, async () => {
      for (const [version, expected] of probes(bug)) {
        const impl = await release(version);
        expect(impl.agreement?.filter((a) => a.status === "mismatch") ?? [], `sliced functions of ${version} agree with the model`).toEqual([]);
        expect(expected, `${bug.id} on openclaw@${version}`).toContain(statusOn(impl, bug));
      }
    });

    it("no accepted exception hides it on any affected release (models, every release in the range)", () => {
      const range = releasesBetween(bug.introduced ?? "2026.2.9", lastAffected(bug), false);
      for (const version of range) expect(statusOnModel(version, bug), `${bug.id} on model:${version}`).toBe("violated");
    });

    it("bisect names the release that introduced it and the one that fixed it", async () => {
      const versions = releasesBetween(bug.bisectFrom ?? "2026.2.9", bug.fixed ? releaseAfter(bug.fixed) : newestRelease());
      const { flips } = await bisectFlips(versions, async (v) => ({ version: v, value: statusOnModel(v, bug), detail: [] }), (a, b) => a === b);
      // an open bug: no release fixes it, so its last flip is the one that brought it in
      const fix = bug.fixed ? flips.findIndex((f) => f.after.version === bug.fixed) : flips.length;
      if (!bug.fixed) expect(flips.at(-1)?.after.value, "still violated on the newest release").toBe("violated");
      expect(fix, `a flip at ${bug.fixed}`).toBeGreaterThanOrEqual(0);
      if (bug.fixed) expect(flips[fix]!.before.value).toBe("violated");
      const earlier = flips.slice(0, fix);
      if (bug.introduced) expect(earlier.at(-1)?.after).toEqual({ version: bug.introduced, value: "violated", detail: [] });
      else expect(earlier, "violated from the first release searched").toEqual([]);
    });
  });
});
