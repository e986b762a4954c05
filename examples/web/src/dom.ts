// A tiny element builder: h("p", { class: "x" }, "text", child…), and the forms' error display. No framework.
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

let lastId = 0;
const uniqueId = (prefix: string) => `${prefix}-${++lastId}`;

/** Where a control's error is written, and its hint: kept per control so that errors can be shown beside it. */
const slots = new WeakMap<HTMLElement, { error: HTMLElement; hint: HTMLElement | null }>();

export type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/**
 * A form field: its label, the control, the control's error (hidden until there is one) and an optional hint (a text,
 * or an element the caller keeps to update it, e.g. the attempts left). The label is a <label for>, not a wrapper, so
 * that the control's accessible name is the label alone; the hint and the error describe it (aria-describedby).
 */
export function field(labelText: string, control: Control, hint?: string | HTMLElement): HTMLDivElement {
  control.id ||= uniqueId("f");
  const hintEl = hint == null ? null : typeof hint === "string" ? h("small", {}, hint) : hint;
  if (hintEl) hintEl.id ||= `${control.id}-hint`;
  const error = h("p", { class: "field-error", id: `${control.id}-error`, hidden: true });
  slots.set(control, { error, hint: hintEl });
  describe(control);
  return h("div", { class: "field" }, h("label", { for: control.id }, labelText), control, error, hintEl);
}

/** A checkbox with its text, beside which errors are shown like a field's: `choice(input, "Saya menyatakan…")`. */
export function choice(control: HTMLInputElement, text: string): HTMLDivElement {
  control.id ||= uniqueId("f");
  const error = h("p", { class: "field-error", id: `${control.id}-error`, hidden: true });
  slots.set(control, { error, hint: null });
  return h("div", { class: "choice" }, control, " ", h("label", { for: control.id }, text), error);
}

function describe(control: HTMLElement): void {
  const slot = slots.get(control);
  const ids = [slot && !slot.error.hidden ? slot.error.id : null, slot?.hint?.id].filter(Boolean);
  if (ids.length) control.setAttribute("aria-describedby", ids.join(" "));
  else control.removeAttribute("aria-describedby");
}

/** Shows (or with null removes) an error beside a control made by `field`. */
function setFieldError(control: HTMLElement, message: string | null): void {
  const slot = slots.get(control);
  if (!slot) return;
  slot.error.textContent = message ?? "";
  slot.error.hidden = message === null;
  if (message === null) control.removeAttribute("aria-invalid");
  else control.setAttribute("aria-invalid", "true");
  describe(control);
}

/** A select with an empty first option ("Pilih…"), so that nothing is chosen for the person. */
export function select(name: string, options: ReadonlyArray<readonly [string, string]>, selected?: string | null, placeholder = "Pilih…"): HTMLSelectElement {
  return h(
    "select",
    { name },
    placeholder ? h("option", { value: "", selected: !selected }, placeholder) : null,
    ...options.map(([value, text]) => h("option", { value, selected: value === selected }, text)),
  );
}

/** A select over an enum's values, in the order of its label table; `value()` is the chosen value or null. */
export function enumSelect<T extends string>(
  name: string,
  labels: Readonly<Record<T, string>>,
  selected?: T | null,
  attrs: { required?: boolean } = {},
): { element: HTMLSelectElement; value(): T | null } {
  // Object.entries types its keys as string; they are the table's, so T.
  const entries = Object.entries(labels) as Array<[T, string]>;
  const element = select(name, entries, selected);
  element.required = attrs.required ?? false;
  return { element, value: () => entries.find(([v]) => v === element.value)?.[0] ?? null };
}

/** An error as the API gives it (a userError: `field` is its path in the input, e.g. ["input", "bankAccount", "bankCode"]), or a plain message. */
export type Problem = string | { readonly field?: ReadonlyArray<string> | null; readonly message: string };

/** Where a view shows errors. */
export interface ErrorTarget {
  show(problems: ReadonlyArray<Problem>): void;
}

/** A form-level alert: the messages of errors that belong to no field, or to the form as a whole. */
export function errorBox(): HTMLDivElement & ErrorTarget {
  const box = h("div", { class: "errors", role: "alert" });
  return Object.assign(box, {
    show: (problems: ReadonlyArray<Problem>) => clear(box, ...problems.map((p) => h("p", {}, typeof p === "string" ? p : p.message))),
  });
}

/** "input.bankAccount.bankCode" → "bankAccount.bankCode": the path inside the mutation's input. */
export function fieldKey(path: ReadonlyArray<string>): string {
  return (path[0] === "input" ? path.slice(1) : path).join(".");
}

/**
 * A form's errors: each error whose path names one of `controls` (keyed as `fieldKey` writes them) is shown beside that
 * control and marks it invalid; the others go to the form-level `alert`. The first invalid control gets the focus.
 */
export function formErrors(alert: ErrorTarget, controls: () => Readonly<Record<string, Control | undefined>>): ErrorTarget {
  return {
    show(problems) {
      const byKey = controls();
      const rest: Problem[] = [];
      const messages = new Map<Control, string[]>();
      for (const problem of problems) {
        const control = typeof problem === "string" || !problem.field ? undefined : byKey[fieldKey(problem.field)];
        if (control && slots.has(control)) messages.set(control, [...(messages.get(control) ?? []), typeof problem === "string" ? problem : problem.message]);
        else rest.push(problem);
      }
      for (const control of Object.values(byKey)) if (control) setFieldError(control, messages.get(control)?.join(" ") ?? null);
      alert.show(rest);
      messages.keys().next().value?.focus();
    },
  };
}

/** The required controls of a form that are still empty, as problems ("Wajib diisi.") keyed like `controls`. */
export function missing(controls: Readonly<Record<string, Control | undefined>>): Problem[] {
  return Object.entries(controls)
    .filter(([, c]) => c?.required && c.value.trim() === "")
    .map(([key, c]) => ({ field: ["input", ...key.split(".")], message: c instanceof HTMLSelectElement ? "Pilih salah satu." : "Wajib diisi." }));
}

/** Runs an action with its button disabled, showing any thrown error in the target. */
export async function busy(button: HTMLButtonElement, target: ErrorTarget, action: () => Promise<void>): Promise<void> {
  button.disabled = true;
  target.show([]);
  try {
    await action();
  } catch (error) {
    target.show([errorMessage(error)]);
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
