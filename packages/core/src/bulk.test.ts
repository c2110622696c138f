import { describe, expect, it } from 'vitest';
import { childKeys, contactKeys, normaliseName, samePhone, PROOF_LEVELS, requiredProofLevel } from './bulk.js';

describe('one family, one child', () => {
  it('reads names without case, accents or spaces', () => {
    expect(normaliseName('Zoë  Van Damme')).toBe(normaliseName('zoe vandamme'));
    expect(normaliseName('AMİRA')).not.toBe('');
    expect(normaliseName('Émile')).toBe('emile');
  });

  it('reads a Belgian phone number in any of its forms', () => {
    expect(samePhone('+32 470 12 34 56')).toBe('0470123456');
    expect(samePhone('0032470123456')).toBe('0470123456');
    expect(samePhone('0470/12.34.56')).toBe('0470123456');
  });

  it('keys a child by each contact channel', () => {
    const keys = childKeys({ phone: '0470 12 34 56', email: 'Fatima@Example.be ' }, { firstName: 'Amira ', birthYear: 2017 });
    expect(keys).toEqual(['phone:0470123456|amira:2017', 'email:fatima@example.be|amira:2017']);
    expect(contactKeys({ phone: '12' })).toEqual([]);
  });
});

describe('the cost of many requests', () => {
  it('is nothing for a family, and grows with one address', () => {
    expect(requiredProofLevel({ fromAddress: 1, onActivity: 1 })).toBe(0);
    expect(requiredProofLevel({ fromAddress: 3, onActivity: 50 })).toBe(0);
    expect(requiredProofLevel({ fromAddress: 4, onActivity: 50 })).toBe(1);
    expect(requiredProofLevel({ fromAddress: 15, onActivity: 50 })).toBe(2);
    expect(requiredProofLevel({ fromAddress: 250, onActivity: 250 })).toBe(3);
  });

  it('asks everyone for the smallest cost when an activity is flooded', () => {
    expect(requiredProofLevel({ fromAddress: 1, onActivity: 500 })).toBe(1);
  });

  it('keeps the dearest level under a second on a slow phone (~300 000 PBKDF2 iterations a second)', () => {
    const worst = PROOF_LEVELS[3].cost * PROOF_LEVELS[3].counterMax;
    expect(worst / 300_000).toBeLessThan(1);
  });
});
