import "reflect-metadata";
import { isInputObjectType, lexicographicSortSchema, printSchema, type GraphQLSchema } from "graphql";
import { ONE_OF_INPUT_TYPES } from "@jmo/schema";
import { buildSchema, type PubSub } from "type-graphql";
import { guardOwnedFields } from "../common/access.ts";
import { AuthResolver } from "../modules/accounts/auth.resolver.ts";
import { CardResolver } from "../modules/cards/card.resolver.ts";
import { DigitalCardResolver } from "../modules/cards/digital-card.resolver.ts";
import { BpuCardResolver, CardKpjResolver } from "../modules/cards/bpu-card.resolver.ts";
import { NodeResolver } from "../modules/participants/node.resolver.ts";
import { ParticipantResolver } from "../modules/participants/participant.resolver.ts";
import { ReferenceResolver } from "../modules/reference/reference.resolver.ts";
import { CardSaldoResolver, JhtRateResolver, ParticipantSaldoResolver, SaldoJhtResolver } from "../modules/saldo/saldo.resolver.ts";
import { SimulasiResolver } from "../modules/simulasi/simulasi.resolver.ts";
import { AddressResolver, ParticipantPengkinianResolver, PengkinianResolver } from "../modules/pengkinian/pengkinian.resolver.ts";
import { AccountBlockResolver } from "../modules/accounts/account-block.resolver.ts";
import { RegistrationResolver } from "../modules/accounts/registration.resolver.ts";
import { KlaimResolver, ParticipantKlaimResolver } from "../modules/klaim/klaim.resolver.ts";
import { KlaimTrackingResolver } from "../modules/klaim/klaim-tracking.resolver.ts";
import { RulesResolver } from "../modules/rules/rules.resolver.ts";
import { IuranBpuResolver } from "../modules/iuran/iuran.resolver.ts";
import { ParticipantPengaduanResolver, PengaduanResolver } from "../modules/pengaduan/pengaduan.resolver.ts";
import { NotificationsResolver, ParticipantNotificationsResolver } from "../modules/notifications/notifications.resolver.ts";
import { CardContributionsResolver } from "../modules/saldo/contributions.resolver.ts";
import { KanalLayananResolver } from "../modules/kanal/kanal.resolver.ts";
import { BeritaResolver } from "../modules/berita/berita.resolver.ts";
import { KecelakaanKerjaResolver, ParticipantKecelakaanResolver } from "../modules/kecelakaan/kecelakaan.resolver.ts";
import { CardProgramsResolver, ManfaatResolver } from "../modules/manfaat/manfaat.resolver.ts";
import { KlaimProgramResolver } from "../modules/klaim-program/klaim-program.resolver.ts";
import { AntreanResolver, KlaimEligibilityAntreanResolver, ParticipantAntreanResolver } from "../modules/antrean/antrean.resolver.ts";

export const resolvers = [
  AuthResolver,
  ParticipantResolver,
  CardResolver,
  NodeResolver,
  CardSaldoResolver,
  ParticipantSaldoResolver,
  SaldoJhtResolver,
  JhtRateResolver,
  ReferenceResolver,
  DigitalCardResolver,
  CardKpjResolver,
  BpuCardResolver,
  SimulasiResolver,
  PengkinianResolver,
  ParticipantPengkinianResolver,
  AddressResolver,
  AccountBlockResolver,
  RegistrationResolver,
  KlaimResolver,
  ParticipantKlaimResolver,
  KlaimTrackingResolver,
  RulesResolver,
  IuranBpuResolver,
  PengaduanResolver,
  ParticipantPengaduanResolver,
  NotificationsResolver,
  ParticipantNotificationsResolver,
  CardContributionsResolver,
  KanalLayananResolver,
  BeritaResolver,
  KecelakaanKerjaResolver,
  ParticipantKecelakaanResolver,
  ManfaatResolver,
  CardProgramsResolver,
  KlaimProgramResolver,
  AntreanResolver,
  ParticipantAntreanResolver,
  KlaimEligibilityAntreanResolver,
] as const;

/** Built once per server instance; `pubSub` carries subscription events (PostgreSQL LISTEN/NOTIFY). */
export async function buildApiSchema(pubSub: PubSub): Promise<GraphQLSchema> {
  return guardOwnedFields(markOneOf(await buildSchema({ resolvers: [...resolvers], pubSub, validate: false })));
}

/** `@oneOf` input types (type-graphql cannot declare them): graphql-js 16.9+ validates and prints them. */
function markOneOf(schema: GraphQLSchema): GraphQLSchema {
  for (const name of ONE_OF_INPUT_TYPES) {
    const type = schema.getType(name);
    if (!isInputObjectType(type)) throw new Error(`@oneOf: no input type ${name}`);
    type.isOneOf = true;
  }
  return schema;
}

/** The SDL committed as packages/schema/schema.graphql: sorted, so that diffs show only real changes. */
export function printContract(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
