import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/** `npm run test:live`: the exhaustive live runs (real gateways, minutes each); not part of `npm test` or CI. */
export default defineConfig({
  test: {
    include: ["test/live/**/*.live.ts"],
    env: { CLAWPROOF_CACHE: fileURLToPath(new URL("./.cache", import.meta.url)) },
    testTimeout: 1_800_000,
    hookTimeout: 1_800_000,
    fileParallelism: false,
  },
});
