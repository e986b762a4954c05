import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root, Subscription } from "type-graphql";
import {
  Address,
  DataKependudukanInput,
  DataKontakInput,
  DataTambahanInput,
  KpjChallengeCard,
  Participant,
  Pengkinian,
  PengkinianConfirmKepesertaanInput,
  PengkinianPayload,
  PengkinianResendCodeInput,
  PengkinianSubmitInput,
  PengkinianVerifyBiometricInput,
  PengkinianVerifyCodeInput,
  VerificationChannel,
} from "@jmo/schema";
import { forbidden, withUserErrors } from "../../common/errors.ts";
import { requireAuth } from "../../common/access.ts";
import { toGlobalId } from "../../common/global-id.ts";
import { maskKpj } from "../../common/mask.ts";
import type { Context } from "../../server/context.ts";
import type { AuthInfo } from "../accounts/auth.service.ts";
import { findVillage } from "../reference/wilayah.ts";
import { toPengkinian } from "./pengkinian.mapper.ts";
import { kpjEntryRequired, PENGKINIAN_STATUS_TOPIC } from "./pengkinian.service.ts";
import type { PengkinianRow } from "./pengkinian.table.ts";

/** Pengkinian is the participant's own flow: staff read it (Participant.pengkinian) but never drive it. */
function requireParticipant(ctx: Context): AuthInfo & { participantId: string } {
  const auth = requireAuth(ctx);
  if (!auth.participantId) throw forbidden();
  return auth as AuthInfo & { participantId: string };
}

/**
 * Runs one step. On a userError the payload still carries the pengkinian as it now stands (unchanged, except
 * the attempts a wrong KPJ or selfie used), so the app can show attempts left without another request.
 */
async function step(ctx: Context, run: (auth: AuthInfo) => Promise<PengkinianRow>): Promise<PengkinianPayload> {
  const auth = requireParticipant(ctx);
  const locale = ctx.scope.locale;
  const payload = await withUserErrors<PengkinianPayload>(async () => ({ pengkinian: toPengkinian(await run(auth), locale) }), { pengkinian: null });
  if (payload.userErrors.length > 0) {
    const current = await ctx.services.pengkinian.latest(auth.participantId);
    payload.pengkinian = current ? toPengkinian(current, locale) : null;
  }
  return payload;
}

@Resolver(() => Pengkinian)
export class PengkinianResolver {
  @Mutation(() => PengkinianPayload, { description: "Open a pengkinian data prefilled from the record, or resume the open one" })
  pengkinianStart(@Ctx() ctx: Context): Promise<PengkinianPayload> {
    return step(ctx, (auth) => ctx.services.pengkinian.start(auth));
  }

  @Mutation(() => PengkinianPayload, {
    description:
      "KEPESERTAAN: the full KPJ of each card. Three wrong entries block the account. With one card (kpjEntryRequired false) " +
      "its KPJ fills itself in: send the card without kpj to confirm it",
  })
  pengkinianConfirmKepesertaan(
    @Arg("input", () => PengkinianConfirmKepesertaanInput, { description: "Each card of kpjChallenge with its full KPJ" }) input: PengkinianConfirmKepesertaanInput,
    @Ctx() ctx: Context,
  ): Promise<PengkinianPayload> {
    return step(ctx, (auth) => ctx.services.pengkinian.confirmKepesertaan(auth, input.cards));
  }

  @Mutation(() => PengkinianPayload, { description: "BIOMETRIK: a selfie (base64 JPEG or PNG, ≤ 2 MB). Three failed checks block the account" })
  pengkinianVerifyBiometric(
    @Arg("input", () => PengkinianVerifyBiometricInput, { description: "The selfie" }) input: PengkinianVerifyBiometricInput,
    @Ctx() ctx: Context,
  ): Promise<PengkinianPayload> {
    return step(ctx, (auth) => ctx.services.pengkinian.verifyBiometric(auth, input.selfie));
  }

  @Mutation(() => PengkinianPayload, {
    description:
      "DATA_KONTAK; every invalid field is reported at once. A new email or phone (neither the record's nor the sign-in one) " +
      "is sent a 6-digit code (dataKontak.emailVerification / phoneVerification) and the step is done once each is verified; " +
      "until the pengkinian is TERVERIFIKASI the record and the sign-in keep the old ones",
  })
  pengkinianUpdateKontak(@Arg("input", () => DataKontakInput, { description: "The whole DATA_KONTAK section" }) input: DataKontakInput, @Ctx() ctx: Context): Promise<PengkinianPayload> {
    return step(ctx, (auth) => ctx.services.pengkinian.updateKontak(auth, input, ctx.clientAddress));
  }

  @Mutation(() => PengkinianPayload, {
    description:
      "The code emailed to the new email of DATA_KONTAK (5 attempts per code, valid 5 minutes). EMAIL_ALREADY_USED, told only " +
      "after the right code, when another account signs in with it. Once the pengkinian is TERVERIFIKASI the new email is the sign-in email",
  })
  pengkinianVerifyEmail(@Arg("input", () => PengkinianVerifyCodeInput, { description: "The 6-digit code" }) input: PengkinianVerifyCodeInput, @Ctx() ctx: Context): Promise<PengkinianPayload> {
    return step(ctx, (auth) => ctx.services.pengkinian.verifyContact(auth, "EMAIL", input.code, ctx.clientAddress));
  }

  @Mutation(() => PengkinianPayload, {
    description:
      "The code sent by SMS to the new phone number of DATA_KONTAK (5 attempts per code, valid 5 minutes). PHONE_ALREADY_USED, " +
      "told only after the right code, when another account signs in with it. Once the pengkinian is TERVERIFIKASI the new number signs in",
  })
  pengkinianVerifyPhone(@Arg("input", () => PengkinianVerifyCodeInput, { description: "The 6-digit code" }) input: PengkinianVerifyCodeInput, @Ctx() ctx: Context): Promise<PengkinianPayload> {
    return step(ctx, (auth) => ctx.services.pengkinian.verifyContact(auth, "SMS", input.code, ctx.clientAddress));
  }

  @Mutation(() => PengkinianPayload, {
    description: "A new code for the new email (EMAIL) or phone (SMS) of DATA_KONTAK waiting for verification, no sooner than 60 seconds after the last",
  })
  pengkinianResendCode(@Arg("input", () => PengkinianResendCodeInput, { description: "Which new contact gets a new code" }) input: PengkinianResendCodeInput, @Ctx() ctx: Context): Promise<PengkinianPayload> {
    return step(ctx, (auth) => ctx.services.pengkinian.resendContactCode(auth, input.channel === VerificationChannel.SMS ? "SMS" : "EMAIL", ctx.clientAddress));
  }

  @Mutation(() => PengkinianPayload, { description: "DATA_KEPENDUDUKAN; every invalid field is reported at once" })
  pengkinianUpdateKependudukan(
    @Arg("input", () => DataKependudukanInput, { description: "The whole DATA_KEPENDUDUKAN section" }) input: DataKependudukanInput,
    @Ctx() ctx: Context,
  ): Promise<PengkinianPayload> {
    return step(ctx, (auth) => ctx.services.pengkinian.updateKependudukan(auth, input));
  }

  @Mutation(() => PengkinianPayload, { description: "DATA_TAMBAHAN with the emergency contact; every invalid field is reported at once" })
  pengkinianUpdateTambahan(@Arg("input", () => DataTambahanInput, { description: "The whole DATA_TAMBAHAN section" }) input: DataTambahanInput, @Ctx() ctx: Context): Promise<PengkinianPayload> {
    return step(ctx, (auth) => ctx.services.pengkinian.updateTambahan(auth, input));
  }

  @Mutation(() => PengkinianPayload, { description: "KONFIRMASI: with consent, submit for verification (DIAJUKAN); the outcome comes by pengkinianStatusChanged" })
  pengkinianSubmit(@Arg("input", () => PengkinianSubmitInput, { description: "The participant's consent" }) input: PengkinianSubmitInput, @Ctx() ctx: Context): Promise<PengkinianPayload> {
    return step(ctx, (auth) => ctx.services.pengkinian.submit(auth, input.consent));
  }

  @Subscription(() => Pengkinian, {
    description: "The signed-in participant's pengkinian data whenever its status changes (DIAJUKAN, TERVERIFIKASI, DITOLAK)",
    topics: PENGKINIAN_STATUS_TOPIC,
    topicId: ({ context }) => requireParticipant(context as Context).participantId,
  })
  pengkinianStatusChanged(@Root() row: PengkinianRow, @Ctx() ctx: Context): Pengkinian {
    return toPengkinian(row, ctx.scope.locale);
  }

  @FieldResolver(() => Boolean)
  async kpjEntryRequired(@Root() pengkinian: Pengkinian, @Ctx() ctx: Context): Promise<boolean> {
    return kpjEntryRequired((await ctx.loaders.cardsByParticipant.load(pengkinian.ownerParticipantId)).length);
  }

  @FieldResolver(() => [KpjChallengeCard])
  async kpjChallenge(@Root() pengkinian: Pengkinian, @Ctx() ctx: Context): Promise<KpjChallengeCard[]> {
    const cards = await ctx.loaders.cardsByParticipant.load(pengkinian.ownerParticipantId);
    return cards.map((c) => ({ cardId: toGlobalId("Card", c.id), kpjMasked: maskKpj(c.kpj) }));
  }
}

@Resolver(() => Participant)
export class ParticipantPengkinianResolver {
  @FieldResolver(() => Pengkinian, { nullable: true })
  async pengkinian(@Root() participant: Participant, @Ctx() ctx: Context): Promise<Pengkinian | null> {
    const row = await ctx.loaders.latestPengkinian.load(participant.ownerParticipantId);
    return row ? toPengkinian(row, ctx.scope.locale) : null;
  }
}

/** Area names of an address, looked up from its village code when the address does not carry them. */
@Resolver(() => Address)
export class AddressResolver {
  @FieldResolver(() => String, { nullable: true })
  kelurahan(@Root() a: Address) {
    return a.kelurahan !== undefined ? a.kelurahan : name(a, "kelurahan");
  }

  @FieldResolver(() => String, { nullable: true })
  kecamatan(@Root() a: Address) {
    return a.kecamatan !== undefined ? a.kecamatan : name(a, "kecamatan");
  }

  @FieldResolver(() => String, { nullable: true })
  kabupaten(@Root() a: Address) {
    return a.kabupaten !== undefined ? a.kabupaten : name(a, "kabupaten");
  }

  @FieldResolver(() => String, { nullable: true })
  provinsi(@Root() a: Address) {
    return a.provinsi !== undefined ? a.provinsi : name(a, "provinsi");
  }
}

async function name(a: Address, key: "kelurahan" | "kecamatan" | "kabupaten" | "provinsi"): Promise<string | null> {
  return (await findVillage(a.villageCode))?.[key] ?? null;
}
