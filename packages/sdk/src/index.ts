export { createJmoClient, type JmoClient, type JmoClientOptions, type JmoOperations, type RequestOptions } from "./client.ts";
export { JmoError, type JmoErrorCode, type JmoErrorInit } from "./errors.ts";
// Result, variable, fragment and input types of every operation (e.g. MeQuery, CardFieldsFragment, LoginInput):
// type-only, so that new operations show up here after `pnpm codegen` without touching this file.
export type * from "./generated/graphql.ts";
// The schema's enums, as values too (plain `as const` objects, no TypeScript enums).
export {
  AccountEventType,
  AssumptionSource,
  DigitalCardInvalidReason,
  JpBenefitLimit,
  JpLumpSumReason,
  Gender,
  MembershipStatus,
  Nationality,
  PengkinianStatus,
  Role,
  Segment,
  UserErrorCode,
} from "./generated/graphql.ts";
