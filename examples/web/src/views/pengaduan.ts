// Pengaduan: the member's tickets, a form to file one (with files: KTP, KK, payslip), and a ticket's conversation with
// a reply form. The conversation refreshes itself every few seconds while it is open, so a staff reply shows up
// without a reload (the kotak masuk notifies too).
import type { MeQuery, PengaduanAttachmentType, PengaduanFieldsFragment, PengaduanKategori, PengaduanStatus } from "@jmo/sdk";
import { busy, clear, errorBox, field, formErrors, h, missing, select, type Control } from "../dom.ts";
import { formatDate, formatDateTime } from "../format.ts";
import { API_URL, currentSession, idempotencyKey, jmo, withSession } from "../session.ts";

type Card = NonNullable<MeQuery["me"]>["cards"][number];
type Ticket = PengaduanFieldsFragment;

export const PENGADUAN_KATEGORI: Record<PengaduanKategori, string> = {
  KOREKSI_DATA: "Koreksi data kepesertaan",
  PERUSAHAAN_TIDAK_MENDAFTARKAN: "Perusahaan tidak mendaftarkan saya",
  KLAIM: "Klaim",
  IURAN: "Iuran",
  AKUN: "Akun JMO",
  LAINNYA: "Lainnya",
};
export const PENGADUAN_STATUS: Record<PengaduanStatus, string> = {
  DITERIMA: "Diterima",
  DIPROSES: "Diproses",
  SELESAI: "Selesai",
  DITOLAK: "Ditolak",
};
const KOREKSI_FIELD: Record<Ticket["koreksi"][number]["field"], string> = {
  FULL_NAME: "Nama lengkap",
  BIRTH_PLACE: "Tempat lahir",
  BIRTH_DATE: "Tanggal lahir",
  GENDER: "Jenis kelamin",
};
const FILE_TYPES: Record<string, PengaduanAttachmentType> = { "image/jpeg": "JPEG", "image/png": "PNG", "application/pdf": "PDF" };
const REFRESH_MS = 5000;

export async function pengaduanView(root: HTMLElement): Promise<() => void> {
  const id = new URLSearchParams(location.hash.split("?")[1] ?? "").get("id");
  return id ? ticketView(root, id) : listView(root);
}

async function listView(root: HTMLElement): Promise<() => void> {
  root.append(h("h1", {}, "Pengaduan"), h("p", { class: "muted" }, "Memuat…"));
  const [{ me: withCards }, { me }] = await Promise.all([withSession(() => jmo.me()), withSession(() => jmo.myPengaduan({ first: 20 }))]);
  if (!me || !withCards) throw new Error("Sesi berakhir, silakan masuk kembali.");
  const tickets = me.pengaduan.edges.map((e) => e.node);
  root.replaceChildren(
    h("h1", {}, "Pengaduan"),
    h("p", {}, "Sampaikan perbedaan data kepesertaan, perusahaan yang tidak mendaftarkanmu, atau masalah klaim, iuran dan akun."),
    tickets.length
      ? h(
          "ul",
          { class: "list", "data-testid": "pengaduan-list" },
          ...tickets.map((t) =>
            h(
              "li",
              { "data-nomor": t.nomor },
              h("a", { href: `#/pengaduan?id=${encodeURIComponent(t.id)}` }, `${t.nomor} — ${t.subject}`),
              " ",
              h("span", { class: `status ${t.status.toLowerCase()}` }, PENGADUAN_STATUS[t.status]),
              t.late ? h("span", { class: "pill" }, "Melewati target") : null,
            ),
          ),
        )
      : h("p", { class: "muted", "data-testid": "pengaduan-list" }, "Belum ada pengaduan."),
    createForm(withCards.cards),
  );
  return () => undefined;
}

function createForm(cards: ReadonlyArray<Card>): HTMLElement {
  const kategori = select("kategori", Object.entries(PENGADUAN_KATEGORI) as Array<[PengaduanKategori, string]>);
  kategori.required = true;
  const card = select(
    "cardId",
    cards.map((c) => [c.id, `KPJ ${c.kpj ?? c.kpjMasked}`] as const),
    null,
    "Tidak terkait kartu",
  );
  const subject = h("input", { name: "subject", maxlength: 120, required: true });
  const description = h("textarea", { name: "description", rows: 5, maxlength: 4000, required: true });
  const employerName = h("input", { name: "employerName", maxlength: 200 });
  const fullName = h("input", { name: "fullName", autocomplete: "off" });
  const birthPlace = h("input", { name: "birthPlace" });
  const birthDate = h("input", { name: "birthDate", type: "date" });
  const files = h("input", { name: "attachments", type: "file", multiple: true, accept: "image/jpeg,image/png,application/pdf" });
  const employerBox = h("div", { hidden: true }, field("Nama perusahaan", employerName));
  const koreksiBox = h(
    "fieldset",
    { hidden: true },
    h("legend", {}, "Data yang benar (sesuai KTP/KK)"),
    field("Nama lengkap", fullName),
    field("Tempat lahir", birthPlace),
    field("Tanggal lahir", birthDate),
  );
  const show = () => {
    employerBox.hidden = kategori.value !== "PERUSAHAAN_TIDAK_MENDAFTARKAN";
    employerName.required = !employerBox.hidden;
    koreksiBox.hidden = kategori.value !== "KOREKSI_DATA";
  };
  kategori.addEventListener("change", show);
  const alert = errorBox();
  const controls = (): Record<string, Control | undefined> => ({
    kategori,
    cardId: card,
    subject,
    description,
    employerName,
    "koreksi.fullName": fullName,
    "koreksi.birthPlace": birthPlace,
    "koreksi.birthDate": birthDate,
    attachments: files,
  });
  const errors = formErrors(alert, controls);
  const submit = h("button", { type: "submit" }, "Kirim Pengaduan");
  const key = idempotencyKey();
  const form = h(
    "form",
    { "data-form": "Buat Pengaduan", novalidate: true },
    h("h2", {}, "Buat Pengaduan"),
    field("Kategori", kategori),
    field("Kartu", card),
    employerBox,
    koreksiBox,
    field("Judul", subject),
    field("Uraian", description),
    field("Lampiran (JPEG, PNG atau PDF, maks. 2 MB, paling banyak 3)", files, "Untuk koreksi data, lampirkan foto KTP atau KK."),
    alert,
    submit,
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const empty = missing(controls());
    if (empty.length) return errors.show(empty);
    void busy(submit, errors, async () => {
      const attachments = await readFiles(files);
      if (typeof attachments === "string") return errors.show([{ field: ["input", "attachments"], message: attachments }]);
      const k = kategori.value as PengaduanKategori;
      const { pengaduanCreate } = await withSession(() =>
        jmo.pengaduanCreate({
          input: {
            kategori: k,
            subject: subject.value,
            description: description.value,
            cardId: card.value || null,
            employerName: k === "PERUSAHAAN_TIDAK_MENDAFTARKAN" ? employerName.value : null,
            koreksi:
              k === "KOREKSI_DATA"
                ? { fullName: fullName.value || null, birthPlace: birthPlace.value || null, birthDate: birthDate.value || null }
                : null,
            attachments,
            idempotencyKey: key,
          },
        }),
      );
      if (pengaduanCreate.userErrors.length) return errors.show(pengaduanCreate.userErrors);
      location.hash = `#/pengaduan?id=${encodeURIComponent(pengaduanCreate.pengaduan!.id)}`;
    });
  });
  return form;
}

/** The chosen files as the API takes them (base64), or what is wrong with them in words. */
export async function readFiles(input: HTMLInputElement): Promise<Array<{ fileName: string; type: PengaduanAttachmentType; contentBase64: string }> | string> {
  const list = Array.from(input.files ?? []);
  if (list.length > 3) return "Paling banyak 3 lampiran.";
  const out = [];
  for (const file of list) {
    const type = FILE_TYPES[file.type];
    if (!type) return `${file.name}: lampiran harus JPEG, PNG atau PDF.`;
    if (file.size > 2 * 1024 * 1024) return `${file.name}: ukuran lampiran melebihi 2 MB.`;
    const bytes = new Uint8Array(await file.arrayBuffer());
    let binary = "";
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    out.push({ fileName: file.name, type, contentBase64: btoa(binary) });
  }
  return out;
}

async function ticketView(root: HTMLElement, id: string): Promise<() => void> {
  root.append(h("h1", {}, "Pengaduan"), h("p", { class: "muted" }, "Memuat…"));
  const head = h("div", {});
  const conversation = h("ol", { class: "conversation", "data-testid": "percakapan" });
  const replyArea = h("div", {});
  const blobs: string[] = [];
  let shown = "";

  const render = (t: Ticket) => {
    clear(
      head,
      h("h1", {}, t.subject),
      h(
        "p",
        {},
        h("strong", { "data-testid": "nomor" }, t.nomor),
        ` · ${PENGADUAN_KATEGORI[t.kategori]} · `,
        h("span", { class: `status ${t.status.toLowerCase()}`, "data-testid": "status" }, PENGADUAN_STATUS[t.status]),
      ),
      h("p", { class: "muted" }, `Dikirim ${formatDateTime(t.createdAt)} · Target selesai ${formatDate(t.dueAt.slice(0, 10))}`, t.late ? " · melewati target" : ""),
      t.card ? h("p", {}, `Kartu KPJ ${t.card.kpjMasked}`) : null,
      t.koreksi.length ? h("ul", {}, ...t.koreksi.map((k) => h("li", { "data-field": k.field }, `${KOREKSI_FIELD[k.field]}: ${k.before ?? "-"} → ${k.proposed}`))) : null,
    );
    // Only a changed conversation is redrawn (a poll does not reset what the member is reading).
    const signature = `${t.status}:${t.messages.length}`;
    if (signature !== shown) {
      shown = signature;
      clear(
        conversation,
        ...t.messages.map((m) =>
          h(
            "li",
            { "data-author": m.author, class: m.author === "PETUGAS" ? "from-staff" : "from-member" },
            h("small", {}, `${m.author === "PETUGAS" ? "Petugas BPJS Ketenagakerjaan" : "Kamu"} · ${formatDateTime(m.at)}`),
            m.status ? h("p", { class: "status-change" }, `Status: ${PENGADUAN_STATUS[m.status]}`) : null,
            m.body ? h("p", { "data-testid": "pesan" }, m.body) : null,
            ...m.attachments.map((a) => attachmentLink(a, blobs)),
          ),
        ),
      );
    }
    if (t.status === "SELESAI" || t.status === "DITOLAK") clear(replyArea, h("p", { class: "muted" }, "Pengaduan ini sudah ditutup."));
    else if (!replyArea.firstChild || replyArea.querySelector("p.muted")) clear(replyArea, replyForm(t.id, load));
  };

  async function load(): Promise<void> {
    const { pengaduan } = await withSession(() => jmo.pengaduan({ id }));
    if (!pengaduan) throw new Error("Pengaduan tidak ditemukan.");
    render(pengaduan);
  }

  await load();
  root.replaceChildren(h("a", { href: "#/pengaduan" }, "← Semua pengaduan"), head, h("h2", {}, "Percakapan"), conversation, replyArea);
  const timer = setInterval(() => void load().catch(() => undefined), REFRESH_MS);
  return () => {
    clearInterval(timer);
    blobs.splice(0).forEach((url) => URL.revokeObjectURL(url));
  };
}

function replyForm(pengaduanId: string, reload: () => Promise<void>): HTMLElement {
  const body = h("textarea", { name: "body", rows: 3, maxlength: 4000, required: true });
  const files = h("input", { name: "attachments", type: "file", multiple: true, accept: "image/jpeg,image/png,application/pdf" });
  const alert = errorBox();
  const controls = () => ({ body, attachments: files });
  const errors = formErrors(alert, controls);
  const submit = h("button", { type: "submit" }, "Kirim Balasan");
  const form = h("form", { "data-form": "Balas", novalidate: true }, field("Balasan", body), field("Lampiran", files), alert, submit);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const empty = missing(controls());
    if (empty.length) return errors.show(empty);
    void busy(submit, errors, async () => {
      const attachments = await readFiles(files);
      if (typeof attachments === "string") return errors.show([{ field: ["input", "attachments"], message: attachments }]);
      const { pengaduanReply } = await withSession(() => jmo.pengaduanReply({ input: { pengaduanId, body: body.value, attachments } }));
      if (pengaduanReply.userErrors.length) return errors.show(pengaduanReply.userErrors);
      body.value = "";
      files.value = "";
      await reload();
    });
  });
  return form;
}

/** A file of the conversation: the route needs the Authorization header, so it is fetched on click and saved from a blob. */
function attachmentLink(a: Ticket["messages"][number]["attachments"][number], blobs: string[]): HTMLElement {
  const link = h("a", { href: "#", "data-testid": "lampiran", "data-type": a.type }, `${a.fileName} (${Math.ceil(a.sizeBytes / 1024)} kB)`);
  link.addEventListener("click", async (event) => {
    if (link.href.startsWith("blob:")) return;
    event.preventDefault();
    const response = await fetch(new URL(a.url, API_URL), { headers: { authorization: `Bearer ${currentSession()?.accessToken ?? ""}` } });
    if (!response.ok) return;
    const url = URL.createObjectURL(await response.blob());
    blobs.push(url);
    link.href = url;
    link.download = a.fileName;
    link.click();
  });
  return h("p", {}, link);
}
