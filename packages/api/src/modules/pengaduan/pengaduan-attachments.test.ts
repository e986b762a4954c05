import { describe, expect, it } from "vitest";
import { makeTestSelfieBytes } from "../../../test/support/selfies.ts";
import { checkAttachment, MAX_ATTACHMENT_BYTES, safeFileName, sniffType } from "./pengaduan-attachments.ts";

const png = makeTestSelfieBytes({ width: 20, height: 10, format: "png" });
const jpg = makeTestSelfieBytes({ width: 20, height: 10, format: "jpeg" });
const pdf = Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", "latin1");

describe("attachments are what their bytes are", () => {
  it("recognises complete JPEG, PNG and PDF files and nothing else", () => {
    expect([sniffType(jpg), sniffType(png), sniffType(pdf)]).toEqual(["JPEG", "PNG", "PDF"]);
    expect(sniffType(jpg.subarray(0, jpg.length - 2))).toBeNull(); // no EOI: truncated
    expect(sniffType(png.subarray(0, png.length - 12))).toBeNull(); // no IEND
    expect(sniffType(Buffer.from("%PDF-1.4 but never ends"))).toBeNull();
    expect(sniffType(Buffer.from("<!doctype html><p>hi</p>"))).toBeNull();
    expect(sniffType(Buffer.from("MZ\x90\x00 an executable", "latin1"))).toBeNull();
  });

  it("refuses a declared type the bytes do not match, a file over 2 MB before decoding it, and what is not base64", () => {
    const b64 = (b: Buffer) => b.toString("base64");
    expect(checkAttachment({ fileName: "a.pdf", type: "PDF", contentBase64: b64(png) })).toEqual({ ok: false, problem: "TYPE_MISMATCH" });
    expect(checkAttachment({ fileName: "a.png", type: "PNG", contentBase64: b64(jpg) })).toEqual({ ok: false, problem: "TYPE_MISMATCH" });
    expect(checkAttachment({ fileName: "a.png", type: "PNG", contentBase64: "A".repeat(Math.ceil(((MAX_ATTACHMENT_BYTES + 3) * 4) / 3)) })).toEqual({ ok: false, problem: "TOO_LARGE" });
    expect(checkAttachment({ fileName: "a.png", type: "PNG", contentBase64: "not base64!" })).toEqual({ ok: false, problem: "NOT_BASE64" });
    const ok = checkAttachment({ fileName: "C:\\Users\\sri\\KTP scan.PNG", type: "PNG", contentBase64: b64(png) });
    expect(ok).toMatchObject({ ok: true, fileName: "KTP scan.PNG" });
  });

  it("gives file names without paths or control characters, with the type's extension", () => {
    expect(safeFileName("../../etc/passwd", "PDF")).toBe("passwd.pdf");
    expect(safeFileName('ktp"\u0000\r\n.jpg', "JPEG")).toBe("ktp.jpg");
    expect(safeFileName("", "PNG")).toBe("lampiran.png");
  });
});
