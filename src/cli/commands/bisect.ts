import type { Command } from "commander";
import { parseCellKey } from "../../domain/cell-key.ts";
import { CannotCheckError, EXIT } from "../../domain/errors.ts";
import { showVerdict, type Verdict } from "../../domain/verdict.ts";
import { bisect, releasesBetween, type BisectStep } from "../../engine/bisect.ts";
import { checkImplementation } from "../../engine/check.ts";
import { existsAt } from "../../domain/validity.ts";
import { resolveImplementation, publishedVersion } from "../../impl/resolve-ref.ts";
import { newestRelease } from "../../model/releases.ts";
import { ACCEPTED_EXCEPTIONS, findProperty } from "../../../properties/index.ts";

interface BisectFlags {
  property?: string;
  cell?: string;
  from: string;
  to?: string;
  models?: boolean;
}

/** `bisect`: the first published release where a property's status or a cell's verdict flips. */
export function registerBisect(program: Command, setExit: (code: number) => void): void {
  program
    .command("bisect")
    .description("binary search over published releases for where a property or a cell's verdict flips")
    .option("--property <id>", "bisect on whether this property holds")
    .option("--cell <key>", "bisect on this cell's verdict (a full cell key)")
    .option("--from <version>", "oldest release to consider", "2026.2.9")
    .option("--to <version>", "newest release to consider (default: newest published)")
    .option("--models", "bisect the reference models instead of the sliced releases (offline)")
    .action(async (flags: BisectFlags) => {
      if (!!flags.property === !!flags.cell) throw new CannotCheckError("bisect needs exactly one of --property ID or --cell KEY");
      const versions = releasesBetween(publishedVersion(flags.from), publishedVersion(flags.to ?? newestRelease()));
      if (versions.length < 2) throw new CannotCheckError(`need at least two releases between ${flags.from} and ${flags.to}`);
      const ref = (v: string) => (flags.models ? `model:${v}` : `openclaw@${v}`);
      const result = flags.property
        ? await bisect(versions, (v) => probeProperty(ref(v), v, flags.property!), (a, b) => a === b)
        : await bisect(versions, (v) => probeCell(ref(v), v, flags.cell!), (a, b) => a === b);
      const show = (s: BisectStep<string>) => `${ref(s.version)}: ${s.value}`;
      if (!result.flip) {
        console.log(`no flip between ${show(result.from)} and ${show(result.to)} (probed ${result.probed.join(", ")})`);
      } else {
        const { before, after } = result.flip;
        console.log(`first flip: ${before.version} → ${after.version}`);
        for (const side of [before, after]) console.log([`  ${show(side)}`, ...side.detail.map((d) => `    ${d}`)].join("\n"));
        const rulesOf = (s: BisectStep<string>) => s.detail.flatMap((d) => d.replace(/^rules: /, "").split(" > "));
        const changed = rulesOf(after).filter((r) => !rulesOf(before).includes(r));
        if (changed.length) console.log(`  changed rules: ${changed.join(", ")}`);
        console.log(`  probed ${result.probed.length} of ${versions.length} releases: ${result.probed.join(", ")}`);
      }
      setExit(EXIT.holds);
    });
}

async function probeProperty(ref: string, version: string, id: string): Promise<BisectStep<string>> {
  const property = findProperty(id);
  if (!property) throw new CannotCheckError(`unknown property "${id}"; see npx clawproof properties`);
  const result = checkImplementation(await resolveImplementation(ref), { properties: [property], exceptions: ACCEPTED_EXCEPTIONS, randomRuns: 0, seed: 0 });
  const p = result.properties[0]!;
  const detail = p.counterexample ? [`e.g. ${p.counterexample.key}`, `rules: ${p.counterexample.verdict?.rules.join(" > ") ?? p.counterexample.observed}`] : [];
  return { version, value: p.status, detail };
}

async function probeCell(ref: string, version: string, key: string): Promise<BisectStep<string>> {
  let cell;
  try {
    cell = parseCellKey(key);
  } catch (error) {
    throw new CannotCheckError((error as Error).message);
  }
  if (!existsAt(cell, version)) return { version, value: "cell does not exist in this release", detail: [] };
  const verdict: Verdict = (await resolveImplementation(ref)).decide(cell);
  return { version, value: showVerdict({ ...verdict, rules: [] }).replace(/ \[\]$/, ""), detail: [verdict.rules.filter(isDeciding).join(" > ")] };
}

/** Helper rules that answered "no" are noise in a flip report; keep the ones that decided something. */
const isDeciding = (id: string) => !/\.(no|pass)$|=false$/.test(id);
