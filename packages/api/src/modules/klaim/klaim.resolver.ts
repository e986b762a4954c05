import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import {
  AFTER_ARG_DESCRIPTION,
  Card,
  FIRST_ARG_DESCRIPTION,
  Klaim,
  KlaimCancelInput,
  KlaimDokumen,
  JenisKlaim,
  KlaimJhtSebagianAddDocumentInput,
  KlaimJhtSebagianStartInput,
  KlaimSebagianEligibility,
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
import { afterIdOf, forwardPageInfo, pageSize } from "../../common/connection.ts";
import { idOfType, toGlobalId } from "../../common/global-id.ts";
import type { Context } from "../../server/context.ts";
import type { AuthInfo } from "../accounts/auth.service.ts";
import { isLinked } from "../cards/card.table.ts";
import { toCard } from "../participants/participant.mapper.ts";
import { toKlaim, toKlaimDokumen, toKlaimEligibility, toKlaimSebagianEligibility } from "./klaim.mapper.ts";
import { isSebagian } from "./klaim-sebagian.service.ts";
import type { KlaimRow, KlaimStatusValue } from "./klaim.table.ts";

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

function toConnection(page: { rows: KlaimRow[]; hasNextPage: boolean }, after: string | null | undefined): KlaimConnection {
  const edges = page.rows.map((row) => ({ cursor: toGlobalId("Klaim", row.id), node: toKlaim(row) }));
  return { edges, pageInfo: forwardPageInfo(edges, page.hasNextPage, after) };
}

@Resolver(() => Klaim)
export class KlaimResolver {
  @Query(() => KlaimEligibility, {
    description: "Whether this card's JHT can be claimed in JMO: the four checks, the channel to use and any claim in progress",
  })
  async klaimJhtEligibility(@Arg("cardId", () => ID, { description: "One of the caller's cards (Card.id); staff: any card" }) cardId: string, @Ctx() ctx: Context): Promise<KlaimEligibility> {
    requireAuth(ctx);
    const id = idOfType(cardId, "Card");
    const row = id ? await ctx.loaders.card.load(id) : null;
    if (!isLinked(row)) throw badUserInput("cardId: no such card");
    assertCanSee(ctx, row.participantId);
    return toKlaimEligibility(await ctx.services.klaim.eligibility(row), ctx.scope.locale);
  }

  @Query(() => KlaimSebagianEligibility, {
    description:
      "Whether klaim JHT sebagian (10% or 30% of this card's saldo) can be made in JMO now: the checks (with how long is left until 10 years of membership), the amount and the limit",
  })
  async klaimJhtSebagianEligibility(
    @Arg("cardId", () => ID, { description: "One of the caller's cards (Card.id); staff: any card" }) cardId: string,
    @Arg("jenis", () => JenisKlaim, { description: "SEBAGIAN_10 or SEBAGIAN_30 (PENUH is refused: use klaimJhtEligibility)" }) jenis: JenisKlaim,
    @Ctx() ctx: Context,
  ): Promise<KlaimSebagianEligibility> {
    requireAuth(ctx);
    if (!isSebagian(jenis)) throw badUserInput("jenis: SEBAGIAN_10 or SEBAGIAN_30");
    const id = idOfType(cardId, "Card");
    const row = id ? await ctx.loaders.card.load(id) : null;
    if (!isLinked(row)) throw badUserInput("cardId: no such card");
    assertCanSee(ctx, row.participantId);
    return toKlaimSebagianEligibility(await ctx.services.klaim.sebagian.eligibility(row, jenis), ctx.scope.locale);
  }

  @Query(() => Klaim, { nullable: true, description: "A claim, for its owner or staff" })
  async klaim(@Arg("id", () => ID, { description: "Klaim.id; null when there is no such claim" }) id: string, @Ctx() ctx: Context): Promise<Klaim | null> {
    requireAuth(ctx);
    const rowId = idOfType(id, "Klaim");
    const row = rowId ? await ctx.loaders.klaim.load(rowId) : null;
    if (!row) return null;
    assertCanSee(ctx, row.participantId);
    return toKlaim(row);
  }

  @Query(() => KlaimConnection, { description: "Staff only: claims, newest first, optionally of one status" })
  async klaims(
    @Arg("status", () => KlaimStatus, { nullable: true, description: "Only claims in this status; left out: all" }) status: KlaimStatus | null,
    @Arg("first", () => Int, { nullable: true, description: FIRST_ARG_DESCRIPTION }) first: number | null,
    @Arg("after", () => String, { nullable: true, description: AFTER_ARG_DESCRIPTION }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<KlaimConnection> {
    requireStaff(ctx);
    const size = pageSize(first);
    return toConnection(await ctx.services.klaim.listByStatus((status ?? null) as KlaimStatusValue | null, size, afterIdOf(after, "Klaim")), after);
  }

  @Mutation(() => KlaimPayload, {
    description: "Open a JHT claim for a card (eligibility must pass), or resume the card's open draft",
  })
  klaimJhtStart(@Arg("input", () => KlaimJhtStartInput, { description: "The card and the reason for the claim" }) input: KlaimJhtStartInput, @Ctx() ctx: Context): Promise<KlaimPayload> {
    return step(ctx, null, (auth) => ctx.services.klaim.start(auth, idOfType(input.cardId, "Card"), input.sebab));
  }

  @Mutation(() => KlaimPayload, {
    description:
      "Open klaim JHT sebagian (10% any need, 30% housing) for a card, or resume the member's partial draft on it; then the same steps as klaimJhtStart's claim (KEPESERTAAN, BIOMETRIK, REKENING, KONFIRMASI)",
  })
  klaimJhtSebagianStart(
    @Arg("input", () => KlaimJhtSebagianStartInput, { description: "The card and the kind (SEBAGIAN_10 or SEBAGIAN_30)" }) input: KlaimJhtSebagianStartInput,
    @Ctx() ctx: Context,
  ): Promise<KlaimPayload> {
    return step(ctx, null, (auth) => ctx.services.klaim.sebagian.start(auth, idOfType(input.cardId, "Card"), input.jenis));
  }

  @Mutation(() => KlaimPayload, {
    description: "Attach the bank's housing document (JPEG, PNG or PDF, at most 2 MB, checked by content) to a 30% partial claim in DRAFT; needed before klaimJhtSubmit",
  })
  klaimJhtSebagianAddDocument(
    @Arg("input", () => KlaimJhtSebagianAddDocumentInput, { description: "The claim and the file" }) input: KlaimJhtSebagianAddDocumentInput,
    @Ctx() ctx: Context,
  ): Promise<KlaimPayload> {
    return step(ctx, input.klaimId, (auth, id) => ctx.services.klaim.sebagian.addDocument(auth, id, input));
  }

  @Mutation(() => KlaimPayload, { description: "KEPESERTAAN: the card's full KPJ. Three wrong entries block the account" })
  klaimJhtConfirmKepesertaan(
    @Arg("input", () => KlaimJhtConfirmKepesertaanInput, { description: "The claim and the card's full KPJ" }) input: KlaimJhtConfirmKepesertaanInput,
    @Ctx() ctx: Context,
  ): Promise<KlaimPayload> {
    return step(ctx, input.klaimId, (auth, id) => ctx.services.klaim.confirmKepesertaan(auth, id, input.kpj));
  }

  @Mutation(() => KlaimPayload, { description: "BIOMETRIK: a selfie. Three failed checks block the account" })
  klaimJhtVerifyBiometric(
    @Arg("input", () => KlaimJhtVerifyBiometricInput, { description: "The claim and the selfie" }) input: KlaimJhtVerifyBiometricInput,
    @Ctx() ctx: Context,
  ): Promise<KlaimPayload> {
    return step(ctx, input.klaimId, (auth, id) => ctx.services.klaim.verifyBiometric(auth, id, input.selfie));
  }

  @Mutation(() => KlaimPayload, { description: "REKENING: NPWP (optional) and bank account; the claim then shows its rincian" })
  klaimJhtSetRekening(@Arg("input", () => KlaimJhtSetRekeningInput, { description: "The claim, the bank account and the NPWP if any" }) input: KlaimJhtSetRekeningInput, @Ctx() ctx: Context): Promise<KlaimPayload> {
    return step(ctx, input.klaimId, (auth, id) => ctx.services.klaim.setRekening(auth, id, input.npwp, input.bankAccount));
  }

  @Mutation(() => KlaimPayload, {
    description: "KONFIRMASI: consent and submit; the rincian is locked. The same idempotencyKey returns the same claim",
  })
  klaimJhtSubmit(@Arg("input", () => KlaimJhtSubmitInput, { description: "The claim, the consent and an idempotency key" }) input: KlaimJhtSubmitInput, @Ctx() ctx: Context): Promise<KlaimPayload> {
    return step(ctx, input.klaimId, (auth, id) => ctx.services.klaim.submit(auth, id, input.consent, input.idempotencyKey));
  }

  @Mutation(() => KlaimPayload, { description: "Cancel your claim, possible until payment starts (DRAFT to PENETAPAN)" })
  klaimCancel(@Arg("input", () => KlaimCancelInput, { description: "The claim to cancel" }) input: KlaimCancelInput, @Ctx() ctx: Context): Promise<KlaimPayload> {
    return step(ctx, input.klaimId, (auth, id) => ctx.services.klaim.cancel(auth, id));
  }

  @FieldResolver(() => [KlaimDokumen], { description: "Documents attached (klaimJhtSebagianAddDocument): the 30% partial claim's housing document; empty otherwise" })
  async dokumen(@Root() klaim: Klaim, @Ctx() ctx: Context): Promise<KlaimDokumen[]> {
    if (klaim.jenis !== JenisKlaim.SEBAGIAN_30) return [];
    return (await ctx.loaders.klaimDokumen.load(klaim.rowId)).map(toKlaimDokumen);
  }

  @FieldResolver(() => Card, { description: "The card the claim is for" })
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
    @Arg("first", () => Int, { nullable: true, description: FIRST_ARG_DESCRIPTION }) first: number | null,
    @Arg("after", () => String, { nullable: true, description: AFTER_ARG_DESCRIPTION }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<KlaimConnection> {
    const size = pageSize(first);
    return toConnection(await ctx.services.klaim.listForParticipant(participant.ownerParticipantId, size, afterIdOf(after, "Klaim")), after);
  }
}
