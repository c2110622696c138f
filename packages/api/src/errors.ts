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

/** Maps PostgreSQL error codes to answers a person can act on. */
function fromDatabase(err: unknown): ApiError | null {
  const code = (err as { code?: string })?.code ?? (err as { cause?: { code?: string } })?.cause?.code;
  if (code === '23505') return new ApiError(409, 'already_exists', 'That already exists. Choose another name or slug.');
  if (code === '23503') return new ApiError(409, 'still_referenced', 'Other records still point to this one.');
  if (code === '22P02') return new ApiError(404, 'not_found', 'There is nothing here. Check the link.');
  return null;
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
  if (mapped) return c.json(errorBody(mapped), mapped.status);
  console.error(err);
  return c.json(errorBody(new ApiError(500, 'internal_error', 'Something went wrong on our side. Try again in a moment.')), 500);
}
