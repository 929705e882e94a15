/**
 * clawproof's programmatic API (`import { check } from "clawproof"`): the one door for code that
 * checks OpenClaw's connect policy without the CLI. Everything here is also what the CLI uses.
 */
export { check, decide, diff, gate, propertiesById, resolve, type CheckApiOptions, type CheckApiResult, type ImplLike, type ResolveOptions } from "./run.ts";
export { autoBaseRef } from "./base.ts";
export { transpileCheckout, type TranspiledCheckout } from "../release/source/index.ts";
export { PROPERTIES, findProperty } from "../../properties/index.ts";

// data shapes: zod schemas, so results can be validated and their types imported
export { CellSchema, type Cell } from "../domain/cell.ts";
export { cellKey, parseCellKey, parseCellPattern } from "../domain/cell-key.ts";
export { cellsAt } from "../domain/enumerate.ts";
export { VerdictSchema, type Verdict } from "../domain/verdict.ts";
export { CheckReportSchema, ImplResultSchema, PropertyResultSchema, CounterexampleSchema, type CheckReport, type ImplResult, type PropertyResult, type Counterexample } from "../engine/results.ts";
export { DiffReportSchema, type DiffReport } from "../engine/diff.ts";
export { EnvelopeSchema, type Envelope, type GateReport } from "../engine/gate.ts";
export type { BaselineReport, BaselineEntry } from "../engine/baseline.ts";
export type { Implementation } from "../impl/implementation.ts";
export { CannotCheckError, EXIT } from "../domain/errors.ts";

// reports, as the CLI renders them
export { checkText } from "../report/text-check.ts";
export { checkMarkdown } from "../report/markdown-check.ts";
export { checkJunit } from "../report/junit.ts";
export { checkSarif, githubAnnotations } from "../report/sarif.ts";
export { diffText, diffMarkdown } from "../report/diff-report.ts";
export { gateText, gateJson } from "../report/gate-text.ts";
export { gateMarkdown } from "../report/gate-markdown.ts";
export { gateJunit } from "../report/gate-junit.ts";
