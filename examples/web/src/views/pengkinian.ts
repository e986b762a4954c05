// Pengkinian data: KPJ confirmation (one card: confirm the card shown), selfie, the three data sections (a new email or
// phone gets a code to enter), submit, then the live status.
import type { PengkinianFieldsFragment } from "@jmo/sdk";
import { busy, clear, errorBox, field, h, select } from "../dom.ts";
import { formatDateTime, label } from "../format.ts";
import { selfiePicker } from "../selfie.ts";
import { jmo, messagesOf, withSession } from "../session.ts";

type Pengkinian = PengkinianFieldsFragment;
type Payload = { pengkinian?: Pengkinian | null; userErrors: ReadonlyArray<{ message: string }> };

const SECTIONS = [
  ["DATA_KONTAK", "Data Kontak"],
  ["DATA_KEPENDUDUKAN", "Data Kependudukan"],
  ["DATA_TAMBAHAN", "Data Tambahan"],
] as const;
const opts = (values: string[]): Array<[string, string]> => values.map((v) => [v, v.replaceAll("_", " ").toLowerCase()]);

export async function pengkinianView(root: HTMLElement): Promise<() => void> {
  const stops: Array<() => void> = [];
  const { me } = await withSession(() => jmo.myPengkinian());
  if (!me) throw new Error("Sesi berakhir, silakan masuk kembali.");
  const status = h("p", {}, "Status pengkinian: ", h("strong", { "data-testid": "pengkinian-status" }, label(me.pengkinianStatus)));
  const body = h("div", {});
  const errors = errorBox();
  root.replaceChildren(h("h1", {}, "Pengkinian Data"), status, body, errors);

  // Live status: the decision after submit arrives here without a reload.
  const changes = jmo.pengkinianStatusChanged()[Symbol.asyncIterator]();
  stops.push(() => void changes.return?.());
  void (async () => {
    try {
      for await (const { pengkinianStatusChanged: p } of { [Symbol.asyncIterator]: () => changes }) {
        clear(status, "Status pengkinian: ", h("strong", { "data-testid": "pengkinian-status" }, label(p.status)), p.decidedAt ? ` (${formatDateTime(p.decidedAt)})` : "");
        if (p.status !== "DRAFT") render(p);
      }
    } catch {
      /* ended with the view */
    }
  })();

  const apply = (r: Payload) => {
    if (r.userErrors.length || !r.pengkinian) return errors.show(messagesOf(r.userErrors));
    errors.show([]);
    clear(status, "Status pengkinian: ", h("strong", { "data-testid": "pengkinian-status" }, label(r.pengkinian.status)));
    render(r.pengkinian);
  };
  const formOf = (title: string, submitText: string, action: () => Promise<Payload>, ...fields: HTMLElement[]) => {
    const button = h("button", { type: "submit" }, submitText);
    const form = h("form", { class: "card", "data-form": title }, h("h2", {}, title), ...fields, button);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      void busy(button, errors, async () => apply(await withSession(action)));
    });
    return form;
  };

  function render(p: Pengkinian | null | undefined): void {
    if (!p || p.status === "TERVERIFIKASI" || p.status === "DITOLAK" || p.status === "DIAJUKAN") {
      const start = h("button", { type: "button" }, p?.status === "DIAJUKAN" ? "Menunggu verifikasi…" : "Update datamu sekarang");
      start.disabled = p?.status === "DIAJUKAN";
      start.addEventListener("click", () => busy(start, errors, async () => apply((await withSession(() => jmo.pengkinianStart())).pengkinianStart)));
      return clear(body, p?.rejectionReason ? h("p", { class: "fail" }, `Ditolak: ${p.rejectionReason}`) : null, start);
    }
    const step = p.nextStep;
    if (step === "KEPESERTAAN" && !p.kpjEntryRequired) {
      // Seed 000: with one card the fields fill themselves; the person checks them and presses "Sudah".
      const card = p.kpjChallenge[0];
      return clear(
        body,
        formOf(
          "Konfirmasi Kepesertaan",
          "Sudah",
          async () => (await jmo.pengkinianConfirmKepesertaan({ input: { cards: card ? [{ cardId: card.cardId }] : [] } })).pengkinianConfirmKepesertaan,
          h("p", {}, "Nomor KPJ: ", h("strong", { "data-testid": "kpj-terisi" }, card?.kpjMasked ?? "-"), " (terisi otomatis dari kartu Anda)"),
          h("p", {}, "Jika data sudah benar, klik Sudah. Setelah ini verifikasi wajah (swafoto)."),
        ),
      );
    }
    if (step === "KEPESERTAAN") {
      const inputs = (p.kpjChallenge ?? []).map((c) => ({ cardId: c.cardId, input: h("input", { name: `kpj-${c.cardId}`, inputmode: "numeric", maxlength: 11, required: true }), masked: c.kpjMasked }));
      return clear(
        body,
        formOf(
          "Konfirmasi Kepesertaan",
          "Lanjut",
          async () => (await jmo.pengkinianConfirmKepesertaan({ input: { cards: inputs.map((i) => ({ cardId: i.cardId, kpj: i.input.value.replace(/\D/g, "") })) } })).pengkinianConfirmKepesertaan,
          ...inputs.map((i) => field(`KPJ lengkap kartu ${i.masked}`, i.input, `Sisa percobaan: ${p.kpjAttemptsLeft}`)),
        ),
      );
    }
    if (step === "BIOMETRIK") {
      const picker = selfiePicker();
      return clear(
        body,
        formOf(
          "Verifikasi Wajah",
          "Verifikasi",
          async () => {
            const selfie = await picker.value();
            if (!selfie) return { userErrors: [{ message: "Pilih atau ambil foto wajah terlebih dahulu." }] };
            return (await jmo.pengkinianVerifyBiometric({ input: { selfie } })).pengkinianVerifyBiometric;
          },
          picker.element,
        ),
      );
    }
    const done = new Set(p.completedSteps);
    const sections = h("ol", { class: "steps" }, ...SECTIONS.map(([s, t]) => h("li", { class: done.has(s) ? "done" : "" }, t)));
    const k = p.dataKontak;
    const phone = h("input", { name: "phone", required: true, value: k?.phone ?? "" });
    const email = h("input", { name: "email", type: "email", required: true, value: k?.email ?? "" });
    const npwp = h("input", { name: "npwp", inputmode: "numeric" });
    const bankCode = h("input", { name: "bankCode", required: true, placeholder: "mis. 014 (BCA)", value: k?.bankAccount?.bankCode ?? "" });
    const accountNumber = h("input", { name: "accountNumber", required: true });
    const accountName = h("input", { name: "accountName", required: true, value: k?.bankAccount?.accountName ?? "" });
    const kontak = formOf(
      "Data Kontak",
      "Simpan",
      async () =>
        (
          await jmo.pengkinianUpdateKontak({
            input: { phone: phone.value, email: email.value, npwp: npwp.value || null, bankAccount: { bankCode: bankCode.value, accountNumber: accountNumber.value, accountName: accountName.value } },
          })
        ).pengkinianUpdateKontak,
      field("Nomor HP", phone),
      field("Email", email),
      field("NPWP (opsional)", npwp),
      field("Kode bank", bankCode),
      field("Nomor rekening", accountNumber),
      field("Nama pemilik rekening", accountName),
    );
    // A new email or phone is sent a code; DATA_KONTAK is done once each is entered (until then the old one stays).
    const codeForms = (
      [
        ["EMAIL", "email", k?.emailVerification, "Kode verifikasi email", `Masukkan 6 digit kode yang dikirim ke ${k?.email ?? "email baru"}.`],
        ["SMS", "sms", k?.phoneVerification, "Kode verifikasi SMS", `Masukkan 6 digit kode yang dikirim lewat SMS ke ${k?.phone ?? "nomor baru"}.`],
      ] as const
    )
      .filter(([, , v]) => v && !v.verified)
      .map(([channel, name, , title, hint]) => {
        const code = h("input", { name: `${name}Code`, inputmode: "numeric", maxlength: 6, autocomplete: "one-time-code", required: true });
        const resend = h("button", { type: "button", class: "secondary" }, "Kirim ulang kode");
        resend.addEventListener("click", () =>
          void busy(resend, errors, async () => apply((await withSession(() => jmo.pengkinianResendCode({ input: { channel } }))).pengkinianResendCode)),
        );
        return formOf(
          title,
          "Verifikasi",
          async () =>
            channel === "EMAIL"
              ? (await jmo.pengkinianVerifyEmail({ input: { code: code.value.trim() } })).pengkinianVerifyEmail
              : (await jmo.pengkinianVerifyPhone({ input: { code: code.value.trim() } })).pengkinianVerifyPhone,
          field("Kode", code, hint),
          resend,
        );
      });
    const d = p.dataKependudukan;
    const gender = select("gender", opts(["LAKI_LAKI", "PEREMPUAN"]), d?.gender);
    const address = h("input", { name: "address", required: true, value: d?.address?.street ?? "" });
    const wilayahSearch = h("input", { name: "wilayah", placeholder: "Cari kelurahan/desa" });
    const village = select("villageCode", d?.address ? [[d.address.villageCode, `${d.address.kelurahan}, ${d.address.kecamatan}`]] : [["", "-"]]);
    const findWilayah = async () => {
      const { wilayah } = await withSession(() => jmo.wilayah({ search: wilayahSearch.value, first: 20 }));
      clear(village, ...wilayah.map((w) => h("option", { value: w.villageCode }, `${w.kelurahan}, ${w.kecamatan}, ${w.kabupaten}, ${w.provinsi}`)));
      if (!wilayah.length) clear(village, h("option", { value: "" }, "Tidak ditemukan"));
    };
    const findButton = h("button", { type: "button", class: "secondary" }, "Cari");
    findButton.addEventListener("click", () => void busy(findButton, errors, findWilayah));
    // Enter in the search box searches instead of submitting the section.
    wilayahSearch.addEventListener("keydown", (event) => {
      if (event.key !== "Enter") return;
      event.preventDefault();
      findButton.click();
    });
    const kodePos = h("input", { name: "kodePos", inputmode: "numeric", required: true, value: d?.address?.kodePos ?? "" });
    const mother = h("input", { name: "motherMaidenName", required: true });
    const marital = select("maritalStatus", opts(["BELUM_KAWIN", "KAWIN", "CERAI_HIDUP", "CERAI_MATI"]), d?.maritalStatus);
    const kependudukan = formOf(
      "Data Kependudukan",
      "Simpan",
      async () =>
        (
          await jmo.pengkinianUpdateKependudukan({
            input: {
              gender: gender.value as never,
              address: address.value,
              villageCode: village.value,
              kodePos: kodePos.value,
              motherMaidenName: mother.value,
              maritalStatus: marital.value as never,
            },
          })
        ).pengkinianUpdateKependudukan,
      field("Jenis kelamin", gender),
      field("Alamat domisili", address),
      field("Kelurahan/desa", wilayahSearch),
      findButton,
      village,
      field("Kode pos", kodePos),
      field("Nama ibu kandung", mother),
      field("Status perkawinan", marital),
    );
    const t = p.dataTambahan;
    const education = select("education", opts(["SD", "SMP", "SMA", "D1", "D2", "D3", "D4", "S1", "S2", "S3", "TIDAK_SEKOLAH"]), t?.education);
    const religion = select("religion", opts(["ISLAM", "KRISTEN", "KATOLIK", "HINDU", "BUDDHA", "KONGHUCU", "KEPERCAYAAN"]), t?.religion);
    const blood = select("bloodType", opts(["A", "B", "AB", "O", "TIDAK_TAHU"]), t?.bloodType);
    const ecName = h("input", { name: "ecName", required: true, value: t?.emergencyContact?.name ?? "" });
    const ecPhone = h("input", { name: "ecPhone", required: true, value: t?.emergencyContact?.phone ?? "" });
    const ecAddress = h("input", { name: "ecAddress", required: true, value: t?.emergencyContact?.address ?? "" });
    const ecRel = select("relationship", opts(["AYAH", "IBU", "SUAMI", "ISTRI", "ANAK", "SAUDARA_KANDUNG", "LAINNYA"]), t?.emergencyContact?.relationship);
    const tambahan = formOf(
      "Data Tambahan",
      "Simpan",
      async () =>
        (
          await jmo.pengkinianUpdateTambahan({
            input: {
              education: education.value as never,
              religion: religion.value as never,
              bloodType: blood.value as never,
              emergencyContact: { name: ecName.value, phone: ecPhone.value, address: ecAddress.value, relationship: ecRel.value as never },
            },
          })
        ).pengkinianUpdateTambahan,
      field("Pendidikan", education),
      field("Agama", religion),
      field("Golongan darah", blood),
      field("Kontak darurat: nama", ecName),
      field("Kontak darurat: nomor HP", ecPhone),
      field("Kontak darurat: alamat", ecAddress),
      field("Hubungan", ecRel),
    );
    const consent = h("input", { type: "checkbox", name: "consent" });
    const submit = formOf(
      "Konfirmasi",
      "Kirim Pengkinian Data",
      async () => (await jmo.pengkinianSubmit({ input: { consent: consent.checked } })).pengkinianSubmit,
      h("label", { class: "choice" }, consent, "Saya menyatakan data ini benar dan boleh digunakan BPJS Ketenagakerjaan."),
    );
    clear(body, sections, kontak, ...codeForms, kependudukan, tambahan, step === "KONFIRMASI" ? submit : null);
  }

  render(me.pengkinian);
  return () => stops.splice(0).forEach((s) => s());
}
