/**
 * `check --format sarif`: SARIF 2.1.0 for code-scanning UIs. One rule per property, one result per
 * violated property of each implementation, carrying the counterexample and its replay command,
 * and, for a checkout, the file and line of the real function that decided the counterexample
 * (the last sliced function in its rule trail).
 */
import type { CheckReport, Counterexample, ImplResult } from "../engine/results.ts";
import { counterexampleLines } from "./counterexample-lines.ts";

export interface Location {
  /** path relative to the directory the report is read from. */
  file: string;
  line: number;
}

/** Locations per implementation ref, then per function name. */
export type Locations = ReadonlyMap<string, ReadonlyMap<string, Location>>;

const SLICED_RULE = /^openclaw:([\w$]+)=/;
const SLICED_IN_TRAIL = /openclaw:([\w$]+)=/g;

/**
 * The real functions a counterexample went through, last (the deciding one) first: the verdict's
 * rule trail for a connect, the locality observation's trail for a concrete connection.
 */
export function decidingFunctions(example: Counterexample | undefined): string[] {
  const rules = [...(example?.verdict?.rules ?? [])].reverse();
  // an answer that only passes the verdict on (the final auth keeping an earlier success) or only trims scopes
  // never admitted or refused anyone: such functions follow the ones that did, as related locations
  const aside = (r: string) => PASSES_ON.test(r);
  const names = [...rules.filter((r) => !aside(r)), ...rules.filter(aside)].flatMap((r) => SLICED_RULE.exec(r)?.[1] ?? []);
  if (!names.length && example?.observed) names.push(...[...example.observed.matchAll(SLICED_IN_TRAIL)].map((m) => m[1]!).reverse());
  return [...new Set(names)];
}
const PASSES_ON = /^openclaw:(?:resolveConnectAuthDecision=auth-ok$|glueScopeClear=|shouldClearUnboundScopes\w*=)/;

interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  helpUri?: string;
}

export function checkSarif(report: CheckReport, locations: Locations = new Map(), toolVersion = "0.0.0"): string {
  const rules: SarifRule[] = [];
  const ruleIndex = new Map<string, number>();
  for (const impl of report.impls) {
    for (const p of impl.properties) {
      if (ruleIndex.has(p.id)) continue;
      ruleIndex.set(p.id, rules.length);
      rules.push({ id: p.id, name: p.id, shortDescription: { text: p.statement } });
    }
  }
  const results = report.impls.flatMap((impl) => impl.properties.filter((p) => p.status === "violated").map((p) => {
    const deciding = decidingFunctions(p.counterexample);
    const own = locations.get(impl.ref);
    const physical = deciding.flatMap((fn) => {
      const at = own?.get(fn);
      return at ? [{ fn, at }] : [];
    });
    const text = [
      `${p.id} violated on ${impl.ref}: ${p.violations} of ${p.cells} cells. ${p.statement}`,
      ...(p.counterexample ? counterexampleLines(p.counterexample) : []),
    ].join("\n");
    return {
      ruleId: p.id,
      ruleIndex: ruleIndex.get(p.id)!,
      level: "error",
      message: { text },
      locations: physical.length
        ? [physicalLocation(physical[0]!.at, physical[0]!.fn)]
        : [{ logicalLocations: [{ fullyQualifiedName: `${impl.ref}${deciding[0] ? `#${deciding[0]}` : ""}`, kind: deciding[0] ? "function" : "module" }] }],
      ...(physical.length > 1 ? { relatedLocations: physical.slice(1).map((x, id) => ({ id, ...physicalLocation(x.at, x.fn) })) } : {}),
      partialFingerprints: { "clawproof/v1": `${impl.ref}|${p.id}|${p.counterexample?.key ?? p.counterexample?.connection ?? ""}` },
      properties: {
        impl: impl.ref,
        violations: p.violations,
        ...(p.counterexample ? { replay: p.counterexample.replay, counterexample: p.counterexample.key ?? p.counterexample.connection } : {}),
        ...(deciding[0] ? { decidedBy: deciding[0] } : {}),
      },
    };
  }));
  const sarif = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [{
      tool: { driver: { name: "clawproof", version: toolVersion, informationUri: "https://www.npmjs.com/package/clawproof", rules } },
      results,
      properties: { impls: report.impls.map(implSummary) },
    }],
  };
  return JSON.stringify(sarif, null, 2) + "\n";
}

function physicalLocation(at: Location, fn: string) {
  return {
    physicalLocation: { artifactLocation: { uri: at.file }, region: { startLine: at.line } },
    message: { text: `${fn} decided this counterexample` },
  };
}

const implSummary = (impl: ImplResult) => ({ ref: impl.ref, status: impl.status, version: impl.version });

/** GitHub workflow commands (`::error file=…,line=…::…`) for each SARIF result, for job annotations. */
export function githubAnnotations(sarifText: string): string[] {
  const sarif = JSON.parse(sarifText) as { runs: { results: { ruleId: string; message: { text: string }; locations?: { physicalLocation?: { artifactLocation: { uri: string }; region?: { startLine: number } } }[] }[] }[] };
  const esc = (s: string) => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
  const prop = (s: string) => esc(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
  return sarif.runs.flatMap((run) => run.results.map((r) => {
    const at = r.locations?.find((l) => l.physicalLocation)?.physicalLocation;
    const where = at ? `file=${prop(at.artifactLocation.uri)},line=${at.region?.startLine ?? 1},` : "";
    return `::error ${where}title=${prop(`clawproof: ${r.ruleId}`)}::${esc(r.message.text)}`;
  }));
}
