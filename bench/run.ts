import { benchEngine } from "./engine.ts";
import { benchRelease } from "./release.ts";

/** `npm run bench`: every benchmark, each printing the ratios it measured in this one run. */
benchEngine();
await benchRelease();
