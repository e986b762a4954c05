import { eq, sql } from "drizzle-orm";
import { UserErrorCode } from "@jmo/schema";
import { DomainError } from "../../common/errors.ts";
import type { Database } from "../../db/database.ts";
import type { AuthInfo } from "../accounts/auth.service.ts";
import { kanalRepository, type KanalHit } from "./kanal.repository.ts";
import { kanalLayanan, kanalLayananChanges, type KanalLayananRow, type OpeningHoursRow } from "./kanal.table.ts";

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export interface KanalUpdate {
  id: string | null;
  openingHours?: Array<{ dayOfWeek: number; opens: string; closes: string }> | null;
  phone?: string | null;
  services?: string[] | null;
}

/** The week's hours, checked: days 1–7 at most once each, HH:MM times, closing after opening. */
export function checkHours(hours: NonNullable<KanalUpdate["openingHours"]>): OpeningHoursRow[] {
  const seen = new Set<number>();
  for (const h of hours) {
    if (!Number.isInteger(h.dayOfWeek) || h.dayOfWeek < 1 || h.dayOfWeek > 7 || seen.has(h.dayOfWeek)) {
      throw new DomainError(UserErrorCode.KANAL_HOURS_INVALID, ["input", "openingHours"], { reason: `day ${h.dayOfWeek}` });
    }
    seen.add(h.dayOfWeek);
    if (!HHMM.test(h.opens) || !HHMM.test(h.closes) || h.closes <= h.opens) {
      throw new DomainError(UserErrorCode.KANAL_HOURS_INVALID, ["input", "openingHours"], { reason: `${h.opens}–${h.closes}` });
    }
  }
  return hours.map((h) => ({ day: h.dayOfWeek, opens: h.opens, closes: h.closes })).sort((a, b) => a.day - b.day);
}

export const KANAL_MAX_RADIUS_KM = 2000;
const WILAYAH_CODE = /^\d{2}(\d{2})?$/;

export class KanalInputError extends Error {}

export interface KanalQuery {
  near: { lat: number; lng: number } | null;
  radiusKm: number | null;
  wilayah: string | null;
  kinds: string[] | null;
  first: number;
  offset: number;
}

/** Service points: public reference data, read nearest-first or by area. */
export class KanalService {
  constructor(
    private readonly database: Database,
    private readonly deps: { now: () => Date },
  ) {}

  now(): Date {
    return this.deps.now();
  }

  /** One more than `first`, so the caller knows whether a next page exists. Throws KanalInputError on bad input. */
  async search(q: KanalQuery): Promise<KanalHit[]> {
    if (q.near) {
      const { lat, lng } = q.near;
      if (!Number.isFinite(lat) || lat < -90 || lat > 90) throw new KanalInputError("near.lat: -90 to 90");
      if (!Number.isFinite(lng) || lng < -180 || lng > 180) throw new KanalInputError("near.lng: -180 to 180");
    }
    if (q.radiusKm !== null) {
      if (!q.near) throw new KanalInputError("radiusKm needs near");
      if (!Number.isFinite(q.radiusKm) || q.radiusKm <= 0 || q.radiusKm > KANAL_MAX_RADIUS_KM) {
        throw new KanalInputError(`radiusKm: more than 0, at most ${KANAL_MAX_RADIUS_KM}`);
      }
    }
    if (q.wilayah !== null && !WILAYAH_CODE.test(q.wilayah)) {
      throw new KanalInputError("wilayah: a 2-digit province or 4-digit regency code (the start of a villageCode)");
    }
    return kanalRepository.search(this.database.db, {
      near: q.near,
      radiusM: q.radiusKm === null ? null : q.radiusKm * 1000,
      wilayah: q.wilayah,
      kinds: q.kinds,
      limit: q.first + 1,
      offset: q.offset,
    });
  }

  find(id: string): Promise<KanalLayananRow | null> {
    return kanalRepository.findById(this.database.db, id);
  }

  /** Staff: hours, phone or services of a service point, with the change logged (who, before, after) in one transaction. */
  async update(auth: AuthInfo, input: KanalUpdate): Promise<KanalLayananRow> {
    const current = input.id ? await this.find(input.id) : null;
    if (!current) throw new DomainError(UserErrorCode.KANAL_NOT_FOUND, ["input", "id"]);
    const set: Partial<typeof kanalLayanan.$inferInsert> = {};
    if (input.openingHours != null) set.openingHours = checkHours(input.openingHours);
    if (input.phone != null) set.phone = input.phone.trim() === "" ? null : input.phone.trim().slice(0, 40);
    if (input.services != null) set.services = [...new Set(input.services)];
    const pick = (row: Partial<KanalLayananRow>) => Object.fromEntries(Object.keys(set).map((k) => [k, row[k as keyof KanalLayananRow]]));
    return this.database.db.transaction(async (tx) => {
      await tx.update(kanalLayanan).set({ ...set, updatedAt: sql`now()` }).where(eq(kanalLayanan.id, current.id));
      await tx.insert(kanalLayananChanges).values({ kanalId: current.id, actor: auth.accountId, before: pick(current), after: pick(set as unknown as Partial<KanalLayananRow>) });
      return (await kanalRepository.findById(tx, current.id))!;
    });
  }
}
