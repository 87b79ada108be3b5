/**
 * The key of the objection form's challenges and the objections' address hashes: `DISCLOSURE_SECRET`, else
 * a key file beside the SQLite database (created once, mode 0600, like the PII key), else — PostgreSQL
 * without the variable — a random key for this process: open forms then die with a restart.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export function loadDisclosureSecret(
  env: string | undefined,
  keyFile: string | null,
): { secret: Buffer; source: 'env' | 'file' | 'created' | 'process' } {
  if (env !== undefined && env.trim().length >= 16) return { secret: Buffer.from(env.trim(), 'utf8'), source: 'env' };
  if (env !== undefined && env.trim() !== '') throw new Error('DISCLOSURE_SECRET must be at least 16 characters');
  if (!keyFile) return { secret: randomBytes(32), source: 'process' };
  if (existsSync(keyFile))
    return { secret: Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'base64'), source: 'file' };
  const secret = randomBytes(32);
  // 'wx': two processes starting at once must not each write a different key.
  writeFileSync(keyFile, `${secret.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  return { secret, source: 'created' };
}
