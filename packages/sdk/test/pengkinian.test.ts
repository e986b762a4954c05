import { describe, expect, expectTypeOf, it } from "vitest";
import { outbox } from "../../api/src/db/schema.ts";
import { useServerHarness } from "../../api/test/support/harness.ts";
import { useSdkClients } from "./support/clients.ts";
import { makeTestSelfie } from "../../api/test/support/selfies.ts";
import { type PengkinianFieldsFragment, type PengkinianStep } from "../src/index.ts";

const h = useServerHarness();
const signedIn = useSdkClients(h);

/** The last code the sandbox notifier "sent" to this address. */
async function lastCode(destination: string): Promise<string> {
  // The SDK package has no drizzle-orm of its own: read the (small) outbox and pick the latest message here.
  const rows = (await h.tdb.database.db.select().from(outbox)).filter((r) => r.destination === destination);
  rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  return String(rows.at(-1)?.params.code);
}


describe("pengkinian data through the SDK", () => {
  it("runs the flow with typed methods and hears the outcome on pengkinianStatusChanged", async () => {
    const p = await h.seed
      .participant({ fullName: "Dewi Lestari", nik: "3273026502900001", gender: "PEREMPUAN", birthDate: "1990-02-25" })
      .withCard({ kpj: "22011122233", status: "NONAKTIF", nonaktifSince: "2024-01-31" })
      .withAccount()
      .build();
    const jmo = await signedIn(p.email!);

    const { pengkinianStart } = await jmo.pengkinianStart();
    const started = pengkinianStart.pengkinian!;
    expectTypeOf(started.nextStep).toEqualTypeOf<PengkinianStep | null>();
    // One card: its KPJ fills itself in (kpjEntryRequired false), but one typed anyway is checked.
    expect(started).toMatchObject({ status: "DRAFT", nextStep: "KEPESERTAAN", kpjEntryRequired: false, kpjChallenge: [{ kpjMasked: "22*******33" }] });

    const wrong = await jmo.pengkinianConfirmKepesertaan({ input: { cards: [{ cardId: started.kpjChallenge[0]!.cardId, kpj: "22011122234" }] } });
    expect(wrong.pengkinianConfirmKepesertaan.userErrors[0]?.code).toBe("KPJ_MISMATCH");
    expect(wrong.pengkinianConfirmKepesertaan.pengkinian?.kpjAttemptsLeft).toBe(2);
    await jmo.pengkinianConfirmKepesertaan({ input: { cards: [{ cardId: started.kpjChallenge[0]!.cardId }] } });
    await jmo.pengkinianVerifyBiometric({ input: { selfie: makeTestSelfie() } });
    const kontak = await jmo.pengkinianUpdateKontak({
      input: { phone: "081234500001", email: "dewi@example.com", bankAccount: { bankCode: "009", accountNumber: "0123456789", accountName: "Dewi Lestari" } },
    });
    expect(kontak.pengkinianUpdateKontak.pengkinian?.dataKontak.bankAccount?.accountNumberMasked).toBe("******6789");
    // Her new email and phone each got a code; the step is done once both are entered.
    expect(kontak.pengkinianUpdateKontak.pengkinian?.dataKontak).toMatchObject({ emailVerification: { verified: false }, phoneVerification: { verified: false } });
    expect(kontak.pengkinianUpdateKontak.pengkinian?.nextStep).toBe("DATA_KONTAK");
    const email = await jmo.pengkinianVerifyEmail({ input: { code: await lastCode("dewi@example.com") } });
    expect(email.pengkinianVerifyEmail.userErrors).toEqual([]);
    const phone = await jmo.pengkinianVerifyPhone({ input: { code: await lastCode("+6281234500001") } });
    expect(phone.pengkinianVerifyPhone.pengkinian?.dataKontak.phoneVerification?.verified).toBe(true);
    expect(phone.pengkinianVerifyPhone.pengkinian?.completedSteps).toContain("DATA_KONTAK");
    // Once verified, asking for another code changes nothing.
    const resend = await jmo.pengkinianResendCode({ input: { channel: "EMAIL" } });
    expect(resend.pengkinianResendCode).toMatchObject({ userErrors: [], pengkinian: { dataKontak: { emailVerification: { verified: true } } } });
    await jmo.pengkinianUpdateKependudukan({
      input: {
        gender: "PEREMPUAN",
        villageCode: "3273021004",
        kodePos: "40135",
        address: "Jl. Dago No. 1",
        motherMaidenName: "Sri Wahyuni",
        maritalStatus: "BELUM_KAWIN",
      },
    });
    const tambahan = await jmo.pengkinianUpdateTambahan({
      input: {
        education: "SMA",
        religion: "ISLAM",
        bloodType: "A",
        emergencyContact: { name: "Sri Wahyuni", phone: "081234500002", address: "Jl. Dago No. 1", relationship: "IBU" },
      },
    });
    expect(tambahan.pengkinianUpdateTambahan.pengkinian?.nextStep).toBe("KONFIRMASI");

    const received: PengkinianFieldsFragment[] = [];
    const listening = (async () => {
      for await (const { pengkinianStatusChanged } of jmo.pengkinianStatusChanged()) {
        received.push(pengkinianStatusChanged);
        if (pengkinianStatusChanged.status !== "DIAJUKAN") break;
      }
    })();
    // The protocol does not confirm that a subscription is in place: give it a moment before submitting.
    await new Promise((r) => setTimeout(r, 300));
    const submitted = await jmo.pengkinianSubmit({ input: { consent: true } });
    expect(submitted.pengkinianSubmit.pengkinian?.status).toBe("DIAJUKAN");
    await h.server.services.pengkinian.decideDue();
    await listening;
    expect(received.at(-1)).toMatchObject({ status: "TERVERIFIKASI", id: started.id });

    const { me } = await jmo.myPengkinian();
    expect(me).toMatchObject({
      pengkinianStatus: "TERVERIFIKASI",
      phone: "+6281234500001",
      email: "dewi@example.com",
      bankAccount: { bankCode: "009", accountNumberMasked: "******6789" },
      address: { kelurahan: "Dago", street: "Jl. Dago No. 1" },
    });
    // The verified email is now her sign-in email too.
    const again = await signedIn("dewi@example.com");
    expect((await again.me()).me?.email).toBe("dewi@example.com");
  });
});
