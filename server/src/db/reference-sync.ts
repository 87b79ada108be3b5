/** Copies the campaign's reference data into its tables so foreign keys and SQL joins can use it. */
import type { Catalogue } from '@lz/shared/catalogue';
import { writeTransaction, type Db } from './open-database';

export function syncReferenceData(db: Db, c: Catalogue): Promise<void> {
  return writeTransaction(db, async (trx) => {
    if (c.units.length > 0)
      await trx
        .insertInto('units')
        .values(
          c.units.map((u) => ({
            code: u.code,
            name: u.name,
            display_order: u.order,
            population: u.population,
            data: JSON.stringify(u),
          })),
        )
        .onConflict((oc) =>
          oc.column('code').doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            display_order: eb.ref('excluded.display_order'),
            population: eb.ref('excluded.population'),
            data: eb.ref('excluded.data'),
          })),
        )
        .execute();
    if (c.departments.length > 0)
      await trx
        .insertInto('departments')
        .values(
          c.departments.map((d) => ({
            code: d.code,
            name: d.name,
            owes_reports: d.owesReports ? 1 : 0,
            data: JSON.stringify(d),
          })),
        )
        .onConflict((oc) =>
          oc.column('code').doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            owes_reports: eb.ref('excluded.owes_reports'),
            data: eb.ref('excluded.data'),
          })),
        )
        .execute();
    if (c.indicators.length > 0)
      await trx
        .insertInto('indicators')
        .values(
          c.indicators.map((i) => ({
            code: i.code,
            name: i.name,
            short_name: i.shortName,
            unit: i.unit,
            kind: i.kind,
            data: JSON.stringify(i),
          })),
        )
        .onConflict((oc) =>
          oc.column('code').doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            short_name: eb.ref('excluded.short_name'),
            unit: eb.ref('excluded.unit'),
            kind: eb.ref('excluded.kind'),
            data: eb.ref('excluded.data'),
          })),
        )
        .execute();
    if (c.targets.length > 0)
      await trx
        .insertInto('targets')
        .values(
          c.targets.map((t) => ({ code: t.code, name: t.name, kind: t.kind, value: t.value, data: JSON.stringify(t) })),
        )
        .onConflict((oc) =>
          oc.column('code').doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            kind: eb.ref('excluded.kind'),
            value: eb.ref('excluded.value'),
            data: eb.ref('excluded.data'),
          })),
        )
        .execute();
  });
}
