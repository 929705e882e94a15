import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { CannotCheckError, EXIT } from "../../domain/errors.ts";
import { gateAgainstBaseline } from "../../engine/baseline.ts";
import { EnvelopeSchema, gate, type Envelope, type GateOptions } from "../../engine/gate.ts";
import type { Implementation } from "../../impl/implementation.ts";
import { resolveImplementation } from "../../impl/resolve-ref.ts";
import { AUTO, autoBaseRef } from "../../api/base.ts";
import { gateJunit } from "../../report/gate-junit.ts";
import { gateMarkdown } from "../../report/gate-markdown.ts";
import { gateFailed, gateJson, gateText, type GateRun } from "../../report/gate-text.ts";
import { emit, oneOf } from "../output.ts";

const FORMATS = ["text", "json", "markdown", "junit"] as const;
const RENDER = { text: gateText, json: gateJson, markdown: gateMarkdown, junit: gateJunit };

interface GateFlags {
  base?: string;
  baseline?: string;
  envelope?: string;
  allowNarrowing?: boolean;
  format: string;
  out?: string;
}

/** `gate`: fail when the head widens access beyond what the base allowed and the envelope accepts. */
export function registerGate(program: Command, setExit: (code: number) => void): void {
  program
    .command("gate")
    .description("change envelope: exit 1 if <head> admits (or keeps scopes, or skips approval) where <base> did not, outside --envelope")
    .argument("<refs...>", "<base> <head>, or only <head> with --base")
    .option("--base <impl>", "implementation before the change; auto: the published release a checkout's version names (or the nearest older one)")
    .option("--baseline <impl>", "widenings this implementation has too (against the same base) are pre-existing and do not fail")
    .option("--envelope <file>", 'JSON {"allow":[{"when":"<cell pattern>","why":"..."}]} of accepted widenings')
    .option("--allow-narrowing", "accept narrowings (the head rejects or clears scopes where the base did not); without it they fail")
    .option("--format <format>", `report format: ${FORMATS.join("|")}`, "text")
    .option("--out <file>", "write the report to a file")
    .action(async (refs: string[], flags: GateFlags) => {
      const format = oneOf("format", flags.format, FORMATS);
      const envelope = flags.envelope ? readEnvelope(flags.envelope) : undefined;
      const [base, head] = await baseAndHead(refs, flags.base);
      const options = { allowNarrowing: flags.allowNarrowing === true };
      const run: GateRun = { report: gateOrFail(base, head, envelope, options) };
      if (flags.baseline) run.baseline = gateAgainstBaseline(run.report, gateOrFail(base, await resolveImplementation(flags.baseline), envelope, options));
      emit(RENDER[format](run), flags.out);
      setExit(gateFailed(run) ? EXIT.violated : EXIT.holds);
    });
}

async function baseAndHead(refs: string[], baseFlag: string | undefined): Promise<[Implementation, Implementation]> {
  if (baseFlag === undefined) {
    if (refs.length !== 2) throw new CannotCheckError(`gate takes <base> <head> (or --base <impl> <head>); got ${refs.length} implementation(s)`);
    const [base, head] = await Promise.all(refs.map((ref) => resolveImplementation(ref)));
    return [base!, head!];
  }
  if (refs.length !== 1) throw new CannotCheckError(`gate --base takes one <head>; got ${refs.length}`);
  const head = await resolveImplementation(refs[0]!);
  const ref = baseFlag === AUTO ? autoBaseRef(head) : baseFlag;
  if (ref === undefined) throw new CannotCheckError(`--base auto: ${head.ref} names no base (use a path: checkout, a candidate, or --base <impl>)`);
  return [await resolveImplementation(ref), head];
}

function gateOrFail(base: Implementation, head: Implementation, envelope: Envelope | undefined, options: GateOptions) {
  try {
    return gate(base, head, envelope, options);
  } catch (error) {
    throw new CannotCheckError(`--envelope: ${(error as Error).message}`);
  }
}

function readEnvelope(file: string): Envelope {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new CannotCheckError(`cannot read envelope ${file}: ${(error as Error).message}`);
  }
  const parsed = EnvelopeSchema.safeParse(raw);
  if (!parsed.success) throw new CannotCheckError(`envelope ${file} is not {"allow":[{"when","why"}]}: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}
