/** "Chrome on Android" from a User-Agent header, or the client's own label; short and free of identifiers. */
export function describeDevice(userAgent: string | undefined | null): string | null {
  if (!userAgent) return null;
  const ua = userAgent.slice(0, 512);
  const os = /Android/i.test(ua) ? "Android"
    : /iPhone|iPad|iOS/i.test(ua) ? "iOS"
    : /Windows/i.test(ua) ? "Windows"
    : /Mac OS X|Macintosh/i.test(ua) ? "macOS"
    : /Linux/i.test(ua) ? "Linux"
    : null;
  const app = /JMO\//i.test(ua) ? "JMO"
    : /Edg\//.test(ua) ? "Edge"
    : /Chrome\//.test(ua) ? "Chrome"
    : /Firefox\//.test(ua) ? "Firefox"
    : /Safari\//.test(ua) ? "Safari"
    : /^node|undici/i.test(ua) ? "Node.js"
    : (/^[\w.-]{1,40}/.exec(ua)?.[0] ?? null);
  if (app && os) return `${app} on ${os}`;
  return app ?? os;
}
