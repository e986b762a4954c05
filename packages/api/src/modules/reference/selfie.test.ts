import { createHash } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { UserErrorCode } from "@jmo/schema";
import { makeTestSelfie, makeTestSelfieBytes } from "../../../test/support/selfies.ts";
import { decodeSelfie, SandboxFaceMatch, SELFIE_MAX_BYTES, type SelfieImage } from "./selfie.ts";
import { SelfieDecodePool } from "./selfie-decode.pool.ts";

const participant = { id: "p-1", fullName: "Siti Rahayu" };
const pool = new SelfieDecodePool();
const sandbox = new SandboxFaceMatch(pool);
afterAll(() => pool.close());

function decoded(base64: string): SelfieImage {
  const result = decodeSelfie(base64);
  if ("error" in result) throw new Error(`expected an image, got ${JSON.stringify(result.error)}`);
  return result.image;
}

function errorOf(base64: string) {
  const result = decodeSelfie(base64);
  return "error" in result ? result.error : null;
}

describe("decodeSelfie", () => {
  it("reads a PNG's type, size and hash from its bytes", () => {
    const bytes = makeTestSelfieBytes({ width: 320, height: 280 });
    const image = decoded(bytes.toString("base64"));
    expect(image).toMatchObject({ mime: "image/png", width: 320, height: 280 });
    expect(image.bytes.equals(bytes)).toBe(true);
    expect(image.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
  });

  it("reads a JPEG's size from its start-of-frame segment", () => {
    const image = decoded(makeTestSelfie({ format: "jpeg", width: 400, height: 300 }));
    expect(image).toMatchObject({ mime: "image/jpeg", width: 400, height: 300 });
  });

  it("accepts a data URL and ignores the type it declares", () => {
    const png = makeTestSelfie();
    expect(decoded(`data:image/gif;base64,${png}`).mime).toBe("image/png");
    expect(decoded(`DATA:image/jpeg;BASE64,${png}`).mime).toBe("image/png");
  });

  it("accepts line breaks, missing padding and the URL-safe alphabet", () => {
    const bytes = makeTestSelfieBytes({ seed: 7 });
    const standard = bytes.toString("base64");
    const expected = createHash("sha256").update(bytes).digest("hex");
    expect(decoded(standard.replace(/(.{76})/g, "$1\r\n")).sha256).toBe(expected);
    expect(decoded(standard.replace(/=+$/, "")).sha256).toBe(expected);
    expect(decoded(bytes.toString("base64url")).sha256).toBe(expected);
  });

  it.each([
    ["a GIF", Buffer.from("GIF89a\x2c\x01\x2c\x01\x00\x00\x00;", "latin1").toString("base64")],
    ["text", Buffer.from("this is not a photo, just some words").toString("base64")],
    ["WebP", Buffer.concat([Buffer.from("RIFF\x00\x00\x00\x00WEBPVP8 ", "latin1"), Buffer.alloc(64)]).toString("base64")],
    ["nothing", ""],
    ["not base64", "@@@ not base64 @@@"],
    ["base64 with a character in the middle of its padding", `${makeTestSelfie().slice(0, 40)}=A=`],
    ["a data URL that is not base64", `data:image/png,${makeTestSelfie()}`],
    ["a PNG cut inside its header", makeTestSelfieBytes().subarray(0, 20).toString("base64")],
    ["a JPEG without a frame header", Buffer.from([0xff, 0xd8, 0xff, 0xd9]).toString("base64")],
  ])("refuses %s as SELFIE_NOT_AN_IMAGE", (_what, payload) => {
    expect(errorOf(payload)).toEqual({ code: UserErrorCode.SELFIE_NOT_AN_IMAGE });
  });

  it("takes exactly 2 MB of decoded bytes and refuses one byte more as SELFIE_TOO_LARGE", () => {
    const png = makeTestSelfieBytes();
    const atLimit = Buffer.concat([png, Buffer.alloc(SELFIE_MAX_BYTES - png.length)]);
    expect(decoded(atLimit.toString("base64")).bytes.length).toBe(2 * 1024 * 1024);
    const over = Buffer.concat([atLimit, Buffer.alloc(1)]);
    expect(errorOf(over.toString("base64"))).toEqual({
      code: UserErrorCode.SELFIE_TOO_LARGE,
      params: { reason: "BYTES", maxMb: 2, maxMegapixels: 13 },
    });
  });

  it("refuses an image whose header claims more than 13 megapixels (by default), before decoding it", () => {
    const bytes = Buffer.from(makeTestSelfieBytes());
    bytes.writeUInt32BE(10_000, 16); // IHDR width
    bytes.writeUInt32BE(10_000, 20); // IHDR height
    expect(errorOf(bytes.toString("base64"))).toMatchObject({ code: UserErrorCode.SELFIE_TOO_LARGE, params: { reason: "PIXELS" } });
  });
});

describe("SandboxFaceMatch (the contract's sandbox rule)", () => {
  it("passes a 300×300 PNG that is not one flat colour", async () => {
    expect(await sandbox.verify(decoded(makeTestSelfie({ width: 300, height: 300 })), participant)).toEqual({ match: true });
  });

  it("passes a 300×300 JPEG that is not one flat colour", async () => {
    expect(await sandbox.verify(decoded(makeTestSelfie({ format: "jpeg" })), participant)).toEqual({ match: true });
  });

  it("passes exactly 256×256 and fails a side of 255", async () => {
    expect((await sandbox.verify(decoded(makeTestSelfie({ width: 256, height: 256 })), participant)).match).toBe(true);
    expect(await sandbox.verify(decoded(makeTestSelfie({ width: 255, height: 300 })), participant)).toEqual({
      match: false,
      reason: "TOO_SMALL",
    });
    expect((await sandbox.verify(decoded(makeTestSelfie({ width: 300, height: 255 })), participant)).match).toBe(false);
  });

  it("fails a 100×100 image even with detail", async () => {
    expect(await sandbox.verify(decoded(makeTestSelfie({ width: 100, height: 100 })), participant)).toEqual({
      match: false,
      reason: "TOO_SMALL",
    });
  });

  it("fails one flat colour, in PNG and in JPEG (whose rounding stays within the tolerance)", async () => {
    expect(await sandbox.verify(decoded(makeTestSelfie({ flat: true })), participant)).toEqual({ match: false, reason: "FLAT" });
    expect(await sandbox.verify(decoded(makeTestSelfie({ flat: true, format: "jpeg" })), participant)).toEqual({
      match: false,
      reason: "FLAT",
    });
  });

  it("fails an image whose header is fine but whose pixels do not decode", async () => {
    const bytes = makeTestSelfieBytes();
    const truncated = decoded(bytes.subarray(0, Math.floor(bytes.length / 2)).toString("base64"));
    expect(await sandbox.verify(truncated, participant)).toEqual({ match: false, reason: "UNREADABLE" });
    const jpegBytes = makeTestSelfieBytes({ format: "jpeg" });
    const brokenJpeg = decoded(jpegBytes.subarray(0, 400).toString("base64"));
    expect(await sandbox.verify(brokenJpeg, participant)).toEqual({ match: false, reason: "UNREADABLE" });
  });
});
