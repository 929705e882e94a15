/**
 * The loader a clone's CLI runs its TypeScript through (src/cli/ts-loader.mjs), called as Node
 * calls its hooks: a `.ts` file comes back as a module without its types, a kept transpile whose
 * code was damaged is transpiled again (never run), and `./x.js` names `x.ts` as tsc allows.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
// @ts-expect-error: plain JavaScript without declarations (it runs before any TypeScript can)
import { keptFile, load, resolve } from "../../src/cli/ts-loader.mjs";

const dir = mkdtempSync(join(tmpdir(), "clawproof-ts-loader-"));
const source = join(dir, "answer.ts");
writeFileSync(source, `export const answer = (x: number): number => x + 1;\n`);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(keptFile(source), { force: true });
});

type Loaded = { format: string; source: string };
const refuse = () => {
  throw new Error("Node's own loader was asked");
};
const loaded = async (): Promise<Loaded> => (await load(pathToFileURL(source).href, {}, refuse)) as Loaded;
const run = async (code: string) => (await import(`data:text/javascript,${encodeURIComponent(code)}`)).answer(41);

describe("the clone's TypeScript loader", () => {
  it("loads a .ts file as a module without its types, and transpiles again when the kept code was damaged", async () => {
    const first = await loaded();
    expect(first.format).toBe("module");
    expect(first.source).not.toContain(": number");
    expect(await run(first.source)).toBe(42);

    writeFileSync(keptFile(source), readFileSync(keptFile(source), "utf8").replace("x + 1", "x + 2"));
    const again = await loaded();
    expect(again.source).toBe(first.source);
    expect(await run(again.source)).toBe(42);
  });

  it("resolves ./x.js from a .ts file to x.ts when there is no x.js", async () => {
    const parentURL = pathToFileURL(join(dir, "parent.ts")).href;
    const next = async (specifier: string) => {
      if (specifier.endsWith(".js")) throw Object.assign(new Error("not found"), { code: "ERR_MODULE_NOT_FOUND" });
      return { url: new URL(specifier, parentURL).href };
    };
    expect(await resolve("./answer.js", { parentURL }, next)).toEqual({ url: pathToFileURL(source).href });
    await expect(resolve("./answer.js", { parentURL: pathToFileURL(join(dir, "parent.mjs")).href }, next)).rejects.toThrow("not found");
  });
});
