import { counterexampleLines } from "./counterexample-lines.ts";
import type { CheckReport } from "../engine/results.ts";

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** JUnit XML for CI: one suite per implementation, one case per property plus rule coverage. */
export function checkJunit(report: CheckReport): string {
  const suites = report.impls.map((impl) => {
    const cases = impl.properties.map((p) => {
      const open = `    <testcase classname="${escape(impl.ref)}" name="${escape(p.id)}">`;
      if (p.status === "not-applicable") return `${open}<skipped message="${escape(p.note ?? "")}"/></testcase>`;
      if (p.status === "holds") return `${open}</testcase>`;
      const body = p.counterexample ? counterexampleLines(p.counterexample).join("\n") : "";
      return `${open}\n      <failure message="${escape(`${p.violations} of ${p.cells} cells violate`)}">${escape(body)}</failure>\n    </testcase>`;
    });
    for (const a of impl.agreement ?? []) {
      const open = `    <testcase classname="${escape(impl.ref)}" name="agreement:${escape(a.function)}">`;
      if (a.status === "not-in-release") cases.push(`${open}<skipped message="not in this release"/></testcase>`);
      else if (a.status === "agrees") cases.push(`${open}</testcase>`);
      else cases.push(`${open}<failure message="${a.mismatches} of ${a.cells} inputs differ">${escape(JSON.stringify(a.example))}</failure></testcase>`);
    }
    const c = impl.coverage;
    const coverageFailure = c.judged && !c.complete
      ? `<failure message="rules never hit: ${escape(c.missed.join(", "))}${c.unreachableHit.length ? `; unreachable rules hit: ${escape(c.unreachableHit.join(", "))}` : ""}"/>`
      : "";
    cases.push(`    <testcase classname="${escape(impl.ref)}" name="rule-coverage">${coverageFailure}</testcase>`);
    const mismatches = (impl.agreement ?? []).filter((a) => a.status === "mismatch").length;
    const failures = impl.properties.filter((p) => p.status === "violated").length + mismatches + (coverageFailure ? 1 : 0);
    const skipped = impl.properties.filter((p) => p.status === "not-applicable").length;
    return `  <testsuite name="${escape(impl.ref)}" tests="${cases.length}" failures="${failures}" skipped="${skipped}">\n${cases.join("\n")}\n  </testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="clawproof">\n${suites.join("\n")}\n</testsuites>\n`;
}
