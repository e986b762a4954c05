import type { ParticipantConnection } from "@jmo/schema";
import type { Database } from "../../db/database.ts";
import { badUserInput } from "../../common/errors.ts";
import { forwardPageInfo, pageSize } from "../../common/connection.ts";
import { participantRepository, type ParticipantPageCursor } from "./participant.repository.ts";
import { toParticipant } from "./participant.mapper.ts";

export function encodeCursor(cursor: ParticipantPageCursor): string {
  return Buffer.from(JSON.stringify([cursor.fullName, cursor.id]), "utf8").toString("base64url");
}

export function decodeCursor(value: string): ParticipantPageCursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === "string" && typeof parsed[1] === "string") {
      return { fullName: parsed[0], id: parsed[1] };
    }
  } catch {
    // fall through
  }
  throw badUserInput("after: not a cursor of this list");
}

export class ParticipantService {
  constructor(private readonly database: Database) {}

  async search(search: string | null, firstArg: number | null, after: string | null): Promise<ParticipantConnection> {
    const first = pageSize(firstArg);
    const cursor = after ? decodeCursor(after) : null;
    const page = await participantRepository.search(this.database.db, search, first, cursor);
    const edges = page.rows.map((row) => ({ cursor: encodeCursor(row), node: toParticipant(row) }));
    return {
      edges,
      pageInfo: forwardPageInfo(edges, page.hasNextPage, after),
      totalCount: page.totalCount,
    };
  }
}
