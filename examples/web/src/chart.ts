// The saldo-by-year chart, drawn as inline SVG. Amounts are scaled from bigint sen; only pixel positions are numbers.
import { shortRupiah, toSen } from "./format.ts";

const SVG = "http://www.w3.org/2000/svg";

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, String(value));
  if (text !== undefined) el.textContent = text;
  return el;
}

/** Bars of saldo akhir per year, with the amount over each bar. */
export function saldoChart(years: ReadonlyArray<{ year: number; saldoAkhir: string }>): SVGSVGElement {
  const width = 640;
  const height = 260;
  const pad = { top: 24, right: 12, bottom: 28, left: 12 };
  const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", class: "chart", "data-testid": "saldo-chart" });
  root.append(svg("title", {}, "Grafik saldo JHT per tahun"));
  const values = years.map((y) => toSen(y.saldoAkhir));
  const max = values.reduce((m, v) => (v > m ? v : m), 1n);
  const plotH = height - pad.top - pad.bottom;
  const slot = (width - pad.left - pad.right) / Math.max(years.length, 1);
  const barW = Math.max(4, slot * 0.6);
  years.forEach((y, i) => {
    const value = values[i]! < 0n ? 0n : values[i]!;
    // Per-mille of the largest bar: exact integer arithmetic, then a pixel height.
    const barH = (Number((value * 1000n) / max) / 1000) * plotH;
    const x = pad.left + i * slot + (slot - barW) / 2;
    const yTop = pad.top + plotH - barH;
    root.append(
      svg("rect", { x, y: yTop, width: barW, height: barH, rx: 2, class: "bar" }),
      svg("text", { x: x + barW / 2, y: height - 8, "text-anchor": "middle", class: "axis" }, String(y.year)),
    );
    if (years.length <= 16) root.append(svg("text", { x: x + barW / 2, y: yTop - 6, "text-anchor": "middle", class: "value" }, shortRupiah(value)));
  });
  return root;
}
