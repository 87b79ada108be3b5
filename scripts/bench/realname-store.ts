/**
 * `pnpm bench --scale guangxi`: a roster store of Guangxi's size, bulk loaded. The database is made by the
 * product (buildDeps: migrations, reference data, the training catalogue, the personal-data key file beside
 * it); the classes and lines are then INSERTed with better-sqlite3 prepared statements in large transactions,
 * each line as filing stores it: the ID and phone encrypted with the product's PiiCrypto (AES-256-GCM), their
 * keyed hashes and masked forms, the birth month, each class's contribution by the product's contributionOf.
 * The filing rules are not run (that is what the measured uploads do); the people are drawn so that none
 * breaks them (at most three classes each, never the same occupation and level twice), with planted signs:
 * a few retirees, phones shared by three, subsidies above the standard, short classes, and the overlaps that
 * random dates give people with two or three classes.
 */
import Database from 'better-sqlite3';
import { buildDeps } from '@lz/server/build-deps';
import { closeDatabase } from '@lz/server/db/open-database';
import type { Deps } from '@lz/server/deps';
import { contributionOf } from '@lz/server/realname/contribution';
import { piiHashers } from '@lz/server/realname/protect-trainee';
import { loadTrainingCatalogue } from '@lz/server/realname/training-catalogue';
import { idCheckCharacter } from '@lz/shared/realname/id-number';
import { maskIdNumber, maskPhone } from '@lz/shared/realname/masking';
import { matchTrainingType, TRAINEE_GROUPS } from '@lz/shared/realname/vocabulary';
import { monthRange } from '@lz/shared/months';

const REGIONS = [
  '450202',
  '450203',
  '450204',
  '450205',
  '450206',
  '450221',
  '450222',
  '450223',
  '450224',
  '450225',
  '450226',
];
const SURNAMES = '韦黄覃蓝莫李梁陆廖罗陈刘杨王张周吴谭潘蒙'.split('');
const GIVEN = '小明芳强军丽华平红英伟勇玲霞海燕春秀建国文静桂兰宁'.split('');
const DEPARTMENTS = ['RSJ', 'ZGH', 'FL', 'NYNCJ', 'GXJ'];
const LINES_PER_CLASS = 30;
/** Birth days (28 a month) a person index spans: 1967 … 2003 for the working-age. */
const BIRTH_DAYS = 37 * 336;

/** Person `p`'s ID number: unique per p (region × birth day × sequence), men odd; every 400th born 12 years early. */
export function personId(p: number): string {
  const region = REGIONS[p % REGIONS.length] as string;
  const q = Math.floor(p / REGIONS.length);
  const d = q % BIRTH_DAYS;
  const s = Math.floor(q / BIRTH_DAYS);
  const elderly = p % 400 === 7;
  const year = 1967 + Math.floor(d / 336) - (elderly ? 12 : 0);
  const month = 1 + Math.floor((d % 336) / 28);
  const day = 1 + (d % 28);
  const seq = String(2 * (s % 250) + (p % 2) + (elderly ? 500 : 0)).padStart(3, '0');
  const first17 = `${region}${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${seq}`;
  return first17 + idCheckCharacter(first17);
}
export const personName = (p: number) =>
  `${SURNAMES[p % SURNAMES.length]}${GIVEN[(p >> 3) % GIVEN.length]}${GIVEN[(p >> 7) % GIVEN.length]}`;
export const personPhone = (p: number) => `13${String(100_000_000 + ((p * 7919) % 899_999_999)).padStart(9, '0')}`;
export const personGender = (p: number) => (p % 2 === 1 ? '男' : '女');

/** What the bulk load knows of each person, so the measured uploads pick people the rules accept. */
export interface People {
  size: number;
  /** Classes stored per person. */
  count: Uint8Array;
  /** The project (index into the catalogue's) of the person's first class, -1 for none. */
  firstProject: Int16Array;
}

export interface RosterStore {
  dbPath: string;
  lines: number;
  rosters: number;
  people: People;
  /** Seconds spent loading (cumulative over the store's growth). */
  loadSeconds: number;
  /** Seconds of that spent encrypting and hashing. */
  cryptoSeconds: number;
}

/** The product's fresh database with its key file, then empty of rosters; `people` sized for `maxLines`. */
export async function createRosterStore(dbPath: string, maxLines: number): Promise<RosterStore> {
  const deps = await buildDeps({ dbPath });
  await closeDatabase(deps.db);
  const size = Math.ceil(maxLines / 2);
  return {
    dbPath,
    lines: 0,
    rosters: 0,
    people: { size, count: new Uint8Array(size), firstProject: new Int16Array(size).fill(-1) },
    loadSeconds: 0,
    cryptoSeconds: 0,
  };
}

/** Adds classes until the store holds `target` lines. */
export async function growRosterStore(store: RosterStore, target: number, log: (s: string) => void): Promise<void> {
  const t0 = performance.now();
  const deps: Deps = await buildDeps({ dbPath: store.dbPath });
  await closeDatabase(deps.db);
  const training = loadTrainingCatalogue(deps.catalogue.units);
  const { hashId, hashPhone } = piiHashers(deps.pii);
  const raw = new Database(store.dbPath);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = OFF');
  raw.pragma('cache_size = -200000');
  const institutionIds = new Map(
    (
      raw.prepare('SELECT id, credit_code FROM training_institutions').all() as { id: number; credit_code: string }[]
    ).map((r) => [r.credit_code, r.id]),
  );
  // Every (institution, approved occupation × level) that has a catalogue project, SYB aside (its own type).
  const offerings = training.institutions.flatMap((inst) =>
    inst.approved.flatMap((a) => {
      const pi = training.projects.findIndex((p) => p.occupation === a.occupation && p.level === a.level);
      const project = training.projects[pi];
      if (!project || project.level === 'SP' || inst.status !== '有效') return [];
      return [{ inst, project, pi }];
    }),
  );
  const type = matchTrainingType('就业技能培训');
  const group = TRAINEE_GROUPS.find((g) => g.name === '农村转移就业劳动者') ?? null;
  if (!type) throw new Error('training type missing');
  const months = monthRange(deps.catalogue.campaign.start, deps.catalogue.campaign.end);
  const insertRoster = raw.prepare(
    `INSERT INTO rosters (department, institution_id, institution, training_type, occupation, level, county,
       start_date, end_date, month, hours, trainees, contribution, created_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'bench')`,
  );
  const insertLine = raw.prepare(
    `INSERT INTO roster_lines (roster_id, line, name, gender, id_cipher, id_hash, id_masked, phone_cipher, phone_hash,
       phone_masked, month, trainee_group, poor, certificate_type, certificate_no, training_subsidy, living_subsidy,
       assessment_subsidy, birth_month) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, 0, ?, ?)`,
  );
  // The line indexes are dropped for the load and built again after it (sorting once beats 3 M random inserts
  // into three B-trees), from their own definitions.
  const indexes = raw
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'roster_lines' AND sql IS NOT NULL`,
    )
    .all() as { name: string; sql: string }[];
  for (const ix of indexes) raw.exec(`DROP INDEX ${ix.name}`);
  const { people } = store;
  // One ciphertext per person and number, reused on the person's later lines (bulk loading only: filing
  // encrypts each line afresh); the ciphertext is as the product makes it, AES-GCM under the key file.
  const sealed = new Map<number, { idCipher: string; idHash: string; phoneCipher: string; phoneHash: string }>();
  let seed = (store.rosters * 2654435761 + 12345) >>> 0;
  const rand = (n: number) => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed % n;
  };
  let crypto = 0;
  const addClass = () => {
    const r = store.rosters;
    const o = offerings[r % offerings.length] as (typeof offerings)[number];
    const month = months[r % months.length] as string;
    const startDay = 1 + rand(8);
    const endDay = startDay + 12 + rand(8);
    const start = `${month}-${String(startDay).padStart(2, '0')}`;
    const end = `${month}-${String(endDay).padStart(2, '0')}`;
    const short = r % 400 === 11;
    const hours = short ? Math.floor(o.project.minHours / 2) : o.project.minHours;
    const sharedPhone = r % 500 === 3;
    const overStandard = r % 300 === 5;
    const county = REGIONS[r % REGIONS.length] as string;
    const chosen: number[] = [];
    while (chosen.length < LINES_PER_CLASS) {
      const p = rand(people.size);
      if ((people.count[p] ?? 0) >= 3 || people.firstProject[p] === o.pi || chosen.includes(p)) continue;
      chosen.push(p);
    }
    const subsidies = chosen.map((_, i) => (overStandard && i === 0 ? o.project.subsidy + 300 : o.project.subsidy));
    const contribution = contributionOf(
      { trainingType: type, level: o.project.level, county, endDate: end },
      subsidies.map((s) => ({
        group,
        poor: false,
        certificateType: '职业技能等级证书',
        trainingSubsidy: s,
        livingSubsidy: 0,
        assessmentSubsidy: 150,
      })),
    );
    const { lastInsertRowid } = insertRoster.run(
      DEPARTMENTS[r % DEPARTMENTS.length],
      institutionIds.get(o.inst.creditCode),
      o.inst.name,
      type.name,
      o.project.occupation,
      o.project.level,
      county,
      start,
      end,
      month,
      hours,
      LINES_PER_CLASS,
      JSON.stringify(contribution.values),
      `${end}T12:00:00.000Z`,
    );
    for (const [i, p] of chosen.entries()) {
      const id = personId(p);
      const phone = personPhone(sharedPhone && i < 3 ? (chosen[0] as number) : p);
      const c0 = performance.now();
      const own = !(sharedPhone && i < 3 && i > 0);
      let numbers = own ? sealed.get(p) : undefined;
      if (!numbers) {
        numbers = {
          idCipher: deps.pii.encrypt(id, 'idNumber'),
          idHash: hashId(id),
          phoneCipher: deps.pii.encrypt(phone, 'phone'),
          phoneHash: hashPhone(phone),
        };
        if (own) sealed.set(p, numbers);
      }
      const { idCipher, idHash, phoneCipher, phoneHash } = numbers;
      crypto += performance.now() - c0;
      insertLine.run(
        lastInsertRowid,
        i,
        personName(p),
        personGender(p),
        idCipher,
        idHash,
        maskIdNumber(id),
        phoneCipher,
        phoneHash,
        maskPhone(phone),
        month,
        group?.name ?? null,
        0,
        '职业技能等级证书',
        subsidies[i],
        150,
        `${id.slice(6, 10)}-${id.slice(10, 12)}`,
      );
      people.count[p] = (people.count[p] ?? 0) + 1;
      if (people.firstProject[p] === -1) people.firstProject[p] = o.pi;
    }
    store.rosters++;
    store.lines += LINES_PER_CLASS;
  };
  const batch = raw.transaction((n: number) => {
    for (let i = 0; i < n; i++) addClass();
  });
  while (store.lines < target) {
    batch(Math.min(2_000, Math.ceil((target - store.lines) / LINES_PER_CLASS)));
    log(`guangxi: ${store.lines.toLocaleString('en')} lines loaded`);
  }
  for (const ix of indexes) raw.exec(ix.sql);
  log(`guangxi: ${indexes.length} line indexes built again`);
  raw.pragma('wal_checkpoint(TRUNCATE)');
  raw.exec('ANALYZE');
  raw.close();
  store.loadSeconds += (performance.now() - t0) / 1000;
  store.cryptoSeconds += crypto / 1000;
}
