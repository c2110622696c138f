/**
 * One check for every text that reaches the API, before any route: the path, the query and every
 * string (and key) of a JSON body. A control character (NUL and friends) or a bidi override
 * anywhere is a 422 with the code per field (never a 500 from the database, never stored). A
 * body that is not JSON is a 400 `malformed_json`. The field schemas in core (checkText) say the
 * same to the widget before it sends.
 */
import { TEXT_PROBLEM_MESSAGE, textProblem } from '@instap/core';
import type { MiddlewareHandler } from 'hono';
import { ApiError, validationError, type Issue } from '../errors.js';

const MAX_ISSUES = 20;

function walk(value: unknown, path: string[], issues: Issue[], depth = 0) {
  if (issues.length >= MAX_ISSUES) return;
  if (depth > 32) throw new ApiError(422, 'validation_failed', 'The request nests too deeply.');
  if (typeof value === 'string') {
    const p = textProblem(value);
    if (p) issues.push({ path: path.join('.'), message: TEXT_PROBLEM_MESSAGE[p], code: p });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => walk(v, [...path, String(i)], issues, depth + 1));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const p = textProblem(k);
      if (p) issues.push({ path: [...path, k.replace(/[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/gu, '?')].join('.'), message: TEXT_PROBLEM_MESSAGE[p], code: p });
      walk(v, [...path, k], issues, depth + 1);
    }
  }
}

export const textGuard: MiddlewareHandler = async (c, next) => {
  const url = new URL(c.req.url);
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    throw new ApiError(400, 'malformed_url', 'The address is not valid (a broken %-code).');
  }
  const issues: Issue[] = [];
  walk(path, ['path'], issues);
  for (const [k, v] of url.searchParams) walk({ [k]: v }, ['query'], issues);
  if (issues.length) throw validationError(issues);

  const type = c.req.header('content-type') ?? '';
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && /^application\/(.+\+)?json/i.test(type)) {
    const text = await c.req.text();
    if (text.trim() === '') return next();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new ApiError(400, 'malformed_json', 'The request body is not valid JSON.');
    }
    walk(body, [], issues);
    if (issues.length) throw validationError(issues);
  }
  await next();
};
