import type { RequestScope } from "../common/request-scope.ts";
import type { AuthInfo } from "../modules/accounts/auth.service.ts";
import type { Context } from "./context.ts";
import { createLoaders, type Loaders } from "./loaders.ts";
import type { Services } from "./services.ts";

/**
 * The context of one operation over a WebSocket. A subscription keeps it as long as it stays open (days, for a claim
 * tracker, thousands per instance): a class, so that all of them share one compact shape, with the loaders made on
 * first use (a tracker never needs them; a set is ~3 KB).
 */
export class SocketOperationContext implements Context {
  authFailure: Context["authFailure"] = null;
  private madeLoaders: Loaders | undefined;

  constructor(
    public auth: AuthInfo | null,
    readonly services: Services,
    readonly device: string | null,
    readonly clientAddress: string | null,
    readonly scope: RequestScope,
  ) {}

  /** Subscription contexts live as long as the subscription: loaders must not cache across events. */
  get loaders(): Loaders {
    return (this.madeLoaders ??= createLoaders(this.services.database, this.services.saldo, { cache: false }));
  }
}
