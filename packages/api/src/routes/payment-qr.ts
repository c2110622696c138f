/**
 * The bank-app code of a registration's transfer: the EPC069-12 payload as an SVG QR code. The
 * server draws it, so the widget ships no QR generator (the family's first download stays small)
 * and every page, the private page included, shows the same code. Always optional: the transfer
 * details are written out beside it.
 */
import { createRoute, z } from '@hono/zod-openapi';
import QRCode from 'qrcode';
import type { Deps } from '../context.js';
import { ApiError } from '../errors.js';
import { loadByToken } from '../services/registrations.js';
import { paymentOf } from '../services/payments.js';
import { clientAddress, requireHits } from '../services/rate-limit.js';
import { errors, jsonError, router } from './openapi.js';

/** A page shows the code once; a family reloading it now and then stays far below this. */
export const QR_LIMIT = { max: 60, windowMs: 60_000 };
/** EPC069-12 allows 331 bytes; anything longer is not a payload we made. */
const MAX_PAYLOAD = 331;

const tokenParam = z.object({ token: z.string().openapi({ param: { name: 'token', in: 'path' } }) });

/** The QR code as SVG, error correction M as EPC069-12 asks, with the quiet zone banking apps need. */
export const qrSvg = (payload: string) => QRCode.toString(payload, { type: 'svg', errorCorrectionLevel: 'M', margin: 4, color: { dark: '#000000', light: '#ffffff' } });

export function paymentQrRoutes(deps: Deps) {
  const app = router();
  const { db, clock } = deps;

  app.openapi(
    createRoute({
      method: 'get',
      path: '/registrations/{token}/payment-qr.svg',
      tags: ['public'],
      summary: 'The EPC QR code ("scan met je bank-app") of what is left to pay by transfer',
      description: 'An SVG image of `payment.transfer.epc`. Only while something is left to pay and the organisation takes transfers. Never needed: the details are on the page too.',
      request: { params: tokenParam },
      responses: {
        200: { content: { 'image/svg+xml': { schema: z.string() } }, description: 'The QR code.' },
        404: errors[404],
        409: jsonError('`no_transfer_due`: nothing to pay by transfer for this registration (paid, waiting, or no transfers).'),
        429: jsonError('`too_many_requests` from this connection.'),
      },
    }),
    async (c) => {
      const now = clock();
      const key = `payment-qr:${clientAddress(deps, c)}`;
      await requireHits(db, [{ key, max: QR_LIMIT.max }], now, QR_LIMIT.windowMs, () => 'Too many requests from this connection. Try again in a minute.');
      const row = await loadByToken(db, c.req.valid('param').token);
      const epc = (await paymentOf(db, row, now)).transfer?.epc;
      if (!epc || epc.length > MAX_PAYLOAD) throw new ApiError(409, 'no_transfer_due', 'There is nothing to pay by transfer for this registration.');
      const svg = await qrSvg(epc);
      // A private answer (it carries the family's amount and reference): never cached, never sniffed.
      return c.body(svg, 200, {
        'Content-Type': 'image/svg+xml; charset=utf-8',
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        // The widget shows it on the club's own site.
        'Cross-Origin-Resource-Policy': 'cross-origin',
        'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
      }) as never;
    },
  );

  return app;
}
