import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import { Card, JhtRate, Participant, RateSource, ReportedContribution, SaldoJht, SaldoJhtYear } from "@jmo/schema";
import type { Context } from "../../server/context.ts";
import { mergeStatements } from "./jht-engine.ts";
import { formatPercent } from "./money.ts";
import { saldoRepository } from "./saldo.repository.ts";
import { toSaldoJht } from "./saldo.service.ts";

@Resolver(() => Card)
export class CardSaldoResolver {
  @FieldResolver(() => SaldoJht)
  async saldoJht(@Root() card: Card, @Ctx() ctx: Context): Promise<SaldoJht> {
    const s = await ctx.loaders.saldoByCard.load(card.rowId);
    return toSaldoJht(card.ownerParticipantId, s.asOf, s.years);
  }

  @FieldResolver(() => ReportedContribution, { nullable: true })
  async lastReported(@Root() card: Card, @Ctx() ctx: Context): Promise<ReportedContribution | null> {
    const row = await ctx.loaders.lastReported.load(card.rowId);
    if (!row) return null;
    const employer = row.employerId ? await ctx.loaders.employer.load(row.employerId) : null;
    return Object.assign(new ReportedContribution(), {
      ownerParticipantId: card.ownerParticipantId,
      period: row.period.slice(0, 7),
      wage: row.wageSen,
      paidAt: row.paidAt,
      employerName: employer?.name ?? null,
    });
  }
}

@Resolver(() => Participant)
export class ParticipantSaldoResolver {
  @FieldResolver(() => SaldoJht)
  async saldoJht(@Root() participant: Participant, @Ctx() ctx: Context): Promise<SaldoJht> {
    const cards = await ctx.loaders.cardsByParticipant.load(participant.ownerParticipantId);
    const statements = await Promise.all(cards.map((c) => ctx.loaders.saldoByCard.load(c.id)));
    const asOf = statements[0]?.asOf ?? ctx.services.saldo.asOf();
    return toSaldoJht(participant.ownerParticipantId, asOf, mergeStatements(statements.map((s) => s.years)));
  }
}

@Resolver(() => SaldoJht)
export class SaldoJhtResolver {
  @FieldResolver(() => [SaldoJhtYear])
  years(
    @Root() saldo: SaldoJht,
    @Arg("from", () => Int, { nullable: true, description: "First year to include" }) from?: number | null,
    @Arg("to", () => Int, { nullable: true, description: "Last year to include" }) to?: number | null,
  ): SaldoJhtYear[] {
    return saldo.allYears.filter((y) => (from == null || y.year >= from) && (to == null || y.year <= to));
  }
}

@Resolver()
export class JhtRateResolver {
  @Query(() => [JhtRate], { description: "The JHT development rates used for each year, with their source (public)" })
  async jhtRates(@Ctx() ctx: Context): Promise<JhtRate[]> {
    const rows = await saldoRepository.rates(ctx.services.database.db);
    return rows.map((r) => ({ year: r.year, rate: formatPercent(r.rateBp), source: r.source as RateSource, note: r.note }));
  }
}
