// Selfies whose header lies, and the decode pool's bounds (issue 10, finding 4).
import { deflateSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { UserErrorCode } from "@jmo/schema";
import { makeTestSelfieBytes, makeZeroPng, pngChunk } from "../../../test/support/selfies.ts";
import { ApiError } from "../../common/errors.ts";
import { decodeSelfie, SandboxFaceMatch, type SelfieImage } from "./selfie.ts";
import { SelfieDecodeBusy, SelfieDecodePool } from "./selfie-decode.pool.ts";

const pool = new SelfieDecodePool();
afterAll(() => pool.close());

function image(bytes: Buffer, maxMegapixels = 13): SelfieImage {
  const result = decodeSelfie(bytes.toString("base64"), { maxMegapixels });
  if ("error" in result) throw new Error(`expected an image, got ${JSON.stringify(result.error)}`);
  return result.image;
}

const errorOf = (bytes: Buffer) => {
  const result = decodeSelfie(bytes.toString("base64"));
  return "error" in result ? result.error : null;
};

/** Offset of the first JPEG segment with this marker (walking segments from SOI, not into scan data). */
function segmentAt(jpeg: Buffer, marker: number): number {
  for (let i = 2; i + 4 <= jpeg.length; i += 2 + jpeg.readUInt16BE(i + 2)) if (jpeg[i + 1] === marker) return i;
  throw new Error(`no marker ${marker.toString(16)}`);
}

describe("a header that lies is refused before decoding (SELFIE_NOT_AN_IMAGE)", () => {
  it("a PNG with a second IHDR declaring a larger image (the decoder would take the second)", () => {
    const png = makeTestSelfieBytes();
    const big = Buffer.alloc(13);
    big.writeUInt32BE(20_000, 0);
    big.writeUInt32BE(20_000, 4);
    big[8] = 8;
    big[9] = 6;
    const twice = Buffer.concat([png.subarray(0, 33), pngChunk("IHDR", big), png.subarray(33)]);
    expect(errorOf(twice)).toEqual({ code: UserErrorCode.SELFIE_NOT_AN_IMAGE });
  });

  it("a JPEG with a second frame, before or after its scan (each frame is allocated)", () => {
    const jpeg = makeTestSelfieBytes({ format: "jpeg" });
    const sof = segmentAt(jpeg, 0xc0);
    const frame = Buffer.from(jpeg.subarray(sof, sof + 2 + jpeg.readUInt16BE(sof + 2)));
    frame.writeUInt16BE(4000, 5); // height
    frame.writeUInt16BE(4000, 7); // width
    const before = Buffer.concat([jpeg.subarray(0, sof), frame, jpeg.subarray(sof)]);
    const after = Buffer.concat([jpeg.subarray(0, jpeg.length - 2), frame, jpeg.subarray(jpeg.length - 2)]);
    expect(errorOf(before)).toEqual({ code: UserErrorCode.SELFIE_NOT_AN_IMAGE });
    expect(errorOf(after)).toEqual({ code: UserErrorCode.SELFIE_NOT_AN_IMAGE });
    expect(errorOf(jpeg)).toBeNull();
  });

  it("a JPEG with more than 32 scans (each one costs a pass over the image)", () => {
    const jpeg = makeTestSelfieBytes({ format: "jpeg" });
    const scan = Buffer.from([0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00, 0x12, 0x34]);
    const withScans = (n: number) => Buffer.concat([jpeg.subarray(0, jpeg.length - 2), ...Array(n).fill(scan), jpeg.subarray(jpeg.length - 2)]);
    expect(errorOf(withScans(31))).toBeNull(); // 32 with its own
    expect(errorOf(withScans(32))).toEqual({ code: UserErrorCode.SELFIE_NOT_AN_IMAGE });
  });
});

describe("the decoder never allocates past the checked size", () => {
  it("an interlaced PNG whose IDAT inflates to 256 MB is unreadable, without the memory following", async () => {
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(300, 0);
    ihdr.writeUInt32BE(300, 4);
    ihdr[8] = 8;
    ihdr[9] = 6;
    ihdr[12] = 1; // Adam7: pngjs inflates these without a limit
    const idat = deflateSync(Buffer.alloc(256 * 2 ** 20));
    const bytes = Buffer.concat([makeTestSelfieBytes().subarray(0, 8), pngChunk("IHDR", ihdr), pngChunk("IDAT", idat), pngChunk("IEND", Buffer.alloc(0))]);
    const before = process.memoryUsage().rss;
    expect(await pool.check(image(bytes), 8)).toEqual({ readable: false });
    expect((process.memoryUsage().rss - before) / 2 ** 20).toBeLessThan(150);
  });

  it("a PNG whose IDAT is cut short is unreadable", async () => {
    const png = await makeZeroPng(2000, 2000, { tail: 100 });
    const idatEnd = png.length - 12; // before IEND
    const cut = Buffer.concat([png.subarray(0, 33 + 8 + Math.floor((idatEnd - 33 - 8) / 2))]);
    expect(await pool.check(image(cut), 8)).toEqual({ readable: false });
    expect(await pool.check(image(png), 8)).toEqual({ readable: true, flat: false });
  });
});

describe("SelfieDecodePool bounds", () => {
  it("refuses a selfie when its queue is full, and the sandbox answers RATE_LIMITED", async () => {
    const small = new SelfieDecodePool({ size: 1, maxQueue: 1 });
    try {
      const selfie = image(makeTestSelfieBytes());
      const running = small.check(selfie, 8);
      const queued = small.check(selfie, 8);
      await expect(small.check(selfie, 8)).rejects.toMatchObject({ reason: "QUEUE_FULL" });
      expect(await Promise.all([running, queued])).toEqual([
        { readable: true, flat: false },
        { readable: true, flat: false },
      ]);
      const full = new SelfieDecodePool({ size: 1, maxQueue: 0 });
      const busy = full.check(selfie, 8);
      const refused = await new SandboxFaceMatch(full).verify(selfie, { id: "p", fullName: "X" }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(ApiError);
      expect((refused as ApiError).extensions).toMatchObject({ code: "RATE_LIMITED", retryAfterSeconds: 5 });
      await busy;
      await full.close();
    } finally {
      await small.close();
    }
  });

  it("ends a decode over its time limit (the caller is told to retry), and refuses everything once closed", async () => {
    const hasty = new SelfieDecodePool({ size: 1, timeoutMs: 1 });
    const selfie = image(makeTestSelfieBytes());
    await expect(hasty.check(selfie, 8)).rejects.toBeInstanceOf(SelfieDecodeBusy);
    await expect(hasty.check(selfie, 8)).rejects.toMatchObject({ reason: "TIMEOUT" }); // a fresh thread, timed again
    const queued = expect(hasty.check(selfie, 8)).rejects.toMatchObject({ reason: "CLOSED" });
    await hasty.close();
    await queued;
    await expect(hasty.check(selfie, 8)).rejects.toMatchObject({ reason: "CLOSED" });
  });
});
