import { describe, expect, it } from "vitest";
import { useServerHarness } from "../support/harness.ts";
import { gql, signIn } from "../support/test-server.ts";

const h = useServerHarness();

describe("answers with personal data are never kept by a browser, proxy or CDN", () => {
  it("sends Cache-Control: no-store on every GraphQL answer, signed in or not, data or error", async () => {
    const p = await h.seed.participant().withCard().withAccount().build();
    const { accessToken } = await signIn(h.server.url, p.email!);
    const answers = [
      await gql(h.server.url, "{ me { fullName nikMasked cards { kpjMasked saldoJht { total } } } }", {}, { token: accessToken }),
      await gql(h.server.url, "{ banks { code } }"),
      await gql(h.server.url, "{ me { nope } }"),
    ];
    expect(answers[0]!.data?.me?.fullName).toBe(p.participant.fullName);
    for (const res of answers) expect(res.headers.get("cache-control")).toBe("no-store");
  });
});
