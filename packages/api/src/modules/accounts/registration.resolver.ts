import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import {
  BpuProgram,
  LoginPayload,
  NewBpuCard,
  PasswordResetInput,
  PasswordResetPayload,
  PasswordResetRequestInput,
  PasswordResetRequestPayload,
  Registration,
  RegistrationCompleteInput,
  RegistrationKind,
  RegistrationPayload,
  RegistrationResendCodeInput,
  RegistrationSetEmailInput,
  RegistrationSetPhoneInput,
  RegistrationStartInput,
  RegistrationVerifyCodeInput,
  RegistrationWarning,
} from "@jmo/schema";
import { withUserErrors } from "../../common/errors.ts";
import { maskEmail, maskPhone } from "../../common/mask.ts";
import type { Context } from "../../server/context.ts";
import { signedInPayload } from "./auth.resolver.ts";
import { toCard } from "../participants/participant.mapper.ts";
import { bpuContribution, type NewBpuCardResult, type RegistrationView } from "./registration.service.ts";

const NO_REGISTRATION = { registrationToken: null, registration: null };
const NOT_SIGNED_IN = { accessToken: null, refreshToken: null, expiresAt: null, participant: null, role: null };

function toRegistration(view: RegistrationView): Registration {
  const { row } = view;
  const bpu = row.newParticipant;
  const shares = bpu ? bpuContribution(bpu) : null;
  return {
    kind: row.kind as RegistrationKind,
    step: view.step,
    emailMasked: row.email ? maskEmail(row.email) : null,
    emailVerified: !!row.emailVerifiedAt,
    phoneMasked: row.phone ? maskPhone(row.phone) : null,
    phoneVerified: !!row.phoneVerifiedAt,
    codeExpiresAt: view.codeExpiresAt,
    resendAvailableAt: view.resendAvailableAt,
    expiresAt: row.expiresAt,
    warnings: (bpu?.warnings ?? []) as RegistrationWarning[],
    bpu:
      bpu && shares
        ? {
            programs: [BpuProgram.JKK, BpuProgram.JKM, ...(bpu.jht ? [BpuProgram.JHT] : [])],
            declaredIncome: BigInt(bpu.declaredIncomeSen),
            monthlyContribution: {
              jkk: shares.jkkSen,
              jkm: shares.jkmSen,
              jht: shares.jhtWorkerSen,
              total: shares.jkkSen + shares.jkmSen + shares.jhtWorkerSen,
            },
          }
        : null,
  };
}

/** The new BPU card, told once: its full KPJ (the holder's own, just created) and the first contribution to pay. */
function toNewBpuCard({ card, contribution }: NewBpuCardResult): NewBpuCard {
  return Object.assign(new NewBpuCard(), {
    ownerParticipantId: card.participantId,
    kpj: card.kpj,
    card: toCard(card),
    firstContribution: {
      jkk: contribution.jkkSen,
      jkm: contribution.jkmSen,
      jht: contribution.jhtWorkerSen,
      total: contribution.jkkSen + contribution.jkmSen + contribution.jhtWorkerSen,
    },
  });
}

/** Seed 002 "Pendaftaran Akun" and "lupa password": public mutations (no sign-in), each rate-limited. */
@Resolver()
export class RegistrationResolver {
  @Mutation(() => RegistrationPayload, {
    description: "Step 1: who you are. Returns the registrationToken the later steps send. Wrong personal data gets one generic error",
  })
  registrationStart(@Arg("input", () => RegistrationStartInput, { description: "Membership type, citizenship and personal data" }) input: RegistrationStartInput, @Ctx() ctx: Context): Promise<RegistrationPayload> {
    return withUserErrors<RegistrationPayload>(async () => {
      const { token, view } = await ctx.services.registrations.start(input, ctx.clientAddress);
      return { registrationToken: token, registration: toRegistration(view) };
    }, NO_REGISTRATION);
  }

  @Mutation(() => RegistrationPayload, { description: "Step 2: the email to sign in with; a 6-digit code is sent there (valid 5 minutes)" })
  registrationSetEmail(@Arg("input", () => RegistrationSetEmailInput, { description: "The registration token and the email" }) input: RegistrationSetEmailInput, @Ctx() ctx: Context): Promise<RegistrationPayload> {
    return withUserErrors<RegistrationPayload>(
      async () => ({ registrationToken: null, registration: toRegistration(await ctx.services.registrations.setEmail(input.registrationToken, input.email, ctx.clientAddress)) }),
      NO_REGISTRATION,
    );
  }

  @Mutation(() => RegistrationPayload, { description: "Step 3: the emailed code (5 attempts per code)" })
  registrationVerifyEmail(@Arg("input", () => RegistrationVerifyCodeInput, { description: "The registration token and the code" }) input: RegistrationVerifyCodeInput, @Ctx() ctx: Context): Promise<RegistrationPayload> {
    return withUserErrors<RegistrationPayload>(
      async () => ({ registrationToken: null, registration: toRegistration(await ctx.services.registrations.verifyEmail(input.registrationToken, input.code, ctx.clientAddress)) }),
      NO_REGISTRATION,
    );
  }

  @Mutation(() => RegistrationPayload, { description: "Step 4: the mobile number; a 6-digit code is sent by SMS (valid 5 minutes)" })
  registrationSetPhone(@Arg("input", () => RegistrationSetPhoneInput, { description: "The registration token and the mobile number" }) input: RegistrationSetPhoneInput, @Ctx() ctx: Context): Promise<RegistrationPayload> {
    return withUserErrors<RegistrationPayload>(
      async () => ({ registrationToken: null, registration: toRegistration(await ctx.services.registrations.setPhone(input.registrationToken, input.phone, ctx.clientAddress)) }),
      NO_REGISTRATION,
    );
  }

  @Mutation(() => RegistrationPayload, { description: "Step 5: the SMS code (5 attempts per code)" })
  registrationVerifyPhone(@Arg("input", () => RegistrationVerifyCodeInput, { description: "The registration token and the code" }) input: RegistrationVerifyCodeInput, @Ctx() ctx: Context): Promise<RegistrationPayload> {
    return withUserErrors<RegistrationPayload>(
      async () => ({ registrationToken: null, registration: toRegistration(await ctx.services.registrations.verifyPhone(input.registrationToken, input.code, ctx.clientAddress)) }),
      NO_REGISTRATION,
    );
  }

  @Mutation(() => RegistrationPayload, { description: "A new code for the email or phone waiting for verification, no sooner than 60 seconds after the last" })
  registrationResendCode(@Arg("input", () => RegistrationResendCodeInput, { description: "The registration token and the channel" }) input: RegistrationResendCodeInput, @Ctx() ctx: Context): Promise<RegistrationPayload> {
    return withUserErrors<RegistrationPayload>(
      async () => ({ registrationToken: null, registration: toRegistration(await ctx.services.registrations.resendCode(input.registrationToken, input.channel, ctx.clientAddress)) }),
      NO_REGISTRATION,
    );
  }

  @Mutation(() => LoginPayload, { description: "Last step: password and terms. Creates the account (and for BPU_NEW the participant and a BPU card) and signs in" })
  registrationComplete(@Arg("input", () => RegistrationCompleteInput, { description: "The registration token, the password and the terms" }) input: RegistrationCompleteInput, @Ctx() ctx: Context): Promise<LoginPayload> {
    return withUserErrors<LoginPayload>(async () => {
      const done = await ctx.services.registrations.complete(input.registrationToken, input.password, input.acceptTerms, ctx.device);
      const payload = await signedInPayload(ctx, done);
      return { ...payload, newCard: done.newCard ? toNewBpuCard(done.newCard) : null };
    }, NOT_SIGNED_IN);
  }

  @Mutation(() => PasswordResetRequestPayload, { description: "Lupa password: emails a single-use reset token (30 minutes) if an account has this email; the same answer either way" })
  passwordResetRequest(@Arg("input", () => PasswordResetRequestInput, { description: "The account's email" }) input: PasswordResetRequestInput, @Ctx() ctx: Context): Promise<PasswordResetRequestPayload> {
    return withUserErrors<PasswordResetRequestPayload>(async () => {
      await ctx.services.passwordResets.request(input.email, ctx.clientAddress);
      return { accepted: true };
    }, { accepted: false });
  }

  @Mutation(() => PasswordResetPayload, { description: "A new password with the emailed token; signs out every session of the account" })
  passwordReset(@Arg("input", () => PasswordResetInput, { description: "The emailed token and the new password" }) input: PasswordResetInput, @Ctx() ctx: Context): Promise<PasswordResetPayload> {
    return withUserErrors<PasswordResetPayload>(async () => {
      await ctx.services.passwordResets.reset(input.token, input.newPassword, ctx.clientAddress);
      return { success: true };
    }, { success: false });
  }
}
