import "reflect-metadata";
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from "graphql";
import { buildSchema, type PubSub } from "type-graphql";
import { OwnerGuard } from "../common/access.ts";
import { AuthResolver } from "../modules/accounts/auth.resolver.ts";
import { CardResolver } from "../modules/cards/card.resolver.ts";
import { NodeResolver } from "../modules/participants/node.resolver.ts";
import { ParticipantResolver } from "../modules/participants/participant.resolver.ts";

export const resolvers = [AuthResolver, ParticipantResolver, CardResolver, NodeResolver] as const;

/** Built once per server instance; `pubSub` carries subscription events (PostgreSQL LISTEN/NOTIFY). */
export function buildApiSchema(pubSub: PubSub): Promise<GraphQLSchema> {
  return buildSchema({ resolvers: [...resolvers], pubSub, globalMiddlewares: [OwnerGuard], validate: false });
}

/** The SDL committed as packages/schema/schema.graphql: sorted, so that diffs show only real changes. */
export function printContract(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
