export { createJmoClient, type JmoClient, type JmoClientOptions, type JmoOperations, type RequestOptions } from "./client.ts";
export { JmoError, type JmoErrorCode, type JmoErrorInit } from "./errors.ts";
// Result, variable, fragment and input types of every operation (e.g. MeQuery, CardFieldsFragment, LoginInput),
// type-only, and every operation's document as a TypedDocumentNode (MeDocument, KlaimStatusChangedDocument…) for
// teams that use Apollo Client, urql or another GraphQL client: new operations show up here after `pnpm codegen`.
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
