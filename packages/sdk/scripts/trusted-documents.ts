// The allow-list of TRUSTED_DOCUMENTS=sdk: every operation document of the SDK exactly as the SDK sends it
// (graphql `print` of the generated document, client.ts `prepare`), keyed by its sha256. Written into the API by
// `pnpm codegen`; `--check` (and packages/sdk/test/trusted-documents.test.ts) fails when the committed file is stale.
//   npx tsx packages/sdk/scripts/trusted-documents.ts [--check]
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Kind, print, type DocumentNode } from "graphql";
import * as Operations from "../src/generated/graphql.ts";

export const TRUSTED_DOCUMENTS_FILE = fileURLToPath(new URL("../../api/src/server/limits/trusted-documents.generated.ts", import.meta.url));

export interface SdkDocument {
  operationName: string;
  document: string;
  sha256: string;
}

/** Every operation of the SDK as it goes over the wire, sorted by name. */
export function sdkDocuments(): SdkDocument[] {
  return Object.entries(Operations)
    .filter((entry): entry is [string, DocumentNode] => entry[0].endsWith("Document") && (entry[1] as DocumentNode)?.kind === Kind.DOCUMENT)
    .map(([, doc]) => {
      const operation = doc.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
      const document = print(doc);
      return { operationName: operation?.name?.value ?? "", document, sha256: createHash("sha256").update(document).digest("hex") };
    })
    .sort((a, b) => a.operationName.localeCompare(b.operationName));
}

export function renderTrustedDocuments(documents = sdkDocuments()): string {
  const entries = documents.map((d) => `  ${JSON.stringify(d.sha256)}: { operationName: ${JSON.stringify(d.operationName)}, document: ${JSON.stringify(d.document)} },`);
  return [
    "/* Generated from the SDK's operations by packages/sdk/scripts/trusted-documents.ts (pnpm codegen): do not edit. */",
    "",
    "/** sha256 (hex) of every SDK operation document as the SDK sends it (graphql `print`), with the document. */",
    "export const SDK_TRUSTED_DOCUMENTS: Readonly<Record<string, { operationName: string; document: string }>> = {",
    ...entries,
    "};",
    "",
  ].join("\n");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const expected = renderTrustedDocuments();
  if (process.argv.includes("--check")) {
    let current = "";
    try {
      current = readFileSync(TRUSTED_DOCUMENTS_FILE, "utf8");
    } catch {
      // missing: stale
    }
    if (current !== expected) {
      console.error(`${TRUSTED_DOCUMENTS_FILE} is stale: run pnpm codegen`);
      process.exit(1);
    }
  } else {
    writeFileSync(TRUSTED_DOCUMENTS_FILE, expected);
    console.log(`wrote ${sdkDocuments().length} trusted documents to ${TRUSTED_DOCUMENTS_FILE}`);
  }
}
