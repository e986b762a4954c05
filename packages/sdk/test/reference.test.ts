import { describe, expect, expectTypeOf, it } from "vitest";
import { useServerHarness } from "../../api/test/support/harness.ts";
import { createJmoClient, JmoError, type PaymentRail } from "../src/index.ts";

const h = useServerHarness();

describe("reference data through the SDK", () => {
  it("lists banks and searches wilayah without a token", async () => {
    const jmo = createJmoClient({ url: h.server.url });
    try {
      const { banks } = await jmo.banks();
      expectTypeOf(banks[0]!.rail).toEqualTypeOf<PaymentRail>();
      expect(banks.filter((b) => b.realtime).map((b) => b.code)).toEqual(["009", "008", "002", "014"]);

      const { wilayah } = await jmo.wilayah({ search: "dago coblong" });
      expect(wilayah).toEqual([
        expect.objectContaining({ villageCode: "3273021004", kelurahan: "Dago", kabupaten: "Kota Bandung" }),
      ]);
      await expect(jmo.wilayah({ search: "dago", first: 100 })).rejects.toBeInstanceOf(JmoError);
    } finally {
      await jmo.dispose();
    }
  });
});
