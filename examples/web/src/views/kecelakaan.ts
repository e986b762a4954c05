// Lapor kecelakaan kerja: a member reports a work accident on an AKTIF card (JKK laporan tahap I: when, where, what
// happened, injury, treatment, witnesses) and follows the reports' statuses. The employer must still report within
// 2×24 hours; the page says so.
import type { KecelakaanKerjaPlaceType, KecelakaanKerjaReportFieldsFragment, KecelakaanKerjaStatus } from "@jmo/sdk";
import { busy, clear, errorBox, field, formErrors, h, missing, select, type Control } from "../dom.ts";
import { formatDateTime } from "../format.ts";
import { idempotencyKey, jmo, withSession } from "../session.ts";

export const PLACE_TYPE: Record<KecelakaanKerjaPlaceType, string> = {
  DI_LOKASI_KERJA: "Di lokasi kerja",
  DI_LUAR_LOKASI_KERJA: "Di luar lokasi kerja (saat bertugas)",
  LALU_LINTAS: "Kecelakaan lalu lintas (termasuk perjalanan pergi/pulang kerja)",
};
export const KECELAKAAN_STATUS: Record<KecelakaanKerjaStatus, string> = {
  DILAPORKAN: "Dilaporkan",
  DIVERIFIKASI: "Diverifikasi",
  DITINDAKLANJUTI: "Ditindaklanjuti",
  DITOLAK: "Ditolak",
};

type Report = KecelakaanKerjaReportFieldsFragment;

function reportItem(r: Report): HTMLElement {
  const place = r.wilayah ? `${r.address}, ${r.wilayah.kelurahan}, ${r.wilayah.kecamatan}, ${r.wilayah.kabupaten}, ${r.wilayah.provinsi}` : r.address;
  return h(
    "article",
    { class: "card", "data-testid": "laporan", "data-nomor": r.nomor },
    h("h3", {}, `Laporan ${r.nomor}`),
    h("p", {}, "Status: ", h("strong", { "data-testid": "laporan-status" }, KECELAKAAN_STATUS[r.status])),
    h("p", {}, `KPJ ${r.kpjMasked} · `, h("span", { "data-testid": "laporan-employer" }, r.employerName ?? "Peserta mandiri (tanpa pemberi kerja)")),
    h("p", {}, `Kejadian: ${formatDateTime(r.occurredAt)} · ${PLACE_TYPE[r.placeType]}`),
    h("p", { class: "muted" }, place),
    h("p", {}, `Cedera: ${r.injury}`),
    h("p", {}, r.treated ? `Dirawat di ${r.treatmentPlace}` : "Tidak dirawat"),
    r.witnesses.length ? h("p", {}, `Saksi: ${r.witnesses.map((w) => w.name).join(", ")}`) : null,
    h(
      "p",
      { class: r.reportedAfterDeadline ? "fail" : "muted" },
      `Batas laporan pemberi kerja (2×24 jam): ${formatDateTime(r.employerReportDueAt)}`,
      r.reportedAfterDeadline ? " (sudah lewat: minta pemberi kerja segera melapor)" : "",
    ),
    h(
      "ol",
      { class: "timeline" },
      ...r.timeline.map((e) => h("li", {}, `${KECELAKAAN_STATUS[e.status]} · ${formatDateTime(e.at)}`, e.note ? ` · ${e.note}` : "")),
    ),
  );
}

export async function kecelakaanView(root: HTMLElement): Promise<void> {
  root.append(h("p", { class: "muted" }, "Memuat…"));
  const [{ me }, mine] = await Promise.all([withSession(() => jmo.me()), withSession(() => jmo.myKecelakaanKerjaReports({ first: 20 }))]);
  if (!me) throw new Error("Sesi berakhir, silakan masuk kembali.");
  const list = h("div", { "data-testid": "laporan-list" });
  const showList = (reports: Report[]) =>
    clear(list, ...(reports.length ? reports.map(reportItem) : [h("p", { class: "muted" }, "Belum ada laporan kecelakaan kerja.")]));
  showList((mine.me?.kecelakaanKerjaReports.edges ?? []).map((e) => e.node));

  const activeCards = me.cards.filter((c) => c.status === "AKTIF");
  const intro = h(
    "p",
    {},
    "Laporkan kecelakaan kerja yang kamu alami. Pemberi kerja tetap wajib melaporkannya ke BPJS Ketenagakerjaan dan Disnaker paling lama 2×24 jam setelah kejadian.",
  );
  if (!activeCards.length) {
    root.replaceChildren(h("h1", {}, "Lapor Kecelakaan Kerja"), intro, h("p", { class: "errors" }, "Tidak ada kartu yang aktif: laporkan di kantor cabang."), h("h2", {}, "Laporan Saya"), list);
    return;
  }

  let key = idempotencyKey();
  const card = select("cardId", activeCards.map((c) => [c.id, `KPJ ${c.kpjMasked} · ${c.employer?.name ?? "Peserta mandiri"}`] as const), activeCards.length === 1 ? activeCards[0]!.id : null);
  card.required = true;
  const date = h("input", { name: "date", type: "date", required: true, max: new Date().toISOString().slice(0, 10) });
  const time = h("input", { name: "time", type: "time", required: true });
  const placeType = select("placeType", Object.entries(PLACE_TYPE) as Array<[string, string]>);
  placeType.required = true;
  const address = h("input", { name: "address", required: true, maxlength: 300, placeholder: "Nama tempat, jalan, nomor" });
  const wilayahSearch = h("input", { name: "wilayah", type: "search", placeholder: "mis. Dago, Coblong" });
  const findButton = h("button", { type: "button", class: "secondary" }, "Cari");
  const village = select("villageCode", [], null, "Cari kelurahan/desa terlebih dahulu");
  village.required = true;
  const description = h("textarea", { name: "description", required: true, maxlength: 2000, rows: 4, placeholder: "Apa yang terjadi, urutan kejadiannya" });
  const injury = h("input", { name: "injury", required: true, maxlength: 500, placeholder: "Bagian tubuh yang cedera dan lukanya" });
  const treated = h("input", { name: "treated", type: "checkbox" });
  const treatmentPlace = h("input", { name: "treatmentPlace", maxlength: 200, placeholder: "Nama klinik atau rumah sakit", disabled: true });
  treated.addEventListener("change", () => {
    treatmentPlace.disabled = !treated.checked;
    treatmentPlace.required = treated.checked;
    if (!treated.checked) treatmentPlace.value = "";
  });
  const witnessNames = [0, 1].map((i) => h("input", { name: `witness${i}Name`, maxlength: 100 }));
  const witnessPhones = [0, 1].map((i) => h("input", { name: `witness${i}Phone`, type: "tel" }));

  const alert = errorBox();
  const controls = (): Record<string, Control> => ({
    cardId: card,
    occurredAt: date,
    time,
    placeType,
    address,
    villageCode: village,
    description,
    injury,
    treatmentPlace,
    "witnesses.0.name": witnessNames[0]!,
    "witnesses.0.phone": witnessPhones[0]!,
    "witnesses.1.name": witnessNames[1]!,
    "witnesses.1.phone": witnessPhones[1]!,
  });
  const errors = formErrors(alert, controls);
  const done = h("div", { "data-testid": "laporan-baru", role: "status" });
  const submit = h("button", { type: "submit" }, "Kirim Laporan");
  // novalidate: the browser's own messages would be in the browser's language; missing() says it in Indonesian.
  const form = h(
    "form",
    { class: "card", novalidate: true, "data-form": "Lapor Kecelakaan" },
    field("Kartu", card),
    field("Tanggal kejadian", date),
    field("Jam kejadian", time),
    field("Tempat kejadian", placeType),
    field("Alamat tempat kejadian", address),
    h("div", { class: "search" }, field("Cari kelurahan/desa tempat kejadian", wilayahSearch), findButton),
    field("Kelurahan/desa", village),
    field("Kronologi kejadian", description),
    field("Cedera", injury),
    h("div", { class: "choice" }, treated, " ", h("label", { for: (treated.id ||= "treated") }, "Sudah mendapat perawatan")),
    field("Tempat perawatan", treatmentPlace),
    h("h3", {}, "Saksi (boleh dikosongkan)"),
    ...[0, 1].flatMap((i) => [field(`Nama saksi ${i + 1}`, witnessNames[i]!), field(`No. HP saksi ${i + 1}`, witnessPhones[i]!)]),
    alert,
    submit,
  );
  findButton.addEventListener("click", () =>
    void busy(findButton, errors, async () => {
      const { wilayah } = await withSession(() => jmo.wilayah({ search: wilayahSearch.value, first: 20 }));
      const options = wilayah.map((w) => [w.villageCode, `${w.kelurahan}, ${w.kecamatan}, ${w.kabupaten}, ${w.provinsi}`] as const);
      village.replaceChildren(...Array.from(select("villageCode", options, options.length === 1 ? options[0]![0] : null, wilayah.length ? "Pilih kelurahan/desa" : "Tidak ditemukan").children));
    }),
  );
  wilayahSearch.addEventListener("keydown", (event) => {
    if (event.key !== "Enter") return;
    event.preventDefault();
    findButton.click();
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void busy(submit, errors, async () => {
      const empty = missing(controls());
      if (empty.length) return errors.show(empty);
      const witnesses = [0, 1]
        .filter((i) => witnessNames[i]!.value.trim())
        .map((i) => ({ name: witnessNames[i]!.value, phone: witnessPhones[i]!.value.trim() || null }));
      const { kecelakaanKerjaReport: r } = await withSession(() =>
        jmo.kecelakaanKerjaReport({
          input: {
            cardId: card.value,
            // The member's local date and time, as on their phone.
            occurredAt: new Date(`${date.value}T${time.value}`).toISOString(),
            placeType: placeType.value as KecelakaanKerjaPlaceType,
            address: address.value,
            villageCode: village.value,
            description: description.value,
            injury: injury.value,
            treated: treated.checked,
            treatmentPlace: treated.checked ? treatmentPlace.value : null,
            witnesses,
            idempotencyKey: key,
          },
        }),
      );
      if (r.userErrors.length || !r.report) return errors.show(r.userErrors);
      key = idempotencyKey();
      form.reset();
      treatmentPlace.disabled = true;
      treatmentPlace.required = false;
      clear(done, h("p", { class: "ok" }, `Laporan terkirim dengan nomor ${r.report.nomor}. Pemberi kerja yang tercatat: ${r.report.employerName ?? "tidak ada (peserta mandiri)"}.`));
      const again = await withSession(() => jmo.myKecelakaanKerjaReports({ first: 20 }));
      showList((again.me?.kecelakaanKerjaReports.edges ?? []).map((e) => e.node));
    });
  });
  root.replaceChildren(h("h1", {}, "Lapor Kecelakaan Kerja"), intro, form, done, h("h2", {}, "Laporan Saya"), list);
}
