import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createPubSub } from "@graphql-yoga/subscription";
import { describe, expect, it } from "vitest";
import { buildApiSchema, printContract } from "../src/server/schema.ts";

describe("the committed contract", () => {
  it("packages/schema/schema.graphql is exactly what the code emits (run `pnpm schema:emit` and commit)", async () => {
    const committed = readFileSync(fileURLToPath(new URL("../../schema/schema.graphql", import.meta.url)), "utf8");
    const emitted = printContract(await buildApiSchema(createPubSub()));
    expect(emitted).toBe(committed);
  });
});
