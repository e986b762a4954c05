// The reference web app: a hash router over five views, each built on @jmo/sdk alone.
import { clear, errorMessage, h } from "./dom.ts";
import { currentSession, jmo, saveSession } from "./session.ts";
import { berandaView } from "./views/beranda.ts";
import { iuranView } from "./views/iuran.ts";
import { kecelakaanView } from "./views/kecelakaan.ts";
import { manfaatView } from "./views/manfaat.ts";
import { klaimProgramView } from "./views/klaim-program.ts";
import { kanalView } from "./views/kanal.ts";
import { antreanView } from "./views/antrean.ts";
import { beritaView } from "./views/berita.ts";
import { kotakMasukView } from "./views/kotak-masuk.ts";
import { klaimView } from "./views/klaim.ts";
import { klaimSebagianView } from "./views/klaim-sebagian.ts";
import { masukView } from "./views/masuk.ts";
import { pengkinianView } from "./views/pengkinian.ts";
import { pengaduanView } from "./views/pengaduan.ts";
import { saldoView } from "./views/saldo.ts";

/** A view renders into its root and returns a cleanup (e.g. ending a subscription) for when the route changes. */
export type View = (root: HTMLElement) => void | (() => void) | Promise<void | (() => void)>;

const routes: Record<string, { title: string; view: View; public?: boolean }> = {
  masuk: { title: "Masuk", view: masukView, public: true },
  beranda: { title: "Beranda", view: berandaView },
  saldo: { title: "Saldo JHT", view: saldoView },
  pengkinian: { title: "Pengkinian Data", view: pengkinianView },
  klaim: { title: "Klaim JHT", view: klaimView },
  // Reached from an AKTIF card on Beranda and from Klaim JHT.
  "klaim-sebagian": { title: "Klaim JHT Sebagian", view: klaimSebagianView },
  // Reached from a BPU card on Beranda (not in the bar: only self-employed members pay their own iuran).
  iuran: { title: "Iuran BPU", view: iuranView },
  kecelakaan: { title: "Lapor Kecelakaan Kerja", view: kecelakaanView },
  manfaat: { title: "Informasi Manfaat", view: manfaatView, public: true },
  "klaim-program": { title: "Klaim Program Lain", view: klaimProgramView, public: true },
  kanal: { title: "Kantor Cabang", view: kanalView, public: true },
  antrean: { title: "Antrean Kantor Cabang", view: antreanView },
  berita: { title: "Berita & Promo", view: beritaView, public: true },
  "kotak-masuk": { title: "Kotak Masuk", view: kotakMasukView },
  pengaduan: { title: "Pengaduan", view: pengaduanView },
};

const app = document.getElementById("app")!;
const nav = document.getElementById("nav")!;
let cleanup: (() => void) | undefined;

function renderNav(): void {
  if (!currentSession()) return clear(nav);
  clear(
    nav,
    ...(["beranda", "saldo", "pengkinian", "klaim"] as const).map((name) => h("a", { href: `#/${name}` }, routes[name]!.title)),
    h(
      "button",
      {
        type: "button",
        class: "link",
        onclick: async () => {
          await jmo.logout().catch(() => undefined);
          saveSession(null);
          await jmo.dispose();
          location.hash = "#/masuk";
        },
      },
      "Keluar",
    ),
  );
}

async function route(): Promise<void> {
  cleanup?.();
  cleanup = undefined;
  const name = location.hash.replace(/^#\/?/, "").split("?")[0] || (currentSession() ? "beranda" : "masuk");
  const target = routes[name] ?? routes.beranda!;
  if (!target.public && !currentSession()) {
    location.hash = "#/masuk";
    return;
  }
  document.title = `${target.title} — JMO`;
  renderNav();
  const root = h("section", { class: "view", "data-view": name });
  clear(app, root);
  try {
    const done = await target.view(root);
    if (typeof done === "function") cleanup = done;
  } catch (error) {
    clear(root, h("div", { class: "errors", role: "alert" }, h("p", {}, errorMessage(error))));
  }
}

window.addEventListener("hashchange", () => void route());
void route();
