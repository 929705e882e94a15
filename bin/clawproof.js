#!/usr/bin/env node
// clawproof is written in TypeScript and runs from source through tsx, so a clone needs no build step.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv);
