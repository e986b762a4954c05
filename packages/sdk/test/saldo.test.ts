import { describe, expect, expectTypeOf, it } from "vitest";
import { TEST_PASSWORD } from "../../api/test/support/builders.ts";
import { useServerHarness } from "../../api/test/support/harness.ts";
import { createJmoClient } from "../src/index.ts";

const h = useServerHarness();

describe("saldo through the SDK", () => {
  it("reads the merged saldo, each card's statement and reported data, and adds a card", async () => {
    const p = await h.seed.participant().withCard({ kpj: "21017345678" }).withAccount().build();
    await h.seed.contributionsFor(p.cards[0]!.id, { from: "2021-02", months: 40, wage: 2_600_000 });
    let token: string | null = null;
    const jmo = createJmoClient({ url: h.server.url, getToken: () => token });
    token = (await jmo.login({ input: { identifier: p.email!, password: TEST_PASSWORD } })).login.accessToken;

    const { me } = await jmo.saldo({ from: 2022 });
    expectTypeOf(me!.saldoJht.total).toEqualTypeOf<string>();
    expect(me!.saldoJht.total).toMatch(/^\d+\.\d{2}$/);
    expect(me!.saldoJht.years[0]!.year).toBe(2022);
    expect(me!.cards[0]!.lastReported).toMatchObject({ period: "2024-05", wage: "2600000.00" });
    expect(me!.cards[0]!.saldoJht.total).toBe(me!.saldoJht.total);

    const rates = await jmo.jhtRates();
    expect(rates.jhtRates.find((r) => r.year === 2017)).toMatchObject({ rate: "7.82", source: "OFFICIAL" });

    const added = await jmo.cardAdd({ input: { kpj: "99999999999", birthDate: "1990-01-01" } });
    expect(added.cardAdd.card).toBeNull();
    expect(added.cardAdd.userErrors.map((e) => e.code)).toEqual(["CARD_NOT_MATCHED"]);
    await jmo.dispose();
  });
});
