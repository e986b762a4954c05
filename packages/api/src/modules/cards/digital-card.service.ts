import QRCode from "qrcode";
import { DigitalCard, DigitalCardInvalidReason, DigitalCardVerification, MembershipStatus, Segment } from "@jmo/schema";
import type { Database } from "../../db/database.ts";
import { maskName, maskNik } from "../../common/mask.ts";
import { SignedTokens } from "../../common/signed-token.ts";
import { participantRepository } from "../participants/participant.repository.ts";
import type { ParticipantRow } from "../participants/participant.table.ts";
import { cardRepository } from "./card.repository.ts";
import { isLinked } from "./card.table.ts";

/**
 * Digital cards: an SVG of the membership card whose QR code carries a signed, expiring token, and the
 * public check of such a token. The QR code holds the bare token (no URL): a verifier scans it and calls
 * `digitalCardVerify(token)`.
 *
 * The token is a JWT signed with TOKEN_SECRET (HS256) like access tokens, but for another audience, so an
 * access token is never accepted as a card token nor a card token as an access token. It holds only the
 * card's random id (`sub`) and its expiry (`exp`), besides issuer and audience: nothing personal
 * (common/signed-token.ts, shared with the branch booking's QR).
 */
const AUDIENCE = "jmo-digital-card";

/**
 * What the card shows. The holder's own card carries the full NIK and KPJ (`nik`, `kpj`): in JMO the digital card
 * replaces the plastic one. Anyone else's view (staff) gets only the masked ones, so the picture cannot leak them.
 */
export interface CardFace {
  fullName: string;
  nikMasked: string;
  kpjMasked: string;
  /** Full identifiers, for the card's holder only; absent or null: the masked ones are shown. */
  nik?: string | null;
  kpj?: string | null;
  segment: Segment;
  status: MembershipStatus;
  /** YYYY-MM-DD */
  registeredAt: string;
  nonaktifSince: string | null;
  token: string;
  expiresAt: Date;
}

/** The card the service needs: the API object (masked and full KPJ) and its row id. */
export interface CardForDigitalCard {
  rowId: string;
  ownerParticipantId: string;
  kpjMasked: string;
  /** Needed only for the holder's view. */
  kpjFull?: string;
  segment: Segment;
  status: MembershipStatus;
  registeredAt: string;
  nonaktifSince: string | null;
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);
}

const SEGMENT_LABELS: Record<Segment, string> = {
  [Segment.PU]: "Penerima Upah (PU)",
  [Segment.BPU]: "Bukan Penerima Upah (BPU)",
  [Segment.JAKON]: "Jasa Konstruksi (JAKON)",
  [Segment.PMI]: "Pekerja Migran Indonesia (PMI)",
};

/** 2019-02-01 → 01-02-2019, as Indonesian cards print dates. */
const dmy = (date: string) => `${date.slice(8, 10)}-${date.slice(5, 7)}-${date.slice(0, 4)}`;

const WIB = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Asia/Jakarta",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});
function wib(at: Date): string {
  const p = Object.fromEntries(WIB.formatToParts(at).map((x) => [x.type, x.value]));
  return `${p.day}-${p.month}-${p.year} ${p.hour}:${p.minute} WIB`;
}

/** The QR code of `text` as an <svg> element placed at (x, y) with the given size. */
async function qrElement(text: string, x: number, y: number, size: number): Promise<string> {
  const svg = (await QRCode.toString(text, { type: "svg", margin: 0, errorCorrectionLevel: "M" })).trim();
  if (!svg.startsWith("<svg ")) throw new Error("unexpected QR code output");
  // The library's standalone <svg> nests as is; only its position and size are added.
  return svg.replace("<svg ", `<svg x="${x}" y="${y}" width="${size}" height="${size}" `);
}

/**
 * The card as a standalone SVG, 856 × 540 (the ID-1 card's 85.6 × 54 mm). Every text is XML-escaped.
 */
export async function renderCardSvg(face: CardFace): Promise<string> {
  const active = face.status === MembershipStatus.AKTIF;
  const pending = face.status === MembershipStatus.MENUNGGU_IURAN_PERTAMA;
  const full = !!(face.nik && face.kpj);
  const font = `font-family="Helvetica, Arial, sans-serif"`;
  const label = (y: number, text: string) => `<text x="48" y="${y}" ${font} font-size="15" fill="#cfe9dc" letter-spacing="1">${escapeXml(text)}</text>`;
  const value = (y: number, text: string, size = 24) =>
    `<text x="48" y="${y}" ${font} font-size="${size}" font-weight="700" fill="#ffffff">${escapeXml(text)}</text>`;
  // A long name is squeezed to the space left of the QR code rather than running under it.
  const nameFit = face.fullName.length > 30 ? ` textLength="520" lengthAdjust="spacingAndGlyphs"` : "";
  const rows: string[] = [
    label(150, "NAMA"),
    `<text x="48" y="182" ${font} font-size="28" font-weight="700" fill="#ffffff"${nameFit}>${escapeXml(face.fullName)}</text>`,
    label(222, "NIK"),
    value(250, full ? face.nik! : face.nikMasked),
    label(290, "NO. KPJ"),
    value(318, full ? face.kpj! : face.kpjMasked),
    label(358, "SEGMEN"),
    value(386, SEGMENT_LABELS[face.segment], 22),
    label(426, "TERDAFTAR SEJAK"),
    value(454, dmy(face.registeredAt), 22),
  ];
  if (face.nonaktifSince) {
    rows.push(
      `<text x="300" y="426" ${font} font-size="15" fill="#cfe9dc" letter-spacing="1">NONAKTIF SEJAK</text>`,
      `<text x="300" y="454" ${font} font-size="22" font-weight="700" fill="#ffffff">${escapeXml(dmy(face.nonaktifSince))}</text>`,
    );
  }
  // A new BPU card before its first contribution is not active: it says so, in amber rather than red.
  const statusText = active ? "AKTIF" : pending ? "BELUM AKTIF" : "NONAKTIF";
  const statusColour = active ? "#2fb864" : pending ? "#d68910" : "#c0392b";
  const footer = pending
    ? "Menunggu iuran pertama: kartu aktif setelah iuran pertama dibayar."
    : full
      ? "Kartu peserta digital pengganti kartu fisik. Keaslian kartu dapat diperiksa dengan kode QR."
      : "NIK dan KPJ disamarkan. Keaslian kartu dapat diperiksa dengan kode QR.";
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="856" height="540" viewBox="0 0 856 540" role="img" aria-label="Kartu Peserta BPJS Ketenagakerjaan">`,
    `<title>Kartu Peserta BPJS Ketenagakerjaan</title>`,
    `<defs><linearGradient id="jmo-card-bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#00843d"/><stop offset="1" stop-color="#00599c"/></linearGradient></defs>`,
    `<rect width="856" height="540" rx="32" fill="url(#jmo-card-bg)"/>`,
    `<rect y="0" width="856" height="104" rx="32" fill="#ffffff" fill-opacity="0.12"/>`,
    `<text x="48" y="60" ${font} font-size="34" font-weight="700" fill="#ffffff">BPJS Ketenagakerjaan</text>`,
    `<text x="48" y="88" ${font} font-size="17" fill="#e3f4ea">Kartu Peserta Digital · Jamsostek Mobile</text>`,
    `<rect x="660" y="36" width="156" height="40" rx="20" fill="${statusColour}"/>`,
    `<text x="738" y="63" ${font} font-size="18" font-weight="700" fill="#ffffff" text-anchor="middle">${statusText}</text>`,
    ...rows,
    `<rect x="596" y="136" width="220" height="220" rx="12" fill="#ffffff"/>`,
    await qrElement(face.token, 606, 146, 200),
    `<text x="706" y="384" ${font} font-size="14" fill="#ffffff" text-anchor="middle">Pindai untuk verifikasi</text>`,
    `<text x="706" y="404" ${font} font-size="12" fill="#cfe9dc" text-anchor="middle">Berlaku s.d. ${escapeXml(wib(face.expiresAt))}</text>`,
    `<text x="48" y="508" ${font} font-size="13" fill="#cfe9dc">${escapeXml(footer)}</text>`,
    `</svg>`,
  ].join("\n");
}

export class DigitalCardService {
  private readonly signer: SignedTokens;

  constructor(
    private readonly database: Database,
    secret: string,
    private readonly ttlHours: number,
  ) {
    this.signer = new SignedTokens(secret);
  }

  issueToken(cardId: string, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
    return this.signer.issue(AUDIENCE, cardId, new Date(now.getTime() + this.ttlHours * 3_600_000));
  }

  /** The card id and expiry of a genuine, unexpired card token, or why not. */
  async verifyToken(token: string): Promise<{ cardId: string; expiresAt: Date } | "expired" | "invalid"> {
    const checked = await this.signer.verify(AUDIENCE, token);
    return typeof checked === "string" ? checked : { cardId: checked.subject, expiresAt: checked.expiresAt };
  }

  /** The card; `forHolder` (the card's own participant, not staff) puts the full NIK and KPJ on it and in its fields. */
  async create(card: CardForDigitalCard, participant: ParticipantRow, options = { forHolder: false }, now = new Date()): Promise<DigitalCard> {
    const { token, expiresAt } = await this.issueToken(card.rowId, now);
    const nik = options.forHolder ? participant.nik : null;
    const kpj = options.forHolder ? (card.kpjFull ?? null) : null;
    const nikMasked = maskNik(participant.nik);
    const svg = await renderCardSvg({
      fullName: participant.fullName,
      nikMasked,
      kpjMasked: card.kpjMasked,
      nik,
      kpj,
      segment: card.segment,
      status: card.status,
      registeredAt: card.registeredAt,
      nonaktifSince: card.nonaktifSince,
      token,
      expiresAt,
    });
    return Object.assign(new DigitalCard(), {
      ownerParticipantId: card.ownerParticipantId,
      svg,
      nik,
      kpj,
      nikMasked,
      kpjMasked: card.kpjMasked,
      verificationToken: token,
      expiresAt,
    });
  }

  /** The public check: genuine, active, and the holder's masked name; nothing else about the card or person. */
  async verify(token: string): Promise<DigitalCardVerification> {
    const invalid = (reason: DigitalCardInvalidReason): DigitalCardVerification => ({
      valid: false,
      active: null,
      nameMasked: null,
      expiresAt: null,
      reason,
    });
    const checked = await this.verifyToken(token);
    if (checked === "expired") return invalid(DigitalCardInvalidReason.EXPIRED);
    if (checked === "invalid") return invalid(DigitalCardInvalidReason.INVALID);
    const db = this.database.db;
    const [card] = await cardRepository.findByIds(db, [checked.cardId]);
    // A card taken off every profile since the token was issued no longer vouches for anyone.
    if (!isLinked(card)) return invalid(DigitalCardInvalidReason.INVALID);
    const [participant] = await participantRepository.findByIds(db, [card.participantId]);
    if (!participant) return invalid(DigitalCardInvalidReason.INVALID);
    return {
      valid: true,
      active: card.status === MembershipStatus.AKTIF,
      nameMasked: maskName(participant.fullName),
      expiresAt: checked.expiresAt,
      reason: null,
    };
  }
}
