import { describe, expect, it } from "vitest";
import { isCalendarRelease, nearestVersions, readLocalReleaseList } from "../../src/release/release-list.ts";

describe("published version list", () => {
  const published = ["2026.3.8", "2026.3.11", "2026.3.13", "2026.3.13-beta.1", "2026.3.22", "0.0.1"];

  it("names the neighbours of an unpublished version, skipping prereleases", () => {
    expect(nearestVersions("2026.3.12", published)).toEqual(["2026.3.11", "2026.3.13"]);
    expect(nearestVersions("2026.1.1", published)).toEqual(["2026.3.8"]);
    expect(nearestVersions("2027.1.1", published)).toEqual(["2026.3.22"]);
  });

  it("offers prereleases only when one was asked for", () => {
    expect(nearestVersions("2026.3.13-beta.2", published)).toEqual(["2026.3.13-beta.1", "2026.3.13"]);
  });

  it("keeps calendar releases only", () => {
    expect(published.filter(isCalendarRelease)).not.toContain("0.0.1");
  });

  it("reads data/releases.json, which lists 3.11 and 3.13 but not 3.12", () => {
    const list = readLocalReleaseList();
    expect(list?.package).toBe("openclaw");
    const versions = list!.releases.map((r) => r.version);
    expect(versions).toContain("2026.3.11");
    expect(versions).toContain("2026.3.13");
    expect(versions).not.toContain("2026.3.12");
  });
});
