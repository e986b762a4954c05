// Berita and promo: published news for anyone (no sign-in), newest first with "Muat lagi"; for a signed-in member also
// the promos of their province valid today. Bodies arrive as HTML the API rendered from Markdown and sanitised, so
// they are inserted as they are.
import type { BeritaFieldsFragment } from "@jmo/sdk";
import { busy, clear, errorBox, h } from "../dom.ts";
import { formatDate, formatDateTime } from "../format.ts";
import { currentSession, jmo, withSession } from "../session.ts";

function html(markup: string): HTMLDivElement {
  const div = h("div", { class: "article-body" });
  div.innerHTML = markup;
  return div;
}

function beritaItem(item: BeritaFieldsFragment): HTMLElement {
  return h(
    "article",
    { class: "card", "data-testid": "berita", "data-id": item.id },
    item.image ? h("img", { src: item.image.url, alt: "", width: item.image.width, height: item.image.height, loading: "lazy", class: "article-image" }) : null,
    h("h2", {}, item.title),
    h("small", {}, formatDateTime(item.publishAt)),
    h("p", { class: "muted" }, item.summary),
    html(item.bodyHtml),
  );
}

function promoItem(item: BeritaFieldsFragment): HTMLElement {
  const promo = item.promo!;
  return h(
    "article",
    { class: "card", "data-testid": "promo", "data-id": item.id },
    h("h3", {}, item.title),
    h("p", {}, h("strong", {}, promo.discount), ` · ${promo.partner}`),
    h("small", {}, `Berlaku ${formatDate(promo.validFrom)} – ${formatDate(promo.validUntil)}${promo.provinceCodes.length ? "" : " · seluruh Indonesia"}`),
    h("p", { class: "muted" }, item.summary),
    html(item.bodyHtml),
    h("details", {}, h("summary", {}, "Syarat dan ketentuan"), html(promo.termsHtml)),
  );
}

export async function beritaView(root: HTMLElement): Promise<void> {
  const alert = errorBox();
  const list = h("div", { "data-testid": "berita-list" });
  const more = h("button", { type: "button", class: "secondary", hidden: true }, "Muat lagi");
  const promos = h("section", { "data-testid": "promo-list" });
  let after: string | null = null;

  async function loadPage(): Promise<void> {
    const { berita } = await jmo.berita({ first: 5, after });
    list.append(...berita.edges.map((e) => beritaItem(e.node)));
    if (!berita.edges.length && !after) list.append(h("p", {}, "Belum ada berita."));
    after = berita.pageInfo.endCursor ?? after;
    more.hidden = !berita.pageInfo.hasNextPage;
  }
  more.addEventListener("click", () => busy(more, alert, loadPage));

  root.replaceChildren(h("h1", {}, "Berita & Promo"), alert, promos, h("h2", {}, "Berita"), list, more);
  if (currentSession()) {
    const { promos: page } = await withSession(() => jmo.promos({ first: 20 }));
    clear(promos, h("h2", {}, "Promo untukmu"), ...(page.edges.length ? page.edges.map((e) => promoItem(e.node)) : [h("p", {}, "Belum ada promo untuk wilayahmu.")]));
  }
  await loadPage();
}
