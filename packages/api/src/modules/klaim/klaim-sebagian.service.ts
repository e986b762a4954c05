import { and, asc, count, eq, ne, notInArray } from "drizzle-orm";
import { JenisKlaim, UserErrorCode } from "@jmo/schema";
import type { Database, DbOrTx } from "../../db/database.ts";
import { DomainError, forbidden } from "../../common/errors.ts";
import type { AuthInfo } from "../accounts/auth.service.ts";
import { cardRepository } from "../cards/card.repository.ts";
import { isLinked, type LinkedCardRow } from "../cards/card.table.ts";
import { checkAttachment, MAX_ATTACHMENT_BYTES, type AttachmentStorePort } from "../pengaduan/pengaduan-attachments.ts";
import type { AttachmentType } from "../pengaduan/pengaduan.table.ts";
import { totalsOf } from "../saldo/jht-engine.ts";
import type { SaldoService } from "../saldo/saldo.service.ts";
import { evaluateSebagian, failedSebagian, jumlahSebagian, type JenisSebagian, type SebagianEvaluation } from "./klaim-sebagian-eligibility.ts";
import { sebagianNotEligibleReasons } from "./klaim.messages.ts";
import { klaimRepository } from "./klaim.repository.ts";
import { klaimDokumen, klaims, KLAIM_STEPS, PERSENTASE_KLAIM, type KlaimRow } from "./klaim.table.ts";
import { rincianKlaim, type Rincian } from "./tax.ts";

/** Documents a 30% claim takes: the bank's statement, the credit agreement, a few pages more. */
export const MAX_KLAIM_DOKUMEN = 5;

const SEBAB: Record<JenisSebagian, "PEMILIKAN_RUMAH" | "KEPERLUAN_LAIN"> = { SEBAGIAN_10: "KEPERLUAN_LAIN", SEBAGIAN_30: "PEMILIKAN_RUMAH" };
/** A partial claim that still counts for "once per membership". */
const COUNTS = notInArray(klaims.status, ["DITOLAK", "DIBATALKAN"]);

export interface SebagianResult extends SebagianEvaluation {
  /** The member's partial draft on this card, which start resumes. */
  openKlaim: KlaimRow | null;
}

export interface KlaimSebagianOptions {
  today: () => string;
  /** Where the documents' bytes go (the pengaduan attachments' port; a database table by default). */
  attachments: AttachmentStorePort;
}

export function isSebagian(jenis: string): jenis is JenisSebagian {
  return jenis === "SEBAGIAN_10" || jenis === "SEBAGIAN_30";
}

/** Gross amount, tax and net of a claim of `jenis` on a card's saldo (the tax on the amount claimed, PP 68/2009). */
export function rincianFor(jenis: string, saldoSen: bigint, hasNpwp: boolean, date: string): Rincian & { jumlahSen: bigint } {
  const jumlahSen = isSebagian(jenis) ? jumlahSebagian(saldoSen, jenis) : saldoSen;
  const rincian = rincianKlaim(jumlahSen, hasNpwp, date);
  return { ...rincian, saldoSen, jumlahSen };
}

/**
 * Klaim JHT sebagian (10% / 30%, docs/domain/klaim-sebagian.md): its checks, the start of the flow and the housing
 * documents. The identity gates, the rekening, the submit and the processing are the full claim's (KlaimService and the
 * worker), which ask this service for the partial claim's checks and rincian.
 */
export class KlaimSebagianService {
  constructor(
    private readonly database: Database,
    private readonly saldo: SaldoService,
    private readonly options: KlaimSebagianOptions,
  ) {}

  /** The checks for a card and a kind; `excludeKlaimId`: the claim being submitted or re-checked does not count against itself. */
  async eligibility(card: LinkedCardRow, jenis: JenisSebagian, opts: { today?: string; excludeKlaimId?: string } = {}): Promise<SebagianResult> {
    const db = this.database.db;
    const [allCards, statements, participant, open, partials] = await Promise.all([
      cardRepository.findByParticipantIds(db, [card.participantId]),
      this.saldo.forCards([card.id]),
      klaimRepository.findParticipant(db, card.participantId),
      klaimRepository.findOpenForParticipant(db, card.participantId),
      db
        .select()
        .from(klaims)
        .where(and(eq(klaims.participantId, card.participantId), ne(klaims.jenis, "PENUH"), COUNTS))
        .orderBy(asc(klaims.createdAt)),
    ]);
    const others = partials.filter((k) => k.id !== opts.excludeKlaimId);
    // This card's partial draft is resumed by start, not a reason to refuse.
    const ownDraft = others.find((k) => k.cardId === card.id && k.status === "DRAFT") ?? null;
    const previous = others.find((k) => k.id !== ownDraft?.id) ?? null;
    const blocking = open.find((k) => k.id !== opts.excludeKlaimId && k.id !== ownDraft?.id && k.id !== previous?.id) ?? null;
    const evaluation = evaluateSebagian({
      jenis,
      cards: allCards,
      pengkinianStatus: participant!.pengkinianStatus,
      cardSaldoSen: totalsOf(statements.get(card.id)?.years ?? []).totalSen,
      previousSebagian: previous,
      blockingKlaim: blocking,
      today: opts.today ?? this.options.today(),
    });
    return { ...evaluation, openKlaim: ownDraft };
  }

  /** Opens a partial draft for the card, or resumes the member's partial draft on it (switched to this kind). */
  async start(auth: AuthInfo, cardId: string | null, jenis: JenisKlaim): Promise<KlaimRow> {
    const participantId = participantOf(auth);
    if (!isSebagian(jenis)) throw new DomainError(UserErrorCode.KLAIM_JENIS_INVALID, ["input", "jenis"]);
    const card = cardId ? (await cardRepository.findByIds(this.database.db, [cardId]))[0] : undefined;
    if (!isLinked(card) || card.participantId !== participantId) throw new DomainError(UserErrorCode.KLAIM_CARD_NOT_FOUND, ["input", "cardId"]);
    const check = await this.eligibility(card, jenis);
    if (check.previousNomor) throw new DomainError(UserErrorCode.KLAIM_SEBAGIAN_SUDAH_PERNAH, ["input", "cardId"], { nomor: check.previousNomor });
    if (!check.eligible) throw notEligible(check);
    return this.database.db.transaction(async (tx) => {
      let row = check.openKlaim ? await klaimRepository.lockById(tx, check.openKlaim.id) : undefined;
      // Two starts at once (or on two cards): the partial unique indexes let one insert through; the other finds it.
      row ??= await klaimRepository.insertDraft(tx, { participantId, cardId: card.id, sebab: SEBAB[jenis], jenis, persentase: PERSENTASE_KLAIM[jenis] });
      row ??= await this.lockCounting(tx, participantId);
      if (!row) throw new DomainError(UserErrorCode.KLAIM_IN_PROGRESS, ["input", "cardId"], { nomor: (await klaimRepository.findOpenForCard(tx, card.id))?.nomor ?? "" });
      if (row.status !== "DRAFT" || row.cardId !== card.id || row.jenis === "PENUH") {
        throw new DomainError(UserErrorCode.KLAIM_SEBAGIAN_SUDAH_PERNAH, ["input", "cardId"], { nomor: row.nomor });
      }
      if (row.jenis === jenis) return row;
      // Another kind: the rincian depends on it, so REKENING is done again.
      return klaimRepository.update(tx, row.id, {
        jenis,
        sebab: SEBAB[jenis],
        persentase: PERSENTASE_KLAIM[jenis],
        saldoSen: null,
        jumlahSen: null,
        pajakSen: null,
        dibayarkanSen: null,
        taxRule: null,
        completedSteps: KLAIM_STEPS.filter((s) => s !== "REKENING" && row.completedSteps.includes(s)),
      });
    });
  }

  /**
   * The bank's housing document of a 30% claim in DRAFT: its bytes checked by content (JPEG, PNG or PDF, at most 2 MB;
   * pengaduan-attachments.ts), stored behind the attachments port in the same transaction as its row.
   */
  async addDocument(auth: AuthInfo, klaimId: string | null, upload: { fileName: string; type: AttachmentType; contentBase64: string }): Promise<KlaimRow> {
    const participantId = participantOf(auth);
    const checked = checkAttachment(upload);
    return this.database.db.transaction(async (tx) => {
      const row = klaimId ? await klaimRepository.lockById(tx, klaimId) : undefined;
      if (!row) throw new DomainError(UserErrorCode.KLAIM_NOT_FOUND, ["input", "klaimId"]);
      if (row.participantId !== participantId) throw forbidden();
      if (row.status !== "DRAFT") throw new DomainError(UserErrorCode.KLAIM_NOT_DRAFT);
      if (row.jenis !== "SEBAGIAN_30") throw new DomainError(UserErrorCode.KLAIM_DOKUMEN_NOT_ALLOWED, ["input", "klaimId"]);
      if (!checked.ok) {
        if (checked.problem === "TOO_LARGE") throw new DomainError(UserErrorCode.KLAIM_DOKUMEN_TOO_LARGE, ["input", "contentBase64"], { maxMb: MAX_ATTACHMENT_BYTES / 1024 / 1024 });
        throw new DomainError(UserErrorCode.KLAIM_DOKUMEN_TYPE_MISMATCH, ["input", "contentBase64"], { type: upload.type });
      }
      const [existing] = await tx.select({ n: count() }).from(klaimDokumen).where(eq(klaimDokumen.klaimId, row.id));
      if ((existing?.n ?? 0) >= MAX_KLAIM_DOKUMEN) throw new DomainError(UserErrorCode.KLAIM_DOKUMEN_TOO_MANY, ["input", "klaimId"], { max: MAX_KLAIM_DOKUMEN });
      const id = crypto.randomUUID();
      const storageKey = `klaim/${row.id}/${id}`;
      await this.options.attachments.put(tx, storageKey, checked.bytes);
      await tx.insert(klaimDokumen).values({ id, klaimId: row.id, fileName: checked.fileName, type: upload.type, sizeBytes: checked.bytes.length, sha256: checked.sha256, storageKey });
      return klaimRepository.update(tx, row.id, {});
    });
  }

  async countDocuments(db: DbOrTx, klaimId: string): Promise<number> {
    const [row] = await db.select({ n: count() }).from(klaimDokumen).where(eq(klaimDokumen.klaimId, klaimId));
    return row?.n ?? 0;
  }

  /** The member's partial claim that still counts (locked), whichever card it is on. */
  private async lockCounting(tx: DbOrTx, participantId: string): Promise<KlaimRow | undefined> {
    const rows = await tx
      .select()
      .from(klaims)
      .where(and(eq(klaims.participantId, participantId), ne(klaims.jenis, "PENUH"), COUNTS))
      .limit(1)
      .for("update");
    return rows[0];
  }
}

function participantOf(auth: AuthInfo): string {
  if (!auth.participantId) throw forbidden();
  return auth.participantId;
}

/** KLAIM_NOT_ELIGIBLE naming each failed check of the partial claim, in both languages. */
export function notEligible(check: SebagianEvaluation): DomainError {
  const failed = failedSebagian(check);
  return new DomainError(UserErrorCode.KLAIM_NOT_ELIGIBLE, ["input", "cardId"], {
    reasonsId: sebagianNotEligibleReasons(check, failed, "id"),
    reasonsEn: sebagianNotEligibleReasons(check, failed, "en"),
  });
}
