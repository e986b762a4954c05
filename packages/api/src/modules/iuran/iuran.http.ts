import express, { Router } from "express";
import { idOfType } from "../../common/global-id.ts";
import { canSee } from "../../common/access.ts";
import { logger } from "../../common/logger.ts";
import type { AuthInfo } from "../accounts/auth.service.ts";
import { renderReceiptPdf } from "./iuran-receipt.pdf.ts";
import { toReceipt } from "./iuran.mapper.ts";
import { MAX_CALLBACK_BYTES, type IuranService } from "./iuran.service.ts";

interface Deps {
  iuran: IuranService;
  /** The caller behind a bearer token, as for /graphql (null: none or refused). */
  authenticate(token: string | null): Promise<AuthInfo | null>;
}

function bearer(value: string | undefined): string | null {
  const m = value ? /^Bearer\s+(\S+)$/i.exec(value.trim()) : null;
  return m ? m[1]! : null;
}

/**
 * `POST /webhooks/payments/:provider`: a provider's signed callback, read raw (the HMAC is over the bytes received),
 * answered with a status the provider understands (2xx: done, do not retry). `GET /receipts/iuran-bpu/:id.pdf`: a paid
 * payment's receipt, for its holder or staff (the same bearer token as the API).
 */
export function iuranRoutes(deps: Deps): Router {
  const router = Router();
  router.post(
    "/webhooks/payments/:provider",
    express.raw({ type: () => true, limit: MAX_CALLBACK_BYTES }),
    async (req, res, next) => {
      try {
        const raw = Buffer.isBuffer(req.body) ? req.body.toString("utf8") : "";
        const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
        const result = await deps.iuran.handleCallback(String(req.params.provider), raw, headers);
        res.status(result.status).json({ outcome: result.outcome });
      } catch (err) {
        next(err);
      }
    },
  );
  router.get("/receipts/iuran-bpu/:file", async (req, res, next) => {
    try {
      res.setHeader("cache-control", "no-store");
      const auth = await deps.authenticate(bearer(req.headers.authorization));
      if (!auth) {
        res.status(401).json({ error: "UNAUTHENTICATED" });
        return;
      }
      const file = String(req.params.file);
      const id = file.endsWith(".pdf") ? idOfType(file.slice(0, -4), "IuranBpuPayment") : null;
      const payment = await deps.iuran.findPayment(id);
      const receipt = payment?.status === "PAID" ? await deps.iuran.receipt(payment.id) : null;
      // Someone else's receipt answers like a missing one.
      if (!payment || !receipt || !canSee(auth, payment.participantId)) {
        res.status(404).json({ error: "NOT_FOUND" });
        return;
      }
      const pdf = await renderReceiptPdf(toReceipt(payment, receipt));
      res.setHeader("content-type", "application/pdf");
      res.setHeader("content-disposition", `inline; filename="${receipt.number}.pdf"`);
      res.send(pdf);
    } catch (err) {
      logger.error({ err }, "receipt failed");
      next(err);
    }
  });
  return router;
}
