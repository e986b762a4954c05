/** Node types that `node(id:)` can fetch. */
export type NodeType = "Participant" | "Card" | "Employer" | "Pengkinian" | "Klaim" | "IuranBpuPayment" | "Pengaduan" | "Notification" | "KecelakaanKerjaReport" | "KanalLayanan" | "Berita" | "AntreanBooking";
const NODE_TYPES: ReadonlySet<string> = new Set<NodeType>(["Participant", "Card", "Employer", "Pengkinian", "Klaim", "IuranBpuPayment", "Pengaduan", "Notification", "KecelakaanKerjaReport", "KanalLayanan", "Berita", "AntreanBooking"]);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Opaque global ids: base64url of "Type:uuid". The random uuid makes them unguessable. */
export function toGlobalId(type: NodeType, id: string): string {
  return Buffer.from(`${type}:${id}`, "utf8").toString("base64url");
}

/** Returns null for anything that is not one of our ids, so callers answer "not found". */
export function fromGlobalId(globalId: string): { type: NodeType; id: string } | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(globalId)) return null;
  const decoded = Buffer.from(globalId, "base64url").toString("utf8");
  const sep = decoded.indexOf(":");
  const type = decoded.slice(0, sep);
  const id = decoded.slice(sep + 1);
  if (sep < 0 || !NODE_TYPES.has(type) || !UUID.test(id)) return null;
  return { type: type as NodeType, id };
}

export function idOfType(globalId: string, type: NodeType): string | null {
  const parsed = fromGlobalId(globalId);
  return parsed?.type === type ? parsed.id : null;
}
