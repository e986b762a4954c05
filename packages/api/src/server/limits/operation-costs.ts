import { getNamedType, isLeafType } from "graphql";
import type { ComplexityEstimator } from "graphql-query-complexity";

/**
 * What one field costs, in units of about one SQL statement or a millisecond of CPU: `base` for the field itself,
 * plus `items` times what its selection costs (a list's expected length, or a connection's `first`).
 */
interface FieldCost {
  base: number;
  items?: number | ((args: Record<string, unknown>) => number);
}

/** `first` as the resolver will take it: its default when omitted, its maximum when larger (the resolver refuses). */
const first = (fallback: number, max: number) => (args: Record<string, unknown>) =>
  Math.max(1, Math.min(typeof args.first === "number" ? args.first : fallback, max));

/**
 * The costs of the fields that do real work, in one place (issue 10, finding 3). Every other field that returns an
 * object costs 1 plus its selection; a scalar or enum costs nothing (it is read from its parent's row).
 */
export const FIELD_COSTS: Readonly<Record<string, FieldCost>> = {
  // Public reference data: one statement (rates), or a search through 83,762 villages in memory (wilayah).
  "Query.jhtRates": { base: 5 },
  "Query.banks": { base: 2 },
  "Query.wilayah": { base: 20, items: first(20, 50) },
  // Saldo: the ledger of every card, the rates and the kept years; a statement has about 15 years.
  "Participant.saldoJht": { base: 20 },
  "Card.saldoJht": { base: 20 },
  "SaldoJht.years": { base: 1, items: 15 },
  "Participant.cards": { base: 2, items: 3 },
  "Card.lastReported": { base: 2 },
  // Simulations: the merged saldo and a projection of up to 50 years (JP: month by month to pension age).
  "Query.simulasiJht": { base: 40 },
  "Query.simulasiJp": { base: 40 },
  "SimulasiJht.years": { base: 1, items: 40 },
  "SimulasiJp.wageCaps": { base: 1, items: 40 },
  // Digital card: a QR code, an SVG and a signature for every card; verifying one checks the signature and reads it.
  "Card.digitalCard": { base: 30 },
  "Query.digitalCardVerify": { base: 10 },
  // Connections read `first` rows and count the matches.
  "Query.participants": { base: 5, items: first(20, 100) },
  "Query.klaims": { base: 5, items: first(20, 100) },
  "Participant.klaims": { base: 5, items: first(20, 100) },
  "Klaim.timeline": { base: 2, items: 10 },
  // Pengaduan: pages of tickets; a conversation is a few messages with their files (two statements).
  "Query.pengaduanQueue": { base: 5, items: first(20, 100) },
  "Participant.pengaduan": { base: 5, items: first(20, 100) },
  "Pengaduan.messages": { base: 2, items: 10 },
  // Kecelakaan kerja: pages of reports (with their events and cards: two statements a page); manfaat is data in memory,
  // and a BPU card's programs read its bill (a few statements).
  "Query.kecelakaanKerjaQueue": { base: 5, items: first(20, 100) },
  "Participant.kecelakaanKerjaReports": { base: 5, items: first(20, 100) },
  "KecelakaanKerjaReport.timeline": { base: 0, items: 4 },
  "Query.manfaatPrograms": { base: 2, items: 5 },
  "Card.programs": { base: 5 },
  "Query.klaimJhtEligibility": { base: 20 },
  // Notifications: a page of the kotak masuk is one indexed statement; the badge counts at most 1000 index entries.
  "Participant.notifications": { base: 3, items: first(20, 100) },
  "Participant.notificationsUnreadCount": { base: 3 },
  // Mutations that hash a password (argon2) or decode a selfie are the dearest; the rest write a few rows.
  "Mutation.login": { base: 30 },
  "Mutation.registrationComplete": { base: 30 },
  "Mutation.passwordReset": { base: 30 },
  "Mutation.pengkinianVerifyBiometric": { base: 50 },
  "Mutation.klaimJhtVerifyBiometric": { base: 50 },
};

/** Mutations not in FIELD_COSTS: a transaction of a few statements. */
const MUTATION_BASE = 10;
/** Subscriptions: a listener and the catch-up read; each event after that is not counted. */
const SUBSCRIPTION_BASE = 10;

/** The estimator graphql-query-complexity runs for every selected field. */
export const fieldCostEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const rule = FIELD_COSTS[`${type.name}.${field.name}`];
  if (rule) {
    const items = typeof rule.items === "function" ? rule.items(args) : (rule.items ?? 1);
    return rule.base + items * childComplexity;
  }
  if (type.name === "Mutation") return MUTATION_BASE + childComplexity;
  if (type.name === "Subscription") return SUBSCRIPTION_BASE + childComplexity;
  return isLeafType(getNamedType(field.type)) ? 0 : 1 + childComplexity;
};
