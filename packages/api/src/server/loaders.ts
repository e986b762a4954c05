import DataLoader from "dataloader";
import type { Database } from "../db/database.ts";
import { cardRepository } from "../modules/cards/card.repository.ts";
import type { CardRow, LinkedCardRow } from "../modules/cards/card.table.ts";
import { employerRepository } from "../modules/employers/employer.repository.ts";
import type { EmployerRow } from "../modules/employers/employer.table.ts";
import { participantRepository } from "../modules/participants/participant.repository.ts";
import { pengkinianRepository } from "../modules/pengkinian/pengkinian.repository.ts";
import type { PengkinianRow } from "../modules/pengkinian/pengkinian.table.ts";
import { klaimRepository } from "../modules/klaim/klaim.repository.ts";
import type { KlaimDokumenRow, KlaimEventRow, KlaimRow } from "../modules/klaim/klaim.table.ts";
import { klaimProcessingRepository } from "../modules/klaim/klaim-processing.repository.ts";
import type { CardStatements, SaldoService } from "../modules/saldo/saldo.service.ts";
import { receiptsOf } from "../modules/iuran/iuran.service.ts";
import { messagesOf, type MessageView } from "../modules/pengaduan/pengaduan.service.ts";

type LastReportedRow = CardStatements["lastReported"];
import type { ParticipantRow } from "../modules/participants/participant.table.ts";

function byId<T extends { id: string }>(ids: readonly string[], rows: T[]): (T | null)[] {
  const map = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => map.get(id) ?? null);
}

function groupBy<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = map.get(key);
    if (list) list.push(row);
    else map.set(key, [row]);
  }
  return keys.map((k) => map.get(k) ?? []);
}

/**
 * One set per request (HTTP) or per subscription event (WebSocket, uncached), so that a list of N
 * objects costs one statement per relation, not N.
 */
export function createLoaders(database: Database, saldo: SaldoService, options: { cache: boolean } = { cache: true }) {
  const db = database.db;
  const opts = { cache: options.cache };
  /** Each card's JHT statements; one batch serves a participant's merged saldo and every card's own. */
  const saldoByCard = new DataLoader<string, CardStatements>(async (ids) => {
    const statements = await saldo.forCards(ids);
    return ids.map((id) => statements.get(id)!);
  }, opts);
  const card = new DataLoader<string, CardRow | null>(async (ids) => byId(ids, await cardRepository.findByIds(db, ids)), opts);
  const cardsByParticipant = new DataLoader<string, LinkedCardRow[]>(
    async (ids) => groupBy(ids, await cardRepository.findByParticipantIds(db, ids), (c) => c.participantId),
    opts,
  );
  const employer = new DataLoader<string, EmployerRow | null>(async (ids) => byId(ids, await employerRepository.findByIds(db, ids)), opts);
  /** Primes the loaders above with a participant read's cards and employers (a later `cards { employer }` is free). */
  const primeCards = (found: Awaited<ReturnType<typeof participantRepository.findWithCards>>) => {
    if (!options.cache) return;
    for (const [id, entry] of found.participants) {
      cardsByParticipant.prime(id, entry.cards);
      for (const c of entry.cards) card.prime(c.id, c);
    }
    for (const [id, row] of found.employers) employer.prime(id, row);
  };
  /**
   * A participant comes with their cards and the cards' employers (one statement), primed into the loaders
   * above: `me { cards { employer } }` costs one read, not three.
   */
  const participant = new DataLoader<string, ParticipantRow | null>(async (ids) => {
    const found = await participantRepository.findWithCards(database, ids);
    primeCards(found);
    return ids.map((id) => found.participants.get(id)?.participant ?? null);
  }, opts);
  /**
   * The same, with every card's saldo read in the same statement and primed into `saldoByCard`: a home screen
   * (`me { cards { saldoJht lastReported } saldoJht }`) in one read. Only with caching loaders (HTTP requests).
   */
  const participantWithSaldo = new DataLoader<string, ParticipantRow | null>(async (ids) => {
    const found = await participantRepository.findWithCardsAndSaldo(database, ids);
    primeCards(found);
    const cardIds = [...found.participants.values()].flatMap((entry) => entry.cards.map((c) => c.id));
    if (found.saldo && cardIds.length > 0) {
      const statements = await saldo.fromRead(cardIds, found.saldo);
      for (const [cardId, s] of statements) saldoByCard.prime(cardId, s);
    }
    for (const [id, entry] of found.participants) participant.prime(id, entry.participant);
    return ids.map((id) => found.participants.get(id)?.participant ?? null);
  }, opts);
  return {
    saldoByCard,
    /** Read in the same statement as the saldo: a home screen showing both costs one read for all cards. */
    lastReported: new DataLoader<string, LastReportedRow | null>(async (ids) => {
      const statements = await saldoByCard.loadMany(ids);
      return statements.map((s) => (s instanceof Error ? s : s.lastReported));
    }, opts),
    participant,
    /** False for subscription events: nothing is primed, so prefer the plain reads. */
    primes: options.cache,
    participantWithSaldo,
    card,
    cardsByParticipant,
    employer,
    pengkinian: new DataLoader<string, PengkinianRow | null>(async (ids) => byId(ids, await pengkinianRepository.findByIds(db, ids)), opts),
    klaim: new DataLoader<string, KlaimRow | null>(async (ids) => byId(ids, await klaimRepository.findByIds(db, ids)), opts),
    /** Each claim's timeline, in sequence order (one statement for any number of claims). */
    klaimEvents: new DataLoader<string, KlaimEventRow[]>(
      async (ids) => groupBy(ids, await klaimProcessingRepository.eventsOf(db, ids), (e) => e.klaimId),
      opts,
    ),
    /** Each claim's attached documents (Klaim.dokumen): a page of claims in one statement. */
    klaimDokumen: new DataLoader<string, KlaimDokumenRow[]>(async (ids) => groupBy(ids, await klaimRepository.dokumenOf(db, ids), (d) => d.klaimId), opts),
    /** Each BPU payment's receipt with its payment (null until PAID): a page of payments in one statement. */
    iuranReceipt: new DataLoader<string, Awaited<ReturnType<typeof receiptsOf>>[number]>((ids) => receiptsOf(db, ids), opts),
    /** Each ticket's conversation with its attachments: a page of tickets in two statements. */
    pengaduanMessages: new DataLoader<string, MessageView[]>((ids) => messagesOf(db, ids), opts),
    /** Each participant's current or last pengkinian data. */
    latestPengkinian: new DataLoader<string, PengkinianRow | null>(async (ids) => {
      const rows = await pengkinianRepository.findLatestByParticipantIds(db, ids);
      const map = new Map(rows.map((r) => [r.participantId, r]));
      return ids.map((id) => map.get(id) ?? null);
    }, opts),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
