// Kantor cabang terdekat: BPJS Ketenagakerjaan service points nearest to the phone's location (or a city picked from a
// list), or in a regency found by name; each with its distance, address, hours in its own zone and whether it is open
// now. Public: no sign-in.
import type { KanalLayananFieldsFragment, KanalLayananService } from "@jmo/sdk";
import { busy, clear, errorBox, field, h, select } from "../dom.ts";
import { jmo } from "../session.ts";

const DAYS = ["", "Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min"];
const SERVICES: Record<KanalLayananService, string> = {
  PENDAFTARAN: "Pendaftaran",
  KLAIM_JHT: "Klaim JHT",
  KLAIM_JKK_JKM: "Klaim JKK/JKM",
  KLAIM_JP: "Klaim JP",
  KLAIM_JKP: "Klaim JKP",
  PENGKINIAN_DATA: "Pengkinian data",
  PENGADUAN: "Pengaduan",
  INFORMASI: "Informasi",
};
// Starting points for people who do not share their location.
export const CITIES: ReadonlyArray<readonly [string, string, number, number]> = [
  ["bandung", "Bandung", -6.9025, 107.6188],
  ["jakarta", "Jakarta", -6.1754, 106.8272],
  ["surabaya", "Surabaya", -7.2575, 112.7521],
  ["medan", "Medan", 3.5952, 98.6722],
  ["makassar", "Makassar", -5.1477, 119.4327],
  ["jayapura", "Jayapura", -2.5337, 140.7181],
];

/** "Sen–Jum 08:00–15:00 WIB": consecutive days with the same hours joined. */
export function hoursText(kanal: Pick<KanalLayananFieldsFragment, "openingHours" | "zonaWaktu">): string {
  const groups: Array<{ from: number; to: number; hours: string }> = [];
  for (const d of [...kanal.openingHours].sort((a, b) => a.dayOfWeek - b.dayOfWeek)) {
    const hours = `${d.opens}–${d.closes}`;
    const last = groups.at(-1);
    if (last && last.hours === hours && last.to === d.dayOfWeek - 1) last.to = d.dayOfWeek;
    else groups.push({ from: d.dayOfWeek, to: d.dayOfWeek, hours });
  }
  if (!groups.length) return "Jam layanan belum tersedia";
  return `${groups.map((g) => `${DAYS[g.from]}${g.to > g.from ? `–${DAYS[g.to]}` : ""} ${g.hours}`).join(", ")} ${kanal.zonaWaktu}`;
}

/** Who published the page the row was checked against (docs/domain/kanal-layanan.md). */
const SOURCE_LABEL: Record<string, string> = {
  OFFICIAL: "Sumber resmi: ",
  SECONDARY: "Sumber berita: ",
  UNVERIFIED: "Sumber: ",
};

function kanalItem(kanal: KanalLayananFieldsFragment, distanceKm: number | null | undefined): HTMLLIElement {
  return h(
    "li",
    { class: "card", "data-code": kanal.code, "data-testid": "kanal" },
    h("h3", {}, kanal.name),
    h(
      "p",
      {},
      h("span", { class: kanal.openNow ? "ok" : "fail", "data-testid": "open-now" }, kanal.openNow ? "Buka sekarang" : "Tutup"),
      distanceKm != null ? ` · ${distanceKm.toLocaleString("id-ID", { maximumFractionDigits: 1 })} km` : "",
    ),
    h("p", {}, kanal.address),
    h("p", { class: "muted" }, hoursText(kanal)),
    h("p", { class: "muted" }, kanal.services.map((s) => SERVICES[s]).join(" · ")),
    kanal.location.approximate ? h("small", {}, "Titik peta perkiraan: ikuti alamat. ") : null,
    kanal.source.status === "UNVERIFIED" ? h("small", {}, "Alamat belum diverifikasi: hubungi 175 sebelum datang. ") : null,
    h(
      "small",
      { "data-testid": "kanal-source", "data-status": kanal.source.status },
      SOURCE_LABEL[kanal.source.status] ?? "Sumber: ",
      h("a", { href: kanal.source.url, rel: "noopener noreferrer", target: "_blank" }, kanal.source.title),
    ),
  );
}

export async function kanalView(root: HTMLElement): Promise<void> {
  const results = h("ol", { class: "plain", "data-testid": "kanal-list" });
  const alert = errorBox();
  const city = select("kota", CITIES.map(([value, name]) => [value, name] as const), null, "Pilih kota");
  const nearCity = h("button", { type: "button", class: "secondary" }, "Cari terdekat");
  const locate = h("button", { type: "button" }, "Gunakan lokasi saya");
  const regencySearch = h("input", { name: "wilayah", type: "search", placeholder: "mis. Bandung, Sorong" });
  const findRegency = h("button", { type: "button", class: "secondary" }, "Cari wilayah");
  const regencies = h("div", { "data-testid": "wilayah-pilihan" });

  async function showNear(lat: number, lng: number): Promise<void> {
    const { kanalLayanan } = await jmo.kanalLayananNear({ near: { lat, lng }, first: 10 });
    clear(results, ...kanalLayanan.edges.map((e) => kanalItem(e.node, e.distanceKm)));
    // What the list holds now, so a reader (or a test) can tell an old answer from the new one.
    results.dataset.showing = "near";
  }

  async function showWilayah(code: string): Promise<void> {
    const { kanalLayanan } = await jmo.kanalLayananByWilayah({ wilayah: code, first: 50 });
    clear(results, ...(kanalLayanan.edges.length ? kanalLayanan.edges.map((e) => kanalItem(e.node, null)) : [h("li", {}, "Belum ada kantor di wilayah ini: coba wilayah terdekat.")]));
    results.dataset.showing = `wilayah:${code}`;
  }

  locate.addEventListener("click", () =>
    busy(locate, alert, async () => {
      if (!navigator.geolocation) throw new Error("Peramban ini tidak bisa membaca lokasi: pilih kota.");
      const position = await new Promise<GeolocationPosition>((resolve, reject) =>
        navigator.geolocation.getCurrentPosition(resolve, () => reject(new Error("Lokasi tidak diizinkan: pilih kota.")), { timeout: 10_000 }),
      );
      await showNear(position.coords.latitude, position.coords.longitude);
    }),
  );
  nearCity.addEventListener("click", () =>
    busy(nearCity, alert, async () => {
      const picked = CITIES.find(([value]) => value === city.value);
      if (!picked) throw new Error("Pilih kota dulu.");
      await showNear(picked[2], picked[3]);
    }),
  );
  findRegency.addEventListener("click", () =>
    busy(findRegency, alert, async () => {
      const { wilayah } = await jmo.wilayah({ search: regencySearch.value, first: 50 });
      // One button per regency (the first 4 digits of a village code).
      const byRegency = new Map(wilayah.map((w) => [w.villageCode.slice(0, 4), `${w.kabupaten}, ${w.provinsi}`]));
      clear(
        regencies,
        ...(byRegency.size
          ? [...byRegency].map(([code, name]) => h("button", { type: "button", class: "link", "data-wilayah": code, onclick: () => void showWilayah(code) }, name))
          : [h("p", {}, "Wilayah tidak ditemukan.")]),
      );
    }),
  );

  root.replaceChildren(
    h("h1", {}, "Kantor Cabang Terdekat"),
    h("p", { class: "muted" }, "Kantor BPJS Ketenagakerjaan terdekat, jam layanan menurut zona waktu setempat (WIB/WITA/WIT)."),
    alert,
    h("div", { class: "search" }, locate, " ", field("atau pilih kota", city), nearCity),
    h("div", { class: "search" }, field("Cari per kabupaten/kota", regencySearch), findRegency, regencies),
    results,
  );
}
