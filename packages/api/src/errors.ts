/**
 * One error type with a machine-readable code. Every failure the API answers goes through
 * `toErrorResponse`: zod issues become a 422 listing each field path, database errors are mapped
 * here once, and anything unexpected is a 500 without details.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';

export interface Issue {
  path: string;
  message: string;
  code?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly issues?: Issue[],
    /** Extra response headers, e.g. Retry-After on a 429. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export const notFound = (what: string, code = `${what}_not_found`) =>
  new ApiError(404, code, `There is no ${what.replace(/_/g, ' ')} here. Check the link.`);

export function issuesFromZod(error: ZodError): Issue[] {
  return error.issues.map((i) => {
    const params = (i as { params?: { code?: string } }).params;
    return {
      path: i.path.map(String).join('.'),
      message: i.message,
      code: params?.code ?? i.code,
    };
  });
}

export function validationError(issues: Issue[]): ApiError {
  return new ApiError(422, 'validation_failed', 'Some answers need a change. See the issues for each field.', issues);
}

export function errorBody(e: ApiError) {
  return { error: { code: e.code, message: e.message, ...(e.issues ? { issues: e.issues } : {}) } };
}

/** Error codes that mean the database cannot be reached or did not answer in time. */
const UNAVAILABLE_CODES = new Set([
  // postgres.js and the socket
  'CONNECT_TIMEOUT', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED',
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EPIPE', 'EAI_AGAIN',
  // PostgreSQL: cancelled by statement_timeout / lock_timeout, shutting down, starting, too many connections
  '57014', '55P03', '57P01', '57P02', '57P03', '53300',
]);

function errorCode(err: unknown): string | undefined {
  const e = err as { code?: string; cause?: { code?: string; errors?: { code?: string }[] }; errors?: { code?: string }[] };
  return e?.code ?? e?.cause?.code ?? e?.errors?.[0]?.code ?? e?.cause?.errors?.[0]?.code;
}

/** Whether an error means the database is gone or too slow (a 503, not a bug). */
export function isDatabaseUnavailable(err: unknown): boolean {
  const code = errorCode(err);
  if (code && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) return true;
  const message = String((err as Error)?.message ?? '') + String(((err as { cause?: Error })?.cause)?.message ?? '');
  // Embedded PGlite after close.
  return /PGlite is closed/i.test(message);
}

export const databaseUnavailable = () =>
  new ApiError(503, 'database_unavailable', 'Instap cannot reach its database right now. Nothing was saved. Try again in a few minutes.', undefined, { 'Retry-After': '30' });

/** Maps PostgreSQL error codes to answers a person can act on. */
function fromDatabase(err: unknown): ApiError | null {
  if (isDatabaseUnavailable(err)) return databaseUnavailable();
  const code = errorCode(err);
  if (code === '23505') return new ApiError(409, 'already_exists', 'That already exists. Choose another name or slug.');
  if (code === '23503') return new ApiError(409, 'still_referenced', 'Other records still point to this one.');
  // Characters PostgreSQL cannot store (NUL in text or jsonb): the text guard stops them first; this is the safety net.
  if (code === '22021' || code === '22P05')
    return new ApiError(422, 'invalid_characters', 'Some text holds characters that cannot be stored. Type it again without copying it from elsewhere.');
  if (code === '22P02') return new ApiError(404, 'not_found', 'There is nothing here. Check the link.');
  return null;
}

/**
 * What the log says about an unexpected error: its kind, code and where it happened. Never the
 * values: a failed query's message lists its parameters, which can be a family's name or phone.
 */
export function logLine(err: unknown): string {
  const e = err as Error & { code?: string; cause?: Error & { code?: string } };
  const message = String(e?.message ?? err).replace(/\nparams:[\s\S]*$/, '').replace(/^Failed query: [\s\S]*$/, 'Failed query');
  const where = (e?.stack ?? '').split('\n').slice(1, 6).join('\n');
  const cause = e?.cause ? ` (cause: ${e.cause.name ?? 'Error'}${e.cause.code ? ` ${e.cause.code}` : ''})` : '';
  return `instap: unexpected ${e?.name ?? 'error'}${e?.code ? ` ${e.code}` : ''}: ${message.slice(0, 200)}${cause}\n${where}`;
}

export function toErrorResponse(err: unknown, c: Context) {
  if (err instanceof ApiError) {
    for (const [name, value] of Object.entries(err.headers ?? {})) c.header(name, value);
    return c.json(errorBody(err), err.status);
  }
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    const message = err.message || 'The request could not be read.';
    const code =
      status === 413
        ? 'body_too_large'
        : /json/i.test(message)
          ? 'malformed_json'
          : status === 401
            ? 'unauthorized'
            : 'bad_request';
    const text = code === 'malformed_json' ? 'The request body is not valid JSON.' : code === 'body_too_large' ? 'The request is too large.' : message;
    return c.json(errorBody(new ApiError(status, code, text)), status);
  }
  const mapped = fromDatabase(err);
  if (mapped) {
    for (const [name, value] of Object.entries(mapped.headers ?? {})) c.header(name, value);
    return c.json(errorBody(mapped), mapped.status);
  }
  console.error(logLine(err));
  return c.json(errorBody(new ApiError(500, 'internal_error', 'Something went wrong on our side. Try again in a moment.')), 500);
}
