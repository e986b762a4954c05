import { describe, expect, expectTypeOf, it } from "vitest";
import { useServerHarness } from "../../api/test/support/harness.ts";
import { useSdkClients } from "./support/clients.ts";
import { submittedKlaim } from "./support/klaim.ts";
import { type KlaimStatus, type KlaimStatusChangedSubscription } from "../src/index.ts";

const h = useServerHarness();
const signedIn = useSdkClients(h);


describe("klaim tracking through the SDK", () => {
  it("streams a claim's events to SELESAI as a typed async iterable that ends with the claim, and reads the timeline", async () => {
    const { email, klaimId } = await submittedKlaim(h);
    const jmo = await signedIn(email);
    const received: KlaimStatusChangedSubscription["klaimStatusChanged"][] = [];
    const listening = (async () => {
      for await (const { klaimStatusChanged } of jmo.klaimStatusChanged({ klaimId, afterSequence: 0 })) {
        received.push(klaimStatusChanged);
        if (received.length === 1) await h.server.services.klaimWorker.runDue();
      }
    })();
    await listening; // the loop ends because the server completes the subscription after SELESAI
    expectTypeOf(received[0]!.status).toEqualTypeOf<KlaimStatus>();
    expect(received.map((e) => e.status)).toEqual(["AGENDA", "VERIFIKASI", "PENETAPAN", "PEMBAYARAN", "SELESAI"]);
    const { klaim } = await jmo.klaimTimeline({ id: klaimId });
    expect(klaim?.timeline).toEqual(received);
    expect(klaim).toMatchObject({ status: "SELESAI", paymentRail: "REALTIME" });
  });

  it("gives staff the hold, approve and reject mutations", async () => {
    const { klaimId } = await submittedKlaim(h);
    const staff = await h.seed.staff();
    const jmo = await signedIn(staff.email);
    const held = await jmo.klaimHold({ input: { klaimId, reason: "Periksa rekening" } });
    expect(held.klaimHold).toMatchObject({ klaim: { status: "AGENDA", onHold: true }, userErrors: [] });
    const approved = await jmo.klaimApprove({ input: { klaimId } });
    expect(approved.klaimApprove).toMatchObject({ klaim: { onHold: false }, userErrors: [] });
    const rejected = await jmo.klaimReject({ input: { klaimId, reason: "Data tidak sesuai" } });
    expect(rejected.klaimReject).toMatchObject({ klaim: { status: "DITOLAK", rejectionReason: "Data tidak sesuai" }, userErrors: [] });
  });
});
