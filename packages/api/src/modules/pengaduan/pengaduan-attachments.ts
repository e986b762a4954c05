import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Database, DbOrTx } from "../../db/database.ts";
import { pengaduanAttachmentBlobs, type AttachmentType } from "./pengaduan.table.ts";

/** The largest attachment taken (decoded): a phone photo of a KTP or a scanned page fits; 4 MB requests carry one. */
export const MAX_ATTACHMENT_BYTES = 2 * 1024 * 1024;
/** Files per message and per ticket. */
export const MAX_ATTACHMENTS_PER_MESSAGE = 3;
export const MAX_ATTACHMENTS_PER_TICKET = 10;

export const CONTENT_TYPES: Record<AttachmentType, string> = { JPEG: "image/jpeg", PNG: "image/png", PDF: "application/pdf" };

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * What the bytes are, read from their structure rather than trusted from the name or the declared type: a JPEG starts
 * with SOI and a marker and ends with EOI; a PNG has its signature, IHDR first and IEND last; a PDF starts with its
 * header and has an end-of-file marker in its last kilobyte. Anything else (HTML, an executable, a truncated upload) is null.
 */
export function sniffType(bytes: Buffer): AttachmentType | null {
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff && bytes.at(-2) === 0xff && bytes.at(-1) === 0xd9) return "JPEG";
  if (
    bytes.length >= 8 + 25 + 12 &&
    bytes.subarray(0, 8).equals(PNG_SIGNATURE) &&
    bytes.toString("latin1", 12, 16) === "IHDR" &&
    bytes.toString("latin1", bytes.length - 8, bytes.length - 4) === "IEND"
  ) {
    return "PNG";
  }
  if (bytes.length >= 16 && /^%PDF-\d\.\d/.test(bytes.toString("latin1", 0, 8)) && bytes.toString("latin1", Math.max(0, bytes.length - 1024)).includes("%%EOF")) {
    return "PDF";
  }
  return null;
}

export type AttachmentCheck =
  | { ok: true; bytes: Buffer; sha256: string; fileName: string }
  | { ok: false; problem: "TOO_LARGE" | "TYPE_MISMATCH" | "NOT_BASE64" | "EMPTY" };

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Decodes and checks one upload: base64, size, and bytes that are what the declared type says. */
export function checkAttachment(input: { fileName: string; type: AttachmentType; contentBase64: string }): AttachmentCheck {
  const text = input.contentBase64.replace(/\s+/g, "");
  // The size is known from the length before decoding: a 40 MB string is refused without allocating 30 MB.
  if (Math.floor((text.length * 3) / 4) - (text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0) > MAX_ATTACHMENT_BYTES) return { ok: false, problem: "TOO_LARGE" };
  if (text.length % 4 !== 0 || !BASE64.test(text)) return { ok: false, problem: "NOT_BASE64" };
  const bytes = Buffer.from(text, "base64");
  if (bytes.length === 0) return { ok: false, problem: "EMPTY" };
  if (sniffType(bytes) !== input.type) return { ok: false, problem: "TYPE_MISMATCH" };
  return { ok: true, bytes, sha256: createHash("sha256").update(bytes).digest("hex"), fileName: safeFileName(input.fileName, input.type) };
}

/** A name fit for a Content-Disposition header and a list: no path, no control characters, the type's extension. */
export function safeFileName(name: string, type: AttachmentType): string {
  const base = (name.split(/[\\/]/).pop() ?? "")
    .normalize("NFKC")
    .replace(/[\p{Cc}\p{Cf}"<>|:*?]/gu, "")
    .trim()
    .slice(0, 100);
  const ext = type === "JPEG" ? /\.(jpe?g)$/i : type === "PNG" ? /\.png$/i : /\.pdf$/i;
  const stem = base || "lampiran";
  return ext.test(stem) ? stem : `${stem}.${type === "JPEG" ? "jpg" : type.toLowerCase()}`;
}

/**
 * Where attachment bytes are kept. `put` receives the filing transaction: a store in the database writes in it (no
 * orphan bytes if the ticket rolls back); a file or object store writes outside and keys by the attachment's id.
 */
export interface AttachmentStorePort {
  readonly kind: string;
  put(tx: DbOrTx, key: string, bytes: Buffer): Promise<void>;
  get(key: string): Promise<Buffer | null>;
}

/** The default store: a bytea table in the same database (backed up and replicated with the tickets). */
export class DatabaseAttachmentStore implements AttachmentStorePort {
  readonly kind = "database";
  constructor(private readonly database: Database) {}

  async put(tx: DbOrTx, key: string, bytes: Buffer): Promise<void> {
    await tx.insert(pengaduanAttachmentBlobs).values({ key, bytes });
  }

  async get(key: string): Promise<Buffer | null> {
    const [row] = await this.database.db.select().from(pengaduanAttachmentBlobs).where(eq(pengaduanAttachmentBlobs.key, key));
    return row ? Buffer.from(row.bytes) : null;
  }
}
