import DataLoader from "dataloader";
import type { Db } from "../db/database.ts";
import { cardRepository } from "../modules/cards/card.repository.ts";
import type { CardRow, LinkedCardRow } from "../modules/cards/card.table.ts";
import { employerRepository } from "../modules/employers/employer.repository.ts";
import type { EmployerRow } from "../modules/employers/employer.table.ts";
import { participantRepository } from "../modules/participants/participant.repository.ts";
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
export function createLoaders(db: Db, options: { cache: boolean } = { cache: true }) {
  const opts = { cache: options.cache };
  return {
    participant: new DataLoader<string, ParticipantRow | null>(async (ids) => byId(ids, await participantRepository.findByIds(db, ids)), opts),
    card: new DataLoader<string, CardRow | null>(async (ids) => byId(ids, await cardRepository.findByIds(db, ids)), opts),
    cardsByParticipant: new DataLoader<string, LinkedCardRow[]>(
      async (ids) => groupBy(ids, await cardRepository.findByParticipantIds(db, ids), (c) => c.participantId),
      opts,
    ),
    employer: new DataLoader<string, EmployerRow | null>(async (ids) => byId(ids, await employerRepository.findByIds(db, ids)), opts),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
