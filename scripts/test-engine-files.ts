/**
 * Which test files the PostgreSQL pass repeats. The engine is chosen in one place, server/test/test-db.ts
 * (LZ_TEST_ENGINE); a test file that never imports it, directly or through another test module, cannot
 * open a PostgreSQL database and runs the same code on both passes. Those files run once, on the SQLite
 * pass, and the PostgreSQL pass names them and leaves them out.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { repoRoot } from '@lz/server/catalogue';
import vitestConfig from '../vitest.config';

const ENGINE_CHOICE = 'server/test/test-db.ts';
const RELATIVE_IMPORT = /\bfrom\s+['"](\.{1,2}\/[^'"]+)['"]|\bimport\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

function resolveImport(root: string, from: string, spec: string): string | undefined {
  const base = normalize(join(dirname(from), spec));
  const candidates = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')];
  return candidates.find((c) => existsSync(join(root, c)) && statSync(join(root, c)).isFile());
}

/** The folders of vitest.config.ts's `include` globs: each glob up to its first `/**`. */
function testRoots(): string[] {
  return (vitestConfig.test?.include ?? []).map((glob) => glob.split('/**')[0] ?? glob);
}

/** Test files (paths relative to `root`) that reach test-db.ts through test modules, and those that do not. */
export function testFilesByEngineUse(root = repoRoot): { engine: string[]; engineFree: string[] } {
  const imports = new Map<string, string[]>();
  const importsOf = (file: string): string[] => {
    const known = imports.get(file);
    if (known) return known;
    const text = readFileSync(join(root, file), 'utf8');
    const found = [...text.matchAll(RELATIVE_IMPORT)].flatMap((m) => {
      const target = resolveImport(root, file, m[1] ?? m[2] ?? '');
      // Only test-side modules can lead to the engine's choice; the product's own modules never import tests.
      return target && /(^|\/)test\//.test(target) ? [target] : [];
    });
    imports.set(file, found);
    return found;
  };
  const reaches = (file: string, seen = new Set<string>()): boolean => {
    if (file === ENGINE_CHOICE) return true;
    if (seen.has(file)) return false;
    seen.add(file);
    return importsOf(file).some((f) => reaches(f, seen));
  };
  const tests = testRoots()
    .flatMap((r) => walk(join(root, r)))
    .map((p) => relative(root, p))
    .filter((p) => p.endsWith('.test.ts') || p.endsWith('.test.tsx'))
    .sort();
  const engine = tests.filter((t) => reaches(t));
  return { engine, engineFree: tests.filter((t) => !engine.includes(t)) };
}
