// Builds the demo data in memory, without a database: the demo personas plus N generated participants with
// their cards and a pool of employers. Every random choice comes from fakers seeded from the one seed, each drawn in
// a fixed order, so the same seed and `today` always give the same data (docs/domain/demo-data.md).
import { Faker, base, en, id_ID } from "@faker-js/faker";
import type { AccountRow, CardRow, ParticipantRow } from "../db/schema.ts";
import { loadDistricts, loadVillagesByDistrict, type DistrictArea, type VillageArea } from "./areas.ts";
import { addDays, addYears, fromEpochDay, isValidDate, toEpochDay, todayUtc } from "./calendar.ts";
import { LEDGER_FLOOR } from "./contributions.ts";
import { DEMO_EMPLOYERS, DEMO_PERSONAS, DEMO_STAFF, EARLIEST_TODAY, type DemoPersona } from "./demo-personas.ts";
import { FOREIGN_NATIONALITIES, FOREIGN_WORKER_MEN_SHARE, foreignName, type ForeignNationality } from "./foreign-workers.ts";
import { nikFor, type Gender } from "./nik.ts";
import { FOREIGN_WORKER_PROVINCES, PROVINCE_POPULATION } from "./population.ts";
import { ProfileGenerator, type ProfileSubject, type SeedPengkinian } from "./profiles.ts";

export interface SeedOptions {
  /** How many participants to generate besides the demo personas; they get no account. */
  participants: number;
  /** Default 20260101. */
  seed?: number;
  /** 'YYYY-MM-DD', default today in UTC. Every generated date is relative to it. */
  today?: string;
}

export interface EmployerPlan {
  npp: string;
  name: string;
}

export interface CardPlan {
  /** False: registered with the person's NIK but not on their profile yet. */
  linked: boolean;
  /** A demo card's fixed contribution history; generated cards get a drawn one (contributions.ts). */
  ledger?: { wage: number; growthBp: number; bpuJht?: boolean };
  kpj: string;
  segment: CardRow["segment"];
  status: CardRow["status"];
  employerNpp: string | null;
  registeredAt: string;
  nonaktifSince: string | null;
}

export interface ParticipantPlan {
  nik: string;
  fullName: string;
  birthPlace: string;
  birthDate: string;
  gender: Gender;
  nationality: ParticipantRow["nationality"];
  /** WNA only: the passport they registered with, and its country (ISO 3166-1 alpha-2). */
  passportNumber: string | null;
  passportCountry: string | null;
  email: string | null;
  phone: string | null;
  pengkinianStatus: ParticipantRow["pengkinianStatus"];
  /** The last pengkinian attempt (null for BELUM); a TERVERIFIKASI one is also written to the record (demo-data.ts). */
  pengkinian: SeedPengkinian | null;
  /** Oldest first. */
  cards: CardPlan[];
}

/** Who a participant is, before their membership (contacts, cards, pengkinian) is drawn. */
type Identity = Pick<
  ParticipantPlan,
  "nik" | "fullName" | "birthPlace" | "birthDate" | "gender" | "nationality" | "passportNumber" | "passportCountry"
>;

export interface AccountPlan {
  role: AccountRow["role"];
  email: string;
  phone: string | null;
  /** The participant it signs in as; null for staff. */
  participantNik: string | null;
}

export interface DemoDataset {
  employers: EmployerPlan[];
  participants: ParticipantPlan[];
  accounts: AccountPlan[];
}

/**
 * The dataset without the generated participants held in memory: those come one at a time, drawn in the same order
 * as buildDemoDataset draws them (so the same options give the same data), while the uniqueness sets stay.
 */
export interface DemoDatasetStream {
  employers: EmployerPlan[];
  /** The demo personas; they come before the generated participants. */
  demoParticipants: ParticipantPlan[];
  accounts: AccountPlan[];
  /** How many `generated` yields. */
  generatedCount: number;
  /** Iterate once. */
  generated: Iterable<ParticipantPlan>;
}

export const DEFAULT_SEED = 20260101;
const MIN_EMPLOYERS = 20;
/** Generated cards start no earlier than the demo ledger, so that every card's history starts with the card. */
const CAREER_FLOOR = LEDGER_FLOOR;
/** Foreign workers came to Indonesia within the last ten years (ASSUMED), aged 24 to 58. */
const FOREIGN_STAY_YEARS = 10;
/** Pengkinian data in JMO: attempts from 2021 on (ASSUMED; JMO replaced BPJSTKU that year). */
const PENGKINIAN_SINCE = "2021-01-01";
/** Most people's first KTP is issued where they were born; the rest had moved (ASSUMED). */
const REGISTERED_WHERE_BORN = 0.8;
/** Most people live in the district of their NIK; the rest moved since (the NIK never changes). ASSUMED. */
const LIVES_WHERE_REGISTERED = 0.85;
/**
 * NIK serials count the people registered in one district with one birth date (and sex): mostly low numbers
 * (ASSUMED buckets, see docs/domain/demo-data.md). Drawn, then the next free one if taken.
 */
const NIK_SERIAL_BUCKETS: ReadonlyArray<{ weight: number; value: readonly [number, number] }> = [
  { weight: 60, value: [1, 9] },
  { weight: 30, value: [10, 99] },
  { weight: 9, value: [100, 300] },
  { weight: 1, value: [301, 999] },
];
/** Between two cards' registrations, leaving room for the older one to stop in between. */
const MIN_DAYS_BETWEEN_CARDS = 30;
/**
 * Long-standing members: of the citizens who were adults when the ledger starts (2014, when BPJS Ketenagakerjaan took
 * over from Jamsostek), this share were members already; their first card counts from the ledger's first year (drawn
 * in it), since the demo carries no balance from before (ASSUMED, docs/domain/demo-data.md).
 */
const LONG_STANDING_SHARE = 0.6;
/**
 * Days between leaving one job (the card turns NONAKTIF) and the next card's registration: most people move straight
 * to the next employer, some after a few months, a few after a long pause (ASSUMED).
 */
const JOB_CHANGE_GAP_DAYS: ReadonlyArray<{ weight: number; value: readonly [number, number] }> = [
  { weight: 55, value: [1, 31] },
  { weight: 30, value: [32, 180] },
  { weight: 15, value: [181, 730] },
];
/** Plenty for any space used here; reaching it means a bug (or a space too small), not bad luck. */
const MAX_DRAWS = 10_000;

const GENDERS: ReadonlyArray<Gender> = ["LAKI_LAKI", "PEREMPUAN"];
const NATIONALITY_WEIGHTS = [
  { weight: 98, value: "WNI" },
  { weight: 2, value: "WNA" },
] as const;
// DRAFT is left out: it implies a pengkinian in progress, which the pengkinian tables (not these) would hold.
const PENGKINIAN_WEIGHTS = [
  { weight: 72, value: "BELUM" },
  { weight: 18, value: "TERVERIFIKASI" },
  { weight: 6, value: "DIAJUKAN" },
  { weight: 4, value: "DITOLAK" },
] as const;
const CARD_COUNT_WEIGHTS = [
  { weight: 55, value: 1 },
  { weight: 30, value: 2 },
  { weight: 15, value: 3 },
] as const;
/** A foreign worker's stay: one employer, or two (ASSUMED). */
const FOREIGN_CARD_COUNT_WEIGHTS = [
  { weight: 75, value: 1 },
  { weight: 25, value: 2 },
] as const;
const SEGMENT_WEIGHTS = [
  { weight: 75, value: "PU" },
  { weight: 15, value: "BPU" },
  { weight: 5, value: "JAKON" },
  { weight: 5, value: "PMI" },
] as const;
/** The chance that a participant's most recent card is still AKTIF. */
const LATEST_CARD_AKTIF = 0.65;
/** Mobile prefixes after "08" (Telkomsel, Indosat, XL, Axis, Smartfren, Tri). */
const MOBILE_PREFIXES = ["11", "12", "13", "21", "22", "23", "51", "52", "53", "14", "15", "16", "55", "56", "57", "58",
  "17", "18", "19", "59", "77", "78", "31", "32", "33", "38", "81", "82", "83", "85", "87", "88", "95", "96", "97", "98", "99"];
/** Reserved for examples (RFC 2606): no demo message can ever reach a real mailbox. */
const EMAIL_DOMAINS = ["example.com", "example.net", "example.org"];
const COMPANY_WORDS = ["Maju", "Jaya", "Sentosa", "Abadi", "Makmur", "Sejahtera", "Karya", "Mandiri", "Sinar", "Cahaya",
  "Nusantara", "Prima", "Utama", "Sukses", "Bangun", "Mitra", "Bumi", "Indah", "Agung", "Gemilang", "Perkasa", "Lestari",
  "Berkah", "Mulia", "Sakti", "Persada", "Citra", "Anugerah", "Tunggal", "Harapan", "Samudra", "Cipta", "Surya", "Mega"];
const COMPANY_TRADES = ["Tekstil", "Logistik", "Konstruksi", "Pangan", "Digital", "Farma", "Elektrik", "Plastik", "Kimia",
  "Otomotif", "Properti", "Agro", "Garmen", "Teknik", "Transportasi", "Perkebunan", "Retail", "Furnitur", "Energi", "Medika"];

/** The dataset for these options; see SeedOptions. */
export async function buildDemoDataset(options: SeedOptions): Promise<DemoDataset> {
  const stream = await streamDemoDataset(options);
  return {
    employers: stream.employers,
    participants: [...stream.demoParticipants, ...stream.generated],
    accounts: stream.accounts,
  };
}

/** The same dataset as buildDemoDataset, with the generated participants drawn lazily (for large seeds). */
export async function streamDemoDataset(options: SeedOptions): Promise<DemoDatasetStream> {
  const today = options.today ?? todayUtc();
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(options.participants) || options.participants < 0) {
    throw new RangeError(`participants must be a whole number: ${options.participants}`);
  }
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer: ${seed}`);
  if (!isValidDate(today) || today < EARLIEST_TODAY) {
    throw new RangeError(`today must be a date from ${EARLIEST_TODAY}: ${today}`);
  }
  const [districts, villages] = await Promise.all([loadDistricts(), loadVillagesByDistrict()]);
  return new DatasetBuilder(seed, today, districts, villages).stream(options.participants);
}

class DatasetBuilder {
  private readonly faker = new Faker({ locale: [id_ID, en, base] });
  /** Names and passports of foreign nationals (WNA); seeded from the main faker, so just as fixed. */
  private readonly foreign = new Faker({ locale: [en, base] });
  /** Pengkinian data (addresses, bank accounts, families): a stream of its own, so it moves no other draw. */
  private readonly profileFaker = new Faker({ locale: [id_ID, en, base] });
  private readonly profiles: ProfileGenerator;
  private readonly usedNiks = new Set<string>();
  private readonly usedPassports = new Set<string>();
  private readonly usedKpjs = new Set<string>();
  private readonly usedNpps = new Set<string>();
  private readonly usedEmails = new Set<string>();
  private readonly usedPhones = new Set<string>();
  private readonly usedEmployerNames = new Set<string>();
  private readonly districtsByCode: ReadonlyMap<string, DistrictArea>;
  private readonly districtsByProvince = new Map<string, DistrictArea[]>();
  /** Provinces weighted by population (population.ts). */
  private readonly provinceWeights: ReadonlyArray<{ weight: number; value: string }>;
  private readonly foreignWorkerProvinceWeights: ReadonlyArray<{ weight: number; value: string }>;
  private readonly nationalityWeights: ReadonlyArray<{ weight: number; value: ForeignNationality }>;

  constructor(
    seed: number,
    private readonly today: string,
    districts: ReadonlyArray<DistrictArea>,
    private readonly villages: ReadonlyMap<string, ReadonlyArray<VillageArea>>,
  ) {
    this.faker.seed(seed);
    this.foreign.seed(this.faker.number.int());
    this.profileFaker.seed(this.faker.number.int());
    this.profiles = new ProfileGenerator(this.profileFaker, villages, today, (gender) => this.indonesianName(gender, this.profileFaker));
    this.districtsByCode = new Map(districts.map((d) => [d.code, d]));
    for (const d of districts) {
      const province = d.code.slice(0, 2);
      const list = this.districtsByProvince.get(province);
      if (list) list.push(d);
      else this.districtsByProvince.set(province, [d]);
    }
    for (const province of this.districtsByProvince.keys()) {
      if (!PROVINCE_POPULATION.some((p) => p.code === province)) throw new Error(`province ${province} has no population weight`);
    }
    this.provinceWeights = PROVINCE_POPULATION.map((p) => ({ weight: p.thousands, value: p.code }));
    this.foreignWorkerProvinceWeights = FOREIGN_WORKER_PROVINCES.map((p) => ({ weight: p.workers, value: p.code }));
    this.nationalityWeights = FOREIGN_NATIONALITIES.map((n) => ({ weight: n.workers, value: n }));
  }

  stream(participantCount: number): DemoDatasetStream {
    // The personas come first so that nothing generated can take their NIK, KPJ, NPP, email or phone.
    const demo = DEMO_PERSONAS.map((persona) => ({ persona, plan: this.demoParticipant(persona) }));
    const demoEmployers = DEMO_EMPLOYERS.map((e) => {
      this.claimFixed(this.usedNpps, e.npp);
      return { ...e };
    });
    const pool = this.employerPool(Math.max(MIN_EMPLOYERS, Math.round(participantCount / 5)));
    const self = this;
    function* generated(): Generator<ParticipantPlan> {
      for (let i = 0; i < participantCount; i += 1) yield self.participant(pool);
    }
    return {
      employers: [...demoEmployers, ...pool],
      demoParticipants: demo.map((d) => d.plan),
      generatedCount: participantCount,
      generated: generated(),
      accounts: [
        ...demo.map(({ persona, plan }) => ({
          role: "PESERTA" as const,
          email: persona.email,
          phone: persona.phone,
          participantNik: plan.nik,
        })),
        { role: "PETUGAS", email: DEMO_STAFF.email, phone: DEMO_STAFF.phone, participantNik: null },
      ],
    };
  }

  // ----- demo personas -----

  private demoParticipant(p: DemoPersona): ParticipantPlan {
    if (!this.districtsByCode.has(p.districtCode)) throw new Error(`demo district ${p.districtCode} is not in idn-area-data`);
    this.claimFixed(this.usedEmails, p.email);
    this.claimFixed(this.usedPhones, p.phone);
    const nik = nikFor(p.districtCode, p.birthDate, p.gender, p.nikSerial);
    this.claimFixed(this.usedNiks, nik);
    return {
      nik,
      fullName: p.fullName,
      birthPlace: p.birthPlace,
      birthDate: p.birthDate,
      gender: p.gender,
      nationality: "WNI",
      passportNumber: null,
      passportCountry: null,
      email: p.email,
      phone: p.phone,
      pengkinianStatus: p.pengkinianStatus,
      pengkinian: p.verified ? this.personaPengkinian(p) : null,
      cards: p.cards.map((c) => {
        this.claimFixed(this.usedKpjs, c.kpj);
        const nonaktifSince = c.nonaktifSince(this.today);
        return {
          linked: c.linked !== false,
          ledger: c.ledger,
          kpj: c.kpj,
          segment: c.segment,
          status: nonaktifSince ? "NONAKTIF" : "AKTIF",
          employerNpp: c.employerNpp,
          registeredAt: c.registeredAt,
          nonaktifSince,
        };
      }),
    };
  }

  /** A persona's verified pengkinian, as the flow would have stored it: their contacts, the areas' official names. */
  private personaPengkinian(p: DemoPersona): SeedPengkinian {
    const v = p.verified!;
    const village = this.villages.get(p.districtCode)?.find((x) => x.code === v.villageCode);
    if (!village) throw new Error(`demo village ${v.villageCode} is not in district ${p.districtCode}`);
    const submitted = new Date(`${v.submittedOn(this.today)}T03:12:00Z`);
    return {
      status: "TERVERIFIKASI",
      dataKontak: { phone: p.phone, email: p.email, npwp: v.npwp, passportNumber: null, bankAccount: v.bankAccount },
      dataKependudukan: {
        gender: p.gender,
        villageCode: v.villageCode,
        kodePos: v.kodePos,
        address: v.address,
        motherMaidenName: v.motherMaidenName,
        maritalStatus: v.maritalStatus,
        spouse: v.spouse,
        children: v.children,
        wilayah: { kelurahan: village.kelurahan, kecamatan: village.kecamatan, kabupaten: village.kabupaten, provinsi: village.provinsi },
      },
      dataTambahan: v.tambahan,
      startedAt: new Date(submitted.getTime() - 14 * 60_000).toISOString(),
      submittedAt: submitted.toISOString(),
      decidedAt: new Date(submitted.getTime() + 10_000).toISOString(),
      rejectionReason: null,
    };
  }

  /** Marks a fixed value as taken; a duplicate among the fixed values is a mistake in demo-personas.ts. */
  private claimFixed(used: Set<string>, value: string): void {
    if (used.has(value)) throw new Error(`demo value used twice: ${value}`);
    used.add(value);
  }

  // ----- employers -----

  private employerPool(size: number): EmployerPlan[] {
    return Array.from({ length: size }, () => ({
      npp: this.unique(this.usedNpps, () => this.faker.string.numeric({ length: 8, allowLeadingZeros: false })),
      name: this.employerName(),
    }));
  }

  /** "PT Maju Jaya Sentosa"; faker's id_ID company names ("Sirait (Persero) Tbk") read less like employers. */
  private employerName(): string {
    // Names should differ, but a very large pool may exhaust the combinations: the NPP is what identifies it.
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const name = this.candidateEmployerName();
      if (!this.usedEmployerNames.has(name)) {
        this.usedEmployerNames.add(name);
        return name;
      }
    }
    return this.candidateEmployerName();
  }

  private candidateEmployerName(): string {
    const f = this.faker;
    const words = (n: number): string => f.helpers.arrayElements(COMPANY_WORDS, n).join(" ");
    return f.helpers.weightedArrayElement([
      { weight: 40, value: () => `PT ${words(3)}` },
      { weight: 30, value: () => `PT ${words(2)} ${f.helpers.arrayElement(COMPANY_TRADES)}` },
      { weight: 15, value: () => `CV ${words(2)}` },
      { weight: 15, value: () => `PT ${f.person.lastName()} ${f.helpers.arrayElement(COMPANY_TRADES)}` },
    ])();
  }

  // ----- participants -----

  private participant(pool: ReadonlyArray<EmployerPlan>): ParticipantPlan {
    const nationality = this.faker.helpers.weightedArrayElement(NATIONALITY_WEIGHTS);
    return nationality === "WNI" ? this.citizen(pool) : this.foreignWorker(pool);
  }

  /**
   * An Indonesian: born in a district drawn by population, registered (NIK) mostly there, living mostly where
   * registered.
   */
  private citizen(pool: ReadonlyArray<EmployerPlan>): ParticipantPlan {
    const f = this.faker;
    const gender = f.helpers.arrayElement(GENDERS);
    const birthDate = this.birthDate(18, 60);
    const born = this.populatedDistrict();
    const registered = f.datatype.boolean(REGISTERED_WHERE_BORN) ? born : this.populatedDistrict();
    const identity: Identity = {
      nik: this.allocateNik(registered.code, birthDate, gender),
      fullName: this.indonesianName(gender),
      birthPlace: born.placeName,
      birthDate,
      gender,
      nationality: "WNI",
      passportNumber: null,
      passportCountry: null,
    };
    return this.member(
      identity,
      () => this.career(birthDate, pool, CAREER_FLOOR, CARD_COUNT_WEIGHTS, null, LONG_STANDING_SHARE),
      () => (f.datatype.boolean(LIVES_WHERE_REGISTERED) ? registered : this.populatedDistrict()),
    );
  }

  /**
   * A foreign worker (TKA): a nationality by the number of its workers in Indonesia, a name and passport of that
   * country, and a NIK from the district where they live and registered their stay permit (KITAS/KITAP holders are
   * recorded by Dukcapil and given a NIK of the usual form; docs/domain/demo-data.md). Wage earners (PU) only.
   */
  private foreignWorker(pool: ReadonlyArray<EmployerPlan>): ParticipantPlan {
    const f = this.faker;
    const origin = f.helpers.weightedArrayElement(this.nationalityWeights);
    const gender: Gender = f.datatype.boolean(FOREIGN_WORKER_MEN_SHARE) ? "LAKI_LAKI" : "PEREMPUAN";
    const birthDate = this.birthDate(24, 58);
    const home = this.districtIn(f.helpers.weightedArrayElement(this.foreignWorkerProvinceWeights));
    const identity: Identity = {
      nik: this.allocateNik(home.code, birthDate, gender),
      fullName: foreignName(this.foreign, origin, gender),
      birthPlace: this.foreign.helpers.arrayElement(origin.birthPlaces),
      birthDate,
      gender,
      nationality: "WNA",
      passportNumber: this.unique(this.usedPassports, () => origin.passportNumber(this.foreign)),
      passportCountry: origin.country,
    };
    const arrived = addYears(this.today, -FOREIGN_STAY_YEARS);
    const adult = addYears(birthDate, 22);
    // They came within the last ten years: none was a member before.
    const floor = [arrived, adult, CAREER_FLOOR].sort().at(-1)!;
    return this.member(identity, () => this.career(birthDate, pool, floor, FOREIGN_CARD_COUNT_WEIGHTS, "PU", 0), () => home);
  }

  /**
   * The membership of a person: contacts and pengkinian status, cards (`career`), then the pengkinian attempt made
   * from the district they live in (`home`), drawn in that order.
   */
  private member(identity: Identity, career: () => CardPlan[], home: () => DistrictArea): ParticipantPlan {
    const plan: ParticipantPlan = { ...identity, ...this.contacts(identity.fullName), pengkinian: null, cards: career() };
    plan.pengkinian = this.pengkinianOf(plan, home().code);
    return plan;
  }

  /** A pengkinian that reached submission carried phone and email; otherwise only some are on record. */
  private contacts(fullName: string): Pick<ParticipantPlan, "email" | "phone" | "pengkinianStatus"> {
    const f = this.faker;
    const pengkinianStatus = f.helpers.weightedArrayElement(PENGKINIAN_WEIGHTS);
    const contactKnown = pengkinianStatus !== "BELUM";
    const email = contactKnown || f.datatype.boolean(0.5) ? this.email(fullName) : null;
    const phone = contactKnown || f.datatype.boolean(0.8) ? this.phone() : null;
    return { email, phone, pengkinianStatus };
  }

  /**
   * The attempt behind a status other than BELUM: submitted on a day from 2021 (and after the first card) until
   * yesterday; a DIAJUKAN one yesterday, still waiting for the verifier (the server's worker decides it).
   */
  private pengkinianOf(plan: ParticipantPlan, homeDistrict: string): SeedPengkinian | null {
    const status = plan.pengkinianStatus;
    if (status !== "TERVERIFIKASI" && status !== "DITOLAK" && status !== "DIAJUKAN") return null;
    const yesterday = toEpochDay(addDays(this.today, -1));
    const firstCard = plan.cards[0]?.registeredAt ?? this.today;
    const from = Math.min(yesterday, toEpochDay(firstCard > PENGKINIAN_SINCE ? firstCard : PENGKINIAN_SINCE));
    const submittedOn = status === "DIAJUKAN" ? yesterday : this.profileFaker.number.int({ min: from, max: yesterday });
    const subject: ProfileSubject = {
      fullName: plan.fullName,
      gender: plan.gender,
      birthDate: plan.birthDate,
      nationality: plan.nationality,
      passportCountry: plan.passportCountry,
      passportNumber: plan.passportNumber,
      nik: plan.nik,
      phone: plan.phone,
      email: plan.email,
      homeDistrict,
    };
    return this.profiles.attempt(subject, status, fromEpochDay(submittedOn));
  }

  /** A district of a province drawn by population. */
  private populatedDistrict(): DistrictArea {
    return this.districtIn(this.faker.helpers.weightedArrayElement(this.provinceWeights));
  }

  /** Within a province every district is equally likely (idn-area-data has no population below the province). */
  private districtIn(province: string): DistrictArea {
    return this.faker.helpers.arrayElement(this.districtsByProvince.get(province)!);
  }

  /** Aged `min` to `max` on `today`. */
  private birthDate(min: number, max: number): string {
    const oldest = toEpochDay(addDays(addYears(this.today, -(max + 1)), 1));
    const youngest = toEpochDay(addYears(this.today, -min));
    return fromEpochDay(this.faker.number.int({ min: oldest, max: youngest }));
  }

  /**
   * A serial drawn as Dukcapil's counts fall (mostly low: NIK_SERIAL_BUCKETS); when taken, the next free one up. The
   * serial counts per district and birth date (day + 40 for women), so the NIK stays unique.
   */
  private allocateNik(districtCode: string, birthDate: string, gender: Gender): string {
    const [low, high] = this.faker.helpers.weightedArrayElement(NIK_SERIAL_BUCKETS);
    const drawn = this.faker.number.int({ min: low, max: high });
    for (let i = 0; i < 9999; i += 1) {
      const serial = ((drawn - 1 + i) % 9999) + 1;
      const nik = nikFor(districtCode, birthDate, gender, serial);
      if (!this.usedNiks.has(nik)) {
        this.usedNiks.add(nik);
        return nik;
      }
    }
    throw new Error(`no NIK serial left for ${districtCode} ${birthDate}`);
  }

  /** One, two or three names as on a KTP: no titles, and never the same word twice. */
  private indonesianName(gender: Gender, f: Faker = this.faker): string {
    const sex = gender === "PEREMPUAN" ? "female" : "male";
    const shape = f.helpers.weightedArrayElement([
      { weight: 10, value: 1 },
      { weight: 75, value: 2 },
      { weight: 15, value: 3 },
    ]);
    const words = [f.person.firstName(sex)];
    if (shape === 3) words.push(f.person.firstName(sex));
    if (shape >= 2) words.push(f.person.lastName(sex));
    return [...new Set(words)].join(" ");
  }

  private email(fullName: string): string {
    const f = this.faker;
    const words = fullName.split(" ").map(slug).filter(Boolean);
    const nameParts = words.length > 1 ? [words[0], words.at(-1)] : words;
    const separator = f.helpers.arrayElement([".", "_", ""]);
    const digits = f.datatype.boolean(0.4) ? String(f.number.int({ min: 1, max: 99 })) : "";
    const local = `${nameParts.join(separator) || "peserta"}${digits}`;
    const domain = f.helpers.arrayElement(EMAIL_DOMAINS);
    // Two people with the same name would clash: number them rather than draw again (keeps names visible).
    let candidate = `${local}@${domain}`;
    for (let n = 2; this.usedEmails.has(candidate); n += 1) candidate = `${local}${n}@${domain}`;
    this.usedEmails.add(candidate);
    return candidate;
  }

  /** E.164, 11 or 12 digits in the local 08… form. */
  private phone(): string {
    const f = this.faker;
    return this.unique(this.usedPhones, () => {
      const prefix = f.helpers.arrayElement(MOBILE_PREFIXES);
      return `+628${prefix}${f.string.numeric({ length: { min: 7, max: 8 }, allowLeadingZeros: true })}`;
    });
  }

  // ----- cards -----

  /**
   * One card per job, oldest first, registered between the 18th birthday (or `floor`) and today. Only the latest may
   * be AKTIF; each earlier one stopped after it was registered and before the next one was, mostly shortly before
   * (JOB_CHANGE_GAP_DAYS). A person who was an adult at `floor` was a member already with the chance `longStanding`:
   * their first card dates from the floor's first year.
   */
  private career(
    birthDate: string,
    pool: ReadonlyArray<EmployerPlan>,
    floor: string,
    counts: ReadonlyArray<{ weight: number; value: number }>,
    segment: CardRow["segment"] | null,
    longStanding: number,
  ): CardPlan[] {
    const adult = addYears(birthDate, 18);
    const start = toEpochDay(adult > floor ? adult : floor);
    const end = toEpochDay(this.today);
    const wanted = this.faker.helpers.weightedArrayElement(counts);
    // Someone who turned 18 last week has room for one card only.
    const count = Math.min(wanted, 1 + Math.floor((end - start) / MIN_DAYS_BETWEEN_CARDS));
    const member = adult <= floor && this.faker.datatype.boolean(longStanding);
    let registrations: number[];
    if (member) {
      const first = this.drawDay(start, Math.min(start + 364, end - (count - 1) * MIN_DAYS_BETWEEN_CARDS));
      registrations = [first, ...this.spacedDays(first + MIN_DAYS_BETWEEN_CARDS, end, count - 1, MIN_DAYS_BETWEEN_CARDS)];
    } else {
      registrations = this.spacedDays(start, end, count, MIN_DAYS_BETWEEN_CARDS);
    }
    let previousEmployer: string | null = null;
    return registrations.map((registered, i) => {
      const next = registrations[i + 1];
      const nonaktifSince = next === undefined ? this.latestCardEnd(registered, end) : this.jobChange(registered, next);
      const card = this.card(fromEpochDay(registered), nonaktifSince, pool, previousEmployer, segment);
      previousEmployer = card.employerNpp ?? previousEmployer;
      return card;
    });
  }

  /** The day a card stopped, when the next one was registered on `next`: a gap drawn from JOB_CHANGE_GAP_DAYS. */
  private jobChange(registered: number, next: number): number {
    const [low, high] = this.faker.helpers.weightedArrayElement(JOB_CHANGE_GAP_DAYS);
    const gap = this.faker.number.int({ min: low, max: high });
    return Math.max(registered + 1, next - gap);
  }

  /** `count` sorted days in [start, end], consecutive ones at least `gap` apart (uniform over such sets). */
  private spacedDays(start: number, end: number, count: number, gap: number): number[] {
    const slack = end - start - (count - 1) * gap;
    const offsets = Array.from({ length: count }, () => this.faker.number.int({ min: 0, max: slack }));
    return offsets.sort((a, b) => a - b).map((offset, i) => start + offset + i * gap);
  }

  /** The latest card is AKTIF, or stopped at some day after its registration; null means AKTIF. */
  private latestCardEnd(registered: number, end: number): number | null {
    if (registered >= end) return null;
    return this.faker.datatype.boolean(LATEST_CARD_AKTIF) ? null : this.drawDay(registered + 1, end);
  }

  private drawDay(min: number, max: number): number {
    return this.faker.number.int({ min, max });
  }

  private card(
    registeredAt: string,
    nonaktifDay: number | null,
    pool: ReadonlyArray<EmployerPlan>,
    previousEmployer: string | null,
    fixedSegment: CardRow["segment"] | null,
  ): CardPlan {
    const segment = fixedSegment ?? this.faker.helpers.weightedArrayElement(SEGMENT_WEIGHTS);
    return {
      linked: true,
      kpj: this.kpj(registeredAt),
      segment,
      status: nonaktifDay === null ? "AKTIF" : "NONAKTIF",
      employerNpp: this.employerFor(segment, pool, previousEmployer),
      registeredAt,
      nonaktifSince: nonaktifDay === null ? null : fromEpochDay(nonaktifDay),
    };
  }

  /** Wage earners and construction projects are registered by an employer; BPU and PMI members register themselves. */
  private employerFor(segment: CardRow["segment"], pool: ReadonlyArray<EmployerPlan>, previous: string | null): string | null {
    if (segment === "BPU" || segment === "PMI") return null;
    // A new card means a new job: not the employer of the card before.
    // Redrawing (rather than filtering the pool) keeps this cheap for a pool of many thousands.
    let employer = this.faker.helpers.arrayElement(pool);
    while (employer.npp === previous && pool.length > 1) employer = this.faker.helpers.arrayElement(pool);
    return employer.npp;
  }

  /** Eleven digits: the registration year's last two, then nine drawn ones. */
  private kpj(registeredAt: string): string {
    const yy = registeredAt.slice(2, 4);
    return this.unique(this.usedKpjs, () => `${yy}${this.faker.string.numeric({ length: 9, allowLeadingZeros: true })}`);
  }

  // ----- helpers -----

  /** Draws until the value is not taken yet, and takes it. */
  private unique(used: Set<string>, draw: () => string): string {
    for (let attempt = 0; attempt < MAX_DRAWS; attempt += 1) {
      const value = draw();
      if (!used.has(value)) {
        used.add(value);
        return value;
      }
    }
    throw new Error("could not draw a unique value");
  }
}

/** Lower-case ASCII letters and digits: "Ni'matul" → "nimatul", "Zoë" → "zoe". */
function slug(word: string): string {
  return word.normalize("NFD").toLowerCase().replace(/[^a-z0-9]/g, "");
}
