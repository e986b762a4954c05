// Issue 10, finding 4: "A 135 KB PNG declaring 4898×4898 is fully decoded on the main thread before the step check
// refuses it; six in parallel stalled the server 16 s." Each test below fails on the code before the fix.
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { klaims, pengkinian } from "../../src/db/schema.ts";
import type { FaceMatchPort } from "../../src/modules/reference/selfie.ts";
import { useServerHarness } from "../support/harness.ts";
import { makeTestSelfie, makeZeroPng } from "../support/selfies.ts";
import { gql, signIn } from "../support/test-server.ts";

const h = useServerHarness();

const P_PAYLOAD = `{ pengkinian { id nextStep completedSteps biometricAttemptsLeft kpjChallenge { cardId } } userErrors { code field } }`;
const P_START = `mutation { pengkinianStart ${P_PAYLOAD} }`;
const P_CONFIRM = `mutation($input: PengkinianConfirmKepesertaanInput!) { pengkinianConfirmKepesertaan(input: $input) ${P_PAYLOAD} }`;
const P_BIOMETRIC = `mutation($input: PengkinianVerifyBiometricInput!) { pengkinianVerifyBiometric(input: $input) ${P_PAYLOAD} }`;
const K_PAYLOAD = `{ klaim { id nextStep completedSteps biometricAttemptsLeft } userErrors { code field } }`;
const K_START = `mutation($input: KlaimJhtStartInput!) { klaimJhtStart(input: $input) ${K_PAYLOAD} }`;
const K_CONFIRM = `mutation($input: KlaimJhtConfirmKepesertaanInput!) { klaimJhtConfirmKepesertaan(input: $input) ${K_PAYLOAD} }`;
const K_BIOMETRIC = `mutation($input: KlaimJhtVerifyBiometricInput!) { klaimJhtVerifyBiometric(input: $input) ${K_PAYLOAD} }`;

type Payload = { pengkinian?: any; klaim?: any; userErrors: Array<{ code: string; field: string[] | null }> };

async function call(token: string, query: string, input?: unknown): Promise<Payload> {
  const res = await gql(h.server.url, query, input === undefined ? {} : { input }, { token });
  expect(res.errors).toBeUndefined();
  return Object.values(res.data!)[0] as Payload;
}

/** A participant with an account and a pengkinian draft; with `gate`, the KPJ step done (the selfie is next). */
async function pengkinianDraft({ gate }: { gate: boolean }) {
  const p = await h.seed.participant().withCard().withAccount().build();
  const { accessToken: token } = await signIn(h.server.url, p.email!);
  const started = await call(token, P_START);
  if (gate) {
    const cards = started.pengkinian.kpjChallenge.map((c: { cardId: string }, i: number) => ({ cardId: c.cardId, kpj: p.cards[i]!.kpj }));
    expect((await call(token, P_CONFIRM, { cards })).pengkinian.nextStep).toBe("BIOMETRIK");
  }
  return { ...p, token };
}

/** Counts the face-match calls (the sandbox decodes the pixels there) while keeping the real port. */
function countFaceMatches(): { calls: () => number } {
  const real = h.server.services.faceMatch;
  let calls = 0;
  h.server.services.faceMatch = { verify: (image, participant) => (calls++, real.verify(image, participant)) } satisfies FaceMatchPort;
  return { calls: () => calls };
}

const PIXELS = ["SELFIE_TOO_LARGE", ["input", "selfie"]];

describe("selfie decompression bomb (issue 10, finding 4)", () => {
  it("refuses the 4898×4898 PNG bomb by its header, quickly and without the memory jumping", async () => {
    const bomb = (await makeZeroPng(4898, 4898)).toString("base64");
    expect(bomb.length).toBeLessThan(200_000); // ~93 KB of PNG declaring 23.99 megapixels
    const d = await pengkinianDraft({ gate: true });
    const faceMatches = countFaceMatches();
    await call(d.token, P_BIOMETRIC, { selfie: makeTestSelfie({ width: 100, height: 100 }) }); // warm the path: a small selfie fails
    let peak = process.memoryUsage().rss;
    const baseline = peak;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    const started = performance.now();
    const refused = await call(d.token, P_BIOMETRIC, { selfie: bomb });
    const elapsed = performance.now() - started;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);

    expect(refused.userErrors.map((e) => [e.code, e.field])).toEqual([PIXELS]);
    expect(refused.pengkinian).toMatchObject({ nextStep: "BIOMETRIK", biometricAttemptsLeft: 2 }); // the bomb used no attempt
    expect(faceMatches.calls()).toBe(1); // only the warm-up reached the face match
    expect(elapsed).toBeLessThan(2_000);
    expect((peak - baseline) / 2 ** 20).toBeLessThan(150);
  });

  it("refuses a bomb sent at the wrong step with STEP_OUT_OF_ORDER, without reading the image", async () => {
    const faceMatches = countFaceMatches();
    const bombs = {
      allowedBefore: (await makeZeroPng(4898, 4898)).toString("base64"),
      huge: (await makeZeroPng(8000, 8000)).toString("base64"), // 64 MP: the old code looked at it before the step
      garbage: "@@@ not base64, not an image @@@",
    };

    // Pengkinian: started, but the KPJ gate not passed.
    const d = await pengkinianDraft({ gate: false });
    for (const selfie of Object.values(bombs)) {
      const early = await call(d.token, P_BIOMETRIC, { selfie });
      expect(early.userErrors.map((e) => e.code)).toEqual(["STEP_OUT_OF_ORDER"]);
      expect(early.pengkinian).toMatchObject({ nextStep: "KEPESERTAAN", biometricAttemptsLeft: 3 });
    }

    // Klaim: a budi-like card, the claim started, the KPJ not confirmed; then again once the selfie step is done.
    const b = await h.seed
      .participant({ fullName: "Budi Santoso", pengkinianStatus: "TERVERIFIKASI" })
      .withCard({ status: "NONAKTIF", registeredAt: "2023-01-01", nonaktifSince: "2024-12-31" })
      .withAccount()
      .build();
    await h.seed.contributionsFor(b.cards[0]!.id, { from: "2023-01", months: 24, wage: 5_000_000 });
    const { accessToken: token } = await signIn(h.server.url, b.email!);
    const cardId = (await gql(h.server.url, `{ me { cards { id } } }`, {}, { token })).data!.me.cards[0].id as string;
    const klaimId = (await call(token, K_START, { cardId, sebab: "MENGUNDURKAN_DIRI" })).klaim.id as string;
    for (const selfie of Object.values(bombs)) {
      const early = await call(token, K_BIOMETRIC, { klaimId, selfie });
      expect(early.userErrors.map((e) => e.code)).toEqual(["STEP_OUT_OF_ORDER"]);
    }
    expect(faceMatches.calls()).toBe(0);
    expect((await call(token, K_CONFIRM, { klaimId, kpj: b.cards[0]!.kpj })).userErrors).toEqual([]);
    expect((await call(token, K_BIOMETRIC, { klaimId, selfie: makeTestSelfie() })).userErrors).toEqual([]);
    for (const selfie of Object.values(bombs)) {
      const again = await call(token, K_BIOMETRIC, { klaimId, selfie });
      expect(again.userErrors.map((e) => e.code)).toEqual(["STEP_OUT_OF_ORDER"]);
    }
    expect(faceMatches.calls()).toBe(1);

    const [p] = await h.tdb.database.db.select().from(pengkinian).where(eq(pengkinian.participantId, d.participant.id));
    const [k] = await h.tdb.database.db.select().from(klaims).where(eq(klaims.participantId, b.participant.id));
    expect([p?.biometricAttemptsUsed, k?.biometricAttempts]).toEqual([0, 0]);
  });

  it("decodes six maximum-size selfies at once off the event loop: a trivial query stays fast", { timeout: 180_000 }, async () => {
    // 3600×3600 = 12.96 MP, just under the default limit of 13: ~1–2 s of decoding each on this machine.
    const large = (await makeZeroPng(3600, 3600, { tail: 4000 })).toString("base64");
    const drafts = [];
    for (let i = 0; i < 6; i++) drafts.push(await pengkinianDraft({ gate: true }));
    const faceMatches = countFaceMatches();

    let done = false;
    const latencies: number[] = [];
    const probe = (async () => {
      while (!done) {
        const started = performance.now();
        const res = await gql(h.server.url, `{ banks { code } }`);
        latencies.push(performance.now() - started);
        expect(res.errors).toBeUndefined();
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const results = await Promise.all(drafts.map((d) => call(d.token, P_BIOMETRIC, { selfie: large })));
    done = true;
    await probe;

    // Every selfie was decoded whole (not flat, so it passes) and nothing was refused for load.
    expect(results.map((r) => r.userErrors)).toEqual(drafts.map(() => []));
    expect(results.map((r) => r.pengkinian.nextStep)).toEqual(drafts.map(() => "DATA_KONTAK"));
    expect(faceMatches.calls()).toBe(6);
    latencies.sort((a, b) => a - b);
    const p99 = latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.99))]!;
    expect(p99).toBeLessThan(1_000);
    expect(latencies.length).toBeGreaterThan(5); // the probe kept being answered while the six were decoded
  });
});
