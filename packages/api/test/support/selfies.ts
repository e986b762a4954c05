// Selfie fixtures for tests: images made on the fly (never stored), deterministic for a given seed.
import { once } from "node:events";
import { crc32, createDeflate } from "node:zlib";
import jpeg from "jpeg-js";
import { PNG } from "pngjs";

export interface TestSelfieOptions {
  width?: number;
  height?: number;
  /** One colour over the whole image: the sandbox face match refuses it. */
  flat?: boolean;
  format?: "png" | "jpeg";
  /** Varies the noise, so that two selfies differ (and hash differently). */
  seed?: number;
}

/** RGBA pixels: one grey, or noise from a small linear congruential generator. */
export function testSelfiePixels({ width = 300, height = 300, flat = false, seed = 1 }: TestSelfieOptions = {}): Buffer {
  const data = Buffer.alloc(width * height * 4);
  let state = seed >>> 0 || 1;
  for (let i = 0; i < data.length; i += 4) {
    if (flat) {
      data[i] = data[i + 1] = data[i + 2] = 128;
    } else {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      data[i] = state & 0xff;
      data[i + 1] = (state >>> 8) & 0xff;
      data[i + 2] = (state >>> 16) & 0xff;
    }
    data[i + 3] = 255;
  }
  return data;
}

/** The image's bytes: a PNG (default) or a JPEG of quality 90. */
export function makeTestSelfieBytes(options: TestSelfieOptions = {}): Buffer {
  const { width = 300, height = 300, format = "png" } = options;
  const data = testSelfiePixels(options);
  if (format === "jpeg") return jpeg.encode({ width, height, data }, 90).data;
  const png = new PNG({ width, height });
  data.copy(png.data);
  return PNG.sync.write(png);
}

/**
 * A selfie as the app sends it, base64. Defaults: a 300×300 PNG of noise, which the sandbox face match accepts;
 * `{ flat: true }` or a side under 256 fails it.
 */
export function makeTestSelfie(options: TestSelfieOptions = {}): string {
  return makeTestSelfieBytes(options).toString("base64");
}

/**
 * A decompression bomb: a valid PNG whose IHDR declares `width`×`height` RGBA and whose IDAT is a small zlib stream of
 * zeros (4898×4898 is ~96 MB inflated, ~93 KB sent). `tail` non-zero bytes at the very end make it decode to an image
 * that is not flat, so a decoder has to read every pixel. Built as a stream: the inflated image is never in memory.
 */
export async function makeZeroPng(width: number, height: number, { tail = 0 }: { tail?: number } = {}): Promise<Buffer> {
  if (tail > width * 4) throw new Error("tail must stay within the last row's pixels");
  const deflate = createDeflate({ level: 9 });
  const compressed: Buffer[] = [];
  deflate.on("data", (chunk: Buffer) => compressed.push(chunk));
  const finished = once(deflate, "end");
  const zeros = Buffer.alloc(1 << 20);
  for (let left = (width * 4 + 1) * height - tail; left > 0; left -= zeros.length) {
    if (!deflate.write(zeros.subarray(0, Math.min(left, zeros.length)))) await once(deflate, "drain");
  }
  if (tail) deflate.write(Buffer.from(Array.from({ length: tail }, (_, i) => (i * 37 + 1) & 0xff)));
  deflate.end();
  await finished;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, pngChunk("IHDR", ihdr), pngChunk("IDAT", Buffer.concat(compressed)), pngChunk("IEND", Buffer.alloc(0))]);
}

/** One PNG chunk: length, type, data, CRC-32 of type and data. */
export function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}
