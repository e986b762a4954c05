import { describe, expect, expectTypeOf, it } from "vitest";
import { useServerHarness } from "../../api/test/support/harness.ts";
import { makeTestSelfie } from "../../api/test/support/selfies.ts";
import { useSdkClients } from "./support/clients.ts";
import { type JenisKlaim, type KlaimEligibilityCode } from "../src/index.ts";

const h = useServerHarness();
const signedIn = useSdkClients(h);

const pdf = () => Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n", "latin1");

describe("klaim JHT sebagian through the SDK", () => {
  it("checks, starts a 30% claim, attaches the housing document, submits and follows it to SELESAI", async () => {
    const p = await h.seed
      .participant({ fullName: "Hendra Gunawan", pengkinianStatus: "TERVERIFIKASI" })
      .withCard({ status: "AKTIF", registeredAt: "2014-03-03" })
      .withAccount()
      .build();
    await h.seed.contributionsFor(p.cards[0]!.id, { from: "2014-03", months: 120, wage: 1_000_000 });
    const jmo = await signedIn(p.email!);
    const cardId = (await jmo.me()).me!.cards[0]!.id;

    const { klaimJhtSebagianEligibility: e } = await jmo.klaimJhtSebagianEligibility({ cardId, jenis: "SEBAGIAN_30" });
    expectTypeOf(e.jenis).toEqualTypeOf<JenisKlaim>();
    expectTypeOf(e.checks[0]!.code).toEqualTypeOf<KlaimEligibilityCode>();
    expect(e).toMatchObject({ eligible: true, persentase: 30, dokumenRequired: true, masaKepesertaan: { since: "2014-03-03", tenYearsOn: "2024-03-03" } });

    const { klaimJhtSebagianStart: started } = await jmo.klaimJhtSebagianStart({ input: { cardId, jenis: "SEBAGIAN_30" } });
    expect(started.userErrors).toEqual([]);
    const klaimId = started.klaim!.id;
    const { klaimJhtSebagianAddDocument: doc } = await jmo.klaimJhtSebagianAddDocument({
      input: { klaimId, fileName: "surat-kpr.pdf", type: "PDF", contentBase64: pdf().toString("base64") },
    });
    expect(doc.klaim?.dokumen).toMatchObject([{ fileName: "surat-kpr.pdf", type: "PDF", sizeBytes: pdf().length }]);

    expect((await jmo.klaimJhtConfirmKepesertaan({ input: { klaimId, kpj: p.cards[0]!.kpj } })).klaimJhtConfirmKepesertaan.userErrors).toEqual([]);
    expect((await jmo.klaimJhtVerifyBiometric({ input: { klaimId, selfie: makeTestSelfie() } })).klaimJhtVerifyBiometric.userErrors).toEqual([]);
    const { klaimJhtSetRekening: rekening } = await jmo.klaimJhtSetRekening({
      input: { klaimId, bankAccount: { bankCode: "014", accountNumber: "2740112233", accountName: "Hendra Gunawan" } },
    });
    expect(rekening.klaim?.rincian).toMatchObject({ persentase: 30, jumlah: e.jumlah, dibayarkan: e.jumlah, pajak: "0.00" });
    const { klaimJhtSubmit } = await jmo.klaimJhtSubmit({ input: { klaimId, consent: true, idempotencyKey: "sdk-sebagian-0001" } });
    expect(klaimJhtSubmit.klaim).toMatchObject({ status: "AGENDA", jenis: "SEBAGIAN_30", sebab: "PEMILIKAN_RUMAH" });

    const statuses: string[] = [];
    for await (const { klaimStatusChanged } of jmo.klaimStatusChanged({ klaimId, afterSequence: 0 })) {
      statuses.push(klaimStatusChanged.status);
      if (statuses.length === 1) await h.server.services.klaimWorker.runDue();
    }
    expect(statuses).toEqual(["AGENDA", "VERIFIKASI", "PENETAPAN", "PEMBAYARAN", "SELESAI"]);
    const { klaim } = await jmo.klaim({ id: klaimId });
    expect(klaim).toMatchObject({ status: "SELESAI", rincian: { jumlah: e.jumlah } });
    const again = await jmo.klaimJhtSebagianStart({ input: { cardId, jenis: "SEBAGIAN_10" } });
    expect(again.klaimJhtSebagianStart.userErrors.map((u) => u.code)).toEqual(["KLAIM_SEBAGIAN_SUDAH_PERNAH"]);
  });
});
