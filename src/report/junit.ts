import { counterexampleLines } from "./counterexample-lines.ts";
import type { CheckReport, ImplResult } from "../engine/results.ts";

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * One test case and how it ended. `error` is "could not check" (cells left unchecked, a layer
 * that failed to run): CI must not read it as passing, nor as skipped by choice.
 */
interface Case {
  name: string;
  outcome: "pass" | "failure" | "error" | "skipped";
  message?: string;
  body?: string;
}

const uncheckedCells = (list: readonly { cells: number }[] | undefined) => (list ?? []).reduce((n, u) => n + u.cells, 0);
const reasons = (list: readonly { reason: string }[] | undefined) => (list ?? []).map((u) => u.reason).join("; ");

function casesOf(impl: ImplResult): Case[] {
  const cases: Case[] = impl.properties.map((p): Case => {
    const name = p.id;
    if (p.status === "violated") {
      return { name, outcome: "failure", message: `${p.violations} of ${p.cells} cells violate`, body: p.counterexample ? counterexampleLines(p.counterexample).join("\n") : "" };
    }
    const unchecked = uncheckedCells(p.unchecked);
    if (unchecked) return { name, outcome: "error", message: `${unchecked} cells could not be checked: ${reasons(p.unchecked)}` };
    if (p.status === "not-applicable") return { name, outcome: "skipped", message: p.note ?? "" };
    return { name, outcome: "pass" };
  });
  if (impl.unchecked?.length) {
    cases.push({ name: "unchecked-cells", outcome: "error", message: `${uncheckedCells(impl.unchecked)} cells could not be decided: ${reasons(impl.unchecked)}` });
  }
  for (const a of impl.agreement ?? []) {
    const name = `agreement:${a.function}`;
    if (a.status === "mismatch") cases.push({ name, outcome: "failure", message: `${a.mismatches} of ${a.cells} inputs differ`, body: JSON.stringify(a.example) });
    else if (a.status === "agrees") cases.push({ name, outcome: "pass" });
    else if (a.status === "not-in-release" && !/could not check/i.test(a.note ?? "")) cases.push({ name, outcome: "skipped", message: "not in this release" });
    else cases.push({ name, outcome: "error", message: a.note ?? `could not check (${a.status})` });
  }
  const c = impl.coverage;
  const missed = c.judged && !c.complete;
  cases.push({
    name: "rule-coverage",
    outcome: missed ? "failure" : "pass",
    ...(missed ? { message: `rules never hit: ${c.missed.join(", ")}${c.unreachableHit.length ? `; unreachable rules hit: ${c.unreachableHit.join(", ")}` : ""}` } : {}),
  });
  return cases;
}

function caseXml(classname: string, k: Case): string {
  const open = `    <testcase classname="${escape(classname)}" name="${escape(k.name)}">`;
  if (k.outcome === "pass") return `${open}</testcase>`;
  const tag = k.outcome;
  const message = ` message="${escape(k.message ?? "")}"`;
  return k.body ? `${open}\n      <${tag}${message}>${escape(k.body)}</${tag}>\n    </testcase>` : `${open}<${tag}${message}/></testcase>`;
}

/** JUnit XML for CI: one suite per implementation, one case per property, agreement and rule coverage. */
export function checkJunit(report: CheckReport): string {
  const count = (cases: Case[], outcome: Case["outcome"]) => cases.filter((k) => k.outcome === outcome).length;
  const all: Case[] = [];
  const suites = report.impls.map((impl) => {
    const cases = casesOf(impl);
    all.push(...cases);
    const counts = `tests="${cases.length}" failures="${count(cases, "failure")}" errors="${count(cases, "error")}" skipped="${count(cases, "skipped")}"`;
    return `  <testsuite name="${escape(impl.ref)}" ${counts}>\n${cases.map((k) => caseXml(impl.ref, k)).join("\n")}\n  </testsuite>`;
  });
  const totals = `tests="${all.length}" failures="${count(all, "failure")}" errors="${count(all, "error")}" skipped="${count(all, "skipped")}"`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="clawproof" ${totals}>\n${suites.join("\n")}\n</testsuites>\n`;
}
