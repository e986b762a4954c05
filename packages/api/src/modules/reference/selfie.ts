// The selfie of pengkinian data and of the klaim (seeds 000, 002): decoded and checked here, then compared with the
// participant's face by a FaceMatchPort, which a real face-match provider can implement. The image lives only in
// memory for the request: nothing but its SHA-256 is kept, for the audit.
import { createHash } from "node:crypto";
import jpeg from "jpeg-js";
import { PNG } from "pngjs";
import { UserErrorCode } from "@jmo/schema";
import type { FieldProblem } from "./validators.ts";

/** Decoded bytes; the base64 text is a third larger (the HTTP body limit is 4 MB). */
export const SELFIE_MAX_BYTES = 2 * 1024 * 1024;
/** Decoding a larger image would take hundreds of MB (4 bytes a pixel); no phone's selfie under 2 MB comes near. */
export const SELFIE_MAX_MEGAPIXELS = 24;

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
 * base64-encoded, and bytes that are not a JPEG or PNG with a readable size (SELFIE_NOT_AN_IMAGE), and images over
 * 24 megapixels (SELFIE_TOO_LARGE). Pixels are not decoded here; a FaceMatchPort decides what it needs.
 */
export function decodeSelfie(base64: string): { image: SelfieImage } | { error: FieldProblem } {
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
  if (Math.floor((unpadded * 3) / 4) > SELFIE_MAX_BYTES) return tooLarge("BYTES");
  const alphabet = BASE64.test(text) ? "base64" : BASE64URL.test(text) ? "base64url" : null;
  if (!alphabet || unpadded === 0 || unpadded % 4 === 1 || (text.length > unpadded && text.length % 4 !== 0)) {
    return notAnImage;
  }
  const bytes = Buffer.from(text, alphabet);

  const header = readPngSize(bytes) ?? readJpegSize(bytes);
  if (!header || header.width === 0 || header.height === 0) return notAnImage;
  if (header.width * header.height > SELFIE_MAX_MEGAPIXELS * 1_000_000) return tooLarge("PIXELS");
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  return { image: { bytes, mime: header.mime, width: header.width, height: header.height, sha256 } };
}

function tooLarge(reason: "BYTES" | "PIXELS"): { error: FieldProblem } {
  return {
    error: {
      code: UserErrorCode.SELFIE_TOO_LARGE,
      params: { reason, maxMb: SELFIE_MAX_BYTES / 1024 / 1024, maxMegapixels: SELFIE_MAX_MEGAPIXELS },
    },
  };
}

type Header = { mime: SelfieImage["mime"]; width: number; height: number };

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** PNG: the signature, then the IHDR chunk (length 13) with width and height as 32-bit big-endian. */
function readPngSize(b: Buffer): Header | null {
  if (b.length < 33 || !b.subarray(0, 8).equals(PNG_SIGNATURE)) return null;
  if (b.readUInt32BE(8) !== 13 || b.toString("latin1", 12, 16) !== "IHDR") return null;
  return { mime: "image/png", width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** JPEG: SOI (FF D8), then marker segments up to the first start-of-frame, which holds height and width. */
function readJpegSize(b: Buffer): Header | null {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8 || b[2] !== 0xff) return null;
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
    if (marker === 0xd9 || marker === 0xda) return null; // end of image, or scan data, before any frame
    const length = b.readUInt16BE(i + 2);
    if (length < 2) return null;
    // SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (i + 9 > b.length) return null;
      return { mime: "image/jpeg", height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
    }
    i += 2 + length;
  }
  return null;
}

/** Compares a selfie with the participant's face. A real provider implements this; the sandbox follows the contract. */
export interface FaceMatchPort {
  verify(image: SelfieImage, participant: { id: string; fullName: string }): Promise<{ match: boolean; reason?: string }>;
}

/**
 * The contract's sandbox rule: a well-formed JPEG or PNG of at least 256×256 pixels that is not a single flat colour
 * passes; anything else fails. Reasons: TOO_SMALL, UNREADABLE (the pixels do not decode), FLAT (every channel within
 * 8 levels over the whole image, so that a blank frame still fails after JPEG rounding).
 */
export class SandboxFaceMatch implements FaceMatchPort {
  static readonly MIN_SIDE = 256;
  static readonly FLAT_TOLERANCE = 8;

  // The sandbox does not look at who the participant is: any acceptable photo matches.
  async verify(image: SelfieImage, _participant: { id: string; fullName: string }): Promise<{ match: boolean; reason?: string }> {
    if (image.width < SandboxFaceMatch.MIN_SIDE || image.height < SandboxFaceMatch.MIN_SIDE) {
      return { match: false, reason: "TOO_SMALL" };
    }
    const pixels = decodePixels(image);
    if (!pixels || pixels.width !== image.width || pixels.height !== image.height) return { match: false, reason: "UNREADABLE" };
    if (isFlat(pixels.data, SandboxFaceMatch.FLAT_TOLERANCE)) return { match: false, reason: "FLAT" };
    return { match: true };
  }
}

/** RGBA pixels, or null when the bytes do not decode completely. */
function decodePixels(image: SelfieImage): { width: number; height: number; data: Uint8Array } | null {
  try {
    if (image.mime === "image/png") return PNG.sync.read(image.bytes);
    return jpeg.decode(image.bytes, {
      useTArray: true,
      formatAsRGBA: true,
      // Well-formed means every scan decodes: no grey fill-in for a cut-off file.
      tolerantDecoding: false,
      maxResolutionInMP: SELFIE_MAX_MEGAPIXELS,
      maxMemoryUsageInMB: 256,
    });
  } catch {
    return null;
  }
}

function isFlat(rgba: Uint8Array, tolerance: number): boolean {
  const min = [255, 255, 255, 255];
  const max = [0, 0, 0, 0];
  for (let i = 0; i < rgba.length; i += 4) {
    for (let c = 0; c < 4; c++) {
      const v = rgba[i + c]!;
      if (v < min[c]!) min[c] = v;
      if (v > max[c]!) max[c] = v;
    }
    // Most photos vary within the first row: stop as soon as one channel does.
    if (max[0]! - min[0]! > tolerance || max[1]! - min[1]! > tolerance || max[2]! - min[2]! > tolerance || max[3]! - min[3]! > tolerance) {
      return false;
    }
  }
  return true;
}
