import { createHash } from "node:crypto";
import { SDK_TRUSTED_DOCUMENTS } from "./trusted-documents.generated.ts";

export type TrustedDocumentsMode = "off" | "sdk";

export const sha256Hex = (text: string) => createHash("sha256").update(text).digest("hex");

/** Whether this exact document text is one the SDK sends (TRUSTED_DOCUMENTS=sdk). */
export function isTrustedDocument(query: string): boolean {
  return Object.hasOwn(SDK_TRUSTED_DOCUMENTS, sha256Hex(query));
}

/** The SDK document with this sha256, for a request that names it by hash alone (Apollo's persisted-query extension). */
export function trustedDocumentByHash(hash: string): string | undefined {
  return Object.hasOwn(SDK_TRUSTED_DOCUMENTS, hash) ? SDK_TRUSTED_DOCUMENTS[hash]!.document : undefined;
}

/** Every trusted document (tests and benchmarks). */
export function trustedDocuments(): ReadonlyArray<{ operationName: string; document: string; sha256: string }> {
  return Object.entries(SDK_TRUSTED_DOCUMENTS).map(([sha256, d]) => ({ ...d, sha256 }));
}
