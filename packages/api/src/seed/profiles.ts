// What a participant entered in pengkinian data (address, bank account, family, emergency contact…), for the demo
// participants who submitted one. A verified attempt is written to the participant's record by demo-data.ts exactly
// as the verifier writes it (profileChanges), so the record and the attempt always agree.
//
// Every value passes the validators pengkinian uses (modules/reference/validators.ts); the distributions are
// ASSUMED unless docs/domain/demo-data.md names a source.
import type { Faker } from "@faker-js/faker";
import { PengkinianRejection } from "@jmo/schema";
import type { DataKependudukanDraft, DataKontakDraft, DataTambahanDraft, FamilyMemberDraft } from "../modules/pengkinian/pengkinian.table.ts";
import { BANKS, type BankInfo } from "../modules/reference/banks.ts";
import { validateKodePos } from "../modules/reference/validators.ts";
import type { WilayahEntry } from "../modules/reference/wilayah.ts";
import type { VillageArea } from "./areas.ts";
import { addDays, addYears, fromEpochDay, toEpochDay } from "./calendar.ts";
import { foreignName, nationalityOf } from "./foreign-workers.ts";
import type { Gender } from "./nik.ts";

export type SeedPengkinianStatus = "TERVERIFIKASI" | "DITOLAK" | "DIAJUKAN";

/** One pengkinian attempt as the pengkinian table keeps it. */
export interface SeedPengkinian {
  status: SeedPengkinianStatus;
  dataKontak: DataKontakDraft;
  dataKependudukan: DataKependudukanDraft;
  dataTambahan: DataTambahanDraft;
  /** ISO timestamps: the draft opened, was submitted (with consent), and was decided (null while DIAJUKAN). */
  startedAt: string;
  submittedAt: string;
  decidedAt: string | null;
  rejectionReason: PengkinianRejection | null;
}

/** The person a profile is made for. */
export interface ProfileSubject {
  fullName: string;
  gender: Gender;
  birthDate: string;
  nationality: "WNI" | "WNA";
  passportCountry: string | null;
  passportNumber: string | null;
  nik: string;
  phone: string | null;
  email: string | null;
  /** The district (six digits) they live in: the NIK's, or where they moved to. */
  homeDistrict: string;
}

/** The verifier's delay in the sandbox (PENGKINIAN_VERIFY_DELAY_SECONDS default). */
const VERIFY_DELAY_SECONDS = 10;

// Payouts go mostly to the four partner banks (paid in real time); ASSUMED shares.
const BANK_WEIGHTS: ReadonlyArray<{ weight: number; value: string }> = [
  { weight: 30, value: "002" }, // BRI
  { weight: 20, value: "008" }, // Mandiri
  { weight: 15, value: "009" }, // BNI
  { weight: 20, value: "014" }, // BCA
  { weight: 6, value: "451" }, // BSI
  { weight: 4, value: "200" }, // BTN
  { weight: 3, value: "022" }, // CIMB Niaga
  { weight: 2, value: "011" }, // Danamon
];
const FOREIGN_BANK_WEIGHTS: ReadonlyArray<{ weight: number; value: string }> = [
  { weight: 35, value: "014" },
  { weight: 25, value: "008" },
  { weight: 15, value: "022" },
  { weight: 15, value: "028" }, // OCBC
  { weight: 10, value: "046" }, // DBS
];

const EDUCATION_WEIGHTS = [
  { weight: 12, value: "SD" },
  { weight: 15, value: "SMP" },
  { weight: 45, value: "SMA" },
  { weight: 3, value: "D1" },
  { weight: 6, value: "D3" },
  { weight: 16, value: "S1" },
  { weight: 3, value: "S2" },
] as const;
const FOREIGN_EDUCATION_WEIGHTS = [
  { weight: 10, value: "SMA" },
  { weight: 10, value: "D3" },
  { weight: 55, value: "S1" },
  { weight: 22, value: "S2" },
  { weight: 3, value: "S3" },
] as const;

type Religion = "ISLAM" | "KRISTEN" | "KATOLIK" | "HINDU" | "BUDDHA" | "KONGHUCU" | "KEPERCAYAAN";
type Weights<T> = ReadonlyArray<{ weight: number; value: T }>;
const w = <T>(pairs: Array<[T, number]>): Weights<T> => pairs.map(([value, weight]) => ({ value, weight }));

// Approximate shares (ASSUMED, rounded from the census pattern): national, and the provinces where Islam is not the
// majority.
const RELIGION_NATIONAL = w<Religion>([["ISLAM", 870], ["KRISTEN", 74], ["KATOLIK", 31], ["HINDU", 17], ["BUDDHA", 7], ["KONGHUCU", 1]]);
const RELIGION_BY_PROVINCE: Record<string, Weights<Religion>> = {
  "51": w([["HINDU", 86], ["ISLAM", 10], ["KRISTEN", 2], ["KATOLIK", 1], ["BUDDHA", 1]]),
  "53": w([["KATOLIK", 54], ["KRISTEN", 35], ["ISLAM", 10], ["HINDU", 1]]),
  "71": w([["KRISTEN", 63], ["ISLAM", 31], ["KATOLIK", 5], ["HINDU", 1]]),
  "81": w([["ISLAM", 51], ["KRISTEN", 42], ["KATOLIK", 7]]),
  ...Object.fromEntries(["91", "92", "93", "94", "95", "96"].map((p) => [p, w<Religion>([["KRISTEN", 64], ["KATOLIK", 16], ["ISLAM", 20]])])),
};
const RELIGION_BY_COUNTRY: Record<string, Weights<Religion>> = {
  CN: w([["BUDDHA", 60], ["KRISTEN", 20], ["KONGHUCU", 12], ["KATOLIK", 8]]),
  JP: w([["BUDDHA", 75], ["KRISTEN", 15], ["KATOLIK", 10]]),
  KR: w([["KRISTEN", 45], ["BUDDHA", 35], ["KATOLIK", 20]]),
  IN: w([["HINDU", 80], ["ISLAM", 12], ["KRISTEN", 8]]),
  MY: w([["ISLAM", 1]]),
  PH: w([["KATOLIK", 82], ["KRISTEN", 12], ["ISLAM", 6]]),
  SG: w([["BUDDHA", 45], ["KRISTEN", 30], ["KATOLIK", 10], ["KONGHUCU", 15]]),
};
const RELIGION_WESTERN = w<Religion>([["KRISTEN", 60], ["KATOLIK", 40]]);

const BLOOD_TYPES = w([["O", 37], ["B", 28], ["A", 25], ["AB", 6], ["TIDAK_TAHU", 4]] as Array<["O" | "B" | "A" | "AB" | "TIDAK_TAHU", number]>);

const STREETS = ["Merdeka", "Sudirman", "Diponegoro", "Gatot Subroto", "Ahmad Yani", "Kartini", "Pemuda", "Veteran", "Pahlawan",
  "Imam Bonjol", "Hasanuddin", "Gajah Mada", "Hayam Wuruk", "Teuku Umar", "Pattimura", "Cut Nyak Dien", "Dewi Sartika",
  "Ki Hajar Dewantara", "Melati", "Mawar", "Kenanga", "Anggrek", "Flamboyan", "Cempaka", "Dahlia", "Kamboja", "Nangka",
  "Mangga", "Rambutan", "Kelapa Gading", "Cendana", "Beringin", "Cemara", "Pinang", "Sawo", "Jambu", "Manggis", "Salak"];
const HOUSING = ["Griya", "Puri", "Taman", "Bumi", "Permata", "Villa", "Graha"];
const HOUSING_NAMES = ["Asri", "Indah", "Lestari", "Permai", "Harapan", "Sejahtera", "Mas", "Hijau", "Kencana", "Mulia"];

/** Draws pengkinian data for a person; own faker, so adding or changing it does not move any other draw. */
export class ProfileGenerator {
  private readonly zoneByProvince = new Map<string, string[]>();

  constructor(
    private readonly f: Faker,
    private readonly villages: ReadonlyMap<string, ReadonlyArray<VillageArea>>,
    private readonly today: string,
    /** A Latin-script Indonesian name of that gender (the dataset's own name drawer). */
    private readonly indonesianName: (gender: Gender) => string,
  ) {}

  /**
   * An attempt that reached submission on `submittedOn` (a date): TERVERIFIKASI and DIAJUKAN carry the person's data;
   * DITOLAK carries the gender entered wrongly, which the verifier refuses (NIK_JENIS_KELAMIN_TIDAK_SESUAI).
   */
  attempt(s: ProfileSubject, status: SeedPengkinianStatus, submittedOn: string): SeedPengkinian {
    const f = this.f;
    const village = this.village(s.homeDistrict);
    const address = this.street();
    const maritalStatus = this.maritalStatus(s.birthDate);
    const spouse: FamilyMemberDraft | null = maritalStatus === "KAWIN" ? this.spouse(s) : null;
    const children = maritalStatus === "BELUM_KAWIN" ? [] : this.children(s);
    const dataKontak: DataKontakDraft = {
      phone: s.phone,
      email: s.email,
      // Since July 2024 a resident's NPWP is their NIK (PMK 112/2022); not everyone has one.
      npwp: s.nationality === "WNI" && f.datatype.boolean(0.4) ? s.nik : null,
      passportNumber: s.passportNumber,
      bankAccount: this.bankAccount(s),
    };
    const dataKependudukan: DataKependudukanDraft = {
      gender: status === "DITOLAK" ? (s.gender === "LAKI_LAKI" ? "PEREMPUAN" : "LAKI_LAKI") : s.gender,
      villageCode: village.code,
      kodePos: this.kodePos(village),
      address,
      motherMaidenName: this.motherName(s),
      maritalStatus,
      spouse,
      children,
      wilayah: { kelurahan: village.kelurahan, kecamatan: village.kecamatan, kabupaten: village.kabupaten, provinsi: village.provinsi },
    };
    const dataTambahan: DataTambahanDraft = {
      education: f.helpers.weightedArrayElement(s.nationality === "WNA" ? FOREIGN_EDUCATION_WEIGHTS : EDUCATION_WEIGHTS),
      religion: f.helpers.weightedArrayElement(this.religionWeights(s)),
      bloodType: f.helpers.weightedArrayElement(BLOOD_TYPES),
      emergencyContact: this.emergencyContact(s, spouse, address, village),
    };
    // Filling the form takes a few minutes; the decision follows the verifier's delay.
    const started = new Date(`${submittedOn}T${String(f.number.int({ min: 0, max: 13 })).padStart(2, "0")}:${String(f.number.int({ min: 0, max: 59 })).padStart(2, "0")}:00Z`);
    const submitted = new Date(started.getTime() + f.number.int({ min: 4, max: 25 }) * 60_000);
    const decided = status === "DIAJUKAN" ? null : new Date(submitted.getTime() + VERIFY_DELAY_SECONDS * 1000);
    return {
      status,
      dataKontak,
      dataKependudukan,
      dataTambahan,
      startedAt: started.toISOString(),
      submittedAt: submitted.toISOString(),
      decidedAt: decided?.toISOString() ?? null,
      rejectionReason: status === "DITOLAK" ? PengkinianRejection.NIK_JENIS_KELAMIN_TIDAK_SESUAI : null,
    };
  }

  private village(district: string): VillageArea {
    const list = this.villages.get(district);
    if (!list?.length) throw new Error(`no villages for district ${district}`);
    return this.f.helpers.arrayElement(list);
  }

  /** "Jl. Melati No. 12 RT 003/RW 005", a housing estate's block, or a gang. */
  private street(): string {
    const f = this.f;
    const rtRw = `RT ${String(f.number.int({ min: 1, max: 15 })).padStart(3, "0")}/RW ${String(f.number.int({ min: 1, max: 12 })).padStart(3, "0")}`;
    return f.helpers.weightedArrayElement([
      { weight: 70, value: () => `Jl. ${f.helpers.arrayElement(STREETS)} No. ${f.number.int({ min: 1, max: 180 })} ${rtRw}` },
      { weight: 15, value: () => `Gg. ${f.helpers.arrayElement(STREETS)} No. ${f.number.int({ min: 1, max: 60 })} ${rtRw}` },
      {
        weight: 15,
        value: () =>
          `Perum ${f.helpers.arrayElement(HOUSING)} ${f.helpers.arrayElement(HOUSING_NAMES)} Blok ${f.string.alpha({ length: 1, casing: "upper" })}${f.number.int({ min: 1, max: 12 })} No. ${f.number.int({ min: 1, max: 40 })} ${rtRw}`,
      },
    ])();
  }

  /**
   * idn-area-data has no postal codes: the first digit is one of the province's postal zone (the validator's table),
   * the next two are the district's (so a kecamatan's villages share them), the last two are drawn. Not real codes.
   */
  private kodePos(village: VillageArea): string {
    const province = village.code.slice(0, 2);
    let zones = this.zoneByProvince.get(province);
    if (!zones) {
      const probe = { villageCode: village.code, provinsi: village.provinsi } as WilayahEntry;
      zones = [..."123456789"].filter((d) => validateKodePos(`${d}0110`, probe) === null);
      this.zoneByProvince.set(province, zones);
    }
    const district = Number(village.code.slice(4, 6));
    return `${this.f.helpers.arrayElement(zones)}${String(district % 100).padStart(2, "0")}${this.f.number.int({ min: 10, max: 99 })}`;
  }

  private bankAccount(s: ProfileSubject): { bankCode: string; accountNumber: string; accountName: string } {
    const f = this.f;
    const code = f.helpers.weightedArrayElement(s.nationality === "WNA" ? FOREIGN_BANK_WEIGHTS : BANK_WEIGHTS);
    const bank = BANKS.find((b) => b.code === code) as BankInfo;
    const { min, max } = bank.accountNumberLength;
    const length = f.number.int({ min, max: Math.min(max, Math.max(min, 13)) });
    // In the person's own name (seed 000), as the bank writes it.
    return { bankCode: bank.code, accountNumber: f.string.numeric({ length, allowLeadingZeros: false }), accountName: s.fullName };
  }

  /** By age: most people under 25 are unmarried, most over 35 married (ASSUMED shares). */
  private maritalStatus(birthDate: string): "BELUM_KAWIN" | "KAWIN" | "CERAI_HIDUP" | "CERAI_MATI" {
    const age = (toEpochDay(this.today) - toEpochDay(birthDate)) / 365.25;
    if (age < 25) return this.f.helpers.weightedArrayElement([{ weight: 75, value: "BELUM_KAWIN" }, { weight: 25, value: "KAWIN" }]);
    if (age < 35) return this.f.helpers.weightedArrayElement([{ weight: 33, value: "BELUM_KAWIN" }, { weight: 63, value: "KAWIN" }, { weight: 4, value: "CERAI_HIDUP" }]);
    return this.f.helpers.weightedArrayElement([
      { weight: 8, value: "BELUM_KAWIN" },
      { weight: 82, value: "KAWIN" },
      { weight: 6, value: "CERAI_HIDUP" },
      { weight: 4, value: "CERAI_MATI" },
    ]);
  }

  private otherGender(g: Gender): Gender {
    return g === "LAKI_LAKI" ? "PEREMPUAN" : "LAKI_LAKI";
  }

  private nameOf(s: ProfileSubject, gender: Gender): string {
    const nationality = s.passportCountry ? nationalityOf(s.passportCountry) : undefined;
    return nationality ? foreignName(this.f, nationality, gender) : this.indonesianName(gender);
  }

  /** Within five years of the participant's age, and an adult today. */
  private spouse(s: ProfileSubject): FamilyMemberDraft {
    const born = toEpochDay(s.birthDate) + this.f.number.int({ min: -5 * 365, max: 5 * 365 });
    const latest = toEpochDay(addYears(this.today, -18));
    return { name: this.nameOf(s, this.otherGender(s.gender)), birthDate: fromEpochDay(Math.min(born, latest)) };
  }

  /** None to three, born from the parent's 21st birthday until yesterday, oldest first. */
  private children(s: ProfileSubject): FamilyMemberDraft[] {
    const from = toEpochDay(addYears(s.birthDate, 21));
    const to = toEpochDay(addDays(this.today, -1));
    if (from > to) return [];
    const count = this.f.helpers.weightedArrayElement([
      { weight: 20, value: 0 },
      { weight: 30, value: 1 },
      { weight: 35, value: 2 },
      { weight: 15, value: 3 },
    ]);
    const days = Array.from({ length: count }, () => this.f.number.int({ min: from, max: to })).sort((a, b) => a - b);
    return days.map((day) => ({ name: this.nameOf(s, this.f.helpers.arrayElement(["LAKI_LAKI", "PEREMPUAN"] as const)), birthDate: fromEpochDay(day) }));
  }

  private motherName(s: ProfileSubject): string {
    return this.nameOf(s, "PEREMPUAN");
  }

  private religionWeights(s: ProfileSubject): Weights<Religion> {
    if (s.passportCountry) return RELIGION_BY_COUNTRY[s.passportCountry] ?? RELIGION_WESTERN;
    return RELIGION_BY_PROVINCE[s.nik.slice(0, 2)] ?? RELIGION_NATIONAL;
  }

  /** The spouse at home, or a parent or sibling elsewhere. */
  private emergencyContact(s: ProfileSubject, spouse: FamilyMemberDraft | null, address: string, village: VillageArea): DataTambahanDraft["emergencyContact"] {
    const f = this.f;
    const phone = `+628${f.helpers.arrayElement(["12", "13", "21", "52", "57", "77", "78", "81", "95", "96"])}${f.string.numeric({ length: 8, allowLeadingZeros: true })}`;
    if (spouse) {
      return { name: spouse.name, phone, address: `${address}, ${village.kelurahan}`, relationship: s.gender === "LAKI_LAKI" ? "ISTRI" : "SUAMI" };
    }
    if (s.nationality === "WNA") {
      // Family abroad: a colleague or friend in the same town answers.
      const gender = f.helpers.arrayElement(["LAKI_LAKI", "PEREMPUAN"] as const);
      return { name: this.indonesianName(gender), phone, address: `${this.street()}, ${village.kabupaten}`, relationship: "LAINNYA" };
    }
    const relationship = f.helpers.arrayElement(["IBU", "AYAH", "SAUDARA_KANDUNG"] as const);
    const gender: Gender = relationship === "IBU" ? "PEREMPUAN" : relationship === "AYAH" ? "LAKI_LAKI" : f.helpers.arrayElement(["LAKI_LAKI", "PEREMPUAN"] as const);
    // Family often lives in the home town of the NIK, which may not be where the person lives now.
    const other = this.village(s.nik.slice(0, 6));
    return { name: this.indonesianName(gender), phone, address: `${this.street()}, ${other.kelurahan}, ${other.kabupaten}`, relationship };
  }
}
