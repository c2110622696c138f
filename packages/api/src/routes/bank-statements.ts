/**
 * Money from outside, for staff: bank statements (CAMT.053: upload, what was booked, matching the
 * rest by hand) and the online payments made through Mollie. Mounted at /admin.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Deps } from '../context.js';
import { ApiError, errorBody } from '../errors.js';
import { importStatement, matchByHand, organisationLines, statementWithLines } from '../payments/bank-statements.js';
import { CAMT_MAX_BYTES } from '../payments/camt053.js';
import { organisationOnlinePayments } from '../payments/online.js';
import { errors, json, jsonError, router } from './openapi.js';
import { access, auth, authErrors, slugParam } from './admin/shared.js';

/** The one route whose body may be larger than the API's 64 KB: a statement of a busy month. */
export const isStatementUpload = (method: string, path: string) => method === 'POST' && /\/admin\/organisations\/[^/]+\/bank-statements\/?$/.test(path);
const UPLOAD_LIMIT = CAMT_MAX_BYTES + 64 * 1024;
/**
 * The upload's own size limit. The API applies it in place of the 64 KB one, before any other
 * middleware reads the body: a body stream can be read once, so one limit per request.
 */
export const statementBodyLimit = bodyLimit({
  maxSize: UPLOAD_LIMIT,
  onError: (c) => c.json(errorBody(new ApiError(413, 'statement_too_large', 'This file is larger than 2 MB. Export a shorter period from your bank.')), 413),
});

const lineSchema = z
  .object({
    id: z.string(),
    statementId: z.string(),
    amountCents: z.number().int(),
    currency: z.string(),
    bookingDate: z.string().nullable(),
    debtorName: z.string().nullable(),
    debtorIban: z.string().nullable(),
    remittance: z.string(),
    reference: z.string().nullable().openapi({ description: 'The structured communication found (valid check digit), as +++…+++.' }),
    state: z.enum(['booked', 'partly-booked', 'unmatched', 'matched']),
    reason: z
      .enum(['no-reference', 'bad-check-digit', 'unknown-reference', 'foreign-currency', 'nothing-due', 'more-than-due'])
      .nullable()
      .openapi({ description: 'Why (not all of) it was booked. `unknown-reference` also for a reference of another organisation.' }),
    registrationId: z.string().nullable(),
    bookedCents: z.number().int(),
    restCents: z.number().int().openapi({ description: 'What is left to match by hand.' }),
  })
  .openapi('BankLine');
const statementSchema = z
  .object({ id: z.string(), messageId: z.string().nullable(), version: z.string(), accountIbans: z.array(z.string()), credits: z.number().int(), uploadedAt: z.string(), uploadedBy: z.string().nullable() })
  .openapi('BankStatement');
const importSchema = z.object({
  statement: statementSchema,
  alreadyUploaded: z.boolean(),
  newLines: z.number().int(),
  booked: z.array(lineSchema),
  toMatch: z.array(lineSchema),
  skipped: z.object({ debits: z.number().int(), notBooked: z.number().int(), reversals: z.number().int() }),
});

async function fileOf(c: Context): Promise<Uint8Array> {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  if (type.startsWith('multipart/form-data')) {
    const form = await c.req.parseBody().catch(() => {
      throw new ApiError(400, 'bad_request', 'The upload could not be read. Choose the file again.');
    });
    const file = form.file;
    if (!(file instanceof File)) throw new ApiError(422, 'statement_missing', 'Add the statement as the form field `file`.');
    return new Uint8Array(await file.arrayBuffer());
  }
  if (/^(application|text)\/xml|^application\/octet-stream/.test(type)) return new Uint8Array(await c.req.arrayBuffer());
  throw new ApiError(415, 'unsupported_media_type', 'Send the CAMT.053 file as XML (application/xml) or as a form upload (multipart/form-data, field `file`).');
}

export function bankStatementRoutes(deps: Deps) {
  const app = router();
  const { db, clock } = deps;
  const can = access(deps);

  app.openapi(
    createRoute({
      method: 'post',
      path: '/organisations/{slug}/bank-statements',
      tags: ['admin'],
      summary: 'Upload a bank statement (CAMT.053): matching credits are booked, the rest is listed',
      description: 'Raw XML (`application/xml`) or multipart with the field `file`; at most 2 MB. The same file again books nothing new.',
      ...auth,
      request: { params: slugParam },
      responses: {
        201: json(importSchema, 'Read and booked.'),
        ...authErrors,
        404: errors[404],
        413: jsonError('`statement_too_large`: more than 2 MB.'),
        415: jsonError('`statement_not_xml` or `unsupported_media_type`.'),
        422: jsonError('`statement_not_camt053`, `statement_doctype`, `statement_unreadable`, `statement_other_account`.'),
      },
    }),
    async (c) => {
      const actor = c.get('actor');
      const org = await can.organisation(actor, c.req.valid('param').slug);
      const file = await fileOf(c);
      const result = await importStatement(db, org.id, file, actor.name, clock());
      return c.json(result, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/organisations/{slug}/bank-statements/{id}',
      tags: ['admin'],
      summary: 'One uploaded statement with its lines',
      ...auth,
      request: { params: slugParam.extend({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) }) },
      responses: { 200: json(z.object({ statement: statementSchema, lines: z.array(lineSchema) }), 'The statement.'), ...authErrors, 404: errors[404] },
    }),
    async (c) => {
      const { slug, id } = c.req.valid('param');
      const org = await can.organisation(c.get('actor'), slug);
      return c.json(await statementWithLines(db, org.id, id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/organisations/{slug}/bank-lines',
      tags: ['admin'],
      summary: "The organisation's bank lines; `?unmatched=1`: only those still to match",
      ...auth,
      request: { params: slugParam, query: z.object({ unmatched: z.enum(['0', '1']).optional().openapi({ param: { name: 'unmatched', in: 'query' } }) }) },
      responses: { 200: json(z.object({ lines: z.array(lineSchema) }), 'Newest first, at most 500.'), ...authErrors, 404: errors[404] },
    }),
    async (c) => {
      const org = await can.organisation(c.get('actor'), c.req.valid('param').slug);
      return c.json({ lines: await organisationLines(db, org.id, c.req.valid('query').unmatched === '1') }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/organisations/{slug}/bank-lines/{lineId}/match',
      tags: ['admin'],
      summary: 'Put a bank line on a registration by hand',
      description: 'Books what the registration still owes, at most what is left of the line.',
      ...auth,
      request: {
        params: slugParam.extend({ lineId: z.string().openapi({ param: { name: 'lineId', in: 'path' } }) }),
        body: { required: true, content: { 'application/json': { schema: z.object({ registrationId: z.string().uuid() }) } } },
      },
      responses: {
        200: json(lineSchema, 'The line, booked.'),
        ...authErrors,
        404: errors[404],
        409: jsonError('`nothing_due`, `bank_line_used` or `foreign_currency`.'),
        422: errors[422],
      },
    }),
    async (c) => {
      const actor = c.get('actor');
      const { slug, lineId } = c.req.valid('param');
      const org = await can.organisation(actor, slug);
      if (!/^[0-9a-f-]{36}$/i.test(lineId)) throw new ApiError(404, 'bank_line_not_found', 'There is no such bank line for this organisation.');
      return c.json(await matchByHand(db, org.id, lineId, c.req.valid('json').registrationId, actor.name, clock()), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/organisations/{slug}/online-payments',
      tags: ['admin'],
      summary: "The organisation's Mollie payments; `?attention=1`: paid in Mollie but nothing was due any more (refund in Mollie)",
      ...auth,
      request: { params: slugParam, query: z.object({ attention: z.enum(['0', '1']).optional().openapi({ param: { name: 'attention', in: 'query' } }) }) },
      responses: {
        200: json(
          z.object({
            payments: z.array(
              z.object({
                id: z.string(),
                molliePaymentId: z.string().nullable(),
                registrationId: z.string(),
                amountCents: z.number().int(),
                status: z.string().openapi({ description: "Mollie's last status, or `creating`, `failed`, `paid-not-booked`." }),
                mode: z.enum(['test', 'live']).nullable(),
                createdAt: z.string(),
                updatedAt: z.string(),
              }),
            ),
          }),
          'Newest first, at most 500.',
        ),
        ...authErrors,
        404: errors[404],
      },
    }),
    async (c) => {
      const org = await can.organisation(c.get('actor'), c.req.valid('param').slug);
      return c.json({ payments: await organisationOnlinePayments(db, org.id, c.req.valid('query').attention === '1') }, 200);
    },
  );

  return app;
}
