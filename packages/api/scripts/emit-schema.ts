// Writes packages/schema/schema.graphql from the type-graphql types and resolvers. Commit the result.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createPubSub } from "@graphql-yoga/subscription";
import { buildApiSchema, printContract } from "../src/server/schema.ts";

const target = fileURLToPath(new URL("../../schema/schema.graphql", import.meta.url));
const schema = await buildApiSchema(createPubSub());
writeFileSync(target, printContract(schema));
console.log(`wrote ${target}`);
