import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // releases are fetched from npm once and kept in the project's git-ignored cache
    env: { CLAWPROOF_CACHE: fileURLToPath(new URL("./.cache", import.meta.url)) },
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
