import { useCatalogue } from '../../../lib/catalogue/get-catalogue';

/**
 * Codes as people read them: county and department names, indicators by their catalogue name (never the
 * bare code a clerk does not know). Until the catalogue arrives a code stands for itself.
 */
export function useNames() {
  const catalogue = useCatalogue();
  const c = catalogue.data;
  const units = new Map((c?.units ?? []).map((u) => [u.code, u.name]));
  const departments = new Map((c?.departments ?? []).map((d) => [d.code, d.name]));
  const indicators = new Map((c?.indicators ?? []).map((i) => [i.code, i]));
  return {
    catalogue,
    county: (code: string) => units.get(code) ?? code,
    department: (code: string) => departments.get(code) ?? code,
    indicator: (code: string) => indicators.get(code)?.name ?? code,
    valueType: (code: string) => indicators.get(code)?.valueType ?? 'integer',
  };
}

export type Names = ReturnType<typeof useNames>;
