/** Loads a campaign's reference data from `data/campaigns/<code>/`. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCatalogue, type Catalogue } from '@lz/shared/catalogue';

export const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
export const defaultCampaignDir = join(repoRoot, 'data/campaigns/liuzhou-2019-2021');

export function loadCatalogue(dir: string = defaultCampaignDir): Catalogue {
  const read = (name: string): unknown => JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8'));
  return parseCatalogue({
    campaign: read('campaign'),
    units: read('units'),
    departments: read('departments'),
    indicators: read('indicators'),
    targets: read('targets'),
  });
}
