import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // releases are fetched from npm once and kept in the project's git-ignored cache
    env: { CLAWPROOF_CACHE: fileURLToPath(new URL("./.cache", import.meta.url)) },
    // vitest otherwise runs one file at a time on a 2-core machine; most files wait on child
    // processes, the registry or a gateway, so two at once fit in 2 cores
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
