/**
 * The import graph of src/ and properties/: imports run downward through the layers below, and no
 * file imports itself back through a cycle. A new folder must be given a layer here.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/**
 * Lowest first. A file belongs to the first entry whose prefix it starts with (more specific
 * prefixes are listed before their folder). A file may import its own layer or any lower one.
 */
export const LAYERS: readonly (readonly [layer: string, prefixes: readonly string[]])[] = [
  ["domain", ["src/domain/"]],
  ["release", ["src/release/"]],
  ["differential", ["src/differential/"]],
  ["model", ["src/model/", "src/locality/real/!", "src/auth/real/!", "src/locality/", "src/auth/", "src/pairing-locality/domain.ts", "src/pairing-locality/model.ts", "src/topology/observer.ts", "src/topology/client-trusted.ts"]],
  ["layers", ["src/locality/real/", "src/auth/real/", "src/pairing-locality/", "src/origin/", "src/glue/"]],
  ["impl", ["src/impl/", "src/live/"]],
  ["engine", ["src/engine/", "src/topology/"]],
  ["properties", ["properties/", "src/history/"]],
  ["report", ["src/report/"]],
  ["api", ["src/api/", "src/vitest/"]],
  ["cli", ["src/cli/"]],
];

function layerOf(file: string): number {
  for (const [i, [, prefixes]] of LAYERS.entries()) {
    for (const prefix of prefixes) {
      // "dir/!" excludes a sub-folder from this entry, so it falls to a later one
      if (prefix.endsWith("/!")) {
        if (file.startsWith(prefix.slice(0, -1))) break;
        continue;
      }
      if (file.startsWith(prefix)) return i;
    }
  }
  throw new Error(`${file} is in no layer: add its folder to LAYERS in test/layering.test.ts`);
}

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|mjs)$/.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)))
    .sort();
}

/** Relative imports of one file (static, `export ... from` and dynamic `import("...")`), resolved to repo paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), "utf8");
  const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+"(\.[^"]+)"|import\(\s*"(\.[^"]+)"\s*\)/g)].map((m) => m[1] ?? m[2]!);
  return specs.map((s) => relative(ROOT, resolve(dirname(join(ROOT, file)), s)));
}

const FILES = [...sources("src"), ...sources("properties")];
const GRAPH = new Map(FILES.map((f) => [f, importsOf(f).filter((i) => FILES.includes(i))]));

describe("layering", () => {
  it("every file is in a layer", () => {
    for (const file of FILES) expect(() => layerOf(file)).not.toThrow();
  });

  it("no file imports a layer above its own", () => {
    const upward = FILES.flatMap((file) =>
      GRAPH.get(file)!.filter((to) => layerOf(to) > layerOf(file)).map((to) => `${file} (${LAYERS[layerOf(file)]![0]}) → ${to} (${LAYERS[layerOf(to)]![0]})`),
    );
    expect(upward).toEqual([]);
  });

  it("no import cycle", () => {
    const cycles: string[] = [];
    const state = new Map<string, "open" | "done">();
    const walk = (file: string, path: string[]) => {
      state.set(file, "open");
      for (const to of GRAPH.get(file)!) {
        if (state.get(to) === "open") cycles.push([...path.slice(path.indexOf(to)), to].join(" → "));
        else if (!state.has(to)) walk(to, [...path, to]);
      }
      state.set(file, "done");
    };
    for (const file of FILES) if (!state.has(file)) walk(file, [file]);
    expect(cycles).toEqual([]);
  });

  it("sees the imports it judges (the graph is not empty)", () => {
    expect(GRAPH.get("src/impl/resolve-ref.ts")).toContain("src/impl/release/release-impl.ts");
  });
});
