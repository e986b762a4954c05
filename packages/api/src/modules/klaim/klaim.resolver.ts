import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import {
  Card,
  Klaim,
  KlaimCancelInput,
  KlaimConnection,
  KlaimEligibility,
  KlaimJhtConfirmKepesertaanInput,
  KlaimJhtSetRekeningInput,
  KlaimJhtStartInput,
  KlaimJhtSubmitInput,
  KlaimJhtVerifyBiometricInput,
  KlaimPayload,
  KlaimStatus,
  Participant,
} from "@jmo/schema";
import { assertCanSee, requireAuth, requireStaff } from "../../common/access.ts";
import { badUserInput, forbidden, withUserErrors } from "../../common/errors.ts";
import { idOfType, toGlobalId } from "../../common/global-id.ts";
import type { Context } from "../../server/context.ts";
import type { AuthInfo } from "../accounts/auth.service.ts";
import { isLinked } from "../cards/card.table.ts";
import { toCard } from "../participants/participant.mapper.ts";
import { toKlaim, toKlaimEligibility } from "./klaim.mapper.ts";
import type { KlaimRow, KlaimStatusValue } from "./klaim.table.ts";

const MAX_PAGE_SIZE = 100;

/** The claim flow is the participant's own: staff read claims but never drive the submission steps. */
function requireParticipant(ctx: Context): AuthInfo & { participantId: string } {
  const auth = requireAuth(ctx);
  if (!auth.participantId) throw forbidden();
  return auth as AuthInfo & { participantId: string };
}

/**
 * Runs one step. On a userError the payload still carries the claim as it now stands (unchanged, except the attempts
 * a wrong KPJ or selfie used), so the app can show attempts left without another request.
 */
async function step(ctx: Context, klaimId: string | null, run: (auth: AuthInfo, id: string | null) => Promise<KlaimRow>): Promise<KlaimPayload> {
  const auth = requireParticipant(ctx);
  const rowId = klaimId === null ? null : idOfType(klaimId, "Klaim");
  const payload = await withUserErrors<KlaimPayload>(async () => ({ klaim: toKlaim(await run(auth, rowId)) }), { klaim: null });
  if (payload.userErrors.length > 0 && rowId) {
    const current = await ctx.services.klaim.findById(rowId);
    payload.klaim = current && current.participantId === auth.participantId ? toKlaim(current) : null;
  }
  return payload;
}

function checkFirst(first: number): void {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) throw badUserInput(`first: between 1 and ${MAX_PAGE_SIZE}`);
}

function afterId(after: string | null | undefined): string | null {
  if (!after) return null;
  const id = idOfType(after, "Klaim");
  if (!id) throw badUserInput("after: not a cursor of this list");
  return id;
}

function toConnection(page: { rows: KlaimRow[]; hasNextPage: boolean }): KlaimConnection {
  const edges = page.rows.map((row) => ({ cursor: toGlobalId("Klaim", row.id), node: toKlaim(row) }));
  return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
}

@Resolver(() => Klaim)
export class KlaimResolver {
  @Query(() => KlaimEligibility, {
    description: "Whether this card's JHT can be claimed in JMO: the four checks, the channel to use and any claim in progress",
  })
  async klaimJhtEligibility(@Arg("cardId", () => ID) cardId: string, @Ctx() ctx: Context): Promise<KlaimEligibility> {
    requireAuth(ctx);
    const id = idOfType(cardId, "Card");
    const row = id ? await ctx.loaders.card.load(id) : null;
    if (!isLinked(row)) throw badUserInput("cardId: no such card");
    assertCanSee(ctx, row.participantId);
    return toKlaimEligibility(await ctx.services.klaim.eligibility(row), ctx.scope.locale);
  }

  @Query(() => Klaim, { nullable: true, description: "A claim, for its owner or staff" })
  async klaim(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<Klaim | null> {
    requireAuth(ctx);
    const rowId = idOfType(id, "Klaim");
    const row = rowId ? await ctx.loaders.klaim.load(rowId) : null;
    if (!row) return null;
    assertCanSee(ctx, row.participantId);
    return toKlaim(row);
  }

  @Query(() => KlaimConnection, { description: "Staff only: claims, newest first, optionally of one status" })
  async klaims(
    @Arg("status", () => KlaimStatus, { nullable: true }) status: KlaimStatus | null,
    @Arg("first", () => Int, { description: "At most 100" }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<KlaimConnection> {
    requireStaff(ctx);
    checkFirst(first);
    return toConnection(await ctx.services.klaim.listByStatus((status ?? null) as KlaimStatusValue | null, first, afterId(after)));
  }

  @Mutation(() => KlaimPayload, {
    description: "Open a JHT claim for a card (eligibility must pass), or resume the card's open draft",
  })
  klaimJhtStart(@Arg("input", () => KlaimJhtStartInput) input: KlaimJhtStartInput, @Ctx() ctx: Context): Promise<KlaimPayload> {
    return step(ctx, null, (auth) => ctx.services.klaim.start(auth, idOfType(input.cardId, "Card"), input.sebab));
  }

  @Mutation(() => KlaimPayload, { description: "KEPESERTAAN: the card's full KPJ. Three wrong entries block the account" })
  klaimJhtConfirmKepesertaan(
    @Arg("input", () => KlaimJhtConfirmKepesertaanInput) input: KlaimJhtConfirmKepesertaanInput,
    @Ctx() ctx: Context,
  ): Promise<KlaimPayload> {
    return step(ctx, input.klaimId, (auth, id) => ctx.services.klaim.confirmKepesertaan(auth, id, input.kpj));
  }

  @Mutation(() => KlaimPayload, { description: "BIOMETRIK: a selfie. Three failed checks block the account" })
  klaimJhtVerifyBiometric(
    @Arg("input", () => KlaimJhtVerifyBiometricInput) input: KlaimJhtVerifyBiometricInput,
    @Ctx() ctx: Context,
  ): Promise<KlaimPayload> {
    return step(ctx, input.klaimId, (auth, id) => ctx.services.klaim.verifyBiometric(auth, id, input.selfie));
  }

  @Mutation(() => KlaimPayload, { description: "REKENING: NPWP (optional) and bank account; the claim then shows its rincian" })
  klaimJhtSetRekening(@Arg("input", () => KlaimJhtSetRekeningInput) input: KlaimJhtSetRekeningInput, @Ctx() ctx: Context): Promise<KlaimPayload> {
    return step(ctx, input.klaimId, (auth, id) => ctx.services.klaim.setRekening(auth, id, input.npwp, input.bankAccount));
  }

  @Mutation(() => KlaimPayload, {
    description: "KONFIRMASI: consent and submit; the rincian is locked. The same idempotencyKey returns the same claim",
  })
  klaimJhtSubmit(@Arg("input", () => KlaimJhtSubmitInput) input: KlaimJhtSubmitInput, @Ctx() ctx: Context): Promise<KlaimPayload> {
    return step(ctx, input.klaimId, (auth, id) => ctx.services.klaim.submit(auth, id, input.consent, input.idempotencyKey));
  }

  @Mutation(() => KlaimPayload, { description: "Cancel your claim, possible until payment starts (DRAFT to PENETAPAN)" })
  klaimCancel(@Arg("input", () => KlaimCancelInput) input: KlaimCancelInput, @Ctx() ctx: Context): Promise<KlaimPayload> {
    return step(ctx, input.klaimId, (auth, id) => ctx.services.klaim.cancel(auth, id));
  }

  @FieldResolver(() => Card)
  async card(@Root() klaim: Klaim, @Ctx() ctx: Context): Promise<Card> {
    const row = await ctx.loaders.card.load(klaim.cardRowId);
    if (!isLinked(row)) throw new Error(`klaim ${klaim.rowId}: card not linked`);
    return toCard(row);
  }
}

@Resolver(() => Participant)
export class ParticipantKlaimResolver {
  @FieldResolver(() => KlaimConnection, { description: "This participant's JHT claims, newest first" })
  async klaims(
    @Root() participant: Participant,
    @Arg("first", () => Int, { description: "At most 100" }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<KlaimConnection> {
    checkFirst(first);
    return toConnection(await ctx.services.klaim.listForParticipant(participant.ownerParticipantId, first, afterId(after)));
  }
}
