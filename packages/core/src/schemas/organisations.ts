/** Organisations, the city's tariff charter, and referral links. */
import { z } from 'zod';
import { emailProblem, phoneProblem } from '../rules.js';
import { instant, slug } from './common.js';

// ——— Organisations ———
export const originSchema = z
  .string()
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === 'https:' || u.protocol === 'http:') && u.origin === v.replace(/\/$/, '');
    } catch {
      return false;
    }
  }, 'An origin is a scheme and host, like https://www.club.be');

export const organisationInputSchema = z.object({
  slug,
  name: z.string().trim().min(1).max(120),
  allowedOrigins: z.array(originSchema).max(20).default([]),
  /** Families see this number on every screen: it is required. */
  phone: z.string().trim().min(1, 'Give the phone number families can call.').max(40).refine((v) => !phoneProblem(v), 'Give a phone number with 9 to 15 digits.'),
  email: z.string().trim().max(254).refine((v) => !emailProblem(v), 'Give an e-mail address like info@club.be.').optional(),
  city: slug.optional(),
});
export type OrganisationInput = z.infer<typeof organisationInputSchema>;

export const organisationSchema = z.object({
  slug: z.string(),
  name: z.string(),
  phone: z.string(),
  email: z.string().nullable(),
  allowedOrigins: z.array(z.string()),
  city: z.string(),
});

// ——— Tariff charter ———
export const tariffCharterSchema = z.object({
  kanspasDiscountPercent: z.number().int().min(0).max(100),
  siblingDiscountPercent: z.number().int().min(0).max(100).default(0),
});

// ——— Referral links (bridge figures unlock reserved places for a family) ———
export const referralLinkInputSchema = z.object({
  activityId: z.string().uuid().optional(),
  expiresAt: instant,
  maxUses: z.number().int().min(1).max(500).default(1),
  note: z.string().trim().max(200).optional(),
});
export const referralLinkSchema = z.object({
  code: z.string(),
  url: z.string(),
  activityId: z.string().nullable(),
  expiresAt: z.string(),
  maxUses: z.number().int(),
  uses: z.number().int(),
  note: z.string().nullable(),
  createdAt: z.string(),
});
