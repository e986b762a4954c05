// The sandbox face match's pixel work, in a worker thread so that decoding a large selfie never blocks the event loop
// (issue 10, finding 4). Plain JavaScript importing only JavaScript packages, so the same file runs under tsx, vitest
// and a compiled `node` build. The header (size, one IHDR, one frame) was checked by decodeSelfie on the main thread;
// every allocation here is capped by that checked size, so a header that lies cannot make the decoder take more.
import { parentPort } from "node:worker_threads";
import { inflateSync } from "node:zlib";
import jpeg from "jpeg-js";
import pngjs from "pngjs";

const { PNG } = pngjs;

parentPort.on("message", (task) => {
  let result;
  try {
    const pixels = decode(task);
    result = pixels.width === task.width && pixels.height === task.height ? { readable: true, flat: isFlat(pixels.data, task.flatTolerance) } : { readable: false };
  } catch {
    result = { readable: false };
  }
  parentPort.postMessage({ id: task.id, ...result });
});

/** RGBA pixels; throws when the bytes do not decode completely or would need more than the checked size allows. */
function decode({ mime, bytes, width, height }) {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (mime === "image/png") {
    boundInterlacedPng(buffer, width, height);
    return PNG.sync.read(buffer);
  }
  return jpeg.decode(buffer, {
    useTArray: true,
    formatAsRGBA: true,
    // Well-formed means every scan decodes: no grey fill-in for a cut-off file.
    tolerantDecoding: false,
    // No frame larger than the checked header (decodeSelfie already refused a second frame).
    maxResolutionInMP: (width * height + 1) / 1e6, // + 1: jpeg-js multiplies back, and 0.09 × 10⁶ may round down
    maxMemoryUsageInMB: jpegBudgetMb(width, height),
  });
}

/**
 * What jpeg-js may allocate for one frame of this size, whatever its sampling: up to 4 components of coefficient
 * blocks (4 bytes per sample) and sample lines (1 byte), each padded to whole 32-pixel MCUs, then the interleaved
 * samples (≤ 4 bytes) and the RGBA output (4 bytes), plus 4 MB for tables and APP segments.
 */
function jpegBudgetMb(width, height) {
  const padded = (width + 32) * (height + 32);
  return Math.ceil((padded * 4 * 5 + width * height * 8) / 1048576) + 4;
}

/**
 * pngjs inflates a non-interlaced image into a buffer of the size its IHDR declares, but an interlaced one without any
 * limit: a small IDAT could inflate to gigabytes. Inflate it here first, refusing more than the Adam7 passes of the
 * checked size can hold (the bytes of every pixel plus at most two bytes of filter and padding per pass row).
 */
function boundInterlacedPng(buffer, width, height) {
  if (buffer.length < 29 || buffer[28] !== 1) return;
  const bitsPerPixel = buffer[24] * ({ 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[buffer[25]] ?? 4);
  const maxOutputLength = Math.ceil((width * height * bitsPerPixel) / 8) + 4 * height + 64;
  const idat = [];
  for (let i = 8; i + 8 <= buffer.length; ) {
    const length = buffer.readUInt32BE(i);
    if (buffer.toString("latin1", i + 4, i + 8) === "IDAT") idat.push(buffer.subarray(i + 8, i + 8 + length));
    i += 12 + length;
  }
  inflateSync(Buffer.concat(idat), { maxOutputLength }); // throws past the limit
}

/** Every channel within `tolerance` levels over the whole image (a blank frame, even after JPEG rounding). */
function isFlat(rgba, tolerance) {
  const min = [255, 255, 255, 255];
  const max = [0, 0, 0, 0];
  for (let i = 0; i < rgba.length; i += 4) {
    for (let c = 0; c < 4; c++) {
      const v = rgba[i + c];
      if (v < min[c]) min[c] = v;
      if (v > max[c]) max[c] = v;
    }
    // Most photos vary within the first row: stop as soon as one channel does.
    if (max[0] - min[0] > tolerance || max[1] - min[1] > tolerance || max[2] - min[2] > tolerance || max[3] - min[3] > tolerance) {
      return false;
    }
  }
  return true;
}
