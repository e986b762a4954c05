import { describe, expect, it } from "vitest";
import { useServerHarness } from "./support/harness.ts";
import { gql } from "./support/test-server.ts";

const h = useServerHarness();

const BANKS = /* GraphQL */ `{ banks { code name rail realtime accountNumberMinLength accountNumberMaxLength } }`;
const WILAYAH = /* GraphQL */ `
  query Wilayah($search: String!, $first: Int) {
    wilayah(search: $search, first: $first) { villageCode kelurahan kecamatan kabupaten provinsi districtCode }
  }
`;

describe("banks", () => {
  it("lists the banks without sign-in, the four partner banks first and paid in real time", async () => {
    const res = await gql<{ banks: Array<Record<string, unknown>> }>(h.server.url, BANKS);
    expect(res.errors).toBeUndefined();
    const banks = res.data!.banks;
    expect(banks.slice(0, 4).map((b) => b.code)).toEqual(["009", "008", "002", "014"]);
    expect(banks.find((b) => b.code === "014")).toEqual({
      code: "014",
      name: "Bank Central Asia (BCA)",
      rail: "REALTIME",
      realtime: true,
      accountNumberMinLength: 10,
      accountNumberMaxLength: 10,
    });
    expect(banks.find((b) => b.code === "451")).toMatchObject({ rail: "KLIRING", realtime: false });
    for (const b of banks.slice(4)) expect(b).toMatchObject({ rail: "KLIRING", realtime: false });
  });
});

describe("wilayah", () => {
  it("answers a location search without sign-in", async () => {
    const res = await gql<{ wilayah: Array<Record<string, string>> }>(h.server.url, WILAYAH, { search: "dago coblong", first: 5 });
    expect(res.errors).toBeUndefined();
    expect(res.data!.wilayah).toEqual([
      {
        villageCode: "3273021004",
        kelurahan: "Dago",
        kecamatan: "Coblong",
        kabupaten: "Kota Bandung",
        provinsi: "Jawa Barat",
        districtCode: "327302",
      },
    ]);
  });

  it("returns 20 by default and an empty list for a term under 3 characters", async () => {
    const many = await gql<{ wilayah: unknown[] }>(h.server.url, WILAYAH, { search: "bandung" });
    expect(many.data!.wilayah).toHaveLength(20);
    const short = await gql<{ wilayah: unknown[] }>(h.server.url, WILAYAH, { search: "ba" });
    expect(short.data).toEqual({ wilayah: [] });
  });

  it.each([
    [{ search: "bandung", first: 51 }, "first must be between 1 and 50"],
    [{ search: "bandung", first: 0 }, "first must be between 1 and 50"],
    [{ search: "b".repeat(101) }, "search must be at most 100 characters"],
  ])("refuses %j with BAD_USER_INPUT", async (variables, detail) => {
    const res = await gql(h.server.url, WILAYAH, variables);
    expect(res.data).toBeNull();
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", detail });
  });
});
