/**
 * Sign-in links wait in the outbox without their token: the stored text and html carry a
 * placeholder, and the token itself is sealed (services/secrets.ts) in messages.sealed_token.
 * The sender, and the demo's mailbox, put the token back in only to show or send the mail.
 */
import type { MessageRow } from '../db/schema-messages.js';
import { seal, shortLivedKey, unseal } from '../services/secrets.js';

/** Survives encodeURIComponent and HTML escaping unchanged, like the base64url token it stands for. */
export const TOKEN_PLACEHOLDER = 'INSTAP_SIGN_IN_TOKEN';

export const sealLinkToken = (token: string, key: Buffer | undefined) => seal(token, shortLivedKey(key));

/** The message as it is mailed: the placeholder replaced by the unsealed token. Throws when the token cannot be opened. */
export function withToken<T extends Pick<MessageRow, 'text' | 'html' | 'sealedToken'>>(m: T, key: Buffer | undefined): T {
  if (!m.sealedToken) return m;
  const token = unseal(m.sealedToken, shortLivedKey(key));
  const put = (s: string) => s.split(TOKEN_PLACEHOLDER).join(encodeURIComponent(token));
  return { ...m, text: put(m.text), html: m.html === null ? null : put(m.html) };
}
