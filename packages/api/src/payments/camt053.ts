/**
 * Reading a bank statement in ISO 20022 CAMT.053 (BankToCustomerStatement), as Belgian banks
 * export it: camt.053.001.02, and camt.053.001.08 where a bank moved on. Only booked credits are
 * kept (money in); each carries a stable id, so the same transaction found in two files (a day
 * statement and a month statement) is still one transaction.
 *
 * The file comes from a person's upload: no DOCTYPE and so no entities (an "XML bomb" is refused
 * before it is parsed), a size and an entry limit, and a clear refusal for anything that is not
 * a CAMT.053 document.
 */
import { createHash } from 'node:crypto';
import { isValidOgm } from '@instap/core';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export const CAMT_MAX_BYTES = 2 * 1024 * 1024;
export const CAMT_MAX_ENTRIES = 20_000;

const NAMESPACES: Record<string, CamtVersion> = {
  'urn:iso:std:iso:20022:tech:xsd:camt.053.001.02': '001.02',
  'urn:iso:std:iso:20022:tech:xsd:camt.053.001.08': '001.08',
};
export type CamtVersion = '001.02' | '001.08';

export type CamtErrorCode = 'statement_too_large' | 'statement_not_xml' | 'statement_doctype' | 'statement_not_camt053' | 'statement_unreadable';

export class CamtError extends Error {
  constructor(
    readonly code: CamtErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Why a credit's communication did not give a reference. */
export type ReferenceProblem = 'none' | 'bad-check-digit';

export interface BankCredit {
  /** Stable over files: the bank's own reference where it gives one, else a digest of the entry. */
  uid: string;
  accountIban: string | null;
  amountCents: number;
  currency: string;
  /** YYYY-MM-DD as the bank booked it. */
  bookingDate: string | null;
  debtorName: string | null;
  debtorIban: string | null;
  /** The 12 digits of a Belgian structured communication with a valid check digit, else null. */
  reference: string | null;
  /** A structured communication was there but its check digit fails. */
  referenceProblem: ReferenceProblem;
  /** What the payer wrote (free text), or the structured reference as given. */
  remittance: string;
}

export interface ParsedStatement {
  version: CamtVersion;
  messageId: string | null;
  statementIds: string[];
  accountIbans: string[];
  credits: BankCredit[];
  /** Entries left out: money out, pending or informational entries, reversals. */
  skipped: { debits: number; notBooked: number; reversals: number };
}

/** Twelve digits of a structured communication written as `+++123/4567/89002+++`, `***…***` or plain. */
export function ogmDigitsIn(text: string): string | null {
  const framed = /(?:\+\+\+|\*\*\*)\s*(\d{3})\s*\/?\s*(\d{4})\s*\/?\s*(\d{5})\s*(?:\+\+\+|\*\*\*)/.exec(text);
  if (framed) return framed.slice(1).join('');
  const slashed = /(?<!\d)(\d{3})\/(\d{4})\/(\d{5})(?!\d)/.exec(text);
  if (slashed) return slashed.slice(1).join('');
  const plain = /(?<!\d)(\d{12})(?!\d)/.exec(text.replace(/[ .]/g, ''));
  return plain ? plain[1]! : null;
}

const REPEATED = new Set(['Stmt', 'Ntry', 'NtryDtls', 'TxDtls', 'Ustrd', 'Strd', 'Bal']);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // The predefined entities (&amp; in "Peeters &amp; Zonen") only: a DOCTYPE never gets this far.
  processEntities: { enabled: true, maxEntityCount: 0, maxTotalExpansions: 100_000, maxExpandedLength: CAMT_MAX_BYTES },
  htmlEntities: false,
  isArray: (name) => REPEATED.has(name),
});

export function parseCamt053(input: string | Uint8Array): ParsedStatement {
  const size = typeof input === 'string' ? Buffer.byteLength(input) : input.byteLength;
  if (size > CAMT_MAX_BYTES) throw new CamtError('statement_too_large', 'This file is larger than 2 MB. Export a shorter period from your bank.');
  const xml = (typeof input === 'string' ? input : new TextDecoder('utf-8', { fatal: false }).decode(input)).replace(/^\uFEFF/, '');
  if (!/^\s*</.test(xml)) throw new CamtError('statement_not_xml', 'This file is not an XML bank statement. Export the statement as CAMT.053 (XML).');
  if (/<!DOCTYPE|<!ENTITY/i.test(xml))
    throw new CamtError('statement_doctype', 'This file declares its own entities (DOCTYPE). Bank statements never do; it is refused.');
  const root = /<(?:([A-Za-z_][\w.-]*):)?Document\b([^>]*)>/.exec(xml);
  const namespace = root ? new RegExp(`xmlns${root[1] ? `:${root[1]}` : ''}\\s*=\\s*["']([^"']+)["']`).exec(root[2] ?? '')?.[1] : undefined;
  const version = namespace ? NAMESPACES[namespace] : undefined;
  if (!version)
    throw new CamtError('statement_not_camt053', 'This is not a CAMT.053 bank statement (camt.053.001.02 or .08). Export the account statement as CAMT.053.');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new CamtError('statement_not_xml', `This XML file is damaged (line ${valid.err.line}). Export it again from your bank.`);
  let doc: any;
  try {
    doc = parser.parse(xml);
  } catch {
    throw new CamtError('statement_unreadable', 'This bank statement could not be read. Export it again from your bank.');
  }
  const body = doc?.Document?.BkToCstmrStmt;
  if (!body || typeof body !== 'object') throw new CamtError('statement_not_camt053', 'This file has no BankToCustomerStatement: it is not a CAMT.053 statement.');
  const statements: any[] = asArray(body.Stmt);
  const result: ParsedStatement = {
    version,
    messageId: text(body.GrpHdr?.MsgId),
    statementIds: [],
    accountIbans: [],
    credits: [],
    skipped: { debits: 0, notBooked: 0, reversals: 0 },
  };
  let entries = 0;
  for (const stmt of statements) {
    const iban = text(stmt?.Acct?.Id?.IBAN)?.replace(/\s/g, '').toUpperCase() ?? null;
    const statementId = text(stmt?.Id);
    if (statementId) result.statementIds.push(statementId);
    if (iban && !result.accountIbans.includes(iban)) result.accountIbans.push(iban);
    for (const [index, entry] of asArray(stmt?.Ntry).entries()) {
      if (++entries > CAMT_MAX_ENTRIES) throw new CamtError('statement_too_large', `This statement has more than ${CAMT_MAX_ENTRIES} entries. Export a shorter period.`);
      const direction = text(entry?.CdtDbtInd);
      if (direction !== 'CRDT') {
        if (direction === 'DBIT') result.skipped.debits++;
        else throw new CamtError('statement_unreadable', `Entry ${index + 1} says neither credit nor debit (CdtDbtInd). Export the statement again.`);
        continue;
      }
      if (text(entry?.RvslInd) === 'true') {
        result.skipped.reversals++;
        continue;
      }
      const status = text(entry?.Sts?.Cd ?? entry?.Sts);
      if (status !== 'BOOK') {
        result.skipped.notBooked++;
        continue;
      }
      result.credits.push(...creditsOf(entry, iban, statementId, index));
    }
  }
  return result;
}

function creditsOf(entry: any, iban: string | null, statementId: string | null, index: number): BankCredit[] {
  const entryAmount = amountOf(entry?.Amt, `entry ${index + 1}`);
  const bookingDate = dateOf(entry?.BookgDt);
  const entryRef = text(entry?.AcctSvcrRef) ?? text(entry?.NtryRef);
  const details: any[] = asArray(entry?.NtryDtls).flatMap((d) => asArray(d?.TxDtls));
  const parts = details.length ? details : [undefined];
  return parts.map((tx, i) => {
    const own = tx ? (tx.AmtDtls?.TxAmt?.Amt ?? tx.Amt) : undefined;
    // One detail without an amount of its own is the whole entry; in a batch each detail has its own.
    const amount = own !== undefined ? amountOf(own, `entry ${index + 1}`) : parts.length === 1 ? entryAmount : amountOf(undefined, `entry ${index + 1}`);
    const parties = tx?.RltdPties ?? {};
    const debtorName = text(parties.Dbtr?.Pty?.Nm ?? parties.Dbtr?.Nm);
    const debtorIban = text(parties.DbtrAcct?.Id?.IBAN)?.replace(/\s/g, '').toUpperCase() ?? null;
    const { reference, problem, remittance } = remittanceOf(tx?.RmtInf ?? entry?.AddtlNtryInf);
    const refs = tx?.Refs ?? {};
    const bankRef = text(refs.AcctSvcrRef) ?? (entryRef ? `${entryRef}${parts.length > 1 ? `/${i + 1}` : ''}` : null) ?? text(refs.TxId) ?? text(refs.EndToEndId && refs.EndToEndId !== 'NOTPROVIDED' ? refs.EndToEndId : undefined);
    const uid = bankRef
      ? `${iban ?? '-'}|${bankRef}`
      : `${iban ?? '-'}|sha256:${createHash('sha256')
          .update([statementId, bookingDate, amount.cents, amount.currency, debtorIban, remittance, index, i].join('|'))
          .digest('hex')
          .slice(0, 32)}`;
    return { uid, accountIban: iban, amountCents: amount.cents, currency: amount.currency, bookingDate, debtorName, debtorIban, reference, referenceProblem: problem, remittance };
  });
}

function remittanceOf(rmt: any): { reference: string | null; problem: ReferenceProblem; remittance: string } {
  if (typeof rmt === 'string') return fromText(rmt);
  const structured = asArray(rmt?.Strd)
    .map((s) => text(s?.CdtrRefInf?.Ref))
    .filter((r): r is string => !!r);
  const free = asArray(rmt?.Ustrd)
    .map((u) => text(u))
    .filter((u): u is string => !!u)
    .join(' ');
  for (const ref of structured) {
    const digits = ref.replace(/\D/g, '');
    if (digits.length === 12) return { reference: isValidOgm(digits) ? digits : null, problem: isValidOgm(digits) ? 'none' : 'bad-check-digit', remittance: ref };
  }
  const fromFree = fromText(free);
  return structured.length && !fromFree.reference ? { ...fromFree, remittance: [structured.join(' '), free].filter(Boolean).join(' ') } : fromFree;
}

function fromText(free: string): { reference: string | null; problem: ReferenceProblem; remittance: string } {
  const digits = ogmDigitsIn(free);
  if (!digits) return { reference: null, problem: 'none', remittance: free };
  return isValidOgm(digits) ? { reference: digits, problem: 'none', remittance: free } : { reference: null, problem: 'bad-check-digit', remittance: free };
}

function amountOf(node: any, where: string): { cents: number; currency: string } {
  const value = typeof node === 'object' ? text(node?.['#text']) : text(node);
  const currency = typeof node === 'object' ? text(node?.['@Ccy']) : null;
  if (!value || !/^\d{1,12}(\.\d{1,5})?$/.test(value) || !currency || !/^[A-Z]{3}$/.test(currency))
    throw new CamtError('statement_unreadable', `The amount of ${where} cannot be read. Export the statement again.`);
  const [whole, fraction = ''] = value.split('.');
  const cents = Number(whole) * 100 + Number((fraction + '00').slice(0, 2));
  return { cents, currency };
}

function dateOf(node: any): string | null {
  const d = text(node?.Dt) ?? text(node?.DtTm)?.slice(0, 10) ?? null;
  return d && /^\d{4}-\d{2}-\d{2}$/.test(d) ? d : null;
}

function text(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'object') return text((v as Record<string, unknown>)['#text']);
  const s = String(v).trim();
  return s ? s.slice(0, 500) : null;
}

function asArray<T>(v: T | T[] | undefined | null): T[] {
  return v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v];
}
