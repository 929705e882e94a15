import { describe, expect, it } from "vitest";
import { compareVersions, inVersionRange, isPrerelease } from "../../src/domain/versions.ts";
import { nearestReleases, newestRelease, publishedReleases } from "../../src/model/releases.ts";

describe("calendar versions", () => {
  it("order like semver, suffixed builds before their release", () => {
    const sorted = ["2026.3.13", "2026.3.2", "2026.3.23-1", "2026.3.23", "2026.3.24-beta.2", "2026.10.1"].sort(compareVersions);
    expect(sorted).toEqual(["2026.3.2", "2026.3.13", "2026.3.23-1", "2026.3.23", "2026.3.24-beta.2", "2026.10.1"]);
  });

  it("treat only alpha/beta/rc as prereleases", () => {
    expect(isPrerelease("2026.5.14-beta.1")).toBe(true);
    expect(isPrerelease("2026.3.23-1")).toBe(false);
  });

  it("use inclusive since and exclusive until", () => {
    expect(inVersionRange("2026.3.13", { since: "2026.3.13", until: "2026.5.12" })).toBe(true);
    expect(inVersionRange("2026.5.12", { since: "2026.3.13", until: "2026.5.12" })).toBe(false);
  });
});

describe("published releases", () => {
  it("are listed as data, oldest first", () => {
    const list = publishedReleases().map((r) => r.version);
    expect(list.length).toBeGreaterThan(100);
    expect(list).toContain("2026.3.11");
    expect(list).not.toContain("2026.3.12");
    expect(newestRelease()).toBe(list.filter((v) => !isPrerelease(v)).at(-1));
  });

  it("name the neighbours of a version that was never published", () => {
    expect(nearestReleases("2026.3.12")).toEqual(["2026.3.11", "2026.3.13"]);
  });
});
