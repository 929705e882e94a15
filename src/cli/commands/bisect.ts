import type { Command } from "commander";
import { parseCellKey, parseCellPattern, type CellPattern } from "../../domain/cell-key.ts";
import { CannotCheckError, EXIT } from "../../domain/errors.ts";
import { showVerdict, type Verdict } from "../../domain/verdict.ts";
import { bisect, bisectFlips, releasesBetween, type BisectResult, type BisectStep, type Flip } from "../../engine/bisect.ts";
import { checkImplementation } from "../../engine/check.ts";
import { existsAt } from "../../domain/validity.ts";
import { resolveImplementation, publishedVersion } from "../../impl/resolve-ref.ts";
import { newestRelease } from "../../model/releases.ts";
import { ACCEPTED_EXCEPTIONS, findProperty } from "../../../properties/index.ts";

interface BisectFlags {
  property?: string;
  cell?: string;
  connection?: string;
  from: string;
  to?: string;
  models?: boolean;
  every: string;
}

/**
 * `bisect`: every published release where a property's status (over the selected cells) or one
 * cell's verdict flips. A bug shows as two flips: the release that introduced it and the one
 * that fixed it.
 */
export function registerBisect(program: Command, setExit: (code: number) => void): void {
  program
    .command("bisect")
    .description("find the releases where a property (over --cell/--connection) or one cell's verdict flips: where a bug was introduced and where it was fixed")
    .option("--property <id>", "bisect on whether this property holds (over the cells --cell selects, the connections --connection selects)")
    .option("--cell <key>", "with --property: a cell pattern to limit it to; alone: the full key of the cell whose verdict to follow")
    .option("--connection <key>", "with --property: limit a ground-truth property to these connections")
    .option("--from <version>", "oldest release to consider", "2026.2.9")
    .option("--to <version>", "newest release to consider (default: newest published)")
    .option("--models", "bisect the reference models instead of the sliced releases (offline)")
    .option("--every <n>", "probe every n-th release, then bisect inside gaps whose ends differ (1: every release, nothing can hide)", "1")
    .action(async (flags: BisectFlags) => {
      if (!flags.property && !flags.cell) throw new CannotCheckError("bisect needs --property ID (optionally with --cell/--connection) or --cell KEY");
      if (!flags.property && flags.connection) throw new CannotCheckError("--connection needs --property (a ground-truth property)");
      const stride = Number(flags.every);
      if (!Number.isInteger(stride) || stride < 1) throw new CannotCheckError(`--every must be a positive integer, got "${flags.every}"`);
      const versions = releasesBetween(publishedVersion(flags.from), publishedVersion(flags.to ?? newestRelease()));
      if (versions.length < 2) throw new CannotCheckError(`need at least two releases between ${flags.from} and ${flags.to ?? newestRelease()}`);
      const ref = (v: string) => (flags.models ? `model:${v}` : `openclaw@${v}`);
      const probe = flags.property
        ? propertyProbe(ref, flags.property, flags.cell === undefined ? undefined : pattern(flags.cell), flags.connection)
        : cellProbe(ref, flags.cell!);
      if (!flags.property) {
        // one cell's verdict: a plain binary search for the first flip, as cheap as git bisect
        const result = await bisect(versions, probe, (a, b) => a === b);
        printFirstFlip(result, ref);
      } else {
        const result = await bisectFlips(versions, probe, (a, b) => a === b, stride);
        if (!result.flips.length) console.log(`no flip between ${versions[0]} and ${versions[versions.length - 1]}: ${show(ref, await probe(versions[0]!))}`);
        for (const flip of result.flips) {
          console.log(`${flipKind(flip)}: ${flip.after.version} (${flip.before.version} → ${flip.after.version})`);
          printSides(flip, ref);
        }
        const gaps = result.stride ? ` (every ${stride}th release, then bisected: a flip undone within ${result.stride} releases can hide)` : "";
        console.log(`probed ${result.probed.length} of ${versions.length} releases${gaps}`);
      }
      setExit(EXIT.holds);
    });
}

const show = (ref: (v: string) => string, s: BisectStep<string>) => `${ref(s.version)}: ${s.value}`;

function printSides(flip: Flip<string>, ref: (v: string) => string): void {
  for (const side of [flip.before, flip.after]) console.log([`  ${show(ref, side)}`, ...side.detail.map((d) => `    ${d}`)].join("\n"));
  const rulesOf = (s: BisectStep<string>) => s.detail.flatMap((d) => d.replace(/^rules: /, "").split(" > "));
  const changed = rulesOf(flip.after).filter((r) => !rulesOf(flip.before).includes(r));
  if (changed.length) console.log(`  changed rules: ${changed.join(", ")}`);
}

function printFirstFlip(result: BisectResult<string>, ref: (v: string) => string): void {
  if (!result.flip) {
    console.log(`no flip between ${show(ref, result.from)} and ${show(ref, result.to)} (probed ${result.probed.join(", ")})`);
    return;
  }
  console.log(`first flip: ${result.flip.before.version} → ${result.flip.after.version}`);
  printSides(result.flip, ref);
  console.log(`  probed ${result.probed.length} releases: ${result.probed.join(", ")}`);
}

function pattern(key: string): CellPattern {
  try {
    return parseCellPattern(key);
  } catch (error) {
    throw new CannotCheckError(`--cell: ${(error as Error).message}`);
  }
}

/** A property starting to fail is where a bug came in; starting to hold again is where it was fixed. */
function flipKind(flip: Flip<string>): string {
  if (flip.after.value === "violated") return "introduced";
  if (flip.before.value === "violated") return "fixed";
  return "changed";
}

function propertyProbe(ref: (v: string) => string, id: string, cells: CellPattern | undefined, connections: string | undefined) {
  const property = findProperty(id);
  if (!property) throw new CannotCheckError(`unknown property "${id}"; see npx clawproof properties`);
  return async (version: string): Promise<BisectStep<string>> => {
    const options = { properties: [property], exceptions: ACCEPTED_EXCEPTIONS, randomRuns: 0, seed: 0, ...(cells ? { cells } : {}), ...(connections ? { connections } : {}) };
    const p = checkImplementation(await resolveImplementation(ref(version)), options).properties[0]!;
    const detail = p.counterexample ? [`e.g. ${p.counterexample.key}`, `rules: ${p.counterexample.verdict?.rules.join(" > ") ?? p.counterexample.observed}`] : [];
    return { version, value: p.status, detail };
  };
}

function cellProbe(ref: (v: string) => string, key: string) {
  let cell: ReturnType<typeof parseCellKey>;
  try {
    cell = parseCellKey(key);
  } catch (error) {
    throw new CannotCheckError((error as Error).message);
  }
  return async (version: string): Promise<BisectStep<string>> => {
    if (!existsAt(cell, version)) return { version, value: "cell does not exist in this release", detail: [] };
    const verdict: Verdict = (await resolveImplementation(ref(version))).decide(cell);
    return { version, value: showVerdict({ ...verdict, rules: [] }).replace(/ \[\]$/, ""), detail: [verdict.rules.filter(isDeciding).join(" > ")] };
  };
}

/** Helper rules that answered "no" are noise in a flip report; keep the ones that decided something. */
const isDeciding = (id: string) => !/\.(no|pass)$|=false$/.test(id);
