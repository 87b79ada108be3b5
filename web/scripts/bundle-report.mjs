#!/usr/bin/env node
/**
 * Usage: node web/scripts/bundle-report.mjs [--dist web/dist] [--budget 500] [--json]
 *
 * Reads the Vite manifest of a built web app and prints, per route, the gzipped JS and CSS a first visit
 * loads: the entry with its static imports, plus the route's lazy chunk with its static imports.
 * Exits 1 when the overview route's JS exceeds the budget (KB, gzipped).
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: resolve(here, '../dist') },
    budget: { type: 'string', default: '500' },
    json: { type: 'boolean', default: false },
  },
});
const dist = resolve(values.dist);
const budgetKb = Number(values.budget);

let manifest;
try {
  manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));
} catch {
  console.error(`No Vite manifest at ${dist}/.vite/manifest.json: run \`pnpm --filter @lz/web build\` first.`);
  process.exit(2);
}

const gzCache = new Map();
function gz(file) {
  if (!gzCache.has(file)) gzCache.set(file, gzipSync(readFileSync(join(dist, file)), { level: 9 }).length);
  return gzCache.get(file);
}

/** A chunk and everything it imports statically (what the browser must load before it runs). */
function closure(key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const dep of manifest[key]?.imports ?? []) closure(dep, seen);
  return seen;
}

function sizeOf(keys) {
  const js = new Set();
  const css = new Set();
  for (const k of keys) {
    const chunk = manifest[k];
    if (!chunk) continue;
    if (chunk.file.endsWith('.js')) js.add(chunk.file);
    for (const c of chunk.css ?? []) css.add(c);
  }
  const sum = (files) => [...files].reduce((s, f) => s + gz(f), 0);
  return { js: sum(js), css: sum(css), files: js.size };
}

const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
if (!entryKey) {
  console.error('manifest has no entry');
  process.exit(2);
}
const entryKeys = closure(entryKey);
const entry = sizeOf(entryKeys);
// Each lazy page is a dynamic import of the entry (app/pages.ts); its route name is the file's name.
const routes = (manifest[entryKey].dynamicImports ?? []).map((key) => {
  const name = key.split('/').pop().replace(/\.(t|j)sx?$/, '').replace(/-page$/, '');
  const keys = new Set([...entryKeys, ...closure(key)]);
  return { route: name, ...sizeOf(keys) };
});

const kb = (n) => (n / 1024).toFixed(1);
const overview = routes.find((r) => r.route === 'overview');
if (values.json) {
  console.log(JSON.stringify({ entry, routes, budgetKb }, null, 2));
} else {
  console.log(`gzipped sizes, first load of each route (entry + lazy chunk + their static imports)\n`);
  console.log(`${'route'.padEnd(14)}${'JS KB'.padStart(10)}${'CSS KB'.padStart(10)}${'JS files'.padStart(10)}`);
  console.log(`${'(entry only)'.padEnd(14)}${kb(entry.js).padStart(10)}${kb(entry.css).padStart(10)}${String(entry.files).padStart(10)}`);
  for (const r of routes.sort((a, b) => a.route.localeCompare(b.route))) {
    console.log(`${r.route.padEnd(14)}${kb(r.js).padStart(10)}${kb(r.css).padStart(10)}${String(r.files).padStart(10)}`);
  }
}
if (!overview) {
  console.error('\nno overview route found among the lazy chunks');
  process.exit(1);
}
if (overview.js > budgetKb * 1024) {
  console.error(`\noverview route loads ${kb(overview.js)} KB gzipped JS, over the ${budgetKb} KB budget`);
  process.exit(1);
}
if (!values.json) console.log(`\noverview route: ${kb(overview.js)} KB gzipped JS (budget ${budgetKb} KB) ✓`);
