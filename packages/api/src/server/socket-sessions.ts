import type { WebSocket } from "ws";
import { logger } from "../common/logger.ts";
import type { AuthInfo } from "../modules/accounts/auth.service.ts";
import { SESSION_ENDED_TOPIC, type SessionEnded } from "../modules/accounts/session-events.ts";
import type { PgEventBus } from "../modules/events/event-bus.ts";

/**
 * Close codes of the API's WebSockets (README, Security). 4403 and 4429 are graphql-ws codes that its client does
 * not retry; 4419 is retried, so a client reconnects with the fresh token it should have by then.
 */
export const WS_CLOSE = {
  /** The token was refused at connection_init, or the session ended (logout, password reset, refresh-token reuse, block). */
  SESSION_ENDED: { code: 4403, reason: "Forbidden: session ended or token refused" },
  /** The access token expired and no fresh one was sent (ping with `{ authorization }`): reconnect with a fresh token. */
  TOKEN_EXPIRED: { code: 4419, reason: "Access token expired" },
  /** The account (or, anonymous, the address) already has as many sockets open on this instance as allowed. */
  TOO_MANY_CONNECTIONS: { code: 4429, reason: "Too many connections" },
} as const;

/** One open WebSocket: who it acts for, and with which token (read again for every operation). */
export interface LiveSocket {
  socket: Pick<WebSocket, "close">;
  address: string | null;
  token: string | null;
  auth: AuthInfo | null;
  expiryTimer?: ReturnType<typeof setTimeout> | undefined;
  closed?: boolean;
  /** Queries and mutations running on the socket (by operation id): an ending session lets them answer first. */
  inFlight: Set<string>;
  /** Set when the session ended: the socket closes with this as soon as nothing is in flight (at most 1 s later). */
  ending?: { code: number; reason: string } | undefined;
}

/** How long an ending session's socket waits for its running queries and mutations to answer. */
const IN_FLIGHT_GRACE_MS = 1000;

export interface SocketLimits {
  /** Sockets one account may hold open on one instance. */
  maxPerAccount: number;
  /** Anonymous sockets one client address may hold open on one instance. */
  maxAnonymousPerAddress: number;
  /** How often the sessions of all open sockets are checked in one statement (a lost NOTIFY is made up for). */
  sweepIntervalMs: number;
}

/**
 * The open WebSockets of this instance, by session and account. A session that ends anywhere (an event through
 * PostgreSQL) closes its sockets here within the event's delivery; a token that expires closes its socket at that
 * moment unless the client sent a fresh one; a periodic sweep closes sockets whose session ended while the event
 * was lost. Every operation over a socket also reads the session again (app.ts), as an HTTP request does.
 */
export class SocketSessions {
  private readonly bySession = new Map<string, Set<LiveSocket>>();
  private readonly byAccount = new Map<string, Set<LiveSocket>>();
  private readonly anonymousByAddress = new Map<string, number>();
  private sweepTimer: ReturnType<typeof setInterval> | undefined;
  private offEvents: (() => void) | undefined;
  private sweeping = false;

  constructor(
    private readonly limits: SocketLimits,
    private readonly liveSessionIds: (ids: string[]) => Promise<Set<string>>,
  ) {}

  start(events: PgEventBus): void {
    this.offEvents = events.onEvent(SESSION_ENDED_TOPIC, (accountId, payload) => {
      this.endSessions(accountId, (payload as Pick<SessionEnded, "sessionId">).sessionId);
    });
    if (this.limits.sweepIntervalMs > 0) {
      this.sweepTimer = setInterval(() => void this.sweep(), this.limits.sweepIntervalMs);
      this.sweepTimer.unref();
    }
  }

  stop(): void {
    this.offEvents?.();
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    for (const set of this.byAccount.values()) for (const s of set) this.clearTimer(s);
  }

  /** Registers a new socket; false when its account or address has too many open already. */
  admit(conn: LiveSocket): boolean {
    if (conn.auth) {
      if ((this.byAccount.get(conn.auth.accountId)?.size ?? 0) >= this.limits.maxPerAccount) return false;
    } else if (conn.address && (this.anonymousByAddress.get(conn.address) ?? 0) >= this.limits.maxAnonymousPerAddress) {
      return false;
    }
    this.index(conn);
    return true;
  }

  /**
   * A fresh token for an open socket (graphql-ws ping with `{ authorization }`), or the session read again before
   * an operation. Re-indexes the socket and moves its expiry.
   */
  update(conn: LiveSocket, token: string, auth: AuthInfo): void {
    this.unindex(conn);
    conn.token = token;
    conn.auth = auth;
    this.index(conn);
  }

  remove(conn: LiveSocket): void {
    conn.closed = true;
    this.unindex(conn);
  }

  close(conn: LiveSocket, close: { code: number; reason: string }): void {
    if (conn.closed) return;
    this.remove(conn);
    try {
      conn.socket.close(close.code, close.reason);
    } catch (err) {
      logger.warn({ err }, "closing a WebSocket failed");
    }
  }

  /**
   * Closes a socket once the queries and mutations running on it have answered (at most a second later), so that
   * the mutation that caused a block still tells its caller; no new operation starts meanwhile.
   */
  end(conn: LiveSocket, close: { code: number; reason: string }): void {
    if (conn.closed || conn.ending) return;
    conn.ending = close;
    this.clearTimer(conn);
    if (conn.inFlight.size === 0) return this.close(conn, close);
    setTimeout(() => this.close(conn, close), IN_FLIGHT_GRACE_MS).unref();
  }

  /** An operation on the socket has answered: an ending socket closes when it was the last. */
  answered(conn: LiveSocket, id: string): void {
    conn.inFlight.delete(id);
    // Called just before graphql-ws sends the operation's `complete`: close right after it.
    const ending = conn.ending;
    if (ending && conn.inFlight.size === 0) setImmediate(() => this.close(conn, ending));
  }

  /** Closes the sockets of one session, or of every session of the account (sessionId null). */
  endSessions(accountId: string, sessionId: string | null): number {
    const targets = sessionId ? this.bySession.get(sessionId) : this.byAccount.get(accountId);
    const list = [...(targets ?? [])].filter((c) => c.auth?.accountId === accountId);
    for (const conn of list) this.end(conn, WS_CLOSE.SESSION_ENDED);
    return list.length;
  }

  /** Closes every socket whose session is no longer live; one statement for the whole instance. */
  async sweep(): Promise<number> {
    if (this.sweeping || this.bySession.size === 0) return 0;
    this.sweeping = true;
    try {
      const ids = [...this.bySession.keys()];
      const live = await this.liveSessionIds(ids);
      let closed = 0;
      for (const id of ids) {
        if (live.has(id)) continue;
        for (const conn of [...(this.bySession.get(id) ?? [])]) {
          this.end(conn, WS_CLOSE.SESSION_ENDED);
          closed++;
        }
      }
      return closed;
    } catch (err) {
      logger.warn({ err }, "WebSocket session sweep failed");
      return 0;
    } finally {
      this.sweeping = false;
    }
  }

  private index(conn: LiveSocket): void {
    const auth = conn.auth;
    if (!auth) {
      if (conn.address) this.anonymousByAddress.set(conn.address, (this.anonymousByAddress.get(conn.address) ?? 0) + 1);
      return;
    }
    add(this.bySession, auth.sessionId, conn);
    add(this.byAccount, auth.accountId, conn);
    this.clearTimer(conn);
    if (auth.expiresAt) {
      // setTimeout holds at most ~24.8 days; access tokens live minutes.
      const ms = Math.min(Math.max(0, auth.expiresAt.getTime() - Date.now()), 2_000_000_000);
      conn.expiryTimer = setTimeout(() => this.end(conn, WS_CLOSE.TOKEN_EXPIRED), ms);
      conn.expiryTimer.unref();
    }
  }

  private unindex(conn: LiveSocket): void {
    this.clearTimer(conn);
    const auth = conn.auth;
    if (!auth) {
      if (!conn.address) return;
      const left = (this.anonymousByAddress.get(conn.address) ?? 1) - 1;
      if (left > 0) this.anonymousByAddress.set(conn.address, left);
      else this.anonymousByAddress.delete(conn.address);
      return;
    }
    remove(this.bySession, auth.sessionId, conn);
    remove(this.byAccount, auth.accountId, conn);
  }

  private clearTimer(conn: LiveSocket): void {
    if (conn.expiryTimer) clearTimeout(conn.expiryTimer);
    conn.expiryTimer = undefined;
  }
}

function add(map: Map<string, Set<LiveSocket>>, key: string, conn: LiveSocket): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(conn);
}

function remove(map: Map<string, Set<LiveSocket>>, key: string, conn: LiveSocket): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(conn);
  if (set.size === 0) map.delete(key);
}
