/** Source locations for a check report's checkouts (`path:` refs), relative to the working directory. */
import { relative, resolve } from "node:path";
import type { CheckReport } from "../engine/results.ts";
import { locateFunctions } from "../release/source/locate-function.ts";
import { decidingFunctions, type Location, type Locations } from "../report/sarif.ts";

export async function checkoutLocations(report: CheckReport, cwd = process.cwd()): Promise<Locations> {
  const out = new Map<string, Map<string, Location>>();
  for (const impl of report.impls) {
    if (!impl.ref.startsWith("path:")) continue;
    const dir = resolve(cwd, impl.ref.slice("path:".length));
    const names = [...new Set(impl.properties.flatMap((p) => decidingFunctions(p.counterexample)))];
    const found = await locateFunctions(dir, names);
    out.set(impl.ref, new Map([...found].map(([fn, at]) => [fn, { file: relative(cwd, resolve(dir, at.file)), line: at.line }])));
  }
  return out;
}
