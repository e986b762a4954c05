// Antrean kantor cabang: the member picks an office near a city, a service and a day, sees the day's 30-minute slots
// with the places still free (in the office's own time zone), books one, and shows the booking code and QR at the
// counter; open bookings can be cancelled until their slot starts.
import type { AntreanBookingFieldsFragment, AntreanLayanan, AntreanStatus } from "@jmo/sdk";
import { busy, clear, enumSelect, errorBox, field, h, select } from "../dom.ts";
import { formatDate } from "../format.ts";
import { jmo, withSession } from "../session.ts";
import { CITIES } from "./kanal.ts";

export const ANTREAN_LAYANAN: Record<AntreanLayanan, string> = {
  KLAIM_JHT: "Klaim JHT",
  KLAIM_JKM: "Klaim JKM (kematian)",
  KLAIM_JKK: "Klaim JKK (kecelakaan kerja)",
  KLAIM_JP: "Klaim JP (pensiun)",
  KLAIM_JKP: "Klaim JKP (kehilangan pekerjaan)",
  PENGKINIAN: "Pengkinian data",
  LAINNYA: "Layanan lainnya",
};
const ANTREAN_STATUS: Record<AntreanStatus, string> = {
  BOOKED: "Terdaftar",
  CANCELLED: "Dibatalkan",
  SERVED: "Sudah dilayani",
  NO_SHOW: "Tidak hadir",
  EXPIRED: "Kedaluwarsa",
};

type Booking = AntreanBookingFieldsFragment & { qr?: { token: string; svg: string } | null };

/** The QR as an image (an SVG from the API shown through <img>, so nothing in it can run). */
function qrImage(svg: string): HTMLImageElement {
  return h("img", { src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`, alt: "Kode QR antrean", width: 180, height: 180, "data-testid": "antrean-qr" });
}

function bookingCard(b: Booking, onCancel: (b: Booking, button: HTMLButtonElement) => void): HTMLElement {
  const cancel = b.cancellable ? h("button", { type: "button", class: "secondary", "data-testid": "antrean-batal" }, "Batalkan") : null;
  cancel?.addEventListener("click", () => onCancel(b, cancel));
  return h(
    "article",
    { class: "card", "data-testid": "antrean", "data-code": b.code },
    h("h3", { "data-testid": "antrean-code" }, b.code),
    h("p", {}, `${ANTREAN_LAYANAN[b.layanan]} · `, h("strong", { "data-testid": "antrean-status" }, ANTREAN_STATUS[b.status])),
    h("p", {}, b.kanal.name),
    h("p", { class: "muted" }, b.kanal.address),
    h("p", { "data-testid": "antrean-jadwal" }, `${formatDate(b.slotDate)} pukul ${b.slotTime} ${b.zonaWaktu}`),
    b.qr && b.status === "BOOKED" ? qrImage(b.qr.svg) : null,
    b.status === "BOOKED" ? h("p", { class: "muted" }, "Tunjukkan kode atau QR ini di loket, bawa KTP dan dokumen yang diperlukan.") : null,
    cancel,
  );
}

export async function antreanView(root: HTMLElement): Promise<void> {
  root.append(h("p", { class: "muted" }, "Memuat…"));
  const alert = errorBox();
  const list = h("div", { "data-testid": "antrean-list" });
  const result = h("div", { "data-testid": "antrean-baru", role: "status" });

  async function refresh(): Promise<void> {
    const { me } = await withSession(() => jmo.myAntreanBookings({ open: true, first: 20 }));
    const open = (me?.antreanBookings.edges ?? []).map((e) => e.node);
    clear(list, ...(open.length ? open.map((b) => bookingCard(b, cancelBooking)) : [h("p", { class: "muted" }, "Belum ada antrean aktif.")]));
  }

  function cancelBooking(b: Booking, button: HTMLButtonElement): void {
    void busy(button, alert, async () => {
      const { antreanCancel } = await withSession(() => jmo.antreanCancel({ input: { bookingId: b.id } }));
      if (antreanCancel.userErrors.length) return alert.show(antreanCancel.userErrors);
      clear(result, h("p", { class: "ok" }, `Antrean ${b.code} dibatalkan.`));
      await refresh();
    });
  }

  const city = select("kota", CITIES.map(([value, name]) => [value, name] as const), null, "Pilih kota");
  const findOffices = h("button", { type: "button", class: "secondary" }, "Cari kantor");
  const office = select("kanalId", [], null, "Pilih kota terlebih dahulu");
  const layanan = enumSelect("layanan", ANTREAN_LAYANAN, "KLAIM_JHT", { required: true });
  const date = h("input", { name: "date", type: "date" });
  const showSlots = h("button", { type: "button" }, "Lihat slot");
  const slots = h("div", { class: "search", "data-testid": "antrean-slots" });

  findOffices.addEventListener("click", () =>
    busy(findOffices, alert, async () => {
      const picked = CITIES.find(([value]) => value === city.value);
      if (!picked) throw new Error("Pilih kota dulu.");
      const { kanalLayanan } = await jmo.kanalLayananNear({ near: { lat: picked[2], lng: picked[3] }, kind: ["KANTOR_CABANG", "KANTOR_CABANG_PERINTIS", "KANTOR_WILAYAH"], first: 10 });
      clear(office, h("option", { value: "" }, "Pilih kantor"), ...kanalLayanan.edges.map((e) => h("option", { value: e.node.id }, `${e.node.name} (${e.distanceKm?.toLocaleString("id-ID", { maximumFractionDigits: 1 })} km)`)));
    }),
  );

  async function loadSlots(): Promise<void> {
    if (!office.value) throw new Error("Pilih kantor dulu.");
    if (!date.value) throw new Error("Pilih tanggal kunjungan.");
    const { antreanSlots: day } = await jmo.antreanSlots({ kanalId: office.value, date: date.value });
    if (!day) throw new Error("Kantor tidak ditemukan.");
    if (day.closedReason) {
      clear(slots, h("p", { class: "fail" }, day.holidayName ? `Kantor tutup: ${day.holidayName}.` : "Kantor tutup pada hari itu."));
      return;
    }
    clear(
      slots,
      h("p", { class: "muted" }, `Jam menurut zona ${day.zonaWaktu}; dapat dipesan sampai ${formatDate(day.lastBookableDate)}.`),
      ...day.slots.map((s) => {
        const button = h(
          "button",
          { type: "button", class: s.bookable ? "" : "secondary", disabled: !s.bookable, "data-time": s.time },
          `${s.time} · ${s.available > 0 ? `sisa ${s.available}` : "penuh"}`,
        );
        button.addEventListener("click", () => void book(s.start, button));
        return button;
      }),
    );
  }

  function book(slotStart: unknown, button: HTMLButtonElement): Promise<void> {
    return busy(button, alert, async () => {
      const chosen = layanan.value();
      if (!chosen) throw new Error("Pilih layanan dulu.");
      const { antreanBook } = await withSession(() => jmo.antreanBook({ input: { kanalId: office.value, layanan: chosen, slotStart: slotStart as string } }));
      if (antreanBook.userErrors.length || !antreanBook.booking) {
        alert.show(antreanBook.userErrors);
        await loadSlots();
        return;
      }
      const b = antreanBook.booking;
      clear(result, h("p", { class: "ok" }, "Antrean berhasil diambil."), bookingCard(b, cancelBooking));
      await Promise.all([refresh(), loadSlots()]);
    });
  }

  showSlots.addEventListener("click", () => busy(showSlots, alert, loadSlots));

  await refresh();
  root.replaceChildren(
    h("h1", {}, "Antrean Kantor Cabang"),
    h(
      "p",
      { class: "muted" },
      "Ambil nomor antrean di kantor cabang untuk klaim yang perlu datang ke kantor (misalnya kartu masih aktif, saldo di atas batas JMO, klaim JKM, JKK atau JP).",
    ),
    alert,
    result,
    h("h2", {}, "Antrean Saya"),
    list,
    h("h2", {}, "Ambil Antrean"),
    h(
      "div",
      { class: "card" },
      h("div", { class: "search" }, field("Kota", city), findOffices),
      field("Kantor", office),
      field("Layanan", layanan.element),
      h("div", { class: "search" }, field("Tanggal kunjungan", date), showSlots),
      slots,
    ),
  );
}
