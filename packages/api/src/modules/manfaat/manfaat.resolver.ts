import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import {
  Card,
  DateScalar,
  JaminanProgram,
  ManfaatBenefit,
  ManfaatChannel,
  ManfaatClaimWay,
  ManfaatCoverage,
  ManfaatProgram,
  ManfaatSource,
  RateSource,
  Segment,
} from "@jmo/schema";
import { optionalAuth } from "../../common/access.ts";
import { badUserInput } from "../../common/errors.ts";
import type { Context } from "../../server/context.ts";
import { todayWib } from "../saldo/saldo.service.ts";
import type { ProgramCode, SegmentCode, SourceData } from "./manfaat.data.ts";
import type { ProgramOnDay } from "./manfaat.service.ts";

const toSource = (s: SourceData): ManfaatSource => Object.assign(new ManfaatSource(), { title: s.title, url: s.url, status: s.status as RateSource });

export function toProgram(p: ProgramOnDay): ManfaatProgram {
  return Object.assign(new ManfaatProgram(), {
    program: p.program as JaminanProgram,
    name: p.name,
    summary: p.summary,
    validFrom: p.from,
    validUntil: p.until,
    regulation: p.regulation,
    coverage: p.coverage.map((c) => Object.assign(new ManfaatCoverage(), { segment: c.segment as Segment, mandatory: c.mandatory, note: c.note })),
    benefits: p.benefits.map((b) =>
      Object.assign(new ManfaatBenefit(), { code: b.code, name: b.name, description: b.description, amount: b.amountSen, formula: b.formula, sources: b.sources.map(toSource) }),
    ),
    claim: p.claim.map((w) => Object.assign(new ManfaatClaimWay(), { channel: w.channel as ManfaatChannel, when: w.when, steps: w.steps })),
  });
}

/** The day asked about: today in WIB when left out; refused before the programs' first day or in the future. */
function dayOf(asOf: string | null | undefined): string {
  const today = todayWib();
  if (!asOf) return today;
  if (asOf < "2015-07-01" || asOf > today) throw badUserInput("asOf: from 2015-07-01 to today");
  return asOf;
}

@Resolver(() => ManfaatProgram)
export class ManfaatResolver {
  @Query(() => [ManfaatProgram], {
    description:
      "Informasi manfaat, public (no sign-in needed): the five programs (JHT, JKK, JKM, JP, JKP) as they stand on a day: who is in them by segment, " +
      "what they pay (amounts and formulas, each with its source) and how to claim. A program not in force that day (or, JKK before 2019-12-02, not recorded for it) is left out",
  })
  manfaatPrograms(
    @Arg("segment", () => Segment, { nullable: true, description: "Only the programs members of this segment are in; left out: all" }) segment: Segment | null,
    @Arg("asOf", () => DateScalar, { nullable: true, description: "The day (2015-07-01 to today); left out: today (WIB)" }) asOf: string | null,
    @Ctx() ctx: Context,
  ): ManfaatProgram[] {
    optionalAuth(ctx);
    return ctx.services.manfaat.programsOn(dayOf(asOf), (segment ?? null) as SegmentCode | null).map(toProgram);
  }

  @Query(() => ManfaatProgram, { nullable: true, description: "One program as it stands on a day (public); null when it was not in force yet (JKP before 2021-02-02) or its benefits for that day are not recorded (JKK before 2019-12-02)" })
  manfaatProgram(
    @Arg("program", () => JaminanProgram, { description: "The program" }) program: JaminanProgram,
    @Arg("asOf", () => DateScalar, { nullable: true, description: "The day (2015-07-01 to today); left out: today (WIB)" }) asOf: string | null,
    @Ctx() ctx: Context,
  ): ManfaatProgram | null {
    optionalAuth(ctx);
    const p = ctx.services.manfaat.programOn(program as ProgramCode, dayOf(asOf));
    return p ? toProgram(p) : null;
  }
}

@Resolver(() => Card)
export class CardProgramsResolver {
  @FieldResolver(() => [JaminanProgram], {
    description:
      "The programs this card covers today: none unless AKTIF; PU: JHT, JKK, JKM, JP and JKP (JKP for WNI only); BPU: JKK, JKM and JHT if chosen, " +
      "while contributions are paid up; PMI and JAKON: JKK and JKM. manfaatPrograms says what each pays",
  })
  async programs(@Root() card: Card, @Ctx() ctx: Context): Promise<JaminanProgram[]> {
    const facts: { wni: boolean; bpu?: { protected: boolean; jht: boolean } } = { wni: true };
    if (card.status === "AKTIF" && card.segment === "PU") {
      const participant = await ctx.loaders.participant.load(card.ownerParticipantId);
      facts.wni = participant?.nationality !== "WNA";
    }
    if (card.status === "AKTIF" && card.segment === "BPU") {
      const view = await ctx.services.iuran.bill(ctx.auth!, card.rowId);
      facts.bpu = { protected: view.bill.protection === "DILINDUNGI", jht: view.jht };
    }
    return ctx.services.manfaat.cardPrograms({ segment: card.segment as SegmentCode, status: card.status }, facts) as JaminanProgram[];
  }
}
