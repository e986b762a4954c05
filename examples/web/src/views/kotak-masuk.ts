// Kotak masuk: the member's notifications newest first, the unread badge, "tandai dibaca" one by one or all, older
// pages on demand, and new notifications arriving live through notificationReceived (resumed after the newest shown).
import type { NotificationFieldsFragment } from "@jmo/sdk";
import { busy, clear, errorBox, errorMessage, h } from "../dom.ts";
import { formatDateTime } from "../format.ts";
import { jmo, withSession } from "../session.ts";

type Item = NotificationFieldsFragment;
const PAGE = 20;

/** The badge's text: nothing at 0, "99+" above 99. */
function badgeText(count: number): string {
  return count <= 0 ? "" : count > 99 ? "99+" : String(count);
}

function badge(count: number): HTMLElement {
  const el = h("span", {
    "data-testid": "unread-badge",
    "data-count": count,
    "aria-label": `${count} belum dibaca`,
    style: "background:#b00020;color:white;border-radius:10px;padding:0 0.45rem;margin-left:0.4rem;font-size:0.85rem",
  });
  setBadge(el, count);
  return el;
}

function setBadge(el: HTMLElement, count: number): void {
  el.textContent = badgeText(count);
  el.dataset.count = String(count);
  el.setAttribute("aria-label", `${count} belum dibaca`);
  el.hidden = count <= 0;
}

/** Beranda's link to the kotak masuk, with the unread badge (filled in once the count arrives). */
export function kotakMasukLink(): HTMLElement {
  const count = badge(0);
  const link = h("a", { href: "#/kotak-masuk", class: "button", "data-testid": "kotak-masuk-link" }, "Kotak Masuk", count);
  void withSession(() => jmo.notificationsUnreadCount())
    .then(({ me }) => setBadge(count, me?.notificationsUnreadCount ?? 0))
    .catch(() => undefined);
  return h("p", {}, link);
}

export async function kotakMasukView(root: HTMLElement): Promise<() => void> {
  root.append(h("h1", {}, "Kotak Masuk"), h("p", { class: "muted" }, "Memuat…"));
  let unreadOnly = false;
  let unread = 0;
  let endCursor: string | null = null;
  /** The newest notification shown: the live subscription resumes after it, so nothing between the read and it is lost. */
  let newest: string | null = null;
  const shown = new Map<string, HTMLElement>();

  const counter = badge(0);
  const list = h("ul", { "data-testid": "notifications", style: "list-style:none;padding:0" });
  const more = h("button", { type: "button", class: "secondary", "data-testid": "more" }, "Muat lebih banyak");
  const markAll = h("button", { type: "button", "data-testid": "mark-all" }, "Tandai semua dibaca");
  const filter = h("input", { type: "checkbox", name: "unreadOnly", id: "unread-only" });
  const empty = h("p", { class: "muted", "data-testid": "empty", hidden: true }, "Belum ada notifikasi.");
  const errors = errorBox();

  const updateCount = (count: number) => {
    unread = count;
    setBadge(counter, count);
    markAll.disabled = count === 0;
  };

  function markShownRead(id: string): void {
    const el = shown.get(id);
    if (!el) return;
    el.dataset.read = "true";
    el.style.borderLeft = "6px solid transparent";
    el.querySelector("[data-testid=mark-read]")?.remove();
    if (unreadOnly) el.remove();
  }

  function itemOf(n: Item): HTMLElement {
    const markButton = n.read ? null : h("button", { type: "button", class: "secondary", "data-testid": "mark-read" }, "Tandai dibaca");
    const li = h(
      "li",
      { class: "card", "data-notification": n.id, "data-kind": n.kind, "data-read": String(n.read), style: `border-left:6px solid ${n.read ? "transparent" : "#f39200"}` },
      h("strong", { "data-testid": "title" }, n.title),
      h("p", { "data-testid": "body" }, n.body),
      h("small", {}, formatDateTime(n.createdAt)),
      markButton ? " " : null,
      markButton,
    );
    markButton?.addEventListener("click", () =>
      busy(markButton, errors, async () => {
        const { notificationsMarkRead: r } = await withSession(() => jmo.notificationsMarkRead({ input: { ids: [n.id] } }));
        for (const m of r.notifications) if (m.read) markShownRead(m.id);
        updateCount(r.unreadCount);
      }),
    );
    shown.set(n.id, li);
    return li;
  }

  async function load(reset: boolean): Promise<void> {
    if (reset) {
      endCursor = null;
      shown.clear();
      clear(list);
    }
    const { me } = await withSession(() => jmo.notifications({ first: PAGE, after: endCursor, unreadOnly }));
    if (!me) throw new Error("Sesi berakhir, silakan masuk kembali.");
    const page = me.notifications;
    for (const edge of page.edges) if (!shown.has(edge.node.id)) list.append(itemOf(edge.node));
    if (reset && !unreadOnly) newest = page.edges[0]?.cursor ?? newest;
    endCursor = page.pageInfo.endCursor ?? endCursor;
    more.hidden = !page.pageInfo.hasNextPage;
    empty.hidden = shown.size > 0;
    updateCount(me.notificationsUnreadCount);
  }

  more.addEventListener("click", () => busy(more, errors, () => load(false)));
  markAll.addEventListener("click", () =>
    busy(markAll, errors, async () => {
      const { notificationsMarkRead: r } = await withSession(() => jmo.notificationsMarkRead({ input: { all: true } }));
      for (const id of [...shown.keys()]) markShownRead(id);
      updateCount(r.unreadCount);
    }),
  );
  filter.addEventListener("change", () => {
    unreadOnly = filter.checked;
    void load(true).catch((error) => errors.show([errorMessage(error)]));
  });

  root.replaceChildren(
    h("h1", {}, "Kotak Masuk", counter),
    h("p", {}, markAll, " ", h("label", { for: "unread-only" }, filter, " Hanya yang belum dibaca")),
    errors,
    list,
    empty,
    more,
  );
  await load(true);

  // New ones come live (from whichever API instance this browser is connected to) and go on top.
  const events = jmo.notificationReceived({ after: newest })[Symbol.asyncIterator]();
  let active = true;
  void (async () => {
    try {
      for await (const { notificationReceived: n } of { [Symbol.asyncIterator]: () => events }) {
        if (!active) break;
        if (shown.has(n.id)) continue;
        list.prepend(itemOf(n));
        empty.hidden = true;
        if (!n.read) updateCount(unread + 1);
      }
    } catch (error) {
      if (active) errors.show([`Notifikasi baru terputus: ${errorMessage(error)}`]);
    }
  })();
  return () => {
    active = false;
    void events.return?.();
  };
}
