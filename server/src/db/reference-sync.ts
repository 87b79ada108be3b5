/** Copies the campaign's reference data into its tables so foreign keys and SQL joins can use it. */
import type { Catalogue } from '@lz/shared/catalogue';
import { writeTransaction, type Db } from './open-database';

export function syncReferenceData(db: Db, c: Catalogue): void {
  const unit = db.prepare(
    `INSERT INTO units (code, name, display_order, population, data) VALUES (@code, @name, @order, @population, @data)
     ON CONFLICT(code) DO UPDATE SET name = excluded.name, display_order = excluded.display_order,
       population = excluded.population, data = excluded.data`,
  );
  const dept = db.prepare(
    `INSERT INTO departments (code, name, owes_reports, data) VALUES (@code, @name, @owes, @data)
     ON CONFLICT(code) DO UPDATE SET name = excluded.name, owes_reports = excluded.owes_reports, data = excluded.data`,
  );
  const ind = db.prepare(
    `INSERT INTO indicators (code, name, short_name, unit, kind, data)
     VALUES (@code, @name, @shortName, @unit, @kind, @data)
     ON CONFLICT(code) DO UPDATE SET name = excluded.name, short_name = excluded.short_name, unit = excluded.unit,
       kind = excluded.kind, data = excluded.data`,
  );
  const target = db.prepare(
    `INSERT INTO targets (code, name, kind, value, data) VALUES (@code, @name, @kind, @value, @data)
     ON CONFLICT(code) DO UPDATE SET name = excluded.name, kind = excluded.kind, value = excluded.value,
       data = excluded.data`,
  );
  writeTransaction(db, () => {
    for (const u of c.units)
      unit.run({ code: u.code, name: u.name, order: u.order, population: u.population, data: JSON.stringify(u) });
    for (const d of c.departments)
      dept.run({ code: d.code, name: d.name, owes: d.owesReports ? 1 : 0, data: JSON.stringify(d) });
    for (const i of c.indicators)
      ind.run({
        code: i.code,
        name: i.name,
        shortName: i.shortName,
        unit: i.unit,
        kind: i.kind,
        data: JSON.stringify(i),
      });
    for (const t of c.targets)
      target.run({ code: t.code, name: t.name, kind: t.kind, value: t.value, data: JSON.stringify(t) });
  });
}
