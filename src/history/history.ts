import { parseCellPattern } from "../domain/cell-key.ts";
import { compareVersions, isPrerelease } from "../domain/versions.ts";
import type { CheckOptions } from "../engine/check.ts";
import { publishedReleases } from "../model/releases.ts";
import { ACCEPTED_EXCEPTIONS, findProperty } from "../../properties/index.ts";
import type { HistoryBug } from "./bugs.ts";

/** Published releases (republishes included, prereleases not), oldest first. */
function releaseLine(): string[] {
  return publishedReleases().map((r) => r.version).filter((v) => !isPrerelease(v));
}

/** The published release just before `version`: where a bug fixed in `version` is still present. */
export function releaseBefore(version: string): string {
  const line = releaseLine();
  const before = line.filter((v) => compareVersions(v, version) < 0);
  if (!before.length) throw new Error(`no published release before ${version}`);
  return before[before.length - 1]!;
}

/** The last release that still has the bug: the one before its fix, or the newest published release for an open bug. */
export const lastAffected = (bug: HistoryBug) => (bug.fixed ? releaseBefore(bug.fixed) : releaseLine().at(-1)!);

/** The affected range as the table shows it. */
export function affectedRange(bug: HistoryBug): string {
  const last = lastAffected(bug);
  if (!bug.introduced) return `≤ ${last}`;
  return bug.introduced === last ? last : `${bug.introduced} – ${last}`;
}

/** The filter flags of the one command that shows the bug. */
export function filterFlags(bug: HistoryBug): string[] {
  return [
    "--property", bug.property,
    ...(bug.cell ? ["--cell", bug.cell] : []),
    ...(bug.connection ? ["--connection", bug.connection] : []),
  ];
}

/** The one command: exit 1 on an affected release, 0 on the fixed one. */
export function command(bug: HistoryBug, version = lastAffected(bug)): string {
  return ["npx clawproof check", `openclaw@${version}`, ...filterFlags(bug)].join(" ");
}

/** The same check as engine options (the random pass off: the exhaustive pass decides). */
export function checkOptions(bug: HistoryBug): CheckOptions {
  const property = findProperty(bug.property);
  if (!property) throw new Error(`history row ${bug.id}: unknown property ${bug.property}`);
  return {
    properties: [property],
    exceptions: ACCEPTED_EXCEPTIONS,
    ...(bug.cell ? { cells: parseCellPattern(bug.cell) } : {}),
    ...(bug.connection ? { connections: bug.connection } : {}),
    seed: 0,
    randomRuns: 0,
  };
}

/** `bisect` over the bug's cells: names where it came in and where it went. */
export function bisectCommand(bug: HistoryBug): string {
  return ["npx clawproof bisect", ...filterFlags(bug), ...(bug.bisectFrom ? ["--from", bug.bisectFrom] : [])].join(" ");
}

const escape = (text: string) => text.replace(/\|/g, "\\|");

/** The README section's table, generated from the same rows the tests run. */
export function renderHistoryTable(bugs: readonly HistoryBug[]): string {
  const lines = [
    "| # | bug | source | grants | affected | fixed | shown by (exit 1 on the affected release, 0 on the fixed one) | measured by |",
    "|---|---|---|---|---|---|---|---|",
    ...bugs.map((b, i) =>
      `| ${i + 1} | ${escape(b.title)} | ${escape(b.source)} | ${b.grants === "too-much" ? "too much" : "too little"} | ${affectedRange(b)} | ${b.fixed ?? "open"} | \`${escape(command(b))}\` | ${escape(b.measuredBy)} |`),
  ];
  return lines.join("\n");
}
