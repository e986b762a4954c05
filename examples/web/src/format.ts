// Display helpers. Money arrives as Rupiah strings ("7389980.91", sen precision) and is formatted as text, never as
// a float: "Rp7.389.980,91".

/** "7389980.91" → "Rp7.389.980,91"; "-1250000.00" → "-Rp1.250.000,00". */
export function formatRupiah(value: string): string {
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(value.trim());
  if (!match) return value;
  const [, sign, whole, fraction = ""] = match;
  const grouped = whole!.replace(/^0+(?=\d)/, "").replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return `${sign}Rp${grouped},${fraction.padEnd(2, "0")}`;
}

/** A Rupiah string as bigint sen, for comparing and scaling (the chart). */
export function toSen(value: string): bigint {
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(value.trim());
  if (!match) return 0n;
  const sen = BigInt(match[2]!) * 100n + BigInt((match[3] ?? "").padEnd(2, "0"));
  return match[1] ? -sen : sen;
}

/** A bigint of sen, shortened for a chart axis: "Rp7,4 jt", "Rp94 jt", "Rp1,2 M". */
export function shortRupiah(sen: bigint): string {
  const rupiah = sen / 100n;
  const units: Array<[bigint, string]> = [
    [1_000_000_000n, "M"],
    [1_000_000n, "jt"],
    [1_000n, "rb"],
  ];
  for (const [size, label] of units) {
    if (rupiah >= size) {
      const tenths = (rupiah * 10n) / size;
      const whole = tenths / 10n;
      const rest = tenths % 10n;
      return `Rp${whole}${rest === 0n || whole >= 100n ? "" : `,${rest}`} ${label}`;
    }
  }
  return `Rp${rupiah}`;
}

/** bigint sen → "290400.00", the API's Rupiah string (for formatRupiah): sums stay exact. */
export function fromSen(sen: bigint): string {
  const sign = sen < 0n ? "-" : "";
  const abs = sen < 0n ? -sen : sen;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, "0")}`;
}

const MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

/** "2026-11-22" → "22 November 2026". */
export function formatDate(value: string | null | undefined): string {
  if (!value) return "-";
  const [y, m, d] = value.slice(0, 10).split("-");
  return `${Number(d)} ${MONTHS[Number(m) - 1] ?? m} ${y}`;
}

/** A contribution month "2026-11" → "November 2026". */
export function formatMonth(value: string | null | undefined): string {
  if (!value) return "-";
  const [y, m] = value.split("-");
  return `${MONTHS[Number(m) - 1] ?? m} ${y}`;
}

/** An ISO timestamp in WIB: "22 November 2026 11.05 WIB". */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return "-";
  const date = new Date(value);
  const wib = new Date(date.getTime() + 7 * 3600_000).toISOString();
  return `${formatDate(wib)} ${wib.slice(11, 13)}.${wib.slice(14, 16)} WIB`;
}
