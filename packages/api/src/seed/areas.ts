// The districts (kecamatan) of idn-area-data, which a NIK's first six digits must name.
import { getDistricts, getRegencies } from "idn-area-data";

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

export function placeName(regencyName: string): string {
  return regencyName.replace(/^(Kabupaten|Kota)( Administrasi)? /, "");
}
