// The districts (kecamatan) of idn-area-data, which a NIK's first six digits must name.
import { getDistricts, getProvinces, getRegencies, getVillages } from "idn-area-data";

export interface DistrictArea {
  /** Six digits, without dots. */
  code: string;
  name: string;
  /** The regency or city as a birth place is written: "Kota Administrasi Jakarta Selatan" → "Jakarta Selatan". */
  placeName: string;
}

// Parsing the CSV files takes some tens of milliseconds; every caller in the process shares one read.
let districtsPromise: Promise<ReadonlyArray<DistrictArea>> | undefined;

/** All districts in the package's (stable, code) order. */
export function loadDistricts(): Promise<ReadonlyArray<DistrictArea>> {
  if (!districtsPromise) {
    const pending = readDistricts();
    districtsPromise = pending;
    // A failed read must not stick: the next caller tries again.
    pending.catch(() => {
      if (districtsPromise === pending) districtsPromise = undefined;
    });
  }
  return districtsPromise;
}

async function readDistricts(): Promise<ReadonlyArray<DistrictArea>> {
  const [districts, regencies] = await Promise.all([getDistricts(), getRegencies()]);
  const placeByRegency = new Map(regencies.map((r) => [r.code, placeName(r.name)]));
  return districts.map((d) => ({
    code: d.code.replaceAll(".", ""),
    name: d.name,
    placeName: placeByRegency.get(d.regency_code) ?? d.name,
  }));
}

/** A village (kelurahan/desa) with the official names of the areas above it, as a pengkinian draft keeps them. */
export interface VillageArea {
  /** Ten digits, without dots. */
  code: string;
  kelurahan: string;
  kecamatan: string;
  /** As officially named: "Kota Bandung", "Kabupaten Bandung". */
  kabupaten: string;
  provinsi: string;
}

let villagesPromise: Promise<ReadonlyMap<string, ReadonlyArray<VillageArea>>> | undefined;

/**
 * The villages of each district (six-digit code), in the package's order. Only the demo data needs them (addresses
 * of verified participants); parsing the 83,762 villages takes about half a second, once per process.
 */
export function loadVillagesByDistrict(): Promise<ReadonlyMap<string, ReadonlyArray<VillageArea>>> {
  if (!villagesPromise) {
    const pending = readVillages();
    villagesPromise = pending;
    pending.catch(() => {
      if (villagesPromise === pending) villagesPromise = undefined;
    });
  }
  return villagesPromise;
}

async function readVillages(): Promise<ReadonlyMap<string, ReadonlyArray<VillageArea>>> {
  const [villages, districts, regencies, provinces] = await Promise.all([getVillages(), getDistricts(), getRegencies(), getProvinces()]);
  const digits = (code: string) => code.replaceAll(".", "");
  const provinceName = new Map(provinces.map((p) => [digits(p.code), p.name]));
  const regencyName = new Map(regencies.map((r) => [digits(r.code), r.name]));
  const districtName = new Map(districts.map((d) => [digits(d.code), d.name]));
  const byDistrict = new Map<string, VillageArea[]>();
  for (const v of villages) {
    const district = digits(v.district_code);
    let list = byDistrict.get(district);
    if (!list) byDistrict.set(district, (list = []));
    list.push({
      code: digits(v.code),
      kelurahan: v.name,
      kecamatan: districtName.get(district) ?? "",
      kabupaten: regencyName.get(district.slice(0, 4)) ?? "",
      provinsi: provinceName.get(district.slice(0, 2)) ?? "",
    });
  }
  return byDistrict;
}

export function placeName(regencyName: string): string {
  return regencyName.replace(/^(Kabupaten|Kota)( Administrasi)? /, "");
}
