// The SDK's generic core (your own documents, refresh, messages in both languages) and the Apollo Client and urql
// recipes built on it, each against a real server.
import type { Duplex } from "node:stream";
import { ApolloClient } from "@apollo/client";
import { CombinedError, cacheExchange, Client, fetchExchange } from "@urql/core";
import { parse } from "graphql";
import { afterEach, describe, expect, expectTypeOf, it, vi } from "vitest";
import WebSocket from "ws";
import { fromGlobalId } from "../../api/src/common/global-id.ts";
import { appendKlaimEvent } from "../../api/src/modules/klaim/klaim-events.ts";
import { TEST_PASSWORD } from "../../api/test/support/builders.ts";
import { useServerHarness } from "../../api/test/support/harness.ts";
import { expiringToken } from "../../api/test/support/test-server.ts";
import { createJmoApolloClient } from "../src/apollo.ts";
import {
  CardFieldsFragmentDoc,
  createJmoCore,
  JmoError,
  KlaimStatusChangedDocument,
  LoginDocument,
  MeDocument,
  RefreshSessionDocument,
  type JmoClientOptions,
  type JmoCore,
  type TypedDocumentNode,
} from "../src/index.ts";
import { createJmoUrqlClient } from "../src/urql.ts";
import { submittedKlaim } from "./support/klaim.ts";

const h = useServerHarness();
const cores: JmoCore[] = [];
afterEach(async () => {
  vi.unstubAllGlobals();
  await Promise.all(cores.splice(0).map((c) => c.dispose()));
});

/** An app's session kept in memory, with the SDK's refresh hook wired to RefreshSessionDocument. */
function app(options: Partial<JmoClientOptions> = {}) {
  const session = { accessToken: null as string | null, refreshToken: null as string | null, refreshes: 0 };
  const core = createJmoCore({
    url: h.server.url,
    webSocketImpl: WebSocket,
    getToken: () => session.accessToken,
    refresh: async ({ request }) => {
      session.refreshes++;
      const { refreshSession } = await request(RefreshSessionDocument, { input: { refreshToken: session.refreshToken! } });
      if (!refreshSession.accessToken) return false;
      session.accessToken = refreshSession.accessToken;
      session.refreshToken = refreshSession.refreshToken;
      return true;
    },
    ...options,
  });
  cores.push(core);
  return { core, session };
}

async function signIn(core: JmoCore, session: { accessToken: string | null; refreshToken: string | null }, email: string) {
  const { login } = await core.request(LoginDocument, { input: { identifier: email, password: TEST_PASSWORD } });
  session.accessToken = login.accessToken;
  session.refreshToken = login.refreshToken;
}

/** The next status of a claim, as the klaim worker writes it (stored event + notification). */
async function appendEvent(klaimId: string, status: "VERIFIKASI" | "PENETAPAN") {
  await h.tdb.database.db.transaction((tx) => appendKlaimEvent(tx, fromGlobalId(klaimId)!.id, status, null, "test"));
}

describe("the core client with any document", () => {
  it("runs the SDK's documents and a team's own, typed from the document", async () => {
    const p = await h.seed.participant({ fullName: "Siti Rahayu" }).withCard({ status: "AKTIF" }).withAccount().build();
    const { core, session } = app();
    await signIn(core, session, p.email!);

    const { me } = await core.request(MeDocument);
    expectTypeOf(me?.fullName).toEqualTypeOf<string | undefined>();
    expect(me?.fullName).toBe("Siti Rahayu");

    // A team's own operation spreading an exported SDK fragment (as graphql-codegen's client preset would type it).
    const Own = {
      ...parse("query OwnCards { me { cards { ...CardFields } } }"),
      definitions: [...parse("query OwnCards { me { cards { ...CardFields } } }").definitions, ...CardFieldsFragmentDoc.definitions],
    } as TypedDocumentNode<{ me: { cards: { kpjMasked: string; status: string }[] } | null }, Record<string, never>>;
    const own = await core.request(Own);
    expect(own.me?.cards).toEqual([expect.objectContaining({ status: "AKTIF", kpjMasked: expect.stringMatching(/^\d{2}\*+\d{2}$/) })]);
  });

  it("refreshes an expired token once, shared by concurrent requests, and sends them again", async () => {
    const p = await h.seed.participant({ fullName: "Dewi Lestari" }).withAccount().build();
    const { core, session } = app();
    await signIn(core, session, p.email!);
    const firstRefreshToken = session.refreshToken;
    session.accessToken = await expiringToken(session.accessToken!, -5);

    const answers = await Promise.all([core.request(MeDocument), core.request(MeDocument), core.request(MeDocument)]);
    expect(answers.map((a) => a.me?.fullName)).toEqual(["Dewi Lestari", "Dewi Lestari", "Dewi Lestari"]);
    // One refresh: a refresh token works once, and a second use would end the session.
    expect(session.refreshes).toBe(1);
    expect(session.refreshToken).not.toBe(firstRefreshToken);
  });

  it("gives up with the server's UNAUTHENTICATED when the refresh fails", async () => {
    const p = await h.seed.participant().withAccount().build();
    const { core, session } = app();
    await signIn(core, session, p.email!);
    session.accessToken = await expiringToken(session.accessToken!, -5);
    session.refreshToken = "bukan-token-sah";
    const error = await core.request(MeDocument).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JmoError);
    expect(error).toMatchObject({ code: "UNAUTHENTICATED", detail: "TOKEN_EXPIRED" });
    expect(session.refreshes).toBe(1);
  });

  it("tells a Node 20 app without a WebSocket to install ws, in the client's language", async () => {
    vi.stubGlobal("WebSocket", undefined);
    const messages: string[] = [];
    for (const acceptLanguage of [undefined, "en"]) {
      const { core } = app({ webSocketImpl: undefined, ...(acceptLanguage ? { acceptLanguage } : {}) });
      const error = await core.subscribe(KlaimStatusChangedDocument, { klaimId: "x" }).next().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(JmoError);
      expect(error).toMatchObject({ code: "NETWORK_ERROR", detail: "NO_WEBSOCKET" });
      messages.push((error as JmoError).message);
    }
    expect(messages[0]).toMatch(/^Langganan .*pasang paket `ws` \(npm install ws\)/);
    expect(messages[1]).toMatch(/^Subscriptions need a WebSocket .*install the `ws` package \(npm install ws\)/);
    expect(messages.join(" ")).not.toContain("createClient");
  });

  it("reports a refused socket (4403) in Indonesian by default and in English with acceptLanguage en", async () => {
    const messages: string[] = [];
    for (const acceptLanguage of [undefined, "en"]) {
      const core = createJmoCore({ url: h.server.url, webSocketImpl: WebSocket, getToken: () => "bukan.token.sah", ...(acceptLanguage ? { acceptLanguage } : {}) });
      cores.push(core);
      const error = await core.subscribe(KlaimStatusChangedDocument, { klaimId: "x" }).next().catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "UNAUTHENTICATED", detail: "SESSION_ENDED" });
      messages.push((error as JmoError).message);
    }
    expect(messages[0]).toMatch(/^Server menolak token akses atau sesi sudah berakhir; silakan masuk lagi \(4403/);
    expect(messages[1]).toMatch(/^The server refused the access token or the session has ended; sign in again \(4403/);
  });
});

describe("@jmo/sdk/apollo", () => {
  it("queries with the token, refreshes it, matches fragments on Node by possibleTypes and follows a claim", async () => {
    const { email, klaimId } = await submittedKlaim(h);
    const { core, session } = app();
    const client: ApolloClient = createJmoApolloClient(core);
    const { data: signedIn } = await client.mutate({ mutation: LoginDocument, variables: { input: { identifier: email, password: TEST_PASSWORD } } });
    session.accessToken = signedIn!.login.accessToken;
    session.refreshToken = signedIn!.login.refreshToken;

    const { data } = await client.query({ query: MeDocument });
    expect(data?.me?.fullName).toBe("Budi Santoso");
    const cardId = data!.me!.cards[0]!.id;

    // A fragment on the Node interface read from a Card in the cache: Apollo matches it only with possibleTypes.
    const onNode = parse("fragment NodeKpj on Node { id ... on Card { kpjMasked } }") as TypedDocumentNode<{ id: string; kpjMasked?: string }>;
    expect(client.cache.readFragment({ fragment: onNode, id: client.cache.identify({ __typename: "Card", id: cardId }) })).toEqual({
      __typename: "Card",
      id: cardId,
      kpjMasked: data!.me!.cards[0]!.kpjMasked,
    });
    expect(client.cache.readFragment({ fragment: CardFieldsFragmentDoc, fragmentName: "CardFields", id: `Card:${cardId}` })?.status).toBe("NONAKTIF");

    session.accessToken = await expiringToken(session.accessToken!, -5);
    const again = await client.query({ query: MeDocument, fetchPolicy: "network-only" });
    expect(again.data?.me?.fullName).toBe("Budi Santoso");
    expect(session.refreshes).toBe(1);

    const events: number[] = [];
    const done = new Promise<void>((resolve, reject) => {
      const sub = client.subscribe({ query: KlaimStatusChangedDocument, variables: { klaimId, afterSequence: 0 } }).subscribe({
        next: ({ data }) => {
          events.push(data!.klaimStatusChanged.sequence);
          if (events.length === 2) {
            sub.unsubscribe();
            resolve();
          }
        },
        error: reject,
      });
    });
    await new Promise((r) => setTimeout(r, 300));
    await appendEvent(klaimId, "VERIFIKASI");
    await done;
    expect(events).toEqual([1, 2]);
    client.stop();
  });

  it("hands top-level errors to Apollo's error handling with their code", async () => {
    const p = await h.seed.participant().withAccount().build();
    const { core, session } = app();
    await signIn(core, session, p.email!);
    const client = createJmoApolloClient(core);
    const staffOnly = parse("query { participants(first: 1) { edges { cursor } } }") as TypedDocumentNode<unknown>;
    const { error } = await client.query({ query: staffOnly, errorPolicy: "all" });
    expect((error as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    client.stop();
  });
});

describe("@jmo/sdk/urql", () => {
  it("fails with urql's defaults (queries as GET: the CSRF check refuses them), works with the JMO exchange", async () => {
    const p = await h.seed.participant({ fullName: "Agus Wijaya" }).withAccount().build();
    const plain = new Client({ url: h.server.url, exchanges: [cacheExchange, fetchExchange] });
    const refused = await plain.query(MeDocument, {}).toPromise();
    expect(refused.error).toBeInstanceOf(CombinedError);
    expect(refused.error?.response?.status).toBe(400);

    const { core, session } = app();
    const client = createJmoUrqlClient(core);
    const { data: signedIn } = await client.mutation(LoginDocument, { input: { identifier: p.email!, password: TEST_PASSWORD } }).toPromise();
    session.accessToken = signedIn!.login.accessToken;
    session.refreshToken = signedIn!.login.refreshToken;
    const { data, error } = await client.query(MeDocument, {}).toPromise();
    expect(error).toBeUndefined();
    expect(data?.me?.fullName).toBe("Agus Wijaya");
  });

  it("delivers each claim event once, by sequence, across a dropped connection", async () => {
    const { email, klaimId } = await submittedKlaim(h);
    const sockets: Duplex[] = [];
    const onUpgrade = (_req: unknown, socket: Duplex) => void sockets.push(socket);
    h.server.httpServer.on("upgrade", onUpgrade);
    let reconnect!: () => void;
    const offline = new Promise<void>((resolve) => (reconnect = resolve));
    const { core, session } = app({ retryWait: () => offline });
    await signIn(core, session, email);
    const client = createJmoUrqlClient(core);

    const events: number[] = [];
    let arrived = () => {};
    const { unsubscribe } = client.subscription(KlaimStatusChangedDocument, { klaimId, afterSequence: 0 }).subscribe((result) => {
      if (result.data) events.push(result.data.klaimStatusChanged.sequence);
      arrived();
    });
    const until = async (n: number) => {
      while (events.length < n) await new Promise<void>((resolve) => (arrived = resolve));
    };
    await until(1);
    for (const s of sockets) s.destroy(); // the phone loses signal
    await appendEvent(klaimId, "VERIFIKASI"); // while offline
    reconnect();
    await until(2);
    await appendEvent(klaimId, "PENETAPAN");
    await until(3);
    unsubscribe();
    h.server.httpServer.off("upgrade", onUpgrade);
    expect(events).toEqual([1, 2, 3]);
    expect((await client.query(MeDocument, {}).toPromise()).data?.me?.fullName).toBe("Budi Santoso");
  });
});
