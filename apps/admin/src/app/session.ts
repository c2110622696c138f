/** Who is signed in, and the organisation the console is working on. */
import { api, setCsrfToken } from '../api.js';

export type Role = 'city-admin' | 'organisation-admin' | 'organisation-staff' | 'intermediary';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  city: { slug: string; name: string };
  organisation: { slug: string; name: string } | null;
}

export interface Organisation {
  slug: string;
  name: string;
  phone: string;
  email: string | null;
  allowedOrigins: string[];
}

export interface Session {
  user: SessionUser;
  csrfToken: string;
}

export async function loadSession(): Promise<Session | null> {
  try {
    const s = await api<Session>('GET', '/session');
    setCsrfToken(s.csrfToken);
    return s;
  } catch {
    return null;
  }
}

export const can = {
  manageActivities: (r: Role) => r !== 'intermediary',
  manageUsers: (r: Role) => r === 'city-admin' || r === 'organisation-admin',
  manageOrganisation: (r: Role) => r === 'city-admin' || r === 'organisation-admin',
  manageCharter: (r: Role) => r === 'city-admin',
  manageOrganisations: (r: Role) => r === 'city-admin',
  changeOwnPassword: (_r: Role) => true,
  checkKanspas: (r: Role) => r !== 'intermediary',
  cancelInBulk: (r: Role) => r !== 'intermediary',
  registerOnBehalf: (_r: Role) => true,
  referralLinks: (_r: Role) => true,
};
