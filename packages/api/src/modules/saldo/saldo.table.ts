import { sql } from "drizzle-orm";
import { bigint, date, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { cards } from "../cards/card.table.ts";
import { employers } from "../employers/employer.table.ts";

const sen = (name: string) => bigint(name, { mode: "bigint" });

/**
 * The contribution ledger: one row per card and period, with each program's share as charged (integer sen),
 * so a later change of rules never rewrites history.
 */
export const contributions = pgTable(
  "contributions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    cardId: uuid("card_id").notNull().references(() => cards.id),
    // First day of the contribution month (YearMonth on the wire).
    period: date("period", { mode: "string" }).notNull(),
    employerId: uuid("employer_id").references(() => employers.id),
    wageSen: sen("wage_sen").notNull(),
    jhtEmployerSen: sen("jht_employer_sen").notNull(),
    jhtWorkerSen: sen("jht_worker_sen").notNull(),
    jpEmployerSen: sen("jp_employer_sen").notNull().default(sql`0`),
    jpWorkerSen: sen("jp_worker_sen").notNull().default(sql`0`),
    jkkSen: sen("jkk_sen").notNull().default(sql`0`),
    jkmSen: sen("jkm_sen").notNull().default(sql`0`),
    paidAt: date("paid_at", { mode: "string" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // The unique constraint's index also serves reading a card's ledger in period order.
  (t) => [unique("contributions_card_period_unique").on(t.cardId, t.period)],
);

export const rateSourceEnum = pgEnum("rate_source", ["OFFICIAL", "ASSUMED"]);

/** The JHT development rate credited per year, in hundredths of a percent (7.19% = 719), with its source. */
export const jhtRates = pgTable("jht_rates", {
  year: integer("year").primaryKey(),
  rateBp: integer("rate_bp").notNull(),
  source: rateSourceEnum("source").notNull(),
  note: text("note").notNull(),
});

/** Money paid out of a card's JHT balance (a claim's payment). */
export const jhtWithdrawals = pgTable(
  "jht_withdrawals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    cardId: uuid("card_id").notNull().references(() => cards.id),
    paidOn: date("paid_on", { mode: "string" }).notNull(),
    amountSen: sen("amount_sen").notNull(),
    reference: text("reference"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("jht_withdrawals_card_idx").on(t.cardId, t.paidOn)],
);

/** A closed year's statement (RSJHT line) per card, kept as computed so it never changes afterwards. */
export const saldoJhtYears = pgTable(
  "saldo_jht_years",
  {
    cardId: uuid("card_id").notNull().references(() => cards.id),
    year: integer("year").notNull(),
    saldoAwalSen: sen("saldo_awal_sen").notNull(),
    iuranPemberiKerjaSen: sen("iuran_pemberi_kerja_sen").notNull(),
    iuranPekerjaSen: sen("iuran_pekerja_sen").notNull(),
    pengembanganSen: sen("pengembangan_sen").notNull(),
    penarikanSen: sen("penarikan_sen").notNull(),
    saldoAkhirSen: sen("saldo_akhir_sen").notNull(),
    rateBp: integer("rate_bp").notNull(),
    rateSource: rateSourceEnum("rate_source").notNull(),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.cardId, t.year] })],
);

export type ContributionRow = typeof contributions.$inferSelect;
export type JhtRateRow = typeof jhtRates.$inferSelect;
export type JhtWithdrawalRow = typeof jhtWithdrawals.$inferSelect;
export type SaldoJhtYearRow = typeof saldoJhtYears.$inferSelect;
