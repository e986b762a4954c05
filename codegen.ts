import type { CodegenConfig } from "@graphql-codegen/cli";

/**
 * Generates the SDK's types and typed methods from the committed SDL and the SDK's operation documents.
 * Run `pnpm codegen` after changing either; `pnpm codegen:check` (in `pnpm test`) fails when the
 * committed output is stale.
 */
const config: CodegenConfig = {
  schema: "packages/schema/schema.graphql",
  documents: "packages/sdk/src/operations/**/*.graphql",
  generates: {
    "packages/sdk/src/generated/graphql.ts": {
      // No `typescript` plugin: typescript-operations 6 emits the schema types it needs itself
      // (adding both declares the same identifiers twice).
      plugins: ["typescript-operations", "typescript-generic-sdk"],
      config: {
        // "string" mode of generic-sdk is broken; documents are embedded as parsed ASTs.
        documentMode: "documentNode",
        useTypeImports: true,
        // Enums as `as const` objects plus union types: usable as values, no TypeScript `enum` at runtime.
        enumType: "const",
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
        scalars: {
          ID: "string",
          Date: "string",
          DateTime: "string",
          Rupiah: "string",
          YearMonth: "string",
        },
        strictScalars: true,
      },
    },
    // The same documents as TypedDocumentNodes, for Apollo Client or urql (exported by the SDK's index.ts).
    "packages/sdk/src/generated/documents.ts": {
      plugins: ["./packages/sdk/codegen/typed-documents.js"],
    },
    // Apollo Client's `possibleTypes` (exported as `@jmo/sdk/possible-types`, used by `@jmo/sdk/apollo`).
    "packages/sdk/src/generated/possible-types.ts": {
      plugins: ["./packages/sdk/codegen/possible-types.js"],
    },
  },
};

export default config;
