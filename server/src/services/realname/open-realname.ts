/**
 * What the real-name records need before the server answers: the personal-data key (checked against the
 * database's key check value: a wrong or lost key refuses the start) and the 目录清单 seeded into the database
 * from the campaign folder the first time, after which the office edits it in the app.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Catalogue } from '@lz/shared/catalogue';
import { LEVELS } from '@lz/shared/realname/vocabulary';
import { writeTransaction, type Db } from '../../db/open-database';
import { insertInstitution, insertProjects, listInstitutionRows } from '../../db/institution-store';
import { holdsEncryptedData, readKeyCheck, writeKeyCheck } from '../../db/pii-key-store';
import { assertKeyFits, createPiiCrypto, loadPiiKey, parsePiiKey, type PiiCrypto } from '../../realname/pii-crypto';
import { loadTrainingCatalogue, type TrainingCatalogue } from '../../realname/training-catalogue';

export const levelName = (code: string) => LEVELS.find((l) => l.code === code)?.name ?? code;

/**
 * The master key: `PII_KEY`, else `PII_KEY_FILE`, else a file beside the SQLite database (`<db>.pii-key`) or
 * `var/pii.key` for PostgreSQL, created with mode 0600 on first start. An in-memory database gets a fresh key.
 */
export function piiKeyFor(dbPath: string, env: NodeJS.ProcessEnv = process.env): Buffer {
  if (env.PII_KEY) return parsePiiKey(env.PII_KEY);
  if (dbPath === ':memory:' && !env.PII_KEY_FILE) return randomBytes(32);
  const file = piiKeyFile(dbPath, env);
  mkdirSync(dirname(file), { recursive: true });
  return loadPiiKey(undefined, file).key;
}

/** Where the key file is when `PII_KEY` is not set (pnpm pii:rotate replaces it there). */
export function piiKeyFile(dbPath: string, env: NodeJS.ProcessEnv = process.env): string {
  const postgres = /^postgres(ql)?:\/\//.test(dbPath);
  return env.PII_KEY_FILE ?? (postgres ? join(process.cwd(), 'var', 'pii.key') : `${dbPath}.pii-key`);
}

/** Refuses (throws PiiKeyError) when the database holds encrypted data made under another key. */
export async function checkPiiKey(db: Db, key: Buffer, now: Date): Promise<PiiCrypto> {
  const pii = createPiiCrypto(key);
  await writeTransaction(db, async (trx) => {
    const stored = await readKeyCheck(trx);
    const encrypted = await holdsEncryptedData(trx);
    // Nothing encrypted yet: the check value is (re)made for this key, so a lost key file costs nothing.
    if (!encrypted) {
      if (stored !== pii.keyCheck()) await writeKeyCheck(trx, pii.keyCheck(), now.toISOString());
      return;
    }
    assertKeyFits(pii, stored, encrypted);
  });
  return pii;
}

/** The campaign's catalogue files, parsed once per catalogue (the rules and the seed come from them). */
const baseCatalogues = new WeakMap<Catalogue, TrainingCatalogue>();
export function baseTrainingCatalogue(catalogue: Catalogue): TrainingCatalogue {
  let base = baseCatalogues.get(catalogue);
  if (!base) {
    base = loadTrainingCatalogue(catalogue.units);
    baseCatalogues.set(catalogue, base);
  }
  return base;
}

/** Seeds institutions and projects from the campaign folder into an empty catalogue. */
export async function seedTrainingCatalogue(db: Db, catalogue: Catalogue, now: Date): Promise<void> {
  const base = baseTrainingCatalogue(catalogue);
  await writeTransaction(db, async (trx) => {
    if ((await listInstitutionRows(trx)).length > 0) return;
    for (const i of base.institutions) {
      await insertInstitution(trx, {
        name: i.name,
        credit_code: i.creditCode,
        county: i.county,
        type: i.type,
        approved: JSON.stringify(i.approved.map((a) => ({ occupation: a.occupation, level: levelName(a.level) }))),
        status: i.status,
        approved_on: i.approvedOn,
        status_since: i.statusSince ?? null,
        status_reason: i.statusReason ?? null,
        updated_at: now.toISOString(),
        updated_by: 'catalogue',
      });
    }
    await insertProjects(
      trx,
      base.projects.map((p) => ({
        occupation: p.occupation,
        code: p.code,
        level: levelName(p.level),
        subsidy: p.subsidy,
        min_hours: p.minHours,
      })),
    );
  });
}
