/** The real campaign reference data, for tests that check rules against it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCatalogue, type Catalogue } from '../src/catalogue';

const dir = fileURLToPath(new URL('../../data/campaigns/liuzhou-2019-2021/', import.meta.url));

export function realCatalogue(): Catalogue {
  const read = (name: string): unknown => JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8'));
  return parseCatalogue({
    campaign: read('campaign'),
    units: read('units'),
    departments: read('departments'),
    indicators: read('indicators'),
    targets: read('targets'),
  });
}
