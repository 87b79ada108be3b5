/**
 * Usage: pnpm db:copy --from var/liuzhou.sqlite --to postgres://user:pass@host:5432/db [--schema name]
 * Moves an installation from its SQLite file into an empty PostgreSQL database: every table in one transaction,
 * ids kept, then verified (row counts and a SHA-256 of every table, and the sum of the figures, on both sides).
 * Stop the server (or accept that writes after the copy's snapshot stay behind), and do not start a server on
 * the target before the copy: it would fill the reference tables and the copy would refuse. Exit 0 when
 * everything matches, 1 on a mismatch (the target is rolled back), 2 when refused (nothing changed).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CopyRefusedError, copyDatabase } from '@lz/server/db/copy-database';
import { isPostgresUrl } from '@lz/server/db/open-database';

const { values } = parseArgs({
  options: { from: { type: 'string' }, to: { type: 'string' }, schema: { type: 'string' } },
});
if (!values.from || !values.to || !isPostgresUrl(values.to)) {
  console.error('用法 / usage: pnpm db:copy --from <SQLite 文件> --to postgres://… [--schema <schema>]');
  process.exit(2);
}
const shown = values.to.replace(/\/\/[^@/]*@/, '//');
try {
  const result = await copyDatabase(resolve(values.from), values.to, values.schema);
  const width = Math.max(...result.tables.map((t) => t.table.length));
  console.log(`${'table'.padEnd(width)}  ${'sqlite rows'.padStart(11)}  ${'pg rows'.padStart(11)}  sha-256 (16)`);
  for (const t of result.tables) {
    const same = t.sourceRows === t.targetRows && t.sourceHash === t.targetHash;
    const hash = same ? t.sourceHash : `${t.sourceHash} ≠ ${t.targetHash}`;
    console.log(
      `${t.table.padEnd(width)}  ${String(t.sourceRows).padStart(11)}  ${String(t.targetRows).padStart(11)}  ` +
        `${hash}${same ? '' : '  MISMATCH'}`,
    );
  }
  console.log(`figures: SUM(report_values.value) sqlite ${result.figures.source}, pg ${result.figures.target}`);
  if (!result.ok) {
    console.error(`校验不一致，已回滚，目标库未改变 / verification failed: rolled back, ${shown} unchanged`);
    process.exit(1);
  }
  const rows = result.tables.reduce((n, t) => n + t.targetRows, 0);
  console.log(`copied ${result.tables.length} tables, ${rows} rows → ${shown} in ${result.ms} ms: all verified`);
} catch (err) {
  if (err instanceof CopyRefusedError) {
    console.error(err.message);
    process.exit(2);
  }
  throw err;
}
