/**
 * The slice worker starts on the first call only (a warm check answers from derived tables). A
 * slice that is emitted but does not import must then still fail closed: exit 2 at that call,
 * never a table of error answers and never "not in this release".
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CannotCheckError } from "../../src/domain/errors.ts";
import { loadFromDist } from "../../src/release/load.ts";

const dist = mkdtempSync(join(tmpdir(), "clawproof-lazy-"));
// the slices of this made-up dist go to a private cache, not the project's
const sharedCache = process.env.CLAWPROOF_CACHE;
process.env.CLAWPROOF_CACHE = join(dist, ".cache");
afterAll(() => {
  process.env.CLAWPROOF_CACHE = sharedCache;
  rmSync(dist, { recursive: true, force: true });
});
writeFileSync(join(dist, "ok-A1.js"), `//#region src/gateway/ok.ts\nfunction answer(x) {\n\treturn x + 1;\n}\n//#endregion\nexport { answer as a };\n`);
writeFileSync(
  join(dist, "broken-B1.js"),
  `import missing from "definitely-not-installed-package";\n//#region src/gateway/broken.ts\nfunction broken(x) {\n\treturn missing(x);\n}\n//#endregion\nexport { broken as b };\n`,
);

describe("the slice worker", () => {
  it("answers a sliced function at its first call, and refuses one whose slice does not import", async () => {
    const source = { label: "test-dist", version: "2026.9.6", integrity: "lazy-test", distDir: async () => dist };
    const slice = await loadFromDist(source, ["answer", "broken"]);
    try {
      expect(slice.found).toEqual(["answer", "broken"]);
      expect(await slice.call("answer", [[1], [41]])).toEqual([{ ok: true, value: 2 }, { ok: true, value: 42 }]);
      const refused = slice.call("broken", [[1]]);
      await expect(refused).rejects.toBeInstanceOf(CannotCheckError);
      await expect(refused).rejects.toThrow(/broken is not available in test-dist: import failed: .*definitely-not-installed-package/);
    } finally {
      await slice.close();
    }
  });

  it("closes cleanly when nothing was ever called", async () => {
    const source = { label: "test-dist", version: "2026.9.6", integrity: "lazy-test-idle", distDir: async () => dist };
    const slice = await loadFromDist(source, ["answer"]);
    await expect(slice.close()).resolves.toBeUndefined();
  });
});
