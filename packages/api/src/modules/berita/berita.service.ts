import { and, asc, desc, eq, inArray, lte, or, sql, type SQL } from "drizzle-orm";
import { getProvinces } from "idn-area-data";
import { UserErrorCode } from "@jmo/schema";
import { DomainError } from "../../common/errors.ts";
import type { Database, DbOrTx } from "../../db/database.ts";
import type { AuthInfo } from "../accounts/auth.service.ts";
import { participants } from "../participants/participant.table.ts";
import { todayWib } from "../saldo/saldo.service.ts";
import { ImageRefused, type ImageInfo, type ImageProbePort } from "./berita.image.ts";
import { renderMarkdown } from "./berita.markdown.ts";
import { beritaAudit, beritaItems, type BeritaAuditRow, type BeritaRow } from "./berita.table.ts";

export type BeritaKindCode = "BERITA" | "PROMO";
export type BeritaStatusCode = "DRAFT" | "SCHEDULED" | "PUBLISHED" | "ARCHIVED";

export interface PromoFields {
  partner: string;
  discount: string;
  validFrom: string;
  validUntil: string;
  provinceCodes?: string[] | null;
  termsMarkdown: string;
}
export interface BeritaCreate {
  kind: string;
  title: string;
  summary: string;
  bodyMarkdown: string;
  imageUrl?: string | null;
  promo?: PromoFields | null;
}
export interface BeritaUpdate {
  id: string | null;
  title?: string | null;
  summary?: string | null;
  bodyMarkdown?: string | null;
  imageUrl?: string | null;
  promo?: PromoFields | null;
}

/** A page position: the item before the page (newest first by publish time, then id). */
export interface FeedCursor {
  publishAt: Date;
  id: string;
}

const LIMITS = { title: 200, summary: 500, bodyMarkdown: 50_000, termsMarkdown: 20_000, partner: 100, discount: 100 } as const;

/** What readers see: a scheduled item whose time has come reads as PUBLISHED. */
export function effectiveStatus(row: Pick<BeritaRow, "status" | "publishAt">, now: Date): BeritaStatusCode {
  if (row.status === "SCHEDULED" && row.publishAt && row.publishAt.getTime() <= now.getTime()) return "PUBLISHED";
  return row.status as BeritaStatusCode;
}

function visibleAt(now: Date): SQL {
  return and(inArray(beritaItems.status, ["SCHEDULED", "PUBLISHED"]), lte(beritaItems.publishAt, now))!;
}

let provinceCodes: Promise<Set<string>> | undefined;
const knownProvinces = () => (provinceCodes ??= getProvinces().then((list) => new Set(list.map((p) => p.code))));

/** News and promos: staff write them (every change audited), readers see what is published. */
export class BeritaService {
  constructor(
    private readonly database: Database,
    private readonly deps: { images: ImageProbePort; now: () => Date },
  ) {}

  now(): Date {
    return this.deps.now();
  }

  find(id: string | null): Promise<BeritaRow | undefined> {
    if (!id) return Promise.resolve(undefined);
    return this.database.db.query.beritaItems.findFirst({ where: eq(beritaItems.id, id) });
  }

  /** Whether a reader (not staff) may see the item now. */
  isVisible(row: BeritaRow): boolean {
    return effectiveStatus(row, this.now()) === "PUBLISHED";
  }

  /**
   * Published items of a kind, newest first, `limit` of them after `cursor`. For promos, `province` (a 2-digit code, or
   * null for staff: all) keeps those for that province or all of Indonesia, and only those valid today (WIB).
   */
  async feed(kind: BeritaKindCode, options: { limit: number; cursor: FeedCursor | null; province?: string | null; promoFilter?: boolean }): Promise<BeritaRow[]> {
    const now = this.now();
    const where: SQL[] = [eq(beritaItems.kind, kind), visibleAt(now)];
    if (options.cursor) {
      const { publishAt, id } = options.cursor;
      where.push(or(sql`${beritaItems.publishAt} < ${publishAt.toISOString()}::timestamptz`, and(eq(beritaItems.publishAt, publishAt), sql`${beritaItems.id} < ${id}`))!);
    }
    if (kind === "PROMO" && options.promoFilter) {
      const today = todayWib(now);
      where.push(sql`${beritaItems.promoValidFrom} <= ${today} and ${beritaItems.promoValidUntil} >= ${today}`);
      if (options.province !== undefined && options.province !== null) {
        where.push(sql`(cardinality(${beritaItems.promoProvinceCodes}) = 0 or ${options.province} = any(${beritaItems.promoProvinceCodes}))`);
      }
    }
    return this.database.db
      .select()
      .from(beritaItems)
      .where(and(...where))
      .orderBy(desc(beritaItems.publishAt), desc(beritaItems.id))
      .limit(options.limit);
  }

  /** Staff: every item (drafts too), newest change first, optionally of one kind or status. */
  async staffList(options: { kind: string | null; status: string | null; limit: number; offset: number }): Promise<BeritaRow[]> {
    const where: SQL[] = [];
    if (options.kind) where.push(eq(beritaItems.kind, options.kind));
    if (options.status) where.push(eq(beritaItems.status, options.status));
    return this.database.db
      .select()
      .from(beritaItems)
      .where(where.length ? and(...where) : undefined)
      .orderBy(desc(beritaItems.updatedAt), desc(beritaItems.id))
      .limit(options.limit)
      .offset(options.offset);
  }

  /** The province a member's promos are chosen by: their address's (pengkinian), else where their NIK was issued. */
  async memberProvince(participantId: string): Promise<string | null> {
    const [row] = await this.database.db
      .select({ villageCode: participants.villageCode, nik: participants.nik })
      .from(participants)
      .where(eq(participants.id, participantId));
    if (!row) return null;
    return (row.villageCode ?? row.nik).slice(0, 2);
  }

  audit(itemId: string): Promise<BeritaAuditRow[]> {
    return this.database.db.select().from(beritaAudit).where(eq(beritaAudit.itemId, itemId)).orderBy(asc(beritaAudit.at), asc(beritaAudit.id));
  }

  async create(auth: AuthInfo, input: BeritaCreate): Promise<BeritaRow> {
    checkText(input, ["title", "summary", "bodyMarkdown"]);
    const promo = await this.checkPromo(input.kind, input.promo ?? null);
    const image = input.imageUrl ? await this.probe(input.imageUrl) : null;
    return this.database.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(beritaItems)
        .values({
          kind: input.kind,
          title: input.title.trim(),
          summary: input.summary.trim(),
          bodyMarkdown: input.bodyMarkdown,
          bodyHtml: renderMarkdown(input.bodyMarkdown),
          ...imageColumns(image),
          ...promo,
          createdBy: auth.accountId,
          createdAt: this.now(),
          updatedAt: this.now(),
        })
        .returning();
      await this.record(tx, auth, row!.id, "CREATE", { kind: input.kind, status: "DRAFT", image: image?.url ?? null });
      return row!;
    });
  }

  async update(auth: AuthInfo, input: BeritaUpdate): Promise<BeritaRow> {
    const current = await this.require(input.id);
    if (current.status === "ARCHIVED") throw new DomainError(UserErrorCode.BERITA_STATUS_INVALID, ["input", "id"], { status: "ARCHIVED" });
    checkText(input, ["title", "summary", "bodyMarkdown"]);
    const changes: Partial<typeof beritaItems.$inferInsert> = {};
    const changed: string[] = [];
    if (input.title != null) {
      changes.title = input.title.trim();
      changed.push("title");
    }
    if (input.summary != null) {
      changes.summary = input.summary.trim();
      changed.push("summary");
    }
    if (input.bodyMarkdown != null) {
      changes.bodyMarkdown = input.bodyMarkdown;
      changes.bodyHtml = renderMarkdown(input.bodyMarkdown);
      changed.push("bodyMarkdown");
    }
    if (input.imageUrl != null) {
      Object.assign(changes, imageColumns(input.imageUrl === "" ? null : await this.probe(input.imageUrl)));
      changed.push("image");
    }
    if (input.promo != null) {
      Object.assign(changes, await this.checkPromo(current.kind, input.promo));
      changed.push("promo");
    }
    return this.database.db.transaction(async (tx) => {
      const [row] = await tx
        .update(beritaItems)
        .set({ ...changes, updatedAt: this.now() })
        .where(and(eq(beritaItems.id, current.id), sql`${beritaItems.status} <> 'ARCHIVED'`))
        .returning();
      if (!row) throw new DomainError(UserErrorCode.BERITA_STATUS_INVALID, ["input", "id"], { status: "ARCHIVED" });
      await this.record(tx, auth, row.id, "UPDATE", { fields: changed, image: changes.imageUrl ?? undefined });
      return row;
    });
  }

  /** DRAFT or SCHEDULED → PUBLISHED now, or SCHEDULED for a later `publishAt`. */
  async publish(auth: AuthInfo, id: string | null, publishAt: Date | null): Promise<BeritaRow> {
    const current = await this.require(id);
    const now = this.now();
    const from = effectiveStatus(current, now);
    if (from !== "DRAFT" && from !== "SCHEDULED") throw new DomainError(UserErrorCode.BERITA_STATUS_INVALID, ["input", "id"], { status: from });
    const scheduled = publishAt !== null && publishAt.getTime() > now.getTime();
    const to: BeritaStatusCode = scheduled ? "SCHEDULED" : "PUBLISHED";
    return this.transition(auth, current, [from], { status: to, publishAt: scheduled ? publishAt : now }, scheduled ? "SCHEDULE" : "PUBLISH");
  }

  /** SCHEDULED (not yet out) → DRAFT. */
  async unschedule(auth: AuthInfo, id: string | null): Promise<BeritaRow> {
    const current = await this.require(id);
    const from = effectiveStatus(current, this.now());
    if (from !== "SCHEDULED") throw new DomainError(UserErrorCode.BERITA_STATUS_INVALID, ["input", "id"], { status: from });
    return this.transition(auth, current, ["SCHEDULED"], { status: "DRAFT", publishAt: null }, "UNSCHEDULE");
  }

  /** Any status but ARCHIVED → ARCHIVED: withdrawn from readers for good. */
  async archive(auth: AuthInfo, id: string | null): Promise<BeritaRow> {
    const current = await this.require(id);
    const from = effectiveStatus(current, this.now());
    if (from === "ARCHIVED") throw new DomainError(UserErrorCode.BERITA_STATUS_INVALID, ["input", "id"], { status: from });
    return this.transition(auth, current, ["DRAFT", "SCHEDULED", "PUBLISHED"], { status: "ARCHIVED" }, "ARCHIVE");
  }

  private async transition(
    auth: AuthInfo,
    current: BeritaRow,
    allowedStored: string[],
    set: { status: BeritaStatusCode; publishAt?: Date | null },
    action: string,
  ): Promise<BeritaRow> {
    return this.database.db.transaction(async (tx) => {
      // The stored status is checked again in the UPDATE: of two staff acting at once, one wins and one is refused.
      const [row] = await tx
        .update(beritaItems)
        .set({ ...set, updatedAt: this.now() })
        .where(and(eq(beritaItems.id, current.id), eq(beritaItems.status, current.status), inArray(beritaItems.status, allowedStored)))
        .returning();
      if (!row) throw new DomainError(UserErrorCode.BERITA_STATUS_INVALID, ["input", "id"], { status: current.status });
      await this.record(tx, auth, row.id, action, { from: current.status, to: set.status, publishAt: row.publishAt?.toISOString() ?? null });
      return row;
    });
  }

  private async record(tx: DbOrTx, auth: AuthInfo, itemId: string, action: string, detail: Record<string, unknown>): Promise<void> {
    await tx.insert(beritaAudit).values({ itemId, actor: auth.accountId, action, detail, at: this.now() });
  }

  private async require(id: string | null): Promise<BeritaRow> {
    const row = await this.find(id);
    if (!row) throw new DomainError(UserErrorCode.BERITA_NOT_FOUND, ["input", "id"]);
    return row;
  }

  private async probe(url: string): Promise<ImageInfo> {
    try {
      return await this.deps.images.probe(url);
    } catch (error) {
      if (error instanceof ImageRefused) throw new DomainError(UserErrorCode.BERITA_IMAGE_INVALID, ["input", "imageUrl"], { reason: error.message });
      throw error;
    }
  }

  private async checkPromo(kind: string, promo: PromoFields | null): Promise<Partial<typeof beritaItems.$inferInsert>> {
    if (kind === "BERITA") {
      if (promo) throw new DomainError(UserErrorCode.BERITA_PROMO_INVALID, ["input", "promo"], { reason: "news has no offer" });
      return {};
    }
    if (!promo) throw new DomainError(UserErrorCode.BERITA_PROMO_INVALID, ["input", "promo"], { reason: "a promo needs its offer" });
    checkText(promo, ["partner", "discount", "termsMarkdown"], ["input", "promo"]);
    if (promo.validUntil < promo.validFrom) {
      throw new DomainError(UserErrorCode.BERITA_PROMO_INVALID, ["input", "promo", "validUntil"], { reason: "validUntil is before validFrom" });
    }
    const codes = [...new Set(promo.provinceCodes ?? [])];
    const known = await knownProvinces();
    const unknown = codes.find((code) => !known.has(code));
    if (unknown !== undefined) throw new DomainError(UserErrorCode.BERITA_PROMO_INVALID, ["input", "promo", "provinceCodes"], { reason: `no province ${unknown}` });
    return {
      promoPartner: promo.partner.trim(),
      promoDiscount: promo.discount.trim(),
      promoValidFrom: promo.validFrom,
      promoValidUntil: promo.validUntil,
      promoProvinceCodes: codes.sort(),
      promoTermsMarkdown: promo.termsMarkdown,
      promoTermsHtml: renderMarkdown(promo.termsMarkdown),
    };
  }
}

function imageColumns(image: ImageInfo | null): Partial<typeof beritaItems.$inferInsert> {
  return {
    imageUrl: image?.url ?? null,
    imageContentType: image?.contentType ?? null,
    imageBytes: image?.bytes ?? null,
    imageWidth: image?.width ?? null,
    imageHeight: image?.height ?? null,
  };
}

/** Required texts (when given) must have 1 to LIMITS characters after trimming. */
function checkText<T extends object>(input: T, fields: Array<keyof typeof LIMITS & keyof T>, path: string[] = ["input"]): void {
  for (const name of fields) {
    const value = input[name] as unknown;
    if (value === undefined || value === null) continue;
    const text = String(value);
    if (text.trim().length === 0 || text.length > LIMITS[name]) {
      throw new DomainError(UserErrorCode.INVALID_INPUT, [...path, String(name)], { reason: `${String(name)}: 1 to ${LIMITS[name]} characters` });
    }
  }
}
