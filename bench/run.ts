import { benchEngine } from "./engine.ts";
import { benchRelease } from "./release.ts";
import { benchSourceCheckout } from "./source-checkout.ts";
import { benchStartup } from "./startup.ts";

/** `npm run bench`: every benchmark, each printing the ratios it measured in this one run. */
benchEngine();
await benchRelease();
await benchSourceCheckout();
benchStartup();
