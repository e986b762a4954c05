import { Arg, Ctx, Query, Resolver } from "type-graphql";
import { DatedRuleFigure, DatedRuleLookup, DatedRuleName, DatedRuleUnit, DateScalar, RateSource, senToRupiah } from "@jmo/schema";
import type { Locale } from "../../common/i18n.ts";
import type { Context } from "../../server/context.ts";
import { formatPercent } from "../saldo/money.ts";
import { periodsOf, type NoFigureReason, type RuleLookup, type RuleRow, type RuleTable } from "./rule-book.ts";

/** Units whose value is a whole count (months, days, a day of the month), shown without decimals. */
const COUNT_UNITS: ReadonlySet<RuleTable["unit"]> = new Set(["BULAN", "HARI", "TANGGAL"]);

function toFigure(table: RuleTable, row: RuleRow, until: string | null): DatedRuleFigure {
  const rupiah = table.unit === "RUPIAH" || table.unit === "RUPIAH_PER_BULAN";
  return Object.assign(new DatedRuleFigure(), {
    rule: table.rule as DatedRuleName,
    effectiveFrom: row.from,
    effectiveUntil: until,
    value: rupiah ? senToRupiah(row.value) : COUNT_UNITS.has(table.unit) ? row.value.toString() : formatPercent(Number(row.value)),
    unit: table.unit as DatedRuleUnit,
    bandAbove: row.band?.aboveSen ?? null,
    bandUpTo: row.band?.upToSen ?? null,
    source: row.source,
    status: row.status as RateSource,
    note: row.note,
  });
}

function noFigureMessage(lookup: { rule: string; date: string; reason: NoFigureReason }, locale: Locale): string {
  if (locale === "en") {
    return lookup.reason === "BEFORE_FIRST_ROW"
      ? `The rule book has no ${lookup.rule} figure for ${lookup.date}: its first row starts later.`
      : `The rule book has no ${lookup.rule} figure for ${lookup.date} yet: its newest row no longer applies and the next one has not been added.`;
  }
  return lookup.reason === "BEFORE_FIRST_ROW"
    ? `Tidak ada angka ${lookup.rule} untuk tanggal ${lookup.date}: baris pertama tabel berlaku sesudahnya.`
    : `Belum ada angka ${lookup.rule} untuk tanggal ${lookup.date}: baris terbaru tabel sudah tidak berlaku dan angka berikutnya belum dimasukkan.`;
}

export function toLookup(table: RuleTable, lookup: RuleLookup, locale: Locale): DatedRuleLookup {
  return Object.assign(new DatedRuleLookup(), {
    rule: lookup.rule as DatedRuleName,
    date: lookup.date,
    found: lookup.found,
    figures: lookup.found ? lookup.rows.map((row) => toFigure(table, row, lookup.until)) : [],
    message: lookup.found ? null : noFigureMessage(lookup, locale),
  });
}

@Resolver()
export class RulesResolver {
  @Query(() => [DatedRuleFigure], {
    description:
      "The rule book (public): every dated figure that changes over time (JMO claim limit, JP wage cap, JP pension floor and ceiling, " +
      "JHT development rates, PPh 21 bands), oldest first per rule, with its source and status (docs/domain/rules.md)",
  })
  async datedRules(
    @Arg("rule", () => DatedRuleName, { nullable: true, description: "One rule only; all rules when omitted" }) rule: DatedRuleName | null,
    @Ctx() ctx: Context,
  ): Promise<DatedRuleFigure[]> {
    const tables: RuleTable[] = await ctx.services.rules.tables(rule ?? null);
    return tables.flatMap((table) => periodsOf(table).flatMap((p) => p.rows.map((row) => toFigure(table, row, p.until))));
  }

  @Query(() => DatedRuleLookup, {
    description: "The figure of a rule in force on a day (public); a day no row covers answers found: false with the reason, never an older figure",
  })
  async datedRuleOn(
    @Arg("rule", () => DatedRuleName, { description: "The rule to look up" }) rule: DatedRuleName,
    @Arg("date", () => DateScalar, { description: "The day the figure applies to (YYYY-MM-DD)" }) date: string,
    @Ctx() ctx: Context,
  ): Promise<DatedRuleLookup> {
    const table: RuleTable = await ctx.services.rules.table(rule);
    const lookup: RuleLookup = await ctx.services.rules.on(rule, date);
    return toLookup(table, lookup, ctx.scope.locale);
  }
}
