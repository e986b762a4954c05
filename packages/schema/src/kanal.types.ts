import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { Node, PageInfo, UserError } from "./common.types.ts";
import { DateScalar } from "./scalars.ts";

export enum KanalLayananKind {
  KANTOR_WILAYAH = "KANTOR_WILAYAH",
  KANTOR_CABANG = "KANTOR_CABANG",
  KANTOR_CABANG_PERINTIS = "KANTOR_CABANG_PERINTIS",
  GERAI_LAYANAN = "GERAI_LAYANAN",
}
registerEnumType(KanalLayananKind, {
  name: "KanalLayananKind",
  description: "What kind of BPJS Ketenagakerjaan service point it is",
  valuesConfig: {
    KANTOR_WILAYAH: { description: "Kantor wilayah (regional office): also serves members at its counter" },
    KANTOR_CABANG: { description: "Kantor cabang (branch office): every member service" },
    KANTOR_CABANG_PERINTIS: { description: "Kantor cabang perintis (KCP, a smaller branch)" },
    GERAI_LAYANAN: { description: "A service counter outside an office (Mal Pelayanan Publik, a mall): fewer services, its own hours" },
  },
});

export enum KanalLayananService {
  PENDAFTARAN = "PENDAFTARAN",
  KLAIM_JHT = "KLAIM_JHT",
  KLAIM_JKK_JKM = "KLAIM_JKK_JKM",
  KLAIM_JP = "KLAIM_JP",
  KLAIM_JKP = "KLAIM_JKP",
  PENGKINIAN_DATA = "PENGKINIAN_DATA",
  PENGADUAN = "PENGADUAN",
  INFORMASI = "INFORMASI",
}
registerEnumType(KanalLayananService, {
  name: "KanalLayananService",
  description: "A service offered at a service point",
  valuesConfig: {
    PENDAFTARAN: { description: "Registering members (PU, BPU) and employers" },
    KLAIM_JHT: { description: "JHT claims, also those above the JMO limit" },
    KLAIM_JKK_JKM: { description: "Work-accident (JKK) and death (JKM) claims" },
    KLAIM_JP: { description: "Pension (JP) claims" },
    KLAIM_JKP: { description: "Job-loss (JKP) claims and their verification" },
    PENGKINIAN_DATA: { description: "Correcting and updating membership data" },
    PENGADUAN: { description: "Complaints" },
    INFORMASI: { description: "Information about programs, balances and claims" },
  },
});

export enum ZonaWaktu {
  WIB = "WIB",
  WITA = "WITA",
  WIT = "WIT",
}
registerEnumType(ZonaWaktu, {
  name: "ZonaWaktu",
  description: "Indonesia's time zones (no daylight saving), set by province",
  valuesConfig: {
    WIB: { description: "Waktu Indonesia Barat, UTC+7: Sumatra, Java, West and Central Kalimantan" },
    WITA: { description: "Waktu Indonesia Tengah, UTC+8: Bali, Nusa Tenggara, South, East and North Kalimantan, Sulawesi" },
    WIT: { description: "Waktu Indonesia Timur, UTC+9: Maluku and Papua" },
  },
});

export enum KanalSourceStatus {
  OFFICIAL = "OFFICIAL",
  SECONDARY = "SECONDARY",
  UNVERIFIED = "UNVERIFIED",
}
registerEnumType(KanalSourceStatus, {
  name: "KanalSourceStatus",
  description: "How far a service point's row has been checked against its source",
  valuesConfig: {
    OFFICIAL: {
      description:
        "A page of BPJS Ketenagakerjaan itself or of a government body (a regional government, a state agency) that was read names the office, and its address where the row gives a street",
    },
    SECONDARY: { description: "A public page of the press or another third party that was read names the office, and its address where the row gives a street" },
    UNVERIFIED: {
      description: "The office's name is known from the BPJS Ketenagakerjaan network but the address and point were not checked against a page: call 175 before travelling",
    },
  },
});

@ObjectType({ description: "The hours of one day of the week, in the service point's own time zone" })
export class KanalOpeningHours {
  @Field(() => Int, { description: "ISO day of the week: 1 Monday … 7 Sunday" })
  dayOfWeek!: number;

  @Field(() => String, { description: 'Opens, "HH:MM" local time (zonaWaktu)' })
  opens!: string;

  @Field(() => String, { description: 'Closes, "HH:MM" local time; closed from this minute on' })
  closes!: string;
}

@ObjectType({ description: "Where a service point is: WGS84 degrees" })
export class KanalLocation {
  @Field(() => Float, { description: "Latitude, degrees (south is negative)" })
  lat!: number;

  @Field(() => Float, { description: "Longitude, degrees" })
  lng!: number;

  @Field(() => Boolean, {
    description: "True when the point is only approximate (the street or town, not the building): use the address to find the door",
  })
  approximate!: boolean;
}

@ObjectType({ description: "Where a service point's facts come from" })
export class KanalSource {
  @Field(() => String, { description: "The public page that names the office and its address" })
  url!: string;

  @Field(() => String, { description: "What the page is (publisher and title)" })
  title!: string;

  @Field(() => KanalSourceStatus, { description: "Whether the row was checked against the page" })
  status!: KanalSourceStatus;

  @Field(() => DateScalar, { description: "When the row was last reviewed" })
  checkedOn!: string;
}

@ObjectType({ implements: Node, description: "A BPJS Ketenagakerjaan service point: an office or a service counter, with its hours and services. Public" })
export class KanalLayanan implements Node {
  @Field(() => ID, { description: "Opaque global id" })
  id!: string;

  @Field(() => String, { description: 'Stable short code, e.g. "KC-BANDUNG-SUCI"' })
  code!: string;

  @Field(() => String, { description: 'The name as the office is called, e.g. "Kantor Cabang Bandung Suci"' })
  name!: string;

  @Field(() => KanalLayananKind, { description: "Office or counter, and which kind" })
  kind!: KanalLayananKind;

  @Field(() => String, { description: "Street address as published" })
  address!: string;

  @Field(() => String, { description: 'Regency or city as officially named, e.g. "Kota Bandung"' })
  kabupaten!: string;

  @Field(() => String, { description: "Province as officially named" })
  provinsi!: string;

  @Field(() => String, { description: "The official 4-digit code of its regency or city (the first 4 digits of a Wilayah.villageCode there)" })
  regencyCode!: string;

  @Field(() => String, { description: "The official 2-digit code of its province" })
  provinceCode!: string;

  @Field(() => String, { nullable: true, description: "Telephone as published, when known" })
  phone!: string | null;

  @Field(() => KanalLocation, { description: "Coordinates, with whether they are approximate" })
  location!: KanalLocation;

  @Field(() => ZonaWaktu, { description: "Its province's time zone: the hours below are in it" })
  zonaWaktu!: ZonaWaktu;

  @Field(() => [KanalOpeningHours], { description: "Opening hours by day of the week; a day not listed is closed (national holidays too)" })
  openingHours!: KanalOpeningHours[];

  @Field(() => Boolean, { description: "Open at the moment of the request, by its own clock (zonaWaktu), its hours and the national holidays" })
  openNow!: boolean;

  @Field(() => [KanalLayananService], { description: "The services offered there" })
  services!: KanalLayananService[];

  @Field(() => KanalSource, { description: "The public source of its name and address" })
  source!: KanalSource;
}

@ObjectType({ description: "A service point in a KanalLayananConnection" })
export class KanalLayananEdge {
  @Field(() => String, { description: "Opaque; pass as `after` to get the service points after this one" })
  cursor!: string;

  @Field(() => KanalLayanan, { description: "The service point" })
  node!: KanalLayanan;

  @Field(() => Float, { nullable: true, description: "Great-circle distance from `near` in kilometres (null when `near` was not given)" })
  distanceKm!: number | null;
}

@ObjectType({ description: "A page of service points (Relay connection): nearest first with `near`, otherwise by province, regency and name" })
export class KanalLayananConnection {
  @Field(() => [KanalLayananEdge], { description: "The service points of this page, in order" })
  edges!: KanalLayananEdge[];

  @Field(() => PageInfo, { description: "Cursors and whether there are more pages" })
  pageInfo!: PageInfo;
}

@InputType({ description: "A point on the map, WGS84 degrees (the phone's location)" })
export class GeoPointInput {
  @Field(() => Float, { description: "Latitude, -90 to 90" })
  lat!: number;

  @Field(() => Float, { description: "Longitude, -180 to 180" })
  lng!: number;
}

@InputType({ description: "The hours of one day of the week, local time" })
export class KanalOpeningHoursInput {
  @Field(() => Int, { description: "ISO day of the week: 1 Monday … 7 Sunday; each day at most once" })
  dayOfWeek!: number;

  @Field(() => String, { description: '"HH:MM", 00:00–23:59' })
  opens!: string;

  @Field(() => String, { description: '"HH:MM", later than opens' })
  closes!: string;
}

@InputType({ description: "Staff: what changes at a service point; fields left out stay as they are" })
export class KanalLayananUpdateInput {
  @Field(() => ID, { description: "KanalLayanan.id" })
  id!: string;

  @Field(() => [KanalOpeningHoursInput], { nullable: true, description: "The whole week's hours (a day left out is closed; an empty list: closed until changed)" })
  openingHours?: KanalOpeningHoursInput[] | null;

  @Field(() => String, { nullable: true, description: 'Telephone as it should be shown; "" removes it' })
  phone?: string | null;

  @Field(() => [KanalLayananService], { nullable: true, description: "The services offered there (the whole list)" })
  services?: KanalLayananService[] | null;
}

@ObjectType({ description: "The result of a staff change to a service point" })
export class KanalLayananPayload {
  @Field(() => KanalLayanan, { nullable: true, description: "The service point as it is now; null when refused" })
  kanalLayanan!: KanalLayanan | null;

  @Field(() => [UserError], { description: "Why the mutation was refused; empty on success" })
  userErrors!: UserError[];
}
