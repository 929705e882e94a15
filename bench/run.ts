import { benchDomain } from "./domain.ts";
import { benchEngine } from "./engine.ts";
import { benchRelease } from "./release.ts";
import { benchReleaseSweep } from "./release-sweep.ts";
import { benchSourceCheckout } from "./source-checkout.ts";
import { benchStartup } from "./startup.ts";
import { benchLive } from "./live.ts";

/** `npm run bench`: every benchmark, each printing the ratios it measured in this one run. */
benchEngine();
await benchDomain();
await benchRelease();
await benchReleaseSweep();
await benchSourceCheckout();
benchStartup();
await benchLive();
