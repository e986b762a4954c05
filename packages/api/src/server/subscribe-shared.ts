import { createSourceEventStream, execute, type DocumentNode, type ExecutionArgs, type ExecutionResult } from "graphql";
import { flatString } from "../common/flat-string.ts";
import { isSharedEvent } from "../common/shared-event.ts";

type Result = ExecutionResult | Promise<ExecutionResult>;

// Per shared event (common/shared-event.ts), the result of each distinct (document, operation, variables, viewer):
// gone with the event once every subscriber has sent it.
const resultsByEvent = new WeakMap<object, Map<string, Result>>();
const documentIds = new WeakMap<DocumentNode, number>();
let nextDocumentId = 1;

/**
 * graphql-js `subscribe`, except that an event marked shared is executed once per instance for all the subscribers
 * that would get the same result (same document, operation, variables and `viewer`), instead of once each: with 40
 * devices following one claim, one execution and one result object per event. `viewer` must name everything the
 * shared events' fields may read of the caller (role, participant, language).
 */
export async function subscribeShared(args: ExecutionArgs, viewer: string): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const source = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in Object(source))) return source as ExecutionResult;
  let documentId = documentIds.get(args.document);
  if (documentId === undefined) documentIds.set(args.document, (documentId = nextDocumentId++));
  const key = flatString(`${documentId}\0${args.operationName ?? ""}\0${JSON.stringify(args.variableValues ?? null)}\0${viewer}`);
  return new ResultStream((source as AsyncIterable<unknown>)[Symbol.asyncIterator](), args, key);
}

class ResultStream implements AsyncIterableIterator<ExecutionResult> {
  constructor(
    private readonly source: AsyncIterator<unknown>,
    private readonly args: ExecutionArgs,
    private readonly key: string,
  ) {}

  // Not an async function: while a subscription waits for its next event, no suspended frame is kept for it.
  next(): Promise<IteratorResult<ExecutionResult>> {
    return this.source.next().then((r) => (r.done ? { done: true, value: undefined } : this.mapped(r.value)));
  }

  async return(): Promise<IteratorResult<ExecutionResult>> {
    await this.source.return?.();
    return { done: true, value: undefined };
  }

  async throw(error?: unknown): Promise<IteratorResult<ExecutionResult>> {
    if (this.source.throw) await this.source.throw(error);
    else await this.source.return?.();
    throw error;
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<ExecutionResult> {
    return this;
  }

  private async mapped(event: unknown): Promise<IteratorResult<ExecutionResult>> {
    try {
      return { done: false, value: await this.resultOf(event) };
    } catch (error) {
      // As graphql-js does: an execution that throws closes the source.
      await this.source.return?.();
      throw error;
    }
  }

  private resultOf(event: unknown): Result {
    if (!isSharedEvent(event)) return execute({ ...this.args, rootValue: event });
    let results = resultsByEvent.get(event);
    if (!results) resultsByEvent.set(event, (results = new Map()));
    let result = results.get(this.key);
    if (!result) results.set(this.key, (result = execute({ ...this.args, rootValue: event })));
    return result;
  }
}
