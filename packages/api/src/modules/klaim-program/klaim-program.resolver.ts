import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import {
  DateScalar,
  JpBenefitForm,
  KanalLayananService,
  KlaimProgramCandidate,
  KlaimProgramCandidateStatus,
  KlaimProgramChannel,
  KlaimProgramCheck,
  KlaimProgramCheckCode,
  KlaimProgramCheckResult,
  KlaimProgramClaimant,
  KlaimProgramCondition,
  KlaimProgramDocument,
  KlaimProgramInfo,
  ManfaatChannel,
  ManfaatSource,
  ProgramKlaim,
  RateSource,
  Role,
} from "@jmo/schema";
import { optionalAuth } from "../../common/access.ts";
import { badUserInput } from "../../common/errors.ts";
import type { Context } from "../../server/context.ts";
import type { SourceData } from "../manfaat/manfaat.data.ts";
import { toProgram } from "../manfaat/manfaat.resolver.ts";
import { todayWib } from "../saldo/saldo.service.ts";
import type { ClaimProgramCode, ClaimProgramVersion } from "./klaim-program.data.ts";
import { candidateSummary, checkMessage, checkTitle } from "./klaim-program.messages.ts";
import type { ClaimProgramOnDay } from "./klaim-program.service.ts";

const toSource = (s: SourceData): ManfaatSource => Object.assign(new ManfaatSource(), { title: s.title, url: s.url, status: s.status as RateSource });

/** The info object, carrying the version it was built from for the candidate field. */
type InfoRoot = KlaimProgramInfo & { version: ClaimProgramVersion };

function toInfo(p: ClaimProgramOnDay, asOf: string, manfaat: KlaimProgramInfo["manfaat"]): InfoRoot {
  return Object.assign(new KlaimProgramInfo(), {
    version: p,
    program: p.program as ProgramKlaim,
    name: p.name,
    summary: p.summary,
    asOf,
    validFrom: p.from,
    validUntil: p.until,
    regulation: p.regulation,
    claimants: p.claimants.map((c) => Object.assign(new KlaimProgramClaimant(), { rank: c.rank, who: c.who, when: c.when, sources: c.sources.map(toSource) })),
    conditions: p.conditions.map((c) => Object.assign(new KlaimProgramCondition(), { code: c.code, text: c.text, sources: c.sources.map(toSource) })),
    documents: p.documents.map((d) => Object.assign(new KlaimProgramDocument(), { code: d.code, name: d.name, forClaim: d.forClaim, note: d.note, sources: d.sources.map(toSource) })),
    channels: p.channels.map((c) =>
      Object.assign(new KlaimProgramChannel(), {
        kind: c.kind as ManfaatChannel,
        name: c.name,
        url: c.url,
        when: c.when,
        steps: c.steps,
        needsBranchVisit: c.needsBranchVisit,
        kanalLayananService: c.kanalService as KanalLayananService | null,
        sources: c.sources.map(toSource),
      }),
    ),
    needsBranchVisit: p.channels.every((c) => c.needsBranchVisit),
    manfaat,
    candidate: null,
  });
}

/** The day asked about: today in WIB when left out; refused before JP began (2015-07-01) or in the future. */
function dayOf(asOf: string | null | undefined): string {
  const today = todayWib();
  if (!asOf) return today;
  if (asOf < "2015-07-01" || asOf > today) throw badUserInput("asOf: from 2015-07-01 to today");
  return asOf;
}

@Resolver(() => KlaimProgramInfo)
export class KlaimProgramResolver {
  @Query(() => KlaimProgramInfo, {
    nullable: true,
    description:
      "Klaim program lain, public: how JKM, JKK, JP or JKP is claimed on a day (who may claim, in order; the documents; the channels with their links; " +
      "the rules, each with its source) and what it pays. Signed in as a member, `candidate` says whether their own cards make them a candidate. " +
      "Null when no guidance is recorded for that day (JKM and JKK before 2019-12-02, JKP before 2021-02-02)",
  })
  klaimProgramInfo(
    @Arg("program", () => ProgramKlaim, { description: "The program" }) program: ProgramKlaim,
    @Arg("asOf", () => DateScalar, { nullable: true, description: "The day (2015-07-01 to today); left out: today (WIB)" }) asOf: string | null,
    @Ctx() ctx: Context,
  ): KlaimProgramInfo | null {
    optionalAuth(ctx);
    const day = dayOf(asOf);
    const p = ctx.services.klaimProgram.programOn(program as ClaimProgramCode, day);
    if (!p) return null;
    const benefits = ctx.services.manfaat.programOn(program as ClaimProgramCode, day);
    return toInfo(p, day, benefits ? toProgram(benefits) : null);
  }

  @FieldResolver(() => KlaimProgramCandidate, {
    nullable: true,
    description: "For a signed-in member only: whether their own cards make them a candidate. Null for anonymous callers and staff",
  })
  async candidate(@Root() info: InfoRoot, @Ctx() ctx: Context): Promise<KlaimProgramCandidate | null> {
    const auth = optionalAuth(ctx);
    if (!auth || auth.role === Role.PETUGAS || !auth.participantId) return null;
    const program = info.program as ClaimProgramCode;
    const e = await ctx.services.klaimProgram.candidate(auth, program, info.version, info.asOf);
    if (!e) return null;
    const locale = ctx.scope.locale;
    return Object.assign(new KlaimProgramCandidate(), {
      ownerParticipantId: auth.participantId,
      status: e.status as KlaimProgramCandidateStatus,
      summary: candidateSummary(program, e, locale),
      checks: e.checks.map((c) =>
        Object.assign(new KlaimProgramCheck(), {
          code: c.code as KlaimProgramCheckCode,
          result: c.result as KlaimProgramCheckResult,
          passed: c.result === "PASSED",
          required: c.required,
          title: checkTitle(c.code, locale, c.params),
          message: checkMessage(c.code, c.result, locale, c.params),
        }),
      ),
      channel: e.channel as ManfaatChannel | null,
      needsBranchVisit: e.needsBranchVisit,
      monthsPaid: e.monthsPaid,
      age: e.age,
      pensionAge: e.pensionAge,
      pensionDate: e.pensionDate,
      jpBenefitForm: e.jpBenefitForm as JpBenefitForm | null,
      phkDate: e.phkDate,
      claimDeadline: e.claimDeadline,
    });
  }
}
