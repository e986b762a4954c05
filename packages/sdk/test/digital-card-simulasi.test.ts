import { describe, expect, expectTypeOf, it } from "vitest";
import { TEST_PASSWORD } from "../../api/test/support/builders.ts";
import { useServerHarness } from "../../api/test/support/harness.ts";
import { createJmoClient, JmoError, type DigitalCardInvalidReason } from "../src/index.ts";

const h = useServerHarness();

describe("digital card and simulations through the SDK", () => {
  it("gets a card's digital card, verifies it anonymously, and runs both simulations", async () => {
    const p = await h.seed.participant({ fullName: "Dewi Lestari", birthDate: "1992-01-20" }).withCard({ registeredAt: "2020-01-06" }).withAccount().build();
    await h.seed.contributionsFor(p.cards[0]!.id, { from: "2020-01", months: 12, wage: 3_000_000 });
    let token: string | null = null;
    const jmo = createJmoClient({ url: h.server.url, getToken: () => token });
    token = (await jmo.login({ input: { identifier: p.email!, password: TEST_PASSWORD } })).login.accessToken;

    const { me } = await jmo.myDigitalCards();
    const cardId = me!.cards[0]!.id;
    const { node } = await jmo.digitalCard({ cardId });
    if (node?.__typename !== "Card") throw new Error("expected a Card");
    expect(node.digitalCard.svg.startsWith("<svg ")).toBe(true);

    // Anyone, without a token.
    const anonymous = createJmoClient({ url: h.server.url });
    const { digitalCardVerify } = await anonymous.digitalCardVerify({ token: node.digitalCard.verificationToken });
    expect(digitalCardVerify).toMatchObject({ valid: true, active: true, nameMasked: "D*** L******", reason: null });
    expectTypeOf(digitalCardVerify.reason).toEqualTypeOf<DigitalCardInvalidReason | null>();

    const jht = await jmo.simulasiJht({ input: { wageGrowthPercent: "4" } });
    expect(jht.simulasiJht.assumptions).toMatchObject({ monthlyWage: "3000000.00", wageGrowthPercent: "4.00", ratePercent: "5.50" });
    expect(jht.simulasiJht.dateAt56).toBe("2048-01-20");

    const jp = await jmo.simulasiJp({ input: { monthlyWage: "3000000.00" } });
    expect(jp.simulasiJp).toMatchObject({ pensionAge: 65, pensionYear: 2057, eligibleForMonthlyPension: true });

    await expect(jmo.simulasiJht({ input: { ratePercent: "abc" } })).rejects.toMatchObject({
      constructor: JmoError,
      code: "BAD_USER_INPUT",
      detail: expect.stringMatching(/^ratePercent:/),
    });
    await jmo.dispose();
    await anonymous.dispose();
  });
});
