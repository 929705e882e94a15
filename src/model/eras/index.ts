import { eraOf as eraIn, type EraModel } from "../era.ts";
import { E0 } from "./e0.ts";
import { E1 } from "./e1.ts";
import { E2 } from "./e2.ts";
import { E3 } from "./e3.ts";
import { E4 } from "./e4.ts";

export const ERAS: readonly EraModel[] = [E0, E1, E2, E3, E4];

/** The era whose range contains a version (eras tile the whole line of versions). */
export const eraOf = (version: string): EraModel => eraIn(ERAS, version, "connect policy");
