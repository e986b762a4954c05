import { afterEach } from "vitest";
import WebSocket from "ws";
import { TEST_PASSWORD } from "../../../api/test/support/builders.ts";
import type { Harness } from "../../../api/test/support/harness.ts";
import { createJmoClient, type JmoClient, type JmoClientOptions } from "../../src/index.ts";

/**
 * Signed-in SDK clients as an app holds them (token handed out by getToken, `ws` for subscriptions), all
 * disposed after each test.
 */
export function useSdkClients(h: Harness) {
  const clients: JmoClient[] = [];
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.dispose()));
  });
  return async function signedIn(identifier: string, options: Partial<JmoClientOptions> = {}): Promise<JmoClient> {
    let token: string | null = null;
    const jmo = createJmoClient({ url: h.server.url, webSocketImpl: WebSocket, getToken: () => token, ...options });
    clients.push(jmo);
    const { login } = await jmo.login({ input: { identifier, password: TEST_PASSWORD } });
    token = login.accessToken;
    return jmo;
  };
}
