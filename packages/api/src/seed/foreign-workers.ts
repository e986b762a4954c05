// Foreign workers (WNA, tenaga kerja asing) of the demo data: where they come from, their names as their passports
// write them, and passport numbers of their country's form. Sources and decisions: docs/domain/demo-data.md.
//
// Names are lists written here rather than faker locales: faker's zh_CN, ja and ko give names in their own scripts
// (张伟, 佐藤, 김민준), while a passport's name line, and so the BPJS record, carries the Latin transliteration; its
// English lists also hold names given to both sexes, which made genders look wrong. Every given name below is given
// to one sex only, so a name always fits the gender on record.
import type { Faker } from "@faker-js/faker";
import type { Gender } from "./nik.ts";

export interface ForeignNationality {
  /** ISO 3166-1 alpha-2, as participants.passport_country stores it. */
  country: string;
  /** Foreign workers with a valid RPTKA from this country, September 2023 (Kemnaker; SECONDARY, see the docs). */
  workers: number;
  /** Family name first (China, Japan, Korea, Singapore) or last, as the passport and the person write it. */
  familyNameFirst: boolean;
  givenNames: Readonly<Record<Gender, readonly string[]>>;
  familyNames: readonly string[];
  /** Malay names carry the father's name after bin (son of) or binti (daughter of) instead of a family name. */
  patronymic?: Readonly<Record<Gender, string>>;
  birthPlaces: readonly string[];
  /** A passport number of the form this country issues (ASSUMED formats, see the docs). */
  passportNumber: (f: Faker) => string;
}

const digits = (f: Faker, n: number) => f.string.numeric({ length: n, allowLeadingZeros: true });
const letters = (f: Faker, n: number) => f.string.alpha({ length: n, casing: "upper" });
const oneOf = (f: Faker, s: string) => f.helpers.arrayElement([...s]);

export const FOREIGN_NATIONALITIES: ReadonlyArray<ForeignNationality> = [
  {
    country: "CN",
    workers: 57_738,
    familyNameFirst: true,
    givenNames: {
      LAKI_LAKI: ["Wei", "Qiang", "Lei", "Jun", "Yong", "Jie", "Tao", "Ming", "Chao", "Hao", "Peng", "Gang", "Jianguo", "Zhiwei", "Haitao", "Jianhua", "Dawei", "Zhiqiang"],
      PEREMPUAN: ["Fang", "Na", "Jing", "Xiuying", "Yan", "Juan", "Xia", "Ling", "Ting", "Xiaoyan", "Meiling", "Yuqing", "Huifang", "Lina", "Xiaohong", "Yuying"],
    },
    familyNames: ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma", "Zhu", "Hu", "Guo", "He", "Lin", "Gao", "Luo", "Zheng", "Liang"],
    birthPlaces: ["Beijing", "Shanghai", "Guangzhou", "Shenzhen", "Chengdu", "Wuhan", "Tianjin", "Nanjing", "Chongqing", "Xi'an", "Hangzhou", "Changsha"],
    // E and eight digits (e-passports from 2012), or E, a letter and seven digits (later series).
    passportNumber: (f) => (f.datatype.boolean() ? `E${digits(f, 8)}` : `E${oneOf(f, "ABCDEFGH")}${digits(f, 7)}`),
  },
  {
    country: "JP",
    workers: 11_803,
    familyNameFirst: true,
    givenNames: {
      LAKI_LAKI: ["Hiroshi", "Takashi", "Kenji", "Daisuke", "Takuya", "Kazuki", "Shota", "Yuto", "Haruto", "Kenta", "Naoki", "Satoshi", "Tatsuya", "Ryota"],
      PEREMPUAN: ["Yuko", "Keiko", "Akiko", "Yumi", "Ayaka", "Misaki", "Haruka", "Yui", "Sakura", "Megumi", "Emi", "Kaori", "Naoko", "Tomoko", "Mai"],
    },
    familyNames: ["Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito", "Yamamoto", "Nakamura", "Kobayashi", "Kato", "Yoshida", "Yamada", "Sasaki", "Matsumoto", "Inoue"],
    birthPlaces: ["Tokyo", "Osaka", "Nagoya", "Yokohama", "Sapporo", "Fukuoka", "Kobe", "Kyoto", "Sendai", "Hiroshima"],
    // Two letters and seven digits.
    passportNumber: (f) => `T${oneOf(f, "KRSZ")}${digits(f, 7)}`,
  },
  {
    country: "KR",
    workers: 11_735,
    familyNameFirst: true,
    givenNames: {
      LAKI_LAKI: ["Minjun", "Seojun", "Dohyun", "Jihoon", "Hyunwoo", "Junho", "Sungmin", "Donghyun", "Jaehyun", "Youngho", "Sangwoo", "Taehyun"],
      PEREMPUAN: ["Seoyeon", "Minji", "Soyeon", "Eunji", "Hyejin", "Jiyoung", "Yuna", "Sujin", "Hayoung", "Eunbi", "Seohyun"],
    },
    familyNames: ["Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han", "Shin", "Oh", "Seo"],
    birthPlaces: ["Seoul", "Busan", "Incheon", "Daegu", "Daejeon", "Gwangju", "Ulsan", "Suwon"],
    // M and eight digits, or (from December 2021) M, three digits, a letter and four digits.
    passportNumber: (f) => (f.datatype.boolean() ? `M${digits(f, 8)}` : `M${digits(f, 3)}${letters(f, 1)}${digits(f, 4)}`),
  },
  {
    country: "IN",
    workers: 6_321,
    familyNameFirst: false,
    givenNames: {
      LAKI_LAKI: ["Rahul", "Amit", "Rajesh", "Suresh", "Vikram", "Arjun", "Sanjay", "Anil", "Rohit", "Pradeep", "Manoj", "Deepak", "Ravi", "Karthik"],
      PEREMPUAN: ["Priya", "Anjali", "Sunita", "Pooja", "Neha", "Kavita", "Deepa", "Lakshmi", "Meera", "Divya", "Shalini", "Ritu", "Swati", "Aishwarya"],
    },
    familyNames: ["Sharma", "Patel", "Kumar", "Gupta", "Reddy", "Nair", "Iyer", "Mehta", "Rao", "Das", "Joshi", "Menon", "Verma"],
    birthPlaces: ["Mumbai", "New Delhi", "Bengaluru", "Chennai", "Kolkata", "Hyderabad", "Pune", "Ahmedabad", "Kochi", "Jaipur"],
    // A letter and seven digits.
    passportNumber: (f) => `${oneOf(f, "JKLMNPRSTUVWZ")}${digits(f, 7)}`,
  },
  {
    country: "MY",
    workers: 4_241,
    familyNameFirst: false,
    givenNames: {
      LAKI_LAKI: ["Ahmad Faiz", "Mohd Hafiz", "Azman", "Muhammad Syafiq", "Amirul", "Haziq", "Firdaus", "Khairul Anuar", "Zulkifli", "Faizal"],
      PEREMPUAN: ["Nurul Aina", "Siti Aisyah", "Nur Farhana", "Aminah", "Zarina", "Nor Azlina", "Aishah", "Farah Hanim", "Syazwani", "Nurul Hidayah"],
    },
    // The father's given name.
    familyNames: ["Ismail", "Hassan", "Abdullah", "Ibrahim", "Abdul Rahman", "Yusof", "Osman", "Hamzah", "Abdul Razak", "Aziz"],
    patronymic: { LAKI_LAKI: "bin", PEREMPUAN: "binti" },
    birthPlaces: ["Kuala Lumpur", "Johor Bahru", "Ipoh", "George Town", "Kota Kinabalu", "Kuching", "Melaka", "Shah Alam"],
    // A (Peninsular), H (Sabah) or K (Sarawak) and eight digits.
    passportNumber: (f) => `${oneOf(f, "AAAAHK")}${digits(f, 8)}`,
  },
  {
    country: "PH",
    workers: 3_824,
    familyNameFirst: false,
    givenNames: {
      LAKI_LAKI: ["Jose", "Juan Carlos", "Mark Anthony", "John Paul", "Miguel", "Rafael", "Paolo", "Jerome", "Christian", "Ramon"],
      PEREMPUAN: ["Maria Cristina", "Kristine", "Mary Grace", "Angelica", "Joy", "Camille", "Patricia", "Rowena", "Maricel", "Liza"],
    },
    familyNames: ["Santos", "Reyes", "Cruz", "Bautista", "Garcia", "Mendoza", "Dela Cruz", "Ramos", "Aquino", "Villanueva", "Castillo"],
    birthPlaces: ["Manila", "Quezon City", "Cebu City", "Davao City", "Iloilo City", "Baguio", "Makati"],
    // P, seven digits and a letter (from 2016).
    passportNumber: (f) => `P${digits(f, 7)}${oneOf(f, "ABC")}`,
  },
  {
    country: "US",
    workers: 2_728,
    familyNameFirst: false,
    givenNames: {
      LAKI_LAKI: ["James", "Michael", "Robert", "David", "William", "Christopher", "Daniel", "Matthew", "Andrew", "Joshua"],
      PEREMPUAN: ["Jennifer", "Emily", "Jessica", "Sarah", "Ashley", "Elizabeth", "Megan", "Rachel", "Laura", "Amanda"],
    },
    familyNames: ["Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor"],
    birthPlaces: ["New York", "Los Angeles", "Chicago", "Houston", "San Francisco", "Seattle", "Boston", "Denver"],
    // Nine digits, or (from 2021) a letter and eight digits.
    passportNumber: (f) => (f.datatype.boolean() ? digits(f, 9).replace(/^0/, "5") : `A${digits(f, 8)}`),
  },
  {
    country: "GB",
    workers: 2_293,
    familyNameFirst: false,
    givenNames: {
      LAKI_LAKI: ["Oliver", "George", "Harry", "Jack", "Thomas", "Samuel", "Edward", "Charles", "Henry", "Benjamin"],
      PEREMPUAN: ["Olivia", "Amelia", "Charlotte", "Emily", "Sophie", "Jessica", "Hannah", "Lucy", "Eleanor", "Grace"],
    },
    familyNames: ["Smith", "Jones", "Williams", "Taylor", "Davies", "Evans", "Roberts", "Walker", "Wright", "Robinson"],
    birthPlaces: ["London", "Manchester", "Birmingham", "Leeds", "Glasgow", "Liverpool", "Bristol", "Edinburgh"],
    // Nine digits.
    passportNumber: (f) => `${oneOf(f, "123456")}${digits(f, 8)}`,
  },
  {
    country: "AU",
    workers: 2_146,
    familyNameFirst: false,
    givenNames: {
      LAKI_LAKI: ["Jack", "Liam", "Noah", "Lachlan", "Cooper", "Mitchell", "Nathan", "Benjamin", "Ethan", "Lucas"],
      PEREMPUAN: ["Chloe", "Isla", "Mia", "Ruby", "Zoe", "Matilda", "Sienna", "Jasmine", "Georgia", "Hannah"],
    },
    familyNames: ["Smith", "Jones", "Williams", "Brown", "Wilson", "Taylor", "Nguyen", "Johnson", "Martin", "White"],
    birthPlaces: ["Sydney", "Melbourne", "Brisbane", "Perth", "Adelaide", "Canberra", "Hobart", "Darwin"],
    // One or two letters and seven digits.
    passportNumber: (f) => `${f.helpers.arrayElement(["N", "E", "PA", "PB", "RA"])}${digits(f, 7)}`,
  },
  {
    country: "SG",
    workers: 1_543,
    familyNameFirst: true,
    givenNames: {
      LAKI_LAKI: ["Wei Ming", "Jun Jie", "Kok Wai", "Boon Keng", "Zhi Hao", "Wei Liang", "Chee Keong", "Jia Hao"],
      PEREMPUAN: ["Hui Min", "Mei Ling", "Xin Yi", "Li Ting", "Shu Fen", "Pei Shan", "Siew Ling", "Jia Ying"],
    },
    familyNames: ["Tan", "Lim", "Lee", "Ng", "Ong", "Wong", "Goh", "Chua", "Chan", "Koh", "Teo"],
    birthPlaces: ["Singapura"],
    // K or E, seven digits and a letter.
    passportNumber: (f) => `${oneOf(f, "EK")}${digits(f, 7)}${letters(f, 1)}`,
  },
];

/**
 * Men and women among foreign workers in 2023: 144,334 and 23,714 (Kemnaker data compiled by BPS; databoks,
 * SECONDARY), so about 86% men.
 */
export const FOREIGN_WORKER_MEN_SHARE = 144_334 / (144_334 + 23_714);

export function nationalityOf(country: string): ForeignNationality | undefined {
  return FOREIGN_NATIONALITIES.find((n) => n.country === country);
}

/** The full name as the passport writes it (in the case people write it): "Zhang Wei", "Nurul Aina binti Hassan". */
export function foreignName(f: Faker, nationality: ForeignNationality, gender: Gender): string {
  const given = f.helpers.arrayElement(nationality.givenNames[gender]);
  const family = f.helpers.arrayElement(nationality.familyNames);
  if (nationality.patronymic) return `${given} ${nationality.patronymic[gender]} ${family}`;
  return nationality.familyNameFirst ? `${family} ${given}` : `${given} ${family}`;
}

/** The given name(s) of a name foreignName wrote for this nationality, or null when it is not one of its forms. */
export function givenNameOf(nationality: ForeignNationality, fullName: string): string | null {
  for (const family of nationality.familyNames) {
    if (nationality.patronymic) {
      for (const word of Object.values(nationality.patronymic)) {
        const suffix = ` ${word} ${family}`;
        if (fullName.endsWith(suffix)) return fullName.slice(0, -suffix.length);
      }
    } else if (nationality.familyNameFirst && fullName.startsWith(`${family} `)) {
      return fullName.slice(family.length + 1);
    } else if (!nationality.familyNameFirst && fullName.endsWith(` ${family}`)) {
      return fullName.slice(0, -family.length - 1);
    }
  }
  return null;
}
