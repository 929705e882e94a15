// After `tsc -p tsconfig.build.json`: dist/ mirrors the repository (dist/src, dist/properties), so
// the files the code reaches through import.meta.url (data/releases.json, package.json for the
// version, the .mjs worker entries) are copied to the same relative places under dist/.
import { cpSync, existsSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const dist = join(root, "dist");
// `--clean`, before tsc: a source file deleted since the last build must not linger in the package
if (process.argv.includes("--clean")) {
  rmSync(dist, { recursive: true, force: true });
  process.exit(0);
}
if (!existsSync(join(dist, "src"))) throw new Error("dist/src is missing: run tsc -p tsconfig.build.json first");
cpSync(join(root, "package.json"), join(dist, "package.json"));
cpSync(join(root, "data"), join(dist, "data"), { recursive: true });
const copyScripts = (rel) => {
  for (const entry of readdirSync(join(root, rel), { withFileTypes: true })) {
    const path = join(rel, entry.name);
    if (entry.isDirectory()) copyScripts(path);
    else if (entry.name.endsWith(".mjs")) cpSync(join(root, path), join(dist, path));
  }
};
copyScripts("src");
