// The demo contribution ledger: monthly contributions for every card, drawn from its own seeded faker so
// that adding this did not change the people and cards drawn before it.
import { Faker, base, id_ID } from "@faker-js/faker";
import { contributionFor, type ContributionShares } from "../modules/saldo/contribution-rules.ts";
import { addDays, addMonths } from "./calendar.ts";
import type { CardPlan, DemoDataset, EmployerPlan, ParticipantPlan } from "./dataset.ts";

/**
 * The demo ledger starts here, and so do the generated cards (dataset.ts): every card's history starts with the card.
 * An older card would need the balance it carried over, which this ledger does not model.
 */
export const LEDGER_FLOOR = "2014-01-01";
const GAP_CHANCE = 0.04;
const EMPLOYER_CHANGE_CHANCE = 0.25;

export interface ContributionPlan extends ContributionShares {
  kpj: string;
  /** YYYY-MM-01 */
  period: string;
  employerNpp: string | null;
  wageSen: bigint;
  paidAt: string | null;
}

const firstOfMonth = (date: string) => `${date.slice(0, 7)}-01`;

/** Every month from `from` to `to` (both YYYY-MM-01), inclusive. */
function months(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m);
  return out;
}

export function planContributions(dataset: DemoDataset, seed: number, today: string): ContributionPlan[] {
  const ledgerOf = contributionPlanner(seed, today, dataset.employers);
  return dataset.participants.flatMap(ledgerOf);
}

/**
 * The ledger one participant at a time: called for each participant in dataset order, it gives what
 * planContributions gives for them (one faker stream, drawn in the same order), without the whole dataset.
 */
export function contributionPlanner(
  seed: number,
  today: string,
  employers: ReadonlyArray<EmployerPlan>,
): (participant: ParticipantPlan) => ContributionPlan[] {
  const faker = new Faker({ locale: [id_ID, base] });
  faker.seed(seed + 1);
  return (participant) => participant.cards.flatMap((card) => cardLedger(faker, card, employers, today));
}

/**
 * Contributions run from the month of registration to the card's last active month (the month of the day before it
 * became NONAKTIF), or to last month while it is AKTIF: none before the card, none after it stopped. PMI and JAKON
 * cards get none: their contributions are fixed amounts per placement or follow the project's value, which the API
 * does not compute (contribution-rules.ts).
 */
function cardLedger(faker: Faker, card: CardPlan, pool: ReadonlyArray<EmployerPlan>, today: string): ContributionPlan[] {
  if (card.segment === "PMI" || card.segment === "JAKON") return [];
  const last = card.nonaktifSince ? firstOfMonth(addDays(card.nonaktifSince, -1)) : addMonths(firstOfMonth(today), -1);
  const first = firstOfMonth(card.registeredAt > LEDGER_FLOOR ? card.registeredAt : LEDGER_FLOOR);
  const demo = card.ledger;
  if (first > last) return [];
  const selfEmployed = card.segment === "BPU";
  const startWage = demo ? demo.wage : faker.number.int({ min: selfEmployed ? 20 : 40, max: selfEmployed ? 80 : 180 }) * 50_000;
  const growthBp = demo ? demo.growthBp : faker.number.int({ min: 300, max: 800 });
  const bpuJht = selfEmployed && (demo ? demo.bpuJht === true : faker.datatype.boolean(0.5));
  const all = months(first, last);
  // Some workers moved to this card's employer from another one partway (the KPJ stays with the worker).
  const previousEmployer =
    !demo && card.employerNpp && all.length >= 36 && faker.datatype.boolean(EMPLOYER_CHANGE_CHANCE)
      ? faker.helpers.arrayElement(pool).npp
      : null;
  const switchAt = previousEmployer ? all[Math.floor(all.length / 3)]! : null;
  let wage = startWage;
  const out: ContributionPlan[] = [];
  for (const period of all) {
    if (period !== first && period.endsWith("-01-01")) wage = Math.round((wage * (10_000 + growthBp)) / 10_000 / 1_000) * 1_000;
    // A few months go unreported (unpaid leave, a late employer): gaps, never on demo cards, never the first or
    // last month (the ledger starts with the card and runs until it stopped).
    if (!demo && period !== first && period !== last && faker.datatype.boolean(GAP_CHANCE)) continue;
    const wageSen = BigInt(wage) * 100n;
    const paidAt = addDays(addMonths(period, 1), faker.number.int({ min: 4, max: 14 }));
    out.push({
      kpj: card.kpj,
      period,
      employerNpp: switchAt && period < switchAt ? previousEmployer : card.employerNpp,
      wageSen,
      paidAt: paidAt <= today ? paidAt : null,
      ...contributionFor(card.segment, wageSen, period, { bpuJht, jpCapBeyondTable: "LATEST_ASSUMED" }),
    });
  }
  return out;
}
