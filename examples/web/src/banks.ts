// The bank of a rekening, chosen from the API's `banks` list (the same list the API validates bankCode against).
import { clear, h } from "./dom.ts";
import { jmo, withSession } from "./session.ts";

/** A required <select name="bankCode"> filled from `banks`; `selected` is the code already on record, if any. */
export function bankSelect(selected?: string | null): HTMLSelectElement {
  const bank = h("select", { name: "bankCode", required: true }, h("option", { value: "" }, "Memuat daftar bank…"));
  withSession(() => jmo.banks()).then(
    ({ banks }) =>
      clear(
        bank,
        h("option", { value: "", selected: !selected }, "Pilih bank"),
        ...banks.map((b) => h("option", { value: b.code, selected: b.code === selected }, `${b.name}${b.realtime ? " (real-time)" : ""}`)),
      ),
    () => clear(bank, h("option", { value: "" }, "Daftar bank tidak dapat dimuat; muat ulang halaman")),
  );
  return bank;
}
