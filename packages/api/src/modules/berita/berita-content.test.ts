import { describe, expect, it } from "vitest";
import { isPrivateAddress, readImageHeader } from "./berita.image.ts";
import { renderMarkdown } from "./berita.markdown.ts";

describe("renderMarkdown", () => {
  it("keeps formatting and drops what could run", () => {
    expect(renderMarkdown("# Judul\n\n*miring* dan **tebal**")).toBe("<h2>Judul</h2>\n<p><em>miring</em> dan <strong>tebal</strong></p>");
    const html = renderMarkdown('<b onclick="x()">b</b> [a](javascript:alert(1)) [b](data:text/html,hi) ![img](https://example.com/x.png) <iframe src="https://example.com">');
    expect(html).not.toMatch(/<b |<iframe|<img|href="(javascript|data):/);
    expect(renderMarkdown("https://example.com")).toBe('<p><a href="https://example.com" rel="noopener noreferrer nofollow" target="_blank">https://example.com</a></p>');
  });
});

describe("picture checks", () => {
  it("reads the size of PNG, JPEG and WebP headers, and nothing else", () => {
    const png = Buffer.alloc(24);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    png.writeUInt32BE(640, 16);
    png.writeUInt32BE(480, 20);
    expect(readImageHeader(png)).toEqual({ contentType: "image/png", width: 640, height: 480 });
    // SOI, an APP0 segment of 16 bytes, then SOF0 with height 300 and width 400.
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, ...Array(14).fill(0), 0xff, 0xc0, 0, 17, 8, 0x01, 0x2c, 0x01, 0x90, 3, ...Array(12).fill(0)]);
    expect(readImageHeader(jpeg)).toEqual({ contentType: "image/jpeg", width: 400, height: 300 });
    const webp = Buffer.alloc(30);
    webp.write("RIFF", 0, "ascii");
    webp.write("WEBPVP8X", 8, "ascii");
    webp.writeUIntLE(1199, 24, 3);
    webp.writeUIntLE(629, 27, 3);
    expect(readImageHeader(webp)).toEqual({ contentType: "image/webp", width: 1200, height: 630 });
    expect(readImageHeader(Buffer.from("<html>not a picture</html>"))).toBeNull();
  });

  it("tells private addresses from public ones", () => {
    for (const a of ["10.0.0.1", "127.0.0.1", "172.16.5.4", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "fd00::1", "fe80::1", "::ffff:127.0.0.1"]) {
      expect(isPrivateAddress(a), a).toBe(true);
    }
    for (const a of ["8.8.8.8", "172.32.0.1", "103.10.20.30", "2001:4860:4860::8888"]) expect(isPrivateAddress(a), a).toBe(false);
  });
});
