// An item's picture is given by URL and checked once, when staff set it: fetched with a byte cap and a timeout, no
// redirects, from a public address only (no requests into our own network), and accepted only when its bytes are a
// JPEG, PNG or WebP within the size limits. Clients then load it from that URL.
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";

export const BERITA_IMAGE_MAX_BYTES = 1_048_576;
export const BERITA_IMAGE_MAX_SIDE = 4096;
export const BERITA_IMAGE_MAX_URL_LENGTH = 2048;
const TIMEOUT_MS = 5000;

export interface ImageInfo {
  url: string;
  contentType: "image/jpeg" | "image/png" | "image/webp";
  bytes: number;
  width: number;
  height: number;
}

/** Why a picture was refused; the service turns it into BERITA_IMAGE_INVALID with this as its reason. */
export class ImageRefused extends Error {}

export interface ImageProbePort {
  probe(url: string): Promise<ImageInfo>;
}

/** 10/8, 172.16/12, 192.168/16, 127/8, 169.254/16, 100.64/10, 0/8, ::1, fc00::/7, fe80::/10, and mapped v4 of those. */
export function isPrivateAddress(address: string): boolean {
  const v4 = address.startsWith("::ffff:") ? address.slice(7) : address;
  if (isIP(v4) === 4) {
    const [a, b] = v4.split(".").map(Number) as [number, number];
    return a === 10 || a === 127 || a === 0 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127);
  }
  const v6 = address.toLowerCase();
  return v6 === "::1" || v6 === "::" || v6.startsWith("fc") || v6.startsWith("fd") || v6.startsWith("fe8") || v6.startsWith("fe9") || v6.startsWith("fea") || v6.startsWith("feb");
}

/** Type and pixel size from the first bytes: PNG's IHDR, JPEG's first SOF marker, WebP's VP8/VP8L/VP8X header. */
export function readImageHeader(bytes: Uint8Array): Omit<ImageInfo, "url" | "bytes"> | null {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length >= 24 && b.readUInt32BE(0) === 0x89504e47 && b.readUInt32BE(4) === 0x0d0a1a0a && b.toString("ascii", 12, 16) === "IHDR") {
    return { contentType: "image/png", width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
  }
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8) {
    let at = 2;
    while (at + 9 < b.length) {
      if (b[at] !== 0xff) return null;
      const marker = b[at + 1]!;
      const length = b.readUInt16BE(at + 2);
      // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame's size.
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { contentType: "image/jpeg", height: b.readUInt16BE(at + 5), width: b.readUInt16BE(at + 7) };
      }
      at += 2 + length;
    }
    return null;
  }
  if (b.length >= 30 && b.toString("ascii", 0, 4) === "RIFF" && b.toString("ascii", 8, 12) === "WEBP") {
    const chunk = b.toString("ascii", 12, 16);
    if (chunk === "VP8X") return { contentType: "image/webp", width: 1 + b.readUIntLE(24, 3), height: 1 + b.readUIntLE(27, 3) };
    if (chunk === "VP8 ") return { contentType: "image/webp", width: b.readUInt16LE(26) & 0x3fff, height: b.readUInt16LE(28) & 0x3fff };
    if (chunk === "VP8L") {
      const bits = b.readUInt32LE(21);
      return { contentType: "image/webp", width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
    }
  }
  return null;
}

/**
 * Fetches over HTTP(S). `allowLoopback` (sandbox only: tests serve pictures from 127.0.0.1) also allows plain http;
 * otherwise https only, and never a private, loopback or link-local address.
 */
export class HttpImageProbe implements ImageProbePort {
  constructor(private readonly options: { allowLoopback: boolean }) {}

  async probe(url: string): Promise<ImageInfo> {
    if (url.length > BERITA_IMAGE_MAX_URL_LENGTH) throw new ImageRefused(`URL longer than ${BERITA_IMAGE_MAX_URL_LENGTH} characters`);
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new ImageRefused("not a URL");
    }
    if (parsed.username || parsed.password) throw new ImageRefused("credentials in the URL");
    const loopbackHost = parsed.hostname === "127.0.0.1" || parsed.hostname === "localhost";
    const allowedHere = this.options.allowLoopback && loopbackHost;
    if (parsed.protocol !== "https:" && !(allowedHere && parsed.protocol === "http:")) throw new ImageRefused("only https URLs");
    if (!allowedHere) {
      const host = parsed.hostname.replace(/^\[|\]$/g, "");
      const addresses = isIP(host) ? [host] : (await lookup(host, { all: true }).catch(() => [])).map((a) => a.address);
      if (addresses.length === 0) throw new ImageRefused("the host does not resolve");
      if (addresses.some(isPrivateAddress)) throw new ImageRefused("not a public address");
    }
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
    try {
      const res = await fetch(parsed, { redirect: "manual", signal: controller.signal, headers: { accept: "image/jpeg, image/png, image/webp" } }).catch(() => {
        throw new ImageRefused("could not be fetched");
      });
      if (res.status !== 200 || !res.body) throw new ImageRefused(`answered HTTP ${res.status}`);
      const declared = Number(res.headers.get("content-length") ?? "0");
      if (declared > BERITA_IMAGE_MAX_BYTES) throw new ImageRefused(`larger than ${BERITA_IMAGE_MAX_BYTES} bytes`);
      const chunks: Uint8Array[] = [];
      let size = 0;
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        size += chunk.byteLength;
        if (size > BERITA_IMAGE_MAX_BYTES) {
          controller.abort();
          throw new ImageRefused(`larger than ${BERITA_IMAGE_MAX_BYTES} bytes`);
        }
        chunks.push(chunk);
      }
      const header = readImageHeader(Buffer.concat(chunks));
      if (!header) throw new ImageRefused("not a JPEG, PNG or WebP picture");
      if (header.width < 1 || header.height < 1 || header.width > BERITA_IMAGE_MAX_SIDE || header.height > BERITA_IMAGE_MAX_SIDE) {
        throw new ImageRefused(`sides must be 1 to ${BERITA_IMAGE_MAX_SIDE} pixels`);
      }
      return { url: parsed.toString(), bytes: size, ...header };
    } catch (error) {
      // A timeout or a dropped connection while reading is the picture's failure, not ours.
      if (error instanceof ImageRefused) throw error;
      throw new ImageRefused("could not be fetched");
    } finally {
      clearTimeout(timer);
    }
  }
}
