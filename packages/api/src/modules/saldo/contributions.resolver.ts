import { and, desc, eq, gte, lt, lte } from "drizzle-orm";
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import {
  AFTER_ARG_DESCRIPTION,
  Card,
  ContributionMonth,
  ContributionMonthConnection,
  ContributionMonthEdge,
  FIRST_ARG_DESCRIPTION,
  YearMonthScalar,
} from "@jmo/schema";
import { forwardPageInfo, pageSize } from "../../common/connection.ts";
import { badUserInput } from "../../common/errors.ts";
import type { Context } from "../../server/context.ts";
import { employers } from "../employers/employer.table.ts";
import { contributions } from "./saldo.table.ts";

const cursorOf = (period: string) => Buffer.from(`c:${period.slice(0, 7)}`).toString("base64url");

function periodOfCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, "base64url").toString("utf8");
  if (!/^c:\d{4}-(0[1-9]|1[0-2])$/.test(decoded)) throw badUserInput("after: unknown cursor");
  return `${decoded.slice(2)}-01`;
}

/** "Data yang dilaporkan": a card's ledger month by month, for every member (PU: the employer's; BPU: "mandiri"). */
@Resolver(() => Card)
export class CardContributionsResolver {
  @FieldResolver(() => ContributionMonthConnection, {
    description: "The card's contribution ledger month by month, newest first: wage or declared income, each program's share, who paid and when",
  })
  async contributions(
    @Root() card: Card,
    @Arg("first", () => Int, { nullable: true, description: FIRST_ARG_DESCRIPTION }) first: number | null,
    @Arg("after", () => String, { nullable: true, description: AFTER_ARG_DESCRIPTION }) after: string | null,
    @Arg("from", () => YearMonthScalar, { nullable: true, description: "The oldest month to list (inclusive)" }) from: string | null,
    @Arg("to", () => YearMonthScalar, { nullable: true, description: "The newest month to list (inclusive)" }) to: string | null,
    @Ctx() ctx: Context,
  ): Promise<ContributionMonthConnection> {
    const size = pageSize(first);
    const conditions = [eq(contributions.cardId, card.rowId)];
    if (from) conditions.push(gte(contributions.period, `${from}-01`));
    if (to) conditions.push(lte(contributions.period, `${to}-01`));
    if (after) conditions.push(lt(contributions.period, periodOfCursor(after)));
    const rows = await ctx.services.database.db
      .select({ c: contributions, employerName: employers.name })
      .from(contributions)
      .leftJoin(employers, eq(employers.id, contributions.employerId))
      .where(and(...conditions))
      .orderBy(desc(contributions.period))
      .limit(size + 1);
    const edges = rows.slice(0, size).map(({ c, employerName }) =>
      Object.assign(new ContributionMonthEdge(), {
        cursor: cursorOf(c.period),
        node: Object.assign(new ContributionMonth(), {
          ownerParticipantId: card.ownerParticipantId,
          period: c.period.slice(0, 7),
          wage: c.wageSen,
          paidBy: employerName ?? "mandiri",
          jhtEmployer: c.jhtEmployerSen,
          jhtWorker: c.jhtWorkerSen,
          jpEmployer: c.jpEmployerSen,
          jpWorker: c.jpWorkerSen,
          jkk: c.jkkSen,
          jkm: c.jkmSen,
          total: c.jhtEmployerSen + c.jhtWorkerSen + c.jpEmployerSen + c.jpWorkerSen + c.jkkSen + c.jkmSen,
          paidAt: c.paidAt,
        }),
      }),
    );
    return Object.assign(new ContributionMonthConnection(), { edges, pageInfo: forwardPageInfo(edges, rows.length > size, after) });
  }
}
