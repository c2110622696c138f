/**
 * Users and roles (/admin/users), the organisations an account may work for, and — through
 * on-behalf.ts — what intermediaries do for families. Mounted FIRST in admin/index.ts: the
 * intermediary's view of a registrations list must answer before the staff list does.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { organisationInputSchema, originSchema } from '@instap/core';
import { and, asc, desc, eq, type SQL } from 'drizzle-orm';
import { getCookie } from 'hono/cookie';
import type { Actor, Deps } from '../../context.js';
import { organisations, referralLinks } from '../../db/schema.js';
import { USER_ROLES, users } from '../../db/schema-accounts.js';
import { ApiError, notFound } from '../../errors.js';
import {
  LIMITS,
  SESSION_COOKIE,
  createUser,
  endOtherSessionsOf,
  endSessionsOf,
  hashPassword,
  passwordProblem,
  rateLimit,
  verifyPassword,
  type UserRow,
} from '../../services/accounts.js';
import { isUuid } from '../../services/activities.js';
import { assertCanManage } from '../../services/auth.js';
import { referralUrl } from '../../services/referrals.js';
import { body, errors, json, originOf, router, sentOnly } from '../openapi.js';
import { onBehalfRoutes } from './on-behalf.js';
import { access, auth, authErrors, idParam, slugParam } from './shared.js';

const roleSchema = z.enum(USER_ROLES);
const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  organisation: z.string().nullable().openapi({ description: 'The slug; null for the whole city.' }),
  hasPassword: z.boolean(),
  disabled: z.boolean(),
  createdAt: z.string(),
});
const password = z.string().max(200).superRefine((v, ctx) => {
  const p = passwordProblem(v);
  if (p) ctx.addIssue({ code: 'custom', message: p, params: { code: 'password_too_short' } });
});
const userInputSchema = z.object({
  email: z.string().trim().min(1, 'Fill in the e-mail address.').max(254).email('Give an e-mail address like naam@club.be.'),
  name: z.string().trim().min(1, 'Fill in the name.').max(120),
  role: roleSchema,
  organisation: z.string().trim().max(60).nullable().optional(),
  password: password.optional(),
});
const userPatchSchema = z.object({
  name: z.string().trim().min(1).max(120).optional(),
  role: roleSchema.optional(),
  password: password.optional(),
  disabled: z.boolean().optional(),
});
const ownPasswordSchema = z.object({
  currentPassword: z.string().max(200).optional().openapi({ description: 'Required when the account has a password.' }),
  newPassword: password,
});
const orgViewSchema = z.object({ slug: z.string(), name: z.string(), phone: z.string(), email: z.string().nullable(), allowedOrigins: z.array(z.string()) });
const orgListSchema = z.object({ organisations: z.array(orgViewSchema) });
// Without the input schema's default: a PATCH that leaves out allowedOrigins leaves them alone.
const organisationPatchSchema = z
  .object({ ...organisationInputSchema.pick({ name: true, phone: true, email: true }).shape, allowedOrigins: z.array(originSchema).max(20) })
  .partial();
const isAdmin = (actor: Actor) => actor.role === 'city-admin' || actor.role === 'organisation-admin';

const orgView = (o: typeof organisations.$inferSelect) => ({ slug: o.slug, name: o.name, phone: o.phone, email: o.email, allowedOrigins: o.allowedOrigins });

export function accountRoutes(deps: Deps) {
  const app = router();
  const { db, clock } = deps;
  const can = access(deps);

  const slugOf = async (organisationId: string | null) =>
    organisationId ? ((await db.select({ slug: organisations.slug }).from(organisations).where(eq(organisations.id, organisationId)))[0]?.slug ?? null) : null;
  const view = async (u: UserRow) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    organisation: await slugOf(u.organisationId),
    hasPassword: u.passwordHash !== null,
    disabled: u.disabledAt !== null,
    createdAt: u.createdAt.toISOString(),
  });

  /** Who manages accounts: a city admin for the city, an organisation admin for its organisation. */
  function assertUserAdmin(actor: Actor) {
    if (actor.role !== 'city-admin' && actor.role !== 'organisation-admin') throw new ApiError(403, 'forbidden', 'Only an admin manages accounts.');
  }
  const visibleUsers = (actor: Actor): SQL | undefined =>
    actor.role === 'city-admin' && actor.organisationId === null ? eq(users.cityId, actor.cityId) : eq(users.organisationId, actor.organisationId ?? '00000000-0000-0000-0000-000000000000');

  async function loadUser(actor: Actor, id: string): Promise<UserRow> {
    assertUserAdmin(actor);
    if (!isUuid(id)) throw notFound('user');
    const [u] = await db.select().from(users).where(and(eq(users.id, id), visibleUsers(actor)));
    if (!u) throw notFound('user');
    return u;
  }

  /** An organisation admin hands out its own organisation's roles; only a city admin makes city admins. */
  function assertMayGrant(actor: Actor, role: z.infer<typeof roleSchema>) {
    if (actor.role !== 'city-admin' && role === 'city-admin')
      throw new ApiError(403, 'forbidden', 'Only a city admin can make someone city admin.');
  }

  app.openapi(
    createRoute({
      method: 'get',
      path: '/organisations',
      tags: ['admin'],
      summary: 'The organisations this account works for',
      ...auth,
      responses: { 200: json(orgListSchema, 'The organisations, by name.'), ...authErrors },
    }),
    async (c) => {
      const actor = c.get('actor');
      const rows = await db.select().from(organisations).where(eq(organisations.cityId, actor.cityId)).orderBy(asc(organisations.name));
      const mine = rows.filter((o) => {
        try {
          assertCanManage(actor, o);
          return true;
        } catch {
          return false;
        }
      });
      return c.json({ organisations: mine.map(orgView) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/organisations/{slug}',
      tags: ['admin'],
      summary: "Change an organisation's name, phone, e-mail or the websites allowed to embed the widget",
      ...auth,
      request: { params: slugParam, body: body(organisationPatchSchema) },
      responses: { 200: json(orgViewSchema, 'The changed organisation.'), ...authErrors, ...errors },
    }),
    async (c) => {
      const actor = c.get('actor');
      const org = await can.organisation(actor, c.req.valid('param').slug);
      assertUserAdmin(actor);
      const patch = await sentOnly(c, c.req.valid('json'));
      if (Object.keys(patch).length === 0) return c.json(orgView(org), 200);
      const [updated] = await db.update(organisations).set(patch).where(eq(organisations.id, org.id)).returning();
      return c.json(orgView(updated!), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/users',
      tags: ['users'],
      summary: 'The accounts an admin manages (city: all of the city; organisation: its own)',
      ...auth,
      responses: { 200: json(z.object({ users: z.array(userSchema) }), 'The accounts, by name.'), ...authErrors },
    }),
    async (c) => {
      const actor = c.get('actor');
      assertUserAdmin(actor);
      const rows = await db.select().from(users).where(visibleUsers(actor)).orderBy(asc(users.name));
      return c.json({ users: await Promise.all(rows.map(view)) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/users',
      tags: ['users'],
      summary: 'Create an account (without password: the person signs in with an e-mailed link)',
      ...auth,
      request: { body: body(userInputSchema) },
      responses: { 201: json(userSchema, 'Created.'), ...authErrors, ...errors },
    }),
    async (c) => {
      const actor = c.get('actor');
      assertUserAdmin(actor);
      const input = c.req.valid('json');
      assertMayGrant(actor, input.role);
      let organisationId: string | null = actor.organisationId;
      if (actor.role === 'city-admin' && actor.organisationId === null) {
        organisationId = null;
        if (input.organisation) {
          const [org] = await db.select().from(organisations).where(eq(organisations.slug, input.organisation));
          if (!org || org.cityId !== actor.cityId)
            throw new ApiError(422, 'validation_failed', 'There is no such organisation in your city.', [{ path: 'organisation', message: 'Choose an organisation of your city.', code: 'organisation_unknown' }]);
          organisationId = org.id;
        }
      }
      const user = await createUser(db, { email: input.email, name: input.name, role: input.role, cityId: actor.cityId, organisationId, password: input.password }, clock());
      return c.json(await view(user), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/users/{id}',
      tags: ['users'],
      summary: "Change an account's name, role or password, or disable it (this signs it out everywhere)",
      ...auth,
      request: { params: idParam, body: body(userPatchSchema) },
      responses: { 200: json(userSchema, 'The changed account.'), ...authErrors, ...errors },
    }),
    async (c) => {
      const actor = c.get('actor');
      const target = await loadUser(actor, c.req.valid('param').id);
      const patch = c.req.valid('json');
      if (patch.role) assertMayGrant(actor, patch.role);
      if (target.role === 'city-admin') assertMayGrant(actor, 'city-admin');
      if (patch.role && patch.role !== target.role && !target.organisationId && patch.role !== 'city-admin' && patch.role !== 'intermediary')
        throw new ApiError(422, 'validation_failed', 'Staff belong to an organisation.', [{ path: 'role', message: 'This account has no organisation: choose city admin or intermediary.', code: 'organisation_required' }]);
      if (patch.disabled && target.id === actor.userId)
        throw new ApiError(422, 'validation_failed', 'You cannot disable your own account.', [{ path: 'disabled', message: 'Ask another admin to do this.', code: 'disable_self' }]);
      const now = clock();
      const [updated] = await db
        .update(users)
        .set({
          ...(patch.name ? { name: patch.name } : {}),
          ...(patch.role ? { role: patch.role } : {}),
          ...(patch.password ? { passwordHash: await hashPassword(patch.password) } : {}),
          ...(patch.disabled !== undefined ? { disabledAt: patch.disabled ? now : null } : {}),
          updatedAt: now,
        })
        .where(eq(users.id, target.id))
        .returning();
      // A new role, password or a disabled account must not live on in open sessions.
      if (patch.role || patch.password || patch.disabled) await endSessionsOf(db, target.id);
      return c.json(await view(updated!), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/users/{id}',
      tags: ['users'],
      summary: 'Disable an account (kept, so the families it registered stay linked)',
      ...auth,
      request: { params: idParam },
      responses: { 200: json(userSchema, 'The disabled account.'), ...authErrors, ...errors },
    }),
    async (c) => {
      const actor = c.get('actor');
      const target = await loadUser(actor, c.req.valid('param').id);
      if (target.role === 'city-admin') assertMayGrant(actor, 'city-admin');
      if (target.id === actor.userId)
        throw new ApiError(422, 'validation_failed', 'You cannot disable your own account.', [{ path: 'id', message: 'Ask another admin to do this.', code: 'disable_self' }]);
      const [updated] = await db.update(users).set({ disabledAt: clock(), updatedAt: clock() }).where(eq(users.id, target.id)).returning();
      await endSessionsOf(db, target.id);
      return c.json(await view(updated!), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/users/me/password',
      tags: ['users'],
      summary: 'Change your own password (signs you out everywhere else)',
      ...auth,
      request: { body: body(ownPasswordSchema) },
      responses: { 200: json(z.object({ message: z.string() }), 'Changed.'), ...authErrors, ...errors },
    }),
    async (c) => {
      const actor = c.get('actor');
      if (actor.kind !== 'session' || !actor.userId) throw new ApiError(403, 'forbidden', 'Only a signed-in person has a password. An API token has none.');
      const [me] = await db.select().from(users).where(eq(users.id, actor.userId));
      if (!me) throw notFound('user');
      const { currentPassword, newPassword } = c.req.valid('json');
      const now = clock();
      // The same limit as signing in: a stolen session must not become a way to guess the password.
      await rateLimit(db, [{ key: `password-change:${me.id}`, max: LIMITS.passwordPerAccountAddress }], now);
      if (me.passwordHash) {
        const right = currentPassword ? await verifyPassword(currentPassword, me.passwordHash) : false;
        if (!right) {
          const message = currentPassword ? 'This is not your current password.' : 'Fill in your current password.';
          throw new ApiError(422, 'validation_failed', message, [{ path: 'currentPassword', message, code: currentPassword ? 'password_wrong' : 'password_required' }]);
        }
      }
      await db.update(users).set({ passwordHash: await hashPassword(newPassword), updatedAt: now }).where(eq(users.id, me.id));
      await endOtherSessionsOf(db, me.id, getCookie(c, SESSION_COOKIE));
      return c.json({ message: 'Your password is changed. You are signed out everywhere else.' }, 200);
    },
  );

  // Referral links: an intermediary sees only the links they made; organisation staff see every
  // link of their organisation, but a note only on their own (a note may say who the family is).
  // Answers before organisations.ts does (this router is mounted first); admins get that list.
  app.use('/organisations/:slug/referral-links', async (c, next) => {
    const actor = c.get('actor');
    if (c.req.method !== 'GET' || !actor || isAdmin(actor)) return next();
    const org = await can.organisation(actor, c.req.param('slug'));
    const rows = await db
      .select()
      .from(referralLinks)
      .where(and(eq(referralLinks.organisationId, org.id), actor.role === 'intermediary' ? eq(referralLinks.createdByUserId, actor.userId ?? '00000000-0000-0000-0000-000000000000') : undefined))
      .orderBy(desc(referralLinks.createdAt));
    const origin = originOf(deps);
    return c.json({
      referralLinks: rows.map((r) => ({
        code: r.code,
        url: referralUrl(origin, r),
        activityId: r.activityId,
        expiresAt: r.expiresAt.toISOString(),
        maxUses: r.maxUses,
        uses: r.uses,
        note: r.createdByUserId !== null && r.createdByUserId === actor.userId ? r.note : null,
        createdAt: r.createdAt.toISOString(),
      })),
    });
  });

  app.route('/', onBehalfRoutes(deps));
  return app;
}
