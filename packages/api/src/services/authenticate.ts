/** Who is calling the admin API: an API token (`Authorization: Bearer …`). */
import type { Context } from 'hono';
import type { Actor, Deps } from '../context.js';
import { actorForToken } from './auth.js';

export async function authenticate(deps: Deps, c: Context): Promise<Actor | null> {
  const header = c.req.header('authorization') ?? '';
  const token = /^Bearer\s+(.+)$/i.exec(header)?.[1]?.trim();
  return token ? actorForToken(deps.db, token) : null;
}
