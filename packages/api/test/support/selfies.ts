// Selfie fixtures for tests: images made on the fly (never stored), deterministic for a given seed.
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
