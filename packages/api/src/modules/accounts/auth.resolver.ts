import { Arg, Ctx, Mutation, Query, Resolver, Root, Subscription } from "type-graphql";
import { AccountEvent, AccountEventType, LoginInput, LoginPayload, LogoutPayload, RefreshSessionInput, Viewer } from "@jmo/schema";
import { optionalAuth, requireAuth } from "../../common/access.ts";
import { withUserErrors } from "../../common/errors.ts";
import type { Context } from "../../server/context.ts";
import { toParticipant } from "../participants/participant.mapper.ts";
import type { AccountEventRow } from "./account.table.ts";
import { ACCOUNT_EVENTS_TOPIC, type SignedIn } from "./auth.service.ts";

const NOT_SIGNED_IN = { accessToken: null, refreshToken: null, expiresAt: null, participant: null, role: null, deviceToken: null };

@Resolver()
export class AuthResolver {
  @Mutation(() => LoginPayload, { description: "Sign in with email or phone and password" })
  login(@Arg("input", () => LoginInput, { description: "Identifier, password and this device's deviceToken if it has one" }) input: LoginInput, @Ctx() ctx: Context): Promise<LoginPayload> {
    return withUserErrors<LoginPayload>(
      async () => signedInPayload(ctx, await ctx.services.auth.login(input.identifier, input.password, ctx.device, ctx.clientAddress, input.deviceToken ?? null)),
      NOT_SIGNED_IN,
    );
  }

  @Mutation(() => LoginPayload, { description: "Exchange a refresh token (single use) for a new token pair" })
  refreshSession(@Arg("input", () => RefreshSessionInput, { description: "The refresh token" }) input: RefreshSessionInput, @Ctx() ctx: Context): Promise<LoginPayload> {
    return withUserErrors<LoginPayload>(
      async () => signedInPayload(ctx, await ctx.services.auth.refresh(input.refreshToken)),
      NOT_SIGNED_IN,
    );
  }

  @Mutation(() => LogoutPayload, { description: "Sign out this session; its refresh token stops working" })
  logout(@Ctx() ctx: Context): Promise<LogoutPayload> {
    const auth = requireAuth(ctx);
    return withUserErrors<LogoutPayload>(async () => ({ success: await ctx.services.auth.logout(auth) }), { success: false });
  }

  @Query(() => Viewer, { nullable: true, description: "The signed-in account (participant or staff); null when not signed in" })
  async viewer(@Ctx() ctx: Context): Promise<Viewer | null> {
    const auth = optionalAuth(ctx);
    if (!auth) return null;
    const participant = auth.participantId ? await ctx.loaders.participant.load(auth.participantId) : null;
    return Object.assign(new Viewer(), {
      accountId: auth.accountId,
      participantId: auth.participantId,
      role: auth.role,
      participant: participant ? toParticipant(participant) : null,
    });
  }

  @Subscription(() => AccountEvent, {
    description: "Events of the signed-in account from its other sessions, e.g. a sign-in on another device",
    topics: ACCOUNT_EVENTS_TOPIC,
    topicId: ({ context }) => requireAuth(context as Context).accountId,
    filter: ({ payload, context }) => (payload as AccountEventRow).sessionId !== (context as Context).auth?.sessionId,
  })
  accountEvents(@Root() event: AccountEventRow): AccountEvent {
    return {
      id: event.id,
      type: event.type as AccountEventType,
      at: event.createdAt,
      device: event.data.device ?? null,
    };
  }
}

export async function signedInPayload(ctx: Context, signedIn: SignedIn): Promise<Omit<LoginPayload, "userErrors">> {
  // The caller has just proved who they are: the rest of this request (the payload's fields) runs as them.
  ctx.auth = signedIn.auth;
  ctx.authFailure = null;
  const participant = signedIn.auth.participantId ? await ctx.loaders.participant.load(signedIn.auth.participantId) : null;
  return {
    accessToken: signedIn.accessToken,
    refreshToken: signedIn.refreshToken,
    expiresAt: signedIn.expiresAt,
    role: signedIn.auth.role,
    participant: participant ? toParticipant(participant) : null,
    deviceToken: signedIn.deviceToken,
  };
}
