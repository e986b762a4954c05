import { describe, expect, it } from "vitest";
import { findVillage, normalizeName, parseSearchTerm, searchWilayah, WILAYAH_MAX_FIRST } from "./wilayah.ts";

describe("searchWilayah", () => {
  it("narrows with several words: a kecamatan and its city", async () => {
    const results = await searchWilayah("coblong bandung", 50);
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) expect(r).toMatchObject({ kecamatan: "Coblong", kabupaten: "Kota Bandung", provinsi: "Jawa Barat" });
    expect(results.map((r) => r.villageCode)).toContain("3273021004"); // Dago
  });

  it("ignores case, accents, punctuation and word order", async () => {
    const expected = await searchWilayah("coblong bandung");
    expect(await searchWilayah("  BANDUNG,  Coblong ")).toEqual(expected);
    expect(await searchWilayah("cóblong bandung")).toEqual(expected);
  });

  it("puts whole-name matches of the kelurahan before longer names that start with the term", async () => {
    const results = await searchWilayah("dago", 10);
    expect(results.slice(0, 2).map((r) => r.kelurahan)).toEqual(["Dago", "Dago"]);
    expect(results[2]!.kelurahan).toMatch(/^Dago./);
  });

  it("ranks names that start with the term first; inside a word, kelurahan before kecamatan", async () => {
    const results = await searchWilayah("blong", 50);
    const firstNotStarting = results.findIndex((r) => !/^blong/i.test(r.kelurahan));
    expect(firstNotStarting).toBeGreaterThan(0);
    for (const r of results.slice(firstNotStarting)) expect(r.kelurahan).not.toMatch(/^blong/i);
    // "Toblong" (a kelurahan) and "Coblong" (a kecamatan of Kota Bandung) only contain the term.
    const toblong = results.findIndex((r) => r.kelurahan === "Toblong");
    const coblong = results.findIndex((r) => r.kecamatan === "Coblong" && !/blong/i.test(r.kelurahan));
    expect(toblong).toBeGreaterThanOrEqual(firstNotStarting);
    expect(coblong).toBeGreaterThan(toblong);
  });

  it("ranks kecamatan matches before kabupaten matches", async () => {
    const results = await searchWilayah("kebayoran", 50);
    expect(results[0]!.kelurahan).toMatch(/^Kebayoran/);
    const firstKecamatanOnly = results.findIndex((r) => !/^kebayoran/i.test(r.kelurahan));
    for (const r of results.slice(firstKecamatanOnly)) expect(r.kecamatan).toMatch(/^Kebayoran/);
  });

  it("ranks the whole phrase as a name before words matched separately", async () => {
    // "Selatan" alone would rank kelurahan such as "Petojo Selatan" (Jakarta Pusat) first.
    const results = await searchWilayah("jakarta selatan", 30);
    for (const r of results) expect(r.kabupaten).toBe("Kota Administrasi Jakarta Selatan");
  });

  it("finds a city by its name with or without Kota/Kabupaten, and a province by a common abbreviation", async () => {
    const kota = await searchWilayah("kota bandung", 20);
    for (const r of kota) expect(r.kabupaten).toBe("Kota Bandung");
    const dki = await searchWilayah("dki", 20);
    for (const r of dki) expect(r.provinsi).toBe("Daerah Khusus Ibukota Jakarta");
  });

  it("answers the same search the same way every time", async () => {
    expect(await searchWilayah("sari", 50)).toEqual(await searchWilayah("sari", 50));
  });

  it("gives nothing for fewer than 3 letters or digits, or for a term nothing contains", async () => {
    expect(await searchWilayah("ab")).toEqual([]);
    expect(await searchWilayah(" a  b ")).toEqual([]);
    expect(await searchWilayah("--")).toEqual([]);
    expect(await searchWilayah("xyzqw")).toEqual([]);
    expect((await searchWilayah("a b c")).length).toBeGreaterThan(0);
  });

  it("returns 20 by default and at most `first`, from 1 to 50", async () => {
    expect(await searchWilayah("sari")).toHaveLength(20);
    expect(await searchWilayah("sari", 1)).toHaveLength(1);
    expect(await searchWilayah("sari", WILAYAH_MAX_FIRST)).toHaveLength(50);
    await expect(searchWilayah("sari", 51)).rejects.toThrow(RangeError);
    await expect(searchWilayah("sari", 0)).rejects.toThrow(RangeError);
    await expect(searchWilayah("x".repeat(101))).rejects.toThrow(RangeError);
  });
});

describe("findVillage", () => {
  it("finds a village by its 10-digit code, dots allowed", async () => {
    const dago = await findVillage("3273021004");
    expect(dago).toEqual({
      villageCode: "3273021004",
      kelurahan: "Dago",
      kecamatan: "Coblong",
      kabupaten: "Kota Bandung",
      provinsi: "Jawa Barat",
      districtCode: "327302",
    });
    expect(await findVillage("32.73.02.1004")).toEqual(dago);
    expect(await findVillage("3273021999")).toBeUndefined();
    expect(await findVillage("32730210")).toBeUndefined();
  });
});

describe("search terms", () => {
  it("normalises names the way the index does", () => {
    expect(normalizeName("Ma'rang")).toBe("marang");
    expect(normalizeName("Biru-Biru")).toBe("biru biru");
    expect(normalizeName("  Kota   Administrasi Jakarta Selatan ")).toBe("kota administrasi jakarta selatan");
  });
  it("searches the longest words first and drops repeats", () => {
    expect(parseSearchTerm("bandung kebayoran bandung")).toEqual({ phrase: "bandung kebayoran bandung", words: ["kebayoran", "bandung"] });
    expect(parseSearchTerm("ab")).toBeNull();
  });
});
