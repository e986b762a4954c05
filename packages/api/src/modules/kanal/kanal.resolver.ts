import { Arg, Ctx, Float, Int, Mutation, Query, Resolver } from "type-graphql";
import {
  AFTER_ARG_DESCRIPTION,
  FIRST_ARG_DESCRIPTION,
  GeoPointInput,
  KanalLayanan,
  KanalLayananConnection,
  KanalLayananKind,
  KanalLayananPayload,
  KanalLayananUpdateInput,
  KanalLayananService,
  KanalSourceStatus,
  ZonaWaktu,
} from "@jmo/schema";
import { pageSize, forwardPageInfo } from "../../common/connection.ts";
import { requireStaff } from "../../common/access.ts";
import { badUserInput, withUserErrors } from "../../common/errors.ts";
import { idOfType, toGlobalId } from "../../common/global-id.ts";
import type { Context } from "../../server/context.ts";
import type { KanalHit } from "./kanal.repository.ts";
import { KANAL_MAX_RADIUS_KM, KanalInputError } from "./kanal.service.ts";
import type { KanalLayananRow } from "./kanal.table.ts";
import { isOpenAt, zonaWaktuOf } from "./opening-hours.ts";

/** Service points are bounded reference data (hundreds of rows): an offset cursor is stable enough between pages. */
const encodeCursor = (offset: number) => Buffer.from(`kanal:${offset}`, "utf8").toString("base64url");
function decodeCursor(after: string | null): number {
  if (after === null) return 0;
  const match = /^kanal:(\d{1,6})$/.exec(Buffer.from(after, "base64url").toString("utf8"));
  if (!match) throw badUserInput("after: not a cursor of this list");
  return Number(match[1]) + 1;
}

/** A class instance, so that `node(id:)` resolves the Node interface to this type. */
export function toKanalLayanan(row: KanalLayananRow, now: Date): KanalLayanan {
  return Object.assign(new KanalLayanan(), {
    id: toGlobalId("KanalLayanan", row.id),
    code: row.code,
    name: row.name,
    kind: row.kind as KanalLayananKind,
    address: row.address,
    kabupaten: row.kabupaten,
    provinsi: row.provinsi,
    regencyCode: row.regencyCode,
    provinceCode: row.provinceCode,
    phone: row.phone,
    location: { lat: row.lat, lng: row.lng, approximate: row.coordinatesApproximate },
    zonaWaktu: zonaWaktuOf(row.provinceCode) as ZonaWaktu,
    openingHours: row.openingHours.map((h) => ({ dayOfWeek: h.day, opens: h.opens, closes: h.closes })),
    openNow: isOpenAt(row.openingHours, row.provinceCode, now),
    services: row.services as KanalLayananService[],
    source: { url: row.sourceUrl, title: row.sourceTitle, status: row.sourceStatus as KanalSourceStatus, checkedOn: row.sourceCheckedOn },
  });
}

@Resolver(() => KanalLayanan)
export class KanalLayananResolver {
  @Query(() => KanalLayananConnection, {
    description:
      "BPJS Ketenagakerjaan service points (offices and counters), public: with `near`, nearest first with each one's distance " +
      "(within `radiusKm` when given); with `wilayah`, those in a province or regency; each says whether it is open now in its own time zone",
  })
  async kanalLayanan(
    @Arg("near", () => GeoPointInput, { nullable: true, description: "Sort by distance from this point (the phone's location)" }) near: GeoPointInput | null,
    @Arg("radiusKm", () => Float, { nullable: true, description: `Only those within this many kilometres of near; more than 0, at most ${KANAL_MAX_RADIUS_KM}` })
    radiusKm: number | null,
    @Arg("wilayah", () => String, {
      nullable: true,
      description: 'Only those in this area: a 2-digit province code ("32") or 4-digit regency code ("3273"), the start of a Wilayah.villageCode',
    })
    wilayah: string | null,
    @Arg("kind", () => [KanalLayananKind], { nullable: true, description: "Only these kinds (all when left out)" }) kind: KanalLayananKind[] | null,
    @Arg("first", () => Int, { nullable: true, description: FIRST_ARG_DESCRIPTION }) first: number | null,
    @Arg("after", () => String, { nullable: true, description: AFTER_ARG_DESCRIPTION }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<KanalLayananConnection> {
    const size = pageSize(first);
    const offset = decodeCursor(after ?? null);
    const kanal = ctx.services.kanal;
    let hits: KanalHit[];
    try {
      hits = await kanal.search({ near: near ? { lat: near.lat, lng: near.lng } : null, radiusKm: radiusKm ?? null, wilayah: wilayah ?? null, kinds: kind ?? null, first: size, offset });
    } catch (error) {
      if (error instanceof KanalInputError) throw badUserInput(error.message);
      throw error;
    }
    const now = kanal.now();
    const page = hits.slice(0, size);
    const edges = page.map((hit, i) => ({
      cursor: encodeCursor(offset + i),
      node: toKanalLayanan(hit, now),
      distanceKm: hit.distanceM === null ? null : Math.round(hit.distanceM) / 1000,
    }));
    return { edges, pageInfo: forwardPageInfo(edges, hits.length > size, after ?? null) };
  }

  @Mutation(() => KanalLayananPayload, {
    description: "Staff only: change a service point's opening hours, phone or services (a temporary closure: an empty week). Every change is logged with who made it",
  })
  kanalLayananUpdate(@Arg("input", () => KanalLayananUpdateInput, { description: "The service point and what changes" }) input: KanalLayananUpdateInput, @Ctx() ctx: Context): Promise<KanalLayananPayload> {
    const auth = requireStaff(ctx);
    return withUserErrors<KanalLayananPayload>(
      async () => ({ kanalLayanan: toKanalLayanan(await ctx.services.kanal.update(auth, { ...input, id: idOfType(input.id, "KanalLayanan") }), ctx.services.kanal.now()) }),
      { kanalLayanan: null },
    );
  }
}
