// The core takes any document (`jmo.request(MeDocument)`): a bundler keeps only the documents an app imports. The full
// client adds a method per SDK operation and so holds all of their documents.
export { createJmoCore, type JmoClientOptions, type JmoCore, type JmoResponse, type OperationArgs, type RequestOptions } from "./core.ts";
export { createJmoClient, withOperations, type JmoClient, type JmoOperations } from "./client.ts";
export { JmoError, type JmoErrorCode, type JmoErrorInit } from "./errors.ts";
// Result, variable, fragment and input types of every operation (e.g. MeQuery, CardFieldsFragment, LoginInput),
// type-only, every operation's document as a TypedDocumentNode (MeDocument, KlaimStatusChangedDocument…) and every
// fragment's (CardFieldsFragmentDoc…), for `request`/`subscribe`, Apollo Client, urql or another GraphQL client: new
// operations show up here after `pnpm codegen`.
export * from "./generated/documents.ts";
// The schema's enums that the operations use, as values too (plain `as const` objects, no TypeScript enums).
export {
  AccountEventType,
  AssumptionSource,
  BloodType,
  BpuProgram,
  DigitalCardInvalidReason,
  Education,
  Gender,
  JpBenefitLimit,
  JpLumpSumReason,
  KlaimChannel,
  KlaimEligibilityCode,
  KlaimStatus,
  KlaimStep,
  MaritalStatus,
  MembershipStatus,
  Nationality,
  PaymentRail,
  PengkinianRejection,
  PengkinianStatus,
  PengkinianStep,
  RateSource,
  RegistrationKind,
  RegistrationStep,
  RegistrationWarning,
  Relationship,
  Religion,
  Role,
  SebabKlaim,
  Segment,
  UserErrorCode,
  VerificationChannel,
} from "./generated/graphql.ts";
export type { DocumentTypeDecoration, ResultOf, TypedDocumentNode, VariablesOf } from "./typed-document-node.ts";
// Apollo Client's possibleTypes (also `@jmo/sdk/possible-types`).
export { possibleTypes } from "./generated/possible-types.ts";
