import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { bisectFlips, releasesBetween } from "../../src/engine/bisect.ts";
import { checkImplementation } from "../../src/engine/check.ts";
import { HISTORY, type HistoryBug } from "../../src/history/bugs.ts";
import { checkOptions, lastAffected, releaseBefore, renderHistoryTable } from "../../src/history/history.ts";
import type { Implementation } from "../../src/impl/implementation.ts";
import { resolveModel } from "../../src/impl/resolve-ref.ts";
import { newestRelease } from "../../src/model/releases.ts";
import { releaseLoader } from "../helpers/releases.ts";

/** Releases are loaded once per version and shared by every row that probes them (downloaded ahead in probe order). */
const release = releaseLoader(HISTORY.flatMap((bug) => probes(bug).map(([version]) => version)));

const statusOn = (impl: Implementation, bug: HistoryBug) => checkImplementation(impl, checkOptions(bug)).properties[0]!.status;

/** The published release right after one (the bisect range ends there: the fix must be its last flip's far side). */
const releaseAfter = (version: string) => releasesBetween(version, newestRelease()).find((v) => v !== version) ?? version;

/** The releases a row's models must all show the bug on, and the ones its bisect searches. */
const affectedReleases = (bug: HistoryBug) => releasesBetween(bug.introduced ?? "2026.2.9", lastAffected(bug), false);
const bisectReleases = (bug: HistoryBug) => releasesBetween(bug.bisectFrom ?? "2026.2.9", bug.fixed ? releaseAfter(bug.fixed) : newestRelease());

/**
 * Each row's status on a release's model, shared by the range and bisect tests. The rows that look
 * at a release are checked together on one model of it, so its cells are decided once for all of
 * them (the engine keeps an implementation's verdicts), and the model is dropped afterwards. A row
 * whose check throws gets its error back in its own test.
 */
const modelStatus = new Map<string, Map<string, string | Error>>();
const statusOnModel = (version: string, bug: HistoryBug) => {
  let statuses = modelStatus.get(version);
  if (!statuses) {
    const model = resolveModel(version);
    const rows = HISTORY.filter((row) => row === bug || affectedReleases(row).includes(version) || bisectReleases(row).includes(version));
    statuses = new Map(rows.map((row) => [row.id, attempt(() => statusOn(model, row))]));
    modelStatus.set(version, statuses);
  }
  const status = statuses.get(bug.id) ?? attempt(() => statusOn(resolveModel(version), bug));
  if (status instanceof Error) throw status;
  return status;
};

function attempt(status: () => string): string | Error {
  try {
    return status();
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

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

    // the first row to reach a release checks every row that looks at it (see statusOnModel), so these take turns being slow
    it("no accepted exception hides it on any affected release (models, every release in the range)", { timeout: 600_000 }, () => {
      for (const version of affectedReleases(bug)) expect(statusOnModel(version, bug), `${bug.id} on model:${version}`).toBe("violated");
    });

    it("bisect names the release that introduced it and the one that fixed it", { timeout: 600_000 }, async () => {
      const { flips } = await bisectFlips(bisectReleases(bug), async (v) => ({ version: v, value: statusOnModel(v, bug), detail: [] }), (a, b) => a === b);
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
