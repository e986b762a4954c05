import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { AccountUnblockInput, AccountUnblockPayload, UserErrorCode } from "@jmo/schema";
import { requireStaff } from "../../common/access.ts";
import { DomainError, withUserErrors } from "../../common/errors.ts";
import { idOfType } from "../../common/global-id.ts";
import type { Context } from "../../server/context.ts";
import { toParticipant } from "../participants/participant.mapper.ts";

@Resolver()
export class AccountBlockResolver {
  @Mutation(() => AccountUnblockPayload, {
    description: "Staff only: lift the block that three wrong KPJ entries or selfie checks put on an account (audited)",
  })
  accountUnblock(@Arg("input", () => AccountUnblockInput, { description: "The account (by participant or account id) and the audit note" }) input: AccountUnblockInput, @Ctx() ctx: Context): Promise<AccountUnblockPayload> {
    const staff = requireStaff(ctx);
    return withUserErrors<AccountUnblockPayload>(
      async () => {
        // `account` (@oneOf) replaces the two deprecated fields; both ways at once would be ambiguous.
        if (input.account && (input.participantId || input.accountId)) {
          throw new DomainError(UserErrorCode.INVALID_INPUT, ["input"], { reason: "account or participantId/accountId" });
        }
        const ref = input.account ?? input;
        const path = input.account ? ["input", "account", "participantId"] : ["input", "participantId"];
        const participantId = ref.participantId ? idOfType(ref.participantId, "Participant") : null;
        if (ref.participantId && !participantId) throw new DomainError(UserErrorCode.ACCOUNT_NOT_FOUND, path);
        const account = await ctx.services.accountBlocks.unblock(staff, { participantId, accountId: ref.accountId ?? null }, input.note);
        const participant = account.participantId ? await ctx.loaders.participant.load(account.participantId) : null;
        return { accountId: account.id, participant: participant ? toParticipant(participant) : null };
      },
      { accountId: null, participant: null },
    );
  }
}
