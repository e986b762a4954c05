import { afterEach, describe, expect, it } from "vitest";
import { outbox } from "../../api/src/db/schema.ts";
import { useServerHarness } from "../../api/test/support/harness.ts";
import { createJmoClient, JmoError, type JmoClient } from "../src/index.ts";

const h = useServerHarness();
const clients: JmoClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.dispose()));
});

function client(token: () => string | null = () => null) {
  const jmo = createJmoClient({ url: h.server.url, getToken: token });
  clients.push(jmo);
  return jmo;
}

async function codeFor(destination: string): Promise<string> {
  // The SDK package has no drizzle-orm of its own: read the (small) outbox and pick the latest message here.
  const rows = (await h.tdb.database.db.select().from(outbox)).filter((r) => r.destination === destination);
  const row = rows.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
  return String(row!.params.code ?? row!.params.token);
}

describe("registration through the SDK", () => {
  it("signs up a new BPU worker step by step and signs in with the result", async () => {
    let token: string | null = null;
    const jmo = client(() => token);
    const { registrationStart: start } = await jmo.registrationStart({
      input: {
        kind: "BPU_NEW",
        membershipType: "BPU",
        citizenship: "WNI",
        nik: "3171015208950002",
        fullName: "Sri Wahyuni",
        birthDate: "1995-08-12",
        declaredIncome: "2500000.00",
      },
    });
    expect(start.userErrors).toEqual([]);
    expect(start.registration?.bpu?.monthlyContribution).toEqual({ jkk: "25000.00", jkm: "6800.00", jht: "0.00", total: "31800.00" });
    const registrationToken = start.registrationToken!;
    await jmo.registrationSetEmail({ input: { registrationToken, email: "sri@example.test" } });
    await jmo.registrationVerifyEmail({ input: { registrationToken, code: await codeFor("sri@example.test") } });
    await jmo.registrationSetPhone({ input: { registrationToken, phone: "085712345678" } });
    const { registrationVerifyPhone } = await jmo.registrationVerifyPhone({ input: { registrationToken, code: await codeFor("+6285712345678") } });
    expect(registrationVerifyPhone.registration?.step).toBe("PASSWORD");
    const { registrationComplete } = await jmo.registrationComplete({ input: { registrationToken, password: "Batik-Solo#2026", acceptTerms: true } });
    expect(registrationComplete.userErrors).toEqual([]);
    token = registrationComplete.accessToken;
    const { me } = await jmo.me();
    expect(me?.fullName).toBe("Sri Wahyuni");
    expect(me?.gender).toBe("PEREMPUAN");
    expect(me?.cards.map((c) => c.segment)).toEqual(["BPU"]);
  });

  it("throws a JmoError RATE_LIMITED with retryAfterSeconds", async () => {
    const jmo = client();
    for (let i = 0; i < 3; i++) await jmo.passwordResetRequest({ input: { email: "siapa@example.test" } });
    const error = await jmo.passwordResetRequest({ input: { email: "siapa@example.test" } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JmoError);
    expect((error as JmoError).code).toBe("RATE_LIMITED");
    expect((error as JmoError).retryAfterSeconds).toBeGreaterThan(0);
  });
});
