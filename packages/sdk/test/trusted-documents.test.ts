import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../api/src/server/app.ts";
import { TEST_PASSWORD } from "../../api/test/support/builders.ts";
import { useServerHarness } from "../../api/test/support/harness.ts";
import { startTestServer } from "../../api/test/support/test-server.ts";
import { renderTrustedDocuments, TRUSTED_DOCUMENTS_FILE } from "../scripts/trusted-documents.ts";
import { createJmoClient } from "../src/index.ts";

describe("TRUSTED_DOCUMENTS=sdk", () => {
  it("the API's allow-list is exactly the SDK's operations as the SDK sends them (stale: run `pnpm codegen`)", () => {
    expect(readFileSync(TRUSTED_DOCUMENTS_FILE, "utf8")).toBe(renderTrustedDocuments());
  });

  describe("against a server that accepts only them", () => {
    const h = useServerHarness();
    let trusted: RunningServer;
    beforeAll(async () => {
      trusted = await startTestServer(h.tdb.database, { TRUSTED_DOCUMENTS: "sdk" });
    });
    afterAll(() => trusted?.stop());

    it("serves the SDK's calls and refuses a hand-written document", async () => {
      const p = await h.seed.participant({ fullName: "Dewi Lestari" }).withCard().withAccount().build();
      let token: string | null = null;
      const jmo = createJmoClient({ url: trusted.url, getToken: () => token });
      try {
        token = (await jmo.login({ input: { identifier: p.email!, password: TEST_PASSWORD } })).login.accessToken;
        expect((await jmo.me()).me?.fullName).toBe("Dewi Lestari");
        expect((await jmo.saldo({})).me?.cards).toHaveLength(1);
        expect((await jmo.banks()).banks.length).toBeGreaterThan(4);
      } finally {
        await jmo.dispose();
      }
      const res = await fetch(trusted.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ banks { code } }" }),
      });
      const body = (await res.json()) as { errors: Array<{ extensions: Record<string, unknown> }> };
      expect(res.status).toBe(400);
      expect(body.errors[0]!.extensions).toEqual({ code: "BAD_USER_INPUT", detail: "DOCUMENT_NOT_TRUSTED" });
    });
  });
});
