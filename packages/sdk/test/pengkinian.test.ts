import { describe, expect, expectTypeOf, it } from "vitest";
import { useServerHarness } from "../../api/test/support/harness.ts";
import { useSdkClients } from "./support/clients.ts";
import { makeTestSelfie } from "../../api/test/support/selfies.ts";
import { type PengkinianFieldsFragment, type PengkinianStep } from "../src/index.ts";

const h = useServerHarness();
const signedIn = useSdkClients(h);


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
    expect(started).toMatchObject({ status: "DRAFT", nextStep: "KEPESERTAAN", kpjChallenge: [{ kpjMasked: "22*******33" }] });

    const wrong = await jmo.pengkinianConfirmKepesertaan({ input: { cards: [{ cardId: started.kpjChallenge[0]!.cardId, kpj: "22011122234" }] } });
    expect(wrong.pengkinianConfirmKepesertaan.userErrors[0]?.code).toBe("KPJ_MISMATCH");
    expect(wrong.pengkinianConfirmKepesertaan.pengkinian?.kpjAttemptsLeft).toBe(2);
    await jmo.pengkinianConfirmKepesertaan({ input: { cards: [{ cardId: started.kpjChallenge[0]!.cardId, kpj: "22011122233" }] } });
    await jmo.pengkinianVerifyBiometric({ input: { selfie: makeTestSelfie() } });
    const kontak = await jmo.pengkinianUpdateKontak({
      input: { phone: "081234500001", email: "dewi@example.com", bankAccount: { bankCode: "009", accountNumber: "0123456789", accountName: "Dewi Lestari" } },
    });
    expect(kontak.pengkinianUpdateKontak.pengkinian?.dataKontak.bankAccount?.accountNumberMasked).toBe("******6789");
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
      bankAccount: { bankCode: "009", accountNumberMasked: "******6789" },
      address: { kelurahan: "Dago", street: "Jl. Dago No. 1" },
    });
  });
});
