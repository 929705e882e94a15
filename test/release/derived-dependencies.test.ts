import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { dependencyVersions } from "../../src/impl/release/derived-cache.ts";

describe("kept tables and checks are keyed by the dependencies that computed them", () => {
  it("names every runtime dependency with the version installed here", () => {
    const own = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { dependencies: Record<string, string> };
    const listed = new Map(dependencyVersions().split(",").map((entry) => {
      const at = entry.lastIndexOf("@");
      return [entry.slice(0, at), entry.slice(at + 1)] as const;
    }));
    expect([...listed.keys()]).toEqual(Object.keys(own.dependencies).sort());
    for (const name of ["ipaddr.js", "acorn", "fast-check", "zod"]) {
      const installed = JSON.parse(readFileSync(new URL(`../../node_modules/${name}/package.json`, import.meta.url), "utf8")) as { version: string };
      expect(listed.get(name), name).toBe(installed.version);
    }
  });
});
