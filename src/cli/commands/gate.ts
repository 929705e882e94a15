import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { CannotCheckError, EXIT } from "../../domain/errors.ts";
import { EnvelopeSchema, gate, type Envelope } from "../../engine/gate.ts";
import { resolveImplementation } from "../../impl/resolve-ref.ts";
import { emit, oneOf } from "../output.ts";

const FORMATS = ["text", "json"] as const;

/** `gate`: fail when the head widens access beyond what the base allowed and the envelope accepts. */
export function registerGate(program: Command, setExit: (code: number) => void): void {
  program
    .command("gate")
    .description("change envelope: exit 1 if <head> admits (or keeps scopes, or skips approval) where <base> did not, outside --envelope")
    .argument("<base>", "implementation before the change")
    .argument("<head>", "implementation after the change")
    .option("--envelope <file>", 'JSON {"allow":[{"when":"<cell pattern>","why":"..."}]} of accepted widenings')
    .option("--format <format>", `report format: ${FORMATS.join("|")}`, "text")
    .option("--out <file>", "write the report to a file")
    .action(async (baseRef: string, headRef: string, flags: { envelope?: string; format: string; out?: string }) => {
      const format = oneOf("format", flags.format, FORMATS);
      const envelope = flags.envelope ? readEnvelope(flags.envelope) : undefined;
      const [base, head] = await Promise.all([resolveImplementation(baseRef), resolveImplementation(headRef)]);
      let report;
      try {
        report = gate(base, head, envelope);
      } catch (error) {
        throw new CannotCheckError(`--envelope: ${(error as Error).message}`);
      }
      if (format === "json") emit(JSON.stringify(report, null, 2) + "\n", flags.out);
      else {
        const accepted = report.widened.filter((w) => w.acceptedBy).length;
        const lines = [`clawproof gate ${report.base} → ${report.head}: ${report.widened.length} cells widen (${accepted} accepted by the envelope), ${report.narrowed} narrow, ${report.otherChanges} other changes`];
        for (const u of report.unaccepted) lines.push(`  ✗ ${u.from}  →  ${u.to}   when ${u.when}   [${u.cells}]`);
        lines.push(report.unaccepted.length ? "result: the change widens access outside its envelope" : "result: within the envelope");
        emit(lines.join("\n") + "\n", flags.out);
      }
      setExit(report.unaccepted.length ? EXIT.violated : EXIT.holds);
    });
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
