// Turns clawproof's SARIF into GitHub annotations (stdout) and a short list in the step summary.
// Same choice as bin/clawproof.js: the TypeScript sources (through tsx) in a clone, the compiled
// dist/ in the package or with CLAWPROOF_COMPILED=1.
import { appendFileSync, existsSync, readFileSync } from "node:fs";

const source = new URL("../src/report/sarif.ts", import.meta.url);
const fromSource = existsSync(source) && process.env.CLAWPROOF_COMPILED !== "1";
if (fromSource) (await import("tsx/esm/api")).register();
const { githubAnnotations } = await import(fromSource ? source.href : new URL("../dist/src/report/sarif.js", import.meta.url).href);

const [sarifPath, summaryPath] = process.argv.slice(2);
const text = readFileSync(sarifPath, "utf8");
for (const line of githubAnnotations(text)) console.log(line);
if (summaryPath) {
  const results = JSON.parse(text).runs.flatMap((r) => r.results);
  const rows = results.map((r) => {
    const at = r.locations?.find((l) => l.physicalLocation)?.physicalLocation;
    return `| ${r.ruleId} | ${at ? `\`${at.artifactLocation.uri}:${at.region?.startLine ?? 1}\`` : "—"} | \`${r.properties?.replay ?? ""}\` |`;
  });
  const body = results.length
    ? ["", "### clawproof check: violated properties", "", "| property | decided at | replay |", "|---|---|---|", ...rows, ""]
    : ["", "### clawproof check: every property holds", ""];
  appendFileSync(summaryPath, body.join("\n") + "\n");
}
