/**
 * The only way a trainee's numbers reach storage or an answer: encrypted with a keyed hash beside them for
 * matching, and a masked form for display. The same hashers feed the roster rules (`RosterContext`) and the
 * person lookup, so a number typed in any variant finds the same person.
 */
import { normaliseIdNumber, validateIdNumber } from '@lz/shared/realname/id-number';
import { maskIdNumber, maskName, maskPhone } from '@lz/shared/realname/masking';
import type { CheckedTrainee } from './check-roster';
import type { PiiCrypto } from './pii-crypto';

export function piiHashers(pii: PiiCrypto) {
  return {
    /** Of a normalised number (validateIdNumber's), so "…x" and "…X" are one person. */
    hashId: (idNumber: string) => pii.hash(normaliseIdNumber(idNumber), 'idNumber'),
    hashPhone: (phone: string) => pii.hash(phone.replace(/\D/gu, ''), 'phone'),
  };
}

/** The stored columns of a trainee's numbers: no full number in any of them. */
export interface ProtectedNumbers {
  idCipher: string;
  idHash: string;
  /** 450202********1234 */
  idMasked: string;
  phoneCipher: string | null;
  phoneHash: string | null;
  phoneMasked: string | null;
}

/** The keyed hashes the rules already computed (`CheckedTrainee`) are reused, not computed again. */
export function protectNumbers(
  t: Pick<CheckedTrainee, 'idNumber' | 'phone'> & Partial<Pick<CheckedTrainee, 'idHash' | 'phoneHash'>>,
  pii: PiiCrypto,
): ProtectedNumbers {
  const { hashId, hashPhone } = piiHashers(pii);
  return {
    idCipher: pii.encrypt(t.idNumber, 'idNumber'),
    idHash: t.idHash ?? hashId(t.idNumber),
    idMasked: maskIdNumber(t.idNumber),
    phoneCipher: t.phone ? pii.encrypt(t.phone, 'phone') : null,
    phoneHash: t.phone ? (t.phoneHash ?? hashPhone(t.phone)) : null,
    phoneMasked: t.phone ? maskPhone(t.phone) : null,
  };
}

/** A trainee as anyone but the filing clerk sees it (GET /api/rosters/:id, lookups, notices). */
export function maskedTrainee(t: { name: string; idMasked: string; phoneMasked: string | null }) {
  return { name: maskName(t.name), idNumber: t.idMasked, phone: t.phoneMasked };
}

/**
 * POST /api/people/lookup: the typed number to the keyed hash storage is searched by, and its masked form for
 * the answer and the audit; the number itself goes no further.
 */
export function lookupKey(
  typed: string,
  pii: PiiCrypto,
  today: string,
): { ok: true; idHash: string; masked: string } | { ok: false; message: string } {
  const id = validateIdNumber(typed, today);
  if (!id.ok) return { ok: false, message: id.message };
  return { ok: true, idHash: piiHashers(pii).hashId(id.idNumber), masked: maskIdNumber(id.idNumber) };
}
