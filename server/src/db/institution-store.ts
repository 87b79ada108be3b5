/** SQL of the 目录清单: training institutions and training projects, as the office maintains them. */
import type { Db } from './open-database';
import type { Selectable } from 'kysely';
import type { Schema } from './schema';

export type InstitutionRow = Selectable<Schema['training_institutions']>;
export type NewInstitution = Omit<Schema['training_institutions'], 'id'>;
export type ProjectRow = Selectable<Schema['training_projects']>;

export function listInstitutionRows(db: Db): Promise<InstitutionRow[]> {
  return db.selectFrom('training_institutions').selectAll().orderBy('id').execute();
}

export function findInstitutionRow(db: Db, id: number): Promise<InstitutionRow | undefined> {
  return db.selectFrom('training_institutions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertInstitution(db: Db, row: NewInstitution): Promise<number> {
  const r = await db.insertInto('training_institutions').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateInstitution(db: Db, id: number, row: NewInstitution): Promise<void> {
  await db.updateTable('training_institutions').set(row).where('id', '=', id).execute();
}

export function listProjectRows(db: Db): Promise<ProjectRow[]> {
  return db.selectFrom('training_projects').selectAll().orderBy('id').execute();
}

export async function insertProjects(db: Db, rows: Omit<Schema['training_projects'], 'id'>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('training_projects').values(rows).execute();
}

export function findProjectRow(db: Db, id: number): Promise<ProjectRow | undefined> {
  return db.selectFrom('training_projects').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateProject(db: Db, id: number, row: Omit<ProjectRow, 'id'>): Promise<void> {
  await db.updateTable('training_projects').set(row).where('id', '=', id).execute();
}
