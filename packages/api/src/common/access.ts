import { defaultFieldResolver, type GraphQLFieldResolver, type GraphQLObjectType, type GraphQLSchema } from "graphql";
import { Role, type Owned } from "@jmo/schema";
import type { AuthInfo } from "../modules/accounts/auth.service.ts";
import type { Context } from "../server/context.ts";
import { forbidden, unauthenticated } from "./errors.ts";

export function requireAuth(ctx: Context): AuthInfo {
  if (!ctx.auth) throw unauthenticated(ctx.authFailure);
  return ctx.auth;
}

/** The caller, or null when anonymous; a refused token is reported rather than treated as anonymous. */
export function optionalAuth(ctx: Context): AuthInfo | null {
  if (ctx.authFailure) throw unauthenticated(ctx.authFailure);
  return ctx.auth;
}

export function requireStaff(ctx: Context): AuthInfo {
  const auth = requireAuth(ctx);
  if (auth.role !== Role.PETUGAS) throw forbidden();
  return auth;
}

/** A participant sees only their own data; staff see any participant's. */
export function canSee(auth: AuthInfo | null, participantId: string): boolean {
  return !!auth && (auth.role === Role.PETUGAS || auth.participantId === participantId);
}

/**
 * The participant themselves, not staff: for the few fields only the holder gets (the full KPJ and NIK of their own
 * cards). The owner guard lets staff read owned objects, so such a field checks this too and answers null for staff.
 */
export function isHolder(auth: AuthInfo | null, participantId: string): boolean {
  return !!auth && auth.role !== Role.PETUGAS && auth.participantId === participantId;
}

export function assertCanSee(ctx: Context, participantId: string): void {
  if (!canSee(requireAuth(ctx), participantId)) throw forbidden();
}

function isOwned(root: unknown): root is Owned {
  return typeof root === "object" && root !== null && typeof (root as Owned).ownerParticipantId === "string";
}

/**
 * The owner guard: in front of the resolver of every field of every object type of a built schema, a field of an
 * object that belongs to a participant resolves only for that participant or staff, however the object was reached
 * (me, node, a connection, a payload). Done here rather than as a type-graphql global middleware, whose async chain turns every scalar field into several promises: a
 * plain field of an owned object now resolves synchronously.
 */
export function guardOwnedFields(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    // Object (and interface) types; not `instanceof`, which a second copy of graphql would make silently false.
    if (typeof (type as Partial<GraphQLObjectType>).getInterfaces !== "function" || type.name.startsWith("__")) continue;
    for (const field of Object.values((type as GraphQLObjectType).getFields())) {
      const resolve: GraphQLFieldResolver<unknown, Context> = field.resolve ?? defaultFieldResolver;
      field.resolve = (root, args, context, info) => {
        if (isOwned(root)) assertCanSee(context, root.ownerParticipantId);
        return resolve(root, args, context, info);
      };
    }
  }
  return schema;
}
