// The selfie of pengkinian data and of the klaim (seeds 000, 002): decoded and checked here, then compared with the
// participant's face by a FaceMatchPort, which a real face-match provider can implement. The image lives only in
// memory for the request: nothing but its SHA-256 is kept, for the audit.
import { createHash } from "node:crypto";
import { UserErrorCode } from "@jmo/schema";
import { ApiError } from "../../common/errors.ts";
import { logger } from "../../common/logger.ts";
import { SelfieDecodeBusy, type SelfieDecodePool } from "./selfie-decode.pool.ts";
import type { FieldProblem } from "./validators.ts";

/** Decoded bytes; the base64 text is a third larger (the HTTP body limit is 4 MB). */
export const SELFIE_MAX_BYTES = 2 * 1024 * 1024;
/**
 * Default of SELFIE_MAX_MEGAPIXELS (1–24). Front cameras take at most 12 MP, and "12 MP" sensors write up to
 * 4080×3072 = 12.53 MP (iPhone 4032×3024 = 12.19 MP), so 13 MP takes every phone selfie. The sandbox's decoders
 * take 15–35 bytes a pixel (~450 MB measured for a 13 MP 4:4:4 JPEG) in a decode thread: a larger limit is memory.
 */
export const SELFIE_MAX_MEGAPIXELS = 13;
/** A JPEG has one frame and, progressive, about 10 scans; more scans only multiply the decoding work. */
const JPEG_MAX_SCANS = 32;

export interface SelfieLimits {
  /** Width × height over this many million pixels is refused (SELFIE_TOO_LARGE) before anything is decoded. */
  maxMegapixels: number;
}

export interface SelfieImage {
  bytes: Buffer;
  /** From the bytes themselves (their magic number), never from a declared type. */
  mime: "image/jpeg" | "image/png";
  width: number;
  height: number;
  /** Hex SHA-256 of `bytes`: what the audit keeps instead of the image. */
  sha256: string;
}

const DATA_URL = /^data:([^,]*),/i;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const BASE64URL = /^[A-Za-z0-9_-]*={0,2}$/;

/**
 * Reads a selfie sent as base64 (standard or URL-safe alphabet, padding optional, line breaks allowed), optionally as
 * a data URL (`data:image/jpeg;base64,…`, whose declared type is ignored). Refuses, in this order: more than 2 MB of
 * decoded bytes (SELFIE_TOO_LARGE, before decoding anything), text that is not base64 or a data URL that is not
 * base64-encoded, and bytes that are not a JPEG or PNG with a readable size (SELFIE_NOT_AN_IMAGE: also a PNG with a
 * second IHDR, a JPEG with a second frame or more than 32 scans, whose decoder would not keep to the size read here),
 * and images over `maxMegapixels` (SELFIE_TOO_LARGE). Pixels are not decoded here; a FaceMatchPort decides what it needs.
 */
export function decodeSelfie(
  base64: string,
  limits: SelfieLimits = { maxMegapixels: SELFIE_MAX_MEGAPIXELS },
): { image: SelfieImage } | { error: FieldProblem } {
  const notAnImage = { error: { code: UserErrorCode.SELFIE_NOT_AN_IMAGE } };
  let text = base64.trim();
  const dataUrl = DATA_URL.exec(text);
  if (dataUrl) {
    if (!/;base64$/i.test(dataUrl[1]!)) return notAnImage;
    text = text.slice(dataUrl[0].length);
  }
  text = text.replace(/\s+/g, "");
  // Every 4 characters carry 3 bytes: refuse an oversized text before validating or decoding it.
  const unpadded = text.replace(/=+$/, "").length;
  if (Math.floor((unpadded * 3) / 4) > SELFIE_MAX_BYTES) return tooLarge("BYTES", limits);
  const alphabet = BASE64.test(text) ? "base64" : BASE64URL.test(text) ? "base64url" : null;
  if (!alphabet || unpadded === 0 || unpadded % 4 === 1 || (text.length > unpadded && text.length % 4 !== 0)) {
    return notAnImage;
  }
  const bytes = Buffer.from(text, alphabet);

  const header = readPngSize(bytes) ?? readJpegSize(bytes);
  if (!header || header.width === 0 || header.height === 0) return notAnImage;
  if (header.width * header.height > limits.maxMegapixels * 1_000_000) return tooLarge("PIXELS", limits);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  return { image: { bytes, mime: header.mime, width: header.width, height: header.height, sha256 } };
}

function tooLarge(reason: "BYTES" | "PIXELS", limits: SelfieLimits): { error: FieldProblem } {
  return {
    error: {
      code: UserErrorCode.SELFIE_TOO_LARGE,
      params: { reason, maxMb: SELFIE_MAX_BYTES / 1024 / 1024, maxMegapixels: limits.maxMegapixels },
    },
  };
}

type Header = { mime: SelfieImage["mime"]; width: number; height: number };

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * PNG: the signature, then the IHDR chunk (length 13) with width and height as 32-bit big-endian. The decoder would
 * take a later IHDR's size instead, so the chunks are walked (as far as the bytes go) and a second IHDR refused.
 */
function readPngSize(b: Buffer): Header | null {
  if (b.length < 33 || !b.subarray(0, 8).equals(PNG_SIGNATURE)) return null;
  if (b.readUInt32BE(8) !== 13 || b.toString("latin1", 12, 16) !== "IHDR") return null;
  for (let i = 33; i + 8 <= b.length; i += 12 + b.readUInt32BE(i)) {
    if (b.toString("latin1", i + 4, i + 8) === "IHDR") return null;
  }
  return { mime: "image/png", width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/**
 * JPEG: SOI (FF D8), then marker segments; the start-of-frame holds height and width. The whole file is walked
 * (through the scans' entropy-coded data, as far as the bytes go): the decoder allocates for every frame it meets,
 * so a second frame is refused, and so are more than JPEG_MAX_SCANS scans.
 */
function readJpegSize(b: Buffer): Header | null {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8 || b[2] !== 0xff) return null;
  let header: Header | null = null;
  let scans = 0;
  let i = 2;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i += 1; // fill byte
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      i += 2; // markers without a length
      continue;
    }
    if (marker === 0xd9) break; // end of image
    const length = b.readUInt16BE(i + 2);
    if (length < 2) return null;
    // SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (header || i + 9 > b.length) return null;
      header = { mime: "image/jpeg", height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
    }
    i += 2 + length;
    if (marker === 0xda) {
      if (!header || ++scans > JPEG_MAX_SCANS) return null; // scan data before any frame, or too many scans
      // Entropy-coded data runs to the next marker: FF followed by neither 00 (a stuffed FF) nor a restart (D0–D7).
      while (i + 1 < b.length && !(b[i] === 0xff && b[i + 1] !== 0x00 && (b[i + 1]! < 0xd0 || b[i + 1]! > 0xd7))) i++;
    }
  }
  return header;
}

/** Compares a selfie with the participant's face. A real provider implements this; the sandbox follows the contract. */
export interface FaceMatchPort {
  verify(image: SelfieImage, participant: { id: string; fullName: string }): Promise<{ match: boolean; reason?: string }>;
}

/**
 * The contract's sandbox rule: a well-formed JPEG or PNG of at least 256×256 pixels that is not a single flat colour
 * passes; anything else fails. Reasons: TOO_SMALL, UNREADABLE (the pixels do not decode), FLAT (every channel within
 * 8 levels over the whole image, so that a blank frame still fails after JPEG rounding). The pixels are decoded in
 * the pool's worker threads (selfie-decode.worker.mjs), never on the event loop; when the pool cannot take the image
 * now (queue full, decode over its time limit) the call answers RATE_LIMITED and uses no attempt.
 */
export class SandboxFaceMatch implements FaceMatchPort {
  static readonly MIN_SIDE = 256;
  static readonly FLAT_TOLERANCE = 8;
  static readonly RETRY_AFTER_SECONDS = 5;

  constructor(private readonly decoder: SelfieDecodePool) {}

  // The sandbox does not look at who the participant is: any acceptable photo matches.
  async verify(image: SelfieImage, _participant: { id: string; fullName: string }): Promise<{ match: boolean; reason?: string }> {
    if (image.width < SandboxFaceMatch.MIN_SIDE || image.height < SandboxFaceMatch.MIN_SIDE) {
      return { match: false, reason: "TOO_SMALL" };
    }
    let pixels;
    try {
      pixels = await this.decoder.check(image, SandboxFaceMatch.FLAT_TOLERANCE);
    } catch (error) {
      if (!(error instanceof SelfieDecodeBusy)) throw error;
      logger.warn({ reason: error.reason, mime: image.mime, width: image.width, height: image.height }, "selfie decoder busy");
      throw new ApiError("RATE_LIMITED", { retryAfterSeconds: SandboxFaceMatch.RETRY_AFTER_SECONDS, httpStatus: 429 });
    }
    if (!pixels.readable) return { match: false, reason: "UNREADABLE" };
    if (pixels.flat) return { match: false, reason: "FLAT" };
    return { match: true };
  }
}
