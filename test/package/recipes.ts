/** The README's recipes, read from the README itself (each fenced block after a `<!-- recipe:NAME -->` marker), so a test runs exactly what a reader copies. */
import { readFileSync } from "node:fs";

const README = new URL("../../README.md", import.meta.url);

export function recipe(name: string): string {
  const text = readFileSync(README, "utf8");
  const m = new RegExp(`<!-- recipe:${name} -->\\s*\`\`\`\\w*\\n([\\s\\S]*?)\`\`\``).exec(text);
  if (!m) throw new Error(`README has no recipe:${name} block`);
  return m[1]!;
}

/** The `npx clawproof …` arguments of a one-line shell recipe. */
export function npxArgs(block: string): string[] {
  const line = block.split("\n").find((l) => l.startsWith("npx clawproof "));
  if (!line) throw new Error("recipe has no npx clawproof line");
  return line.replace(/#.*$/, "").trim().split(/\s+/).slice(2);
}

/** `key: value` inputs of the action step in a workflow recipe (comments left out). */
export function actionInputs(block: string): Record<string, string> {
  return Object.fromEntries([...block.matchAll(/^\s+([a-z-]+):[ \t]*([^\s#]+)[ \t]*$/gm)].filter((m) => !["uses", "runs-on", "name"].includes(m[1]!)).map((m) => [m[1]!, m[2]!]));
}
