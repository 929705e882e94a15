import { unchangedFromBase } from "../src/engine/property-builders.ts";

export const operatorPathsUnchanged = unchangedFromBase({
  id: "operator-paths-unchanged",
  statement: "A candidate decides every operator-role connect exactly as its base does.",
  why: "a change sold as node-only must leave operators alone; any operator difference is scope creep to review",
  cells: (c) => c.role === "operator",
  what: "operator",
});
