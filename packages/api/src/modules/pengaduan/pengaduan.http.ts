import { Router } from "express";
import { canSee } from "../../common/access.ts";
import { logger } from "../../common/logger.ts";
import type { AuthInfo } from "../accounts/auth.service.ts";
import { CONTENT_TYPES } from "./pengaduan-attachments.ts";
import type { PengaduanService } from "./pengaduan.service.ts";
import type { AttachmentType } from "./pengaduan.table.ts";

interface Deps {
  pengaduan: PengaduanService;
  /** The caller behind a bearer token, as for /graphql (null: none or refused). */
  authenticate(token: string | null): Promise<AuthInfo | null>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function bearer(value: string | undefined): string | null {
  const m = value ? /^Bearer\s+(\S+)$/i.exec(value.trim()) : null;
  return m ? m[1]! : null;
}

/**
 * `GET /attachments/pengaduan/:id`: a ticket's file, for the ticket's owner or staff only (the same bearer token as
 * the API); anyone else gets the same 404 as for a missing file. Always a download with its checked type, never
 * rendered in the API's origin (Content-Disposition: attachment, a sandboxing CSP, nosniff).
 */
export function pengaduanRoutes(deps: Deps): Router {
  const router = Router();
  router.get("/attachments/pengaduan/:id", async (req, res, next) => {
    try {
      res.setHeader("cache-control", "no-store");
      const auth = await deps.authenticate(bearer(req.headers.authorization));
      if (!auth) {
        res.status(401).json({ error: "UNAUTHENTICATED" });
        return;
      }
      const id = String(req.params.id);
      const found = UUID.test(id) ? await deps.pengaduan.attachment(id) : null;
      const bytes = found && canSee(auth, found.participantId) ? await deps.pengaduan.attachmentBytes(found.row) : null;
      if (!found || !bytes) {
        res.status(404).json({ error: "NOT_FOUND" });
        return;
      }
      res.setHeader("content-type", CONTENT_TYPES[found.row.type as AttachmentType]);
      res.setHeader("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(found.row.fileName)}`);
      res.setHeader("content-security-policy", "sandbox; default-src 'none'");
      res.setHeader("x-content-type-options", "nosniff");
      res.send(bytes);
    } catch (err) {
      logger.error({ err }, "attachment download failed");
      next(err);
    }
  });
  return router;
}
