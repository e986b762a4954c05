// The official administrative areas (provinsi > kabupaten/kota > kecamatan > kelurahan/desa) from idn-area-data,
// held in memory and searched by a typed fragment of a name: the location picker of pengkinian data (seed 000).
//
// The package has no postal codes, so a kode pos is checked against its province's postal zone only
// (validators.ts, validateKodePos).
import { getProvinces, getRegencies, getVillages } from "idn-area-data";
import { loadDistricts, placeName } from "../../seed/areas.ts";

export interface WilayahEntry {
  /** 10 digits, no dots: province (2), regency (2), district (2), village (4). */
  villageCode: string;
  kelurahan: string;
  kecamatan: string;
  /** As the regency is officially named: "Kota Bandung", "Kabupaten Bandung". */
  kabupaten: string;
  provinsi: string;
  /** 6 digits: the district (kecamatan), which is also a NIK's first six digits. */
  districtCode: string;
}

/** Terms shorter than this (letters and digits, spaces not counted) give no results: a picker asks as you type. */
export const WILAYAH_MIN_TERM_LENGTH = 3;
/** Longer terms are refused (BAD_USER_INPUT at the resolver): no real name is this long. */
export const WILAYAH_MAX_TERM_LENGTH = 100;
export const WILAYAH_DEFAULT_FIRST = 20;
export const WILAYAH_MAX_FIRST = 50;
/** Words beyond this are ignored; each word costs one scan of the names. */
const MAX_WORDS = 6;

/** Lower case, without accents or apostrophes, every other non-alphanumeric run as one space. */
export function normalizeName(value: string): string {
  return value
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’`]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

// Match levels of a word against one name; lower is better.
const EXACT = 0; // the whole name ("dago" ~ "Dago")
const PREFIX = 1; // the start of the name ("dag" ~ "Dagouto")
const WORD_PREFIX = 2; // the start of a later word ("kaler" ~ "Sukamaju Kaler")
const INSIDE = 3; // anywhere else ("blong" ~ "Coblong")
const NONE = 255;

/**
 * One column of names, searched with indexOf over a single string ("\nname\nname\n…") instead of one test per
 * name: the engine's substring search skips through the 2 MB of village names in well under a millisecond.
 */
class NameColumn {
  private readonly text: string;
  private readonly starts: Int32Array;
  private readonly lengths: Int32Array;
  readonly size: number;

  constructor(names: readonly string[]) {
    this.size = names.length;
    this.starts = new Int32Array(names.length);
    this.lengths = new Int32Array(names.length);
    let offset = 1;
    names.forEach((name, i) => {
      this.starts[i] = offset;
      this.lengths[i] = name.length;
      offset += name.length + 1;
    });
    this.text = `\n${names.join("\n")}\n`;
  }

  /** levels[i] = the best level at which `word` (no spaces) occurs in name i, NONE where it does not. */
  match(word: string, levels: Uint8Array): void {
    levels.fill(NONE);
    const { text, starts, lengths } = this;
    for (let at = text.indexOf(word, 1); at !== -1; at = text.indexOf(word, at + 1)) {
      const i = this.indexAt(at);
      const start = starts[i]!;
      const level =
        at === start ? (lengths[i] === word.length ? EXACT : PREFIX) : text.charCodeAt(at - 1) === 32 ? WORD_PREFIX : INSIDE;
      if (level < levels[i]!) levels[i] = level;
    }
  }

  /** The name that contains text position `at` (the last start ≤ at). */
  private indexAt(at: number): number {
    let lo = 0;
    let hi = this.size - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

interface WilayahIndex {
  entries: WilayahEntry[];
  byCode: Map<string, WilayahEntry>;
  villageNames: NameColumn;
  districtNames: NameColumn;
  /** "bandung" for "Kota Bandung", so that typing the place matches a whole name. */
  regencyPlaceNames: NameColumn;
  /** "kota bandung": "kota"/"kabupaten" still narrow. */
  regencyFullNames: NameColumn;
  provinceNames: NameColumn;
  /** Per village: index of its district; per district: of its regency; per regency: of its province. */
  villageDistrict: Int32Array;
  districtRegency: Int32Array;
  regencyProvince: Int32Array;
}

// Province names people type that the official names do not contain.
const PROVINCE_ALIASES: Record<string, string> = { "31": "DKI Jakarta", "34": "DIY Jogja", "52": "NTB", "53": "NTT" };

let indexPromise: Promise<WilayahIndex> | undefined;

/**
 * Reads and indexes the areas once per process; every caller shares the read. The server does not call it at start:
 * the index (~45 MB) is built by the first query that needs it, which waits about half a second.
 */
export async function loadWilayah(): Promise<void> {
  await wilayahIndex();
}

function wilayahIndex(): Promise<WilayahIndex> {
  if (!indexPromise) {
    const pending = buildIndex();
    indexPromise = pending;
    // A failed read must not stick: the next caller tries again.
    pending.catch(() => {
      if (indexPromise === pending) indexPromise = undefined;
    });
  }
  return indexPromise;
}

async function buildIndex(): Promise<WilayahIndex> {
  const [provinces, regencies, districts, villages] = await Promise.all([
    getProvinces(),
    getRegencies(),
    loadDistricts(),
    getVillages(),
  ]);
  const digits = (code: string) => code.replaceAll(".", "");

  const provinceIndex = new Map(provinces.map((p, i) => [digits(p.code), i]));
  const regencyIndex = new Map(regencies.map((r, i) => [digits(r.code), i]));
  const districtIndex = new Map(districts.map((d, i) => [d.code, i]));

  const regencyProvince = Int32Array.from(regencies, (r) => lookup(provinceIndex, digits(r.province_code), r.code));
  const districtRegency = Int32Array.from(districts, (d) => lookup(regencyIndex, d.code.slice(0, 4), d.code));
  const villageDistrict = Int32Array.from(villages, (v) => lookup(districtIndex, digits(v.district_code), v.code));

  const entries = villages.map((v, i): WilayahEntry => {
    const d = villageDistrict[i]!;
    const r = districtRegency[d]!;
    return {
      villageCode: digits(v.code),
      kelurahan: v.name,
      kecamatan: districts[d]!.name,
      kabupaten: regencies[r]!.name,
      provinsi: provinces[regencyProvince[r]!]!.name,
      districtCode: districts[d]!.code,
    };
  });

  return {
    entries,
    byCode: new Map(entries.map((e) => [e.villageCode, e])),
    villageNames: new NameColumn(villages.map((v) => normalizeName(v.name))),
    districtNames: new NameColumn(districts.map((d) => normalizeName(d.name))),
    regencyPlaceNames: new NameColumn(regencies.map((r) => normalizeName(placeName(r.name)))),
    regencyFullNames: new NameColumn(regencies.map((r) => normalizeName(r.name))),
    provinceNames: new NameColumn(
      provinces.map((p) => normalizeName(`${p.name} ${PROVINCE_ALIASES[digits(p.code)] ?? ""}`)),
    ),
    villageDistrict,
    districtRegency,
    regencyProvince,
  };
}

function lookup(map: Map<string, number>, key: string, of: string): number {
  const index = map.get(key);
  if (index === undefined) throw new Error(`idn-area-data: no parent ${key} for ${of}`);
  return index;
}

/** The normalised term and its words, or null when it is too short to search. RangeError when it is too long. */
export function parseSearchTerm(term: string): { phrase: string; words: string[] } | null {
  if (term.length > WILAYAH_MAX_TERM_LENGTH) throw new RangeError(`search term longer than ${WILAYAH_MAX_TERM_LENGTH} characters`);
  const phrase = normalizeName(term);
  const words = phrase.split(" ").filter(Boolean);
  if (words.join("").length < WILAYAH_MIN_TERM_LENGTH) return null;
  // Longest first: the scarcest words cut the candidates soonest; duplicates add nothing.
  return { phrase, words: [...new Set(words)].sort((a, b) => b.length - a.length).slice(0, MAX_WORDS) };
}

/**
 * Villages whose kelurahan, kecamatan, kabupaten or provinsi names contain every word of `term` (case- and
 * accent-insensitive; "coblong bandung" narrows to Coblong in Kota Bandung).
 *
 * Ranking, best first: where the term matches, read per word as "tier": the kelurahan, then the kecamatan, then the
 * kabupaten, then the provinsi, each as the whole name, then the start of the name, then the start of a later word;
 * matches inside a word come after all of those. Several words are ranked first by the tier of the whole term as
 * one phrase ("jakarta selatan" puts Kota Jakarta Selatan before a kelurahan "Petojo Selatan" in Jakarta Pusat), then
 * by the best tier of any word, then by the sum over the words; ties keep the official village-code order, so equal
 * searches always give equal answers.
 *
 * A term with fewer than 3 letters or digits gives [] (a picker asks as the user types); a term over 100 characters
 * and `first` outside 1–50 throw RangeError (the resolver reports BAD_USER_INPUT).
 */
export async function searchWilayah(term: string, first: number = WILAYAH_DEFAULT_FIRST): Promise<WilayahEntry[]> {
  if (!Number.isInteger(first) || first < 1 || first > WILAYAH_MAX_FIRST) {
    throw new RangeError(`first must be an integer from 1 to ${WILAYAH_MAX_FIRST}`);
  }
  const parsed = parseSearchTerm(term);
  if (!parsed) return [];
  const index = await wilayahIndex();
  return rank(index, parsed.phrase, parsed.words, first).map((i) => index.entries[i]!);
}

// Tier of a word in one village: whole/start/word-start matches by field (kelurahan 0–2, kecamatan 3–5,
// kabupaten 6–8, provinsi 9–11), then matches inside a word by field (12–15); 16 = no match.
const TIERS = 16;
const NO_TIER = TIERS;
function tierOf(level: number, field: number): number {
  if (level === NONE) return NO_TIER;
  return level === INSIDE ? 12 + field : field * 3 + level;
}

// Ranking key = (phrase tier, best word tier, sum of word tiers), smaller first.
const SUMS = TIERS * MAX_WORDS + 1;
const KEYS = (TIERS + 1) * TIERS * SUMS;

/** Scratch arrays, reused: a search runs synchronously from start to end, so searches never share them. */
class Scratch {
  private readonly levels = new Map<NameColumn, Uint8Array>();
  readonly tiers: Uint8Array[] = [];
  private keyArray = new Int32Array(0);
  private readonly countArray = new Int32Array(KEYS);
  private readonly offsetArray = new Int32Array(KEYS);

  keys(n: number): Int32Array {
    if (this.keyArray.length !== n) this.keyArray = new Int32Array(n);
    return this.keyArray;
  }
  counts(): Int32Array {
    return this.countArray.fill(0);
  }
  offsets(): Int32Array {
    return this.offsetArray;
  }

  levelsOf(column: NameColumn, word: string): Uint8Array {
    let levels = this.levels.get(column);
    if (!levels) this.levels.set(column, (levels = new Uint8Array(column.size)));
    column.match(word, levels);
    return levels;
  }
}
const scratch = new Scratch();

/** out[i] = the tier of `word` in village i. Districts, regencies and provinces are folded down the tree first. */
function villageTiers(index: WilayahIndex, word: string, out: Uint8Array): void {
  const provinceLevels = scratch.levelsOf(index.provinceNames, word);
  const provinceTier = Uint8Array.from(provinceLevels, (level) => tierOf(level, 3));
  const placeLevels = scratch.levelsOf(index.regencyPlaceNames, word);
  const fullLevels = scratch.levelsOf(index.regencyFullNames, word);
  const regencyTier = new Uint8Array(index.regencyProvince.length);
  for (let r = 0; r < regencyTier.length; r++) {
    const own = tierOf(Math.min(placeLevels[r]!, fullLevels[r]!), 2);
    regencyTier[r] = Math.min(own, provinceTier[index.regencyProvince[r]!]!);
  }
  const districtLevels = scratch.levelsOf(index.districtNames, word);
  const districtTier = new Uint8Array(index.districtRegency.length);
  for (let d = 0; d < districtTier.length; d++) {
    districtTier[d] = Math.min(tierOf(districtLevels[d]!, 1), regencyTier[index.districtRegency[d]!]!);
  }
  const villageLevels = scratch.levelsOf(index.villageNames, word);
  const { villageDistrict } = index;
  for (let i = 0; i < out.length; i++) {
    out[i] = Math.min(tierOf(villageLevels[i]!, 0), districtTier[villageDistrict[i]!]!);
  }
}

function rank(index: WilayahIndex, phrase: string, words: string[], first: number): number[] {
  const n = index.entries.length;
  while (scratch.tiers.length < words.length + 1) scratch.tiers.push(new Uint8Array(n));
  const wordTiers = words.map((word, w) => {
    const tiers = scratch.tiers[w]!;
    villageTiers(index, word, tiers);
    return tiers;
  });
  let phraseTiers = wordTiers[0]!;
  if (words.length > 1) {
    phraseTiers = scratch.tiers[words.length]!;
    villageTiers(index, phrase, phraseTiers);
  }

  // keys[i] = -1 where some word does not match village i.
  const keys = scratch.keys(n);
  const counts = scratch.counts();
  const wordCount = wordTiers.length;
  for (let i = 0; i < n; i++) {
    let best: number = NO_TIER;
    let sum = 0;
    for (let w = 0; w < wordCount; w++) {
      const tier = wordTiers[w]![i]!;
      if (tier === NO_TIER) {
        best = -1;
        break;
      }
      if (tier < best) best = tier;
      sum += tier;
    }
    if (best < 0) {
      keys[i] = -1;
      continue;
    }
    const key = (phraseTiers[i]! * TIERS + best) * SUMS + sum;
    keys[i] = key;
    counts[key]!++;
  }

  // Stable top-`first` without sorting every match: find the cut-off key, then place villages in key order.
  const offsets = scratch.offsets();
  let total = 0;
  let lastKey = -1;
  for (let k = 0; k < counts.length && total < first; k++) {
    offsets[k] = total;
    total += counts[k]!;
    if (counts[k]) lastKey = k;
  }
  const size = Math.min(total, first);
  const result = new Array<number>(size);
  for (let i = 0; i < n; i++) {
    const k = keys[i]!;
    if (k < 0 || k > lastKey) continue;
    const slot = offsets[k]!++;
    if (slot < size) result[slot] = i;
  }
  return result;
}

/** The village with this 10-digit code (dots and spaces ignored), or undefined. */
export async function findVillage(villageCode: string): Promise<WilayahEntry | undefined> {
  const code = villageCode.replace(/[.\s]/g, "");
  if (!/^\d{10}$/.test(code)) return undefined;
  return (await wilayahIndex()).byCode.get(code);
}
