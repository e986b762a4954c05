// A tiny element builder: h("p", { class: "x" }, "text", child…). No framework.
import { JmoError } from "@jmo/sdk";

type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value == null || value === false) continue;
    if (typeof value === "function") el.addEventListener(name.replace(/^on/, "").toLowerCase(), value);
    else if (value === true) el.setAttribute(name, "");
    else el.setAttribute(name, String(value));
  }
  append(el, ...children);
  return el;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child == null || child === false) continue;
    parent.appendChild(typeof child === "object" ? child : document.createTextNode(String(child)));
  }
}

export function clear(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, ...children);
}

/** A form field with its label: `field("Email", input)`. */
export function field(labelText: string, control: HTMLElement, hint?: string): HTMLLabelElement {
  return h("label", { class: "field" }, h("span", {}, labelText), control, hint ? h("small", {}, hint) : null);
}

/** A <select> of [value, label] pairs. */
export function select(name: string, options: Array<[string, string]>, selected?: string | null): HTMLSelectElement {
  return h("select", { name }, ...options.map(([value, text]) => h("option", { value, selected: value === selected }, text)));
}

/** Where a view shows errors: the userErrors of a payload, or a JmoError's message. */
export function errorBox(): HTMLDivElement & { show(messages: string[]): void } {
  const box = h("div", { class: "errors", role: "alert" }) as HTMLDivElement & { show(messages: string[]): void };
  box.show = (messages) => clear(box, ...messages.map((m) => h("p", {}, m)));
  return box;
}

/** Runs an action with its button disabled, showing any thrown error in the box. */
export async function busy(button: HTMLButtonElement, box: { show(messages: string[]): void }, action: () => Promise<void>): Promise<void> {
  button.disabled = true;
  box.show([]);
  try {
    await action();
  } catch (error) {
    box.show([errorMessage(error)]);
  } finally {
    button.disabled = false;
  }
}

/** A thrown error as the user reads it: the API's own (Indonesian) message, or a network failure in Indonesian. */
export function errorMessage(error: unknown): string {
  if (error instanceof JmoError && error.code === "NETWORK_ERROR") return "Tidak dapat terhubung ke server JMO. Periksa koneksi kamu lalu coba lagi.";
  if (error instanceof JmoError && error.requestId) return `${error.message} (kode: ${error.requestId})`;
  return error instanceof Error ? error.message : String(error);
}
