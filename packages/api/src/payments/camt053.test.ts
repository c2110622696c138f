import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isValidOgm } from '@instap/core';
import { CAMT_MAX_BYTES, CamtError, ogmDigitsIn, parseCamt053 } from './camt053.js';

const fixture = readFileSync(new URL('./fixtures/camt053-001-02.xml', import.meta.url), 'utf8');

function refusal(input: string): string {
  try {
    parseCamt053(input);
  } catch (e) {
    if (e instanceof CamtError) return e.code;
    throw e;
  }
  throw new Error('accepted');
}

describe('CAMT.053 bank statements', () => {
  it('reads every booked credit of a Belgian camt.053.001.02 statement and leaves the debit out', () => {
    const s = parseCamt053(fixture);
    expect(s.version).toBe('001.02');
    expect(s.messageId).toBe('STMT-20260312-0001');
    expect(s.accountIbans).toEqual(['BE68539007547034']);
    expect(s.skipped).toEqual({ debits: 1, notBooked: 0, reversals: 0 });
    expect(s.credits.map((c) => [c.amountCents, c.currency, c.reference, c.referenceProblem])).toEqual([
      [800, 'EUR', '090000012376', 'none'],
      [4000, 'EUR', null, 'bad-check-digit'],
      [4000, 'EUR', null, 'none'],
      [1280, 'EUR', '090000038547', 'none'],
      [4500, 'USD', '090000041274', 'none'],
      [800, 'EUR', '090000052085', 'none'],
      [800, 'EUR', '090000063809', 'none'],
      [3240, 'EUR', '090000012376', 'none'],
    ]);
    const first = s.credits[0]!;
    expect(first).toMatchObject({ bookingDate: '2026-03-11', debtorName: 'FATIMA EL AMRANI', debtorIban: 'BE71096123456769' });
    expect(s.credits[1]!.debtorName).toBe('JANSSENS & PEETERS');
    expect(s.credits[2]!.remittance).toBe('zwemles Elif woensdag');
  });

  it('gives every credit a stable id of its own, also each detail of a batch', () => {
    const a = parseCamt053(fixture).credits.map((c) => c.uid);
    const b = parseCamt053(fixture).credits.map((c) => c.uid);
    expect(a).toEqual(b);
    expect(new Set(a).size).toBe(a.length);
    expect(a[0]).toBe('BE68539007547034|2026031100002-01');
    // An entry without references of its own in the detail still gets the entry's bank reference.
    expect(a[3]).toBe('BE68539007547034|2026031100005');
  });

  it('reads camt.053.001.08 too, with a namespace prefix and the status as a code', () => {
    const v8 = `<?xml version="1.0"?>
<c:Document xmlns:c="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><c:BkToCstmrStmt><c:GrpHdr><c:MsgId>M8</c:MsgId></c:GrpHdr>
<c:Stmt><c:Id>S8</c:Id><c:Acct><c:Id><c:IBAN>BE68 5390 0754 7034</c:IBAN></c:Id></c:Acct>
<c:Ntry><c:Amt Ccy="EUR">15.5</c:Amt><c:CdtDbtInd>CRDT</c:CdtDbtInd><c:Sts><c:Cd>BOOK</c:Cd></c:Sts><c:BookgDt><c:Dt>2026-03-02</c:Dt></c:BookgDt>
<c:NtryDtls><c:TxDtls><c:Refs><c:TxId>T-1</c:TxId></c:Refs><c:Amt Ccy="EUR">15.50</c:Amt><c:RltdPties><c:Dbtr><c:Pty><c:Nm>Ana</c:Nm></c:Pty></c:Dbtr></c:RltdPties>
<c:RmtInf><c:Strd><c:CdtrRefInf><c:Tp><c:CdOrPrtry><c:Cd>SCOR</c:Cd></c:CdOrPrtry></c:Tp><c:Ref>+++090/0000/12376+++</c:Ref></c:CdtrRefInf></c:Strd></c:RmtInf></c:TxDtls></c:NtryDtls></c:Ntry>
<c:Ntry><c:Amt Ccy="EUR">9.00</c:Amt><c:CdtDbtInd>CRDT</c:CdtDbtInd><c:Sts><c:Cd>PDNG</c:Cd></c:Sts></c:Ntry>
</c:Stmt></c:BkToCstmrStmt></c:Document>`;
    const s = parseCamt053(v8);
    expect(s.version).toBe('001.08');
    expect(s.skipped.notBooked).toBe(1);
    expect(s.credits).toEqual([
      expect.objectContaining({ uid: 'BE68539007547034|T-1', amountCents: 1550, reference: '090000012376', debtorName: 'Ana', bookingDate: '2026-03-02' }),
    ]);
  });

  it('refuses a file that declares entities: no XML bomb is ever expanded', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><GrpHdr><MsgId>&lol2;</MsgId></GrpHdr></BkToCstmrStmt></Document>`;
    expect(refusal(bomb)).toBe('statement_doctype');
    expect(refusal(fixture.replace('<Document', '<!DOCTYPE Document SYSTEM "file:///etc/passwd">\n<Document'))).toBe('statement_doctype');
  });

  it('refuses what is not a CAMT.053 statement', () => {
    expect(refusal('IBAN;Bedrag;Mededeling\nBE68539007547034;8,00;+++090/0000/12376+++')).toBe('statement_not_xml');
    expect(refusal(fixture.replace('camt.053.001.02', 'camt.054.001.02'))).toBe('statement_not_camt053');
    expect(refusal(fixture.replace('xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"', ''))).toBe('statement_not_camt053');
    expect(refusal('<?xml version="1.0"?><html><body>Document</body></html>')).toBe('statement_not_camt053');
    expect(refusal(fixture.replace('</Stmt>', ''))).toBe('statement_not_xml');
    expect(refusal(fixture.replace('<Amt Ccy="EUR">8.00</Amt>\n        <CdtDbtInd>CRDT', '<Amt Ccy="EUR">8,00</Amt>\n        <CdtDbtInd>CRDT'))).toBe('statement_unreadable');
    expect(refusal(`<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><Other/></Document>`)).toBe('statement_not_camt053');
  });

  it('refuses a file larger than 2 MB before reading it', () => {
    expect(refusal(fixture + ' '.repeat(CAMT_MAX_BYTES))).toBe('statement_too_large');
  });

  it('finds a structured communication in free text only when its check digit holds', () => {
    expect(isValidOgm('090000012376')).toBe(true);
    expect(isValidOgm('090000012377')).toBe(false);
    expect(isValidOgm('000000000097')).toBe(true);
    expect(ogmDigitsIn('betaling +++090/0000/12376+++ dank')).toBe('090000012376');
    expect(ogmDigitsIn('***090/0000/12376***')).toBe('090000012376');
    expect(ogmDigitsIn('090/0000/12376')).toBe('090000012376');
    expect(ogmDigitsIn('ref 0900 0001 2376')).toBe('090000012376');
    expect(ogmDigitsIn('rekening BE68539007547034')).toBe(null);
  });
});
