import type { Command } from "commander";
import { CannotCheckError, EXIT } from "../../domain/errors.ts";
import { checkImplementation, type CheckOptions } from "../../engine/check.ts";
import type { Implementation } from "../../impl/implementation.ts";
import { checkOrReuse } from "../checked.ts";
import { CheckReportSchema, type CheckReport, type ImplResult } from "../../engine/results.ts";
import type { BaselineReport } from "../../engine/baseline.ts";
import { checkInPool, threadsFor } from "../check-pool.ts";
import { DEFAULT_SEED } from "../../engine/random.ts";
import { ACCEPTED_EXCEPTIONS, findProperty, PROPERTIES } from "../../../properties/index.ts";
import { checkJunit } from "../../report/junit.ts";
import { checkMarkdown } from "../../report/markdown-check.ts";
import { checkText } from "../../report/text-check.ts";
import { emit, integer, oneOf } from "../output.ts";
import { allReleaseRefs, defaultRefs, resolveAll } from "../default-impls.ts";
import { progressReporter } from "../progress.ts";
import { baselineReports, baseResolver } from "../../api/base.ts";
import { withBaseInReplays } from "../../engine/baseline.ts";
import { withBaseline } from "../../report/baseline-report.ts";
import { VERSION } from "../version.ts";
import { assertSelectedSomething, cellFilter, connectionFilter } from "../filters.ts";

const FORMATS = ["text", "json", "junit", "markdown", "sarif"] as const;

interface CheckFlags {
  property?: string;
  cell?: string;
  connection?: string;
  seed?: string;
  format: string;
  out?: string;
  base?: string;
  baseline?: string;
  allReleases?: boolean;
  includePrereleases?: boolean;
  requireReal?: boolean;
}

export function registerCheck(program: Command, setExit: (code: number) => void): void {
  program
    .command("check")
    .description("check every property on each implementation (no impl: the main job on the newest model)")
    .argument("[impl...]", "model:<version|candidate>, openclaw@<version>, path:<dir>")
    .option("--property <id>", "only this property")
    .option("--cell <key>", "only cells matching this key (a full key selects one cell)")
    .option("--connection <key>", "ground-truth properties: only connections matching this key (e.g. topo=same-host-tcp-relay)")
    .option("--seed <n>", "seed for the random pass (replays a reported failure)")
    .option("--base <impl>", "base for relational properties: a ref, or auto (a checkout's own release; default: a candidate's own base)")
    .option("--baseline <impl>", "violations this implementation has too are pre-existing and do not fail the run")
    .option("--all-releases", "check every published release from 2026.2.22 on")
    .option("--include-prereleases", "with --all-releases, betas too")
    .option("--require-real", "exit 2 unless real code (sliced, source or live) decided every handshake step")
    .option("--format <format>", `report format: ${FORMATS.join("|")}`, "text")
    .option("--out <file>", "write the report to a file instead of stdout")
    .action(async (refs: string[], flags: CheckFlags) => {
      const format = oneOf("format", flags.format, FORMATS);
      const properties = flags.property !== undefined ? [propertyOrFail(flags.property)] : PROPERTIES;
      const cells = flags.cell !== undefined ? cellFilter(flags.cell) : undefined;
      if (flags.connection !== undefined) connectionFilter(flags.connection);
      const seed = flags.seed === undefined ? undefined : integer("seed", flags.seed);
      const baseFor = await baseResolver(flags.base);
      const wanted = [...refs, ...(flags.allReleases ? allReleaseRefs(!!flags.includePrereleases) : [])];
      // the seed is chosen before anything is resolved: a release's random spellings are part of what it is
      const runSeed = seed ?? DEFAULT_SEED;
      const targets = wanted.length ? wanted : defaultRefs();
      const options = { properties, exceptions: ACCEPTED_EXCEPTIONS, ...(cells ? { cells } : {}), ...(flags.connection ? { connections: flags.connection } : {}), seed: runSeed };
      let results: ImplResult[];
      let baseline: BaselineReport[] | undefined;
      const threads = threadsFor(targets.length);
      if (!flags.baseline && targets.length >= POOL_FROM && threads > 1) {
        // each implementation is resolved and checked on its own thread; the report is the same bytes as a serial run
        const job = { seed: runSeed, ...pick(flags, ["property", "cell", "connection", "base"]) };
        results = await checkInPool(targets.map((ref) => ({ ref, ...job })), threads, progressReporter());
        if (flags.requireReal) requireReal(results);
      } else {
        const impls = await resolveAll(targets, { seed: runSeed }, progressReporter());
        if (flags.requireReal) requireReal(impls);
        const bases = await Promise.all(impls.map(baseFor));
        // a baseline comparison reads what the run itself decided, so it never starts from a kept result
        const check = flags.baseline ? async (impl: Implementation, o: CheckOptions) => checkImplementation(impl, o) : checkOrReuse;
        results = [];
        for (const [i, impl] of impls.entries()) results.push(await check(impl, { ...options, ...(bases[i] ? { base: bases[i] } : {}) }));
        baseline = flags.baseline
          ? await baselineReports(flags.baseline, impls.map((impl, i) => ({ impl, result: results[i]!, ...(bases[i] ? { base: bases[i] } : {}) })), options)
          : undefined;
      }
      const report: CheckReport = CheckReportSchema.parse({
        tool: "clawproof",
        command: "check",
        impls: flags.base ? results.map((r) => withBaseInReplays(r, properties, flags.base!)) : results,
      });
      assertSelectedSomething(report, flags);
      const sarif = format === "sarif" ? await sarifRenderer(report) : undefined;
      const render = { text: checkText, json: (r: CheckReport) => JSON.stringify(r, null, 2) + "\n", junit: checkJunit, markdown: checkMarkdown, sarif: sarif! }[format];
      emit(baseline ? withBaseline(format, render(report), baseline) : render(report), flags.out);
      const violated = baseline ? baseline.some((b) => b.failed) : report.impls.some((i) => i.status === "violated");
      setExit(violated ? EXIT.violated : EXIT.holds);
    });
}

/** SARIF and the source locations it points at are loaded only for `--format sarif` (locating reads a checkout's sources). */
async function sarifRenderer(report: CheckReport): Promise<(r: CheckReport) => string> {
  const [{ checkSarif }, { checkoutLocations }] = await Promise.all([import("../../report/sarif.ts"), import("../../api/locations.ts")]);
  const locations = await checkoutLocations(report);
  return (r) => checkSarif(r, locations, VERSION);
}

function propertyOrFail(id: string) {
  const property = findProperty(id);
  if (!property) throw new CannotCheckError(`unknown property "${id}"; see npx clawproof properties`);
  return property;
}

/** Runs of at least this many implementations are spread over threads (below it, a thread's start-up costs more than it saves). */
const POOL_FROM = 3;

const pick = (flags: CheckFlags, keys: readonly ("property" | "cell" | "connection" | "base")[]) =>
  Object.fromEntries(keys.flatMap((k) => (flags[k] === undefined ? [] : [[k, flags[k]]])));

/** `--require-real`: a step only the model decided is "cannot check", naming every such step. */
function requireReal(impls: readonly { ref: string; provenance: readonly { step: string; decidedBy: string }[] }[]): void {
  const modelOnly = impls.flatMap((impl) => {
    const steps = impl.provenance.filter((p) => p.decidedBy === "model").map((p) => p.step);
    return steps.length ? [`${impl.ref}: ${steps.join(", ")}`] : [];
  });
  if (modelOnly.length) throw new CannotCheckError(`--require-real: the model alone decided ${modelOnly.join("; ")}`);
}
