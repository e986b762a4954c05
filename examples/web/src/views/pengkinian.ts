// Pengkinian data: KPJ confirmation (one card: confirm the card shown), selfie, the three data sections (a new email or
// phone gets a code to enter), submit, then the live status.
import type { PengkinianFieldsFragment, UserErrorFieldsFragment } from "@jmo/sdk";
import { bankSelect } from "../banks.ts";
import { busy, choice, clear, enumSelect, errorBox, field, formErrors, h, missing, select, type Control, type Problem } from "../dom.ts";
import { formatDateTime } from "../format.ts";
import { BLOOD_TYPE, EDUCATION, GENDER, label, MARITAL_STATUS, RELATIONSHIP, RELIGION } from "../labels.ts";
import { selfiePicker } from "../selfie.ts";
import { jmo, withSession } from "../session.ts";

type Pengkinian = PengkinianFieldsFragment;
type Payload = { pengkinian?: Pengkinian | null; userErrors: ReadonlyArray<UserErrorFieldsFragment> };
/** A form's controls keyed by their path in the mutation's input ("bankAccount.bankCode"), as the API names errors. */
type Controls = Readonly<Record<string, Control | undefined>>;

const SECTIONS = [
  ["DATA_KONTAK", "Data Kontak"],
  ["DATA_KEPENDUDUKAN", "Data Kependudukan"],
  ["DATA_TAMBAHAN", "Data Tambahan"],
] as const;

const attemptsText = (left: number) => `Sisa percobaan: ${left}`;

export async function pengkinianView(root: HTMLElement): Promise<() => void> {
  const stops: Array<() => void> = [];
  const { me } = await withSession(() => jmo.myPengkinian());
  if (!me) throw new Error("Sesi berakhir, silakan masuk kembali.");
  const status = h("p", {}, "Status pengkinian: ", h("strong", { "data-testid": "pengkinian-status" }, label(me.pengkinianStatus)));
  const body = h("div", {});
  const errors = errorBox();
  root.replaceChildren(h("h1", {}, "Pengkinian Data"), status, body, errors);
  // The hints of the step on screen; a wrong KPJ or selfie updates them from the pengkinian the payload carries.
  const hints: { kpj: HTMLElement[]; biometric: HTMLElement[] } = { kpj: [], biometric: [] };

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

  /** A payload: the next step, or its errors at their fields (the form stays as typed) with the attempts left refreshed. */
  const apply = (r: Payload | Problem[], target: { show(problems: ReadonlyArray<Problem>): void }) => {
    if (Array.isArray(r)) return target.show(r);
    if (r.userErrors.length || !r.pengkinian) {
      if (r.pengkinian) {
        for (const hint of hints.kpj) hint.textContent = attemptsText(r.pengkinian.kpjAttemptsLeft);
        for (const hint of hints.biometric) hint.textContent = attemptsText(r.pengkinian.biometricAttemptsLeft);
      }
      return target.show(r.userErrors);
    }
    errors.show([]);
    clear(status, "Status pengkinian: ", h("strong", { "data-testid": "pengkinian-status" }, label(r.pengkinian.status)));
    render(r.pengkinian);
  };
  /** A section's form: its own alert for errors that name no field; `controls` receive the errors that do. */
  const formOf = (title: string, submitText: string, controls: () => Controls, action: () => Promise<Payload | Problem[]>, ...children: HTMLElement[]) => {
    const button = h("button", { type: "submit" }, submitText);
    const alert = errorBox();
    const formErrs = formErrors(alert, controls);
    // novalidate: the browser's own messages would be in the browser's language; missing() says it in Indonesian.
    const form = h("form", { class: "card", "data-form": title, novalidate: true }, h("h2", {}, title), ...children, alert, button);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      void busy(button, formErrs, async () => {
        const empty = missing(controls());
        apply(empty.length ? empty : await withSession(action), formErrs);
      });
    });
    return { form, errors: formErrs };
  };

  function render(p: Pengkinian | null | undefined): void {
    hints.kpj = [];
    hints.biometric = [];
    if (!p || p.status === "TERVERIFIKASI" || p.status === "DITOLAK" || p.status === "DIAJUKAN") {
      const start = h("button", { type: "button" }, p?.status === "DIAJUKAN" ? "Menunggu verifikasi…" : "Update datamu sekarang");
      start.disabled = p?.status === "DIAJUKAN";
      start.addEventListener("click", () => busy(start, errors, async () => apply((await withSession(() => jmo.pengkinianStart())).pengkinianStart, errors)));
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
          () => ({}),
          async () => (await jmo.pengkinianConfirmKepesertaan({ input: { cards: card ? [{ cardId: card.cardId }] : [] } })).pengkinianConfirmKepesertaan,
          h("p", {}, "Nomor KPJ: ", h("strong", { "data-testid": "kpj-terisi" }, card?.kpjMasked ?? "-"), " (terisi otomatis dari kartu Anda)"),
          h("p", {}, "Jika data sudah benar, klik Sudah. Setelah ini verifikasi wajah (swafoto)."),
        ).form,
      );
    }
    if (step === "KEPESERTAAN") {
      // One input per card, in the server's order: its errors come back as ["input", "cards", index, "kpj"].
      const inputs = p.kpjChallenge.map((c) => ({
        cardId: c.cardId,
        masked: c.kpjMasked,
        input: h("input", { name: `kpj-${c.cardId}`, inputmode: "numeric", maxlength: 11, required: true, autocomplete: "off" }),
        hint: h("small", { "data-testid": "kpj-attempts" }, attemptsText(p.kpjAttemptsLeft)),
      }));
      hints.kpj = inputs.map((i) => i.hint);
      return clear(
        body,
        formOf(
          "Konfirmasi Kepesertaan",
          "Lanjut",
          () => Object.fromEntries(inputs.map((i, index) => [`cards.${index}.kpj`, i.input])),
          async () =>
            (await jmo.pengkinianConfirmKepesertaan({ input: { cards: inputs.map((i) => ({ cardId: i.cardId, kpj: i.input.value.replace(/\D/g, "") })) } }))
              .pengkinianConfirmKepesertaan,
          ...inputs.map((i) => field(`KPJ lengkap kartu ${i.masked}`, i.input, i.hint)),
        ).form,
      );
    }
    if (step === "BIOMETRIK") {
      const hint = h("small", { "data-testid": "biometric-attempts" }, attemptsText(p.biometricAttemptsLeft));
      hints.biometric = [hint];
      const picker = selfiePicker(hint);
      return clear(
        body,
        formOf(
          "Verifikasi Wajah",
          "Verifikasi",
          () => ({ selfie: picker.input }),
          async () => {
            const selfie = await picker.value();
            if (!selfie) return [{ field: ["input", "selfie"], message: "Pilih atau ambil foto wajah terlebih dahulu." }];
            return (await jmo.pengkinianVerifyBiometric({ input: { selfie } })).pengkinianVerifyBiometric;
          },
          picker.element,
        ).form,
      );
    }
    const done = new Set(p.completedSteps);
    const sections = h("ol", { class: "steps" }, ...SECTIONS.map(([s, t]) => h("li", { class: done.has(s) ? "done" : "" }, t)));
    const k = p.dataKontak;
    const phone = h("input", { name: "phone", type: "tel", autocomplete: "tel", required: true, value: k?.phone ?? "" });
    const email = h("input", { name: "email", type: "email", autocomplete: "email", required: true, value: k?.email ?? "" });
    const npwp = h("input", { name: "npwp", inputmode: "numeric" });
    const bankCode = bankSelect(k?.bankAccount?.bankCode);
    const accountNumber = h("input", { name: "accountNumber", inputmode: "numeric", required: true, autocomplete: "off" });
    const accountName = h("input", { name: "accountName", required: true, value: k?.bankAccount?.accountName ?? "" });
    const kontak = formOf(
      "Data Kontak",
      "Simpan",
      () => ({ phone, email, npwp, "bankAccount.bankCode": bankCode, "bankAccount.accountNumber": accountNumber, "bankAccount.accountName": accountName }),
      async () =>
        (
          await jmo.pengkinianUpdateKontak({
            input: {
              phone: phone.value,
              email: email.value,
              npwp: npwp.value || null,
              bankAccount: { bankCode: bankCode.value, accountNumber: accountNumber.value.trim(), accountName: accountName.value.trim() },
            },
          })
        ).pengkinianUpdateKontak,
      field("Nomor HP", phone),
      field("Email", email),
      field("NPWP (opsional)", npwp),
      field("Bank", bankCode),
      field("Nomor rekening", accountNumber),
      field("Nama pemilik rekening", accountName),
    ).form;
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
        const { form, errors: formErrs } = formOf(
          title,
          "Verifikasi",
          () => ({ code }),
          async () =>
            channel === "EMAIL"
              ? (await jmo.pengkinianVerifyEmail({ input: { code: code.value.trim() } })).pengkinianVerifyEmail
              : (await jmo.pengkinianVerifyPhone({ input: { code: code.value.trim() } })).pengkinianVerifyPhone,
          field("Kode", code, hint),
          resend,
        );
        resend.addEventListener("click", () =>
          void busy(resend, formErrs, async () => apply((await withSession(() => jmo.pengkinianResendCode({ input: { channel } }))).pengkinianResendCode, formErrs)),
        );
        return form;
      });
    const d = p.dataKependudukan;
    const gender = enumSelect("gender", GENDER, d?.gender, { required: true });
    const address = h("input", { name: "address", required: true, autocomplete: "street-address", value: d?.address?.street ?? "" });
    const wilayahSearch = h("input", { name: "wilayah", type: "search", placeholder: "mis. Dago, Coblong" });
    const village = select(
      "villageCode",
      d?.address ? [[d.address.villageCode, `${d.address.kelurahan}, ${d.address.kecamatan}, ${d.address.kabupaten}`]] : [],
      d?.address?.villageCode,
      "Cari kelurahan/desa terlebih dahulu",
    );
    village.required = true;
    const kodePos = h("input", { name: "kodePos", inputmode: "numeric", maxlength: 5, autocomplete: "postal-code", required: true, value: d?.address?.kodePos ?? "" });
    const mother = h("input", { name: "motherMaidenName", required: true, autocomplete: "off" });
    const marital = enumSelect("maritalStatus", MARITAL_STATUS, d?.maritalStatus, { required: true });
    const kependudukanControls = () => ({
      gender: gender.element,
      address,
      villageCode: village,
      kodePos,
      motherMaidenName: mother,
      maritalStatus: marital.element,
    });
    const findButton = h("button", { type: "button", class: "secondary" }, "Cari");
    const kependudukan = formOf(
      "Data Kependudukan",
      "Simpan",
      kependudukanControls,
      async () => {
        const [g, m] = [gender.value(), marital.value()];
        if (!g || !m) return missing(kependudukanControls());
        return (
          await jmo.pengkinianUpdateKependudukan({
            input: { gender: g, address: address.value, villageCode: village.value, kodePos: kodePos.value, motherMaidenName: mother.value, maritalStatus: m },
          })
        ).pengkinianUpdateKependudukan;
      },
      field("Jenis kelamin", gender.element),
      field("Alamat domisili", address),
      h("div", { class: "search" }, field("Cari kelurahan/desa", wilayahSearch), findButton),
      field("Kelurahan/desa", village),
      field("Kode pos", kodePos),
      field("Nama ibu kandung", mother),
      field("Status perkawinan", marital.element),
    );
    findButton.addEventListener("click", () =>
      void busy(findButton, kependudukan.errors, async () => {
        const { wilayah } = await withSession(() => jmo.wilayah({ search: wilayahSearch.value, first: 20 }));
        const options = wilayah.map((w) => [w.villageCode, `${w.kelurahan}, ${w.kecamatan}, ${w.kabupaten}, ${w.provinsi}`] as const);
        const placeholder = wilayah.length ? "Pilih kelurahan/desa" : "Tidak ditemukan";
        village.replaceChildren(...Array.from(select("villageCode", options, options.length === 1 ? options[0]![0] : null, placeholder).children));
      }),
    );
    // Enter in the search box searches instead of submitting the section.
    wilayahSearch.addEventListener("keydown", (event) => {
      if (event.key !== "Enter") return;
      event.preventDefault();
      findButton.click();
    });
    const t = p.dataTambahan;
    // Nothing chosen for the person: religion and blood type start empty unless the record already has them.
    const education = enumSelect("education", EDUCATION, t?.education, { required: true });
    const religion = enumSelect("religion", RELIGION, t?.religion, { required: true });
    const blood = enumSelect("bloodType", BLOOD_TYPE, t?.bloodType, { required: true });
    const ecName = h("input", { name: "ecName", required: true, value: t?.emergencyContact?.name ?? "" });
    const ecPhone = h("input", { name: "ecPhone", type: "tel", required: true, value: t?.emergencyContact?.phone ?? "" });
    const ecAddress = h("input", { name: "ecAddress", required: true, value: t?.emergencyContact?.address ?? "" });
    const ecRel = enumSelect("relationship", RELATIONSHIP, t?.emergencyContact?.relationship, { required: true });
    const tambahanControls = () => ({
      education: education.element,
      religion: religion.element,
      bloodType: blood.element,
      "emergencyContact.name": ecName,
      "emergencyContact.phone": ecPhone,
      "emergencyContact.address": ecAddress,
      "emergencyContact.relationship": ecRel.element,
    });
    const tambahan = formOf(
      "Data Tambahan",
      "Simpan",
      tambahanControls,
      async () => {
        const [ed, re, bt, rel] = [education.value(), religion.value(), blood.value(), ecRel.value()];
        if (!ed || !re || !bt || !rel) return missing(tambahanControls());
        return (
          await jmo.pengkinianUpdateTambahan({
            input: {
              education: ed,
              religion: re,
              bloodType: bt,
              emergencyContact: { name: ecName.value, phone: ecPhone.value, address: ecAddress.value, relationship: rel },
            },
          })
        ).pengkinianUpdateTambahan;
      },
      field("Pendidikan terakhir", education.element),
      field("Agama", religion.element),
      field("Golongan darah", blood.element),
      field("Kontak darurat: nama", ecName),
      field("Kontak darurat: nomor HP", ecPhone),
      field("Kontak darurat: alamat", ecAddress),
      field("Hubungan", ecRel.element),
    ).form;
    const consent = h("input", { type: "checkbox", name: "consent" });
    const submit = formOf(
      "Konfirmasi",
      "Kirim Pengkinian Data",
      () => ({ consent }),
      async () => (await jmo.pengkinianSubmit({ input: { consent: consent.checked } })).pengkinianSubmit,
      choice(consent, "Saya menyatakan data ini benar dan boleh digunakan BPJS Ketenagakerjaan."),
    ).form;
    clear(body, sections, kontak, ...codeForms, kependudukan.form, tambahan, step === "KONFIRMASI" ? submit : null);
  }

  render(me.pengkinian);
  return () => stops.splice(0).forEach((s) => s());
}
