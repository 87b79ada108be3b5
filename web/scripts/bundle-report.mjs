#!/usr/bin/env node
/**
 * Usage: node web/scripts/bundle-report.mjs [--dist web/dist] [--budget 500] [--json]
 *
 * Reads the Vite manifest of a built web app and prints, per route, the gzipped JS and CSS a first visit
 * loads: the entry with its static imports, plus the route's lazy chunk with its static imports. Beside it,
 * what the route may fetch later on demand (ECharts when a chart draws, the map's polygons, exceljs on export).
 * Exits 1 when any route's first-load JS exceeds the budget (KB, gzipped).
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
const pageKeys = new Set(manifest[entryKey].dynamicImports ?? []);

/** Chunks a set of chunks may import dynamically (other pages aside), with their static imports. */
function onDemand(keys) {
  const out = new Set();
  const queue = [...keys];
  while (queue.length) {
    const k = queue.pop();
    for (const d of manifest[k]?.dynamicImports ?? []) {
      if (pageKeys.has(d) || keys.has(d) || out.has(d)) continue;
      for (const c of closure(d)) {
        if (!keys.has(c) && !out.has(c)) {
          out.add(c);
          queue.push(c);
        }
      }
    }
  }
  return out;
}

// Each lazy page is a dynamic import of the entry (app/pages.ts); its route name is the file's name.
const routes = [...pageKeys].map((key) => {
  const name = key
    .split('/')
    .pop()
    .replace(/\.(t|j)sx?$/, '')
    .replace(/-page$/, '');
  const keys = new Set([...entryKeys, ...closure(key)]);
  const later = onDemand(keys);
  return {
    route: name,
    ...sizeOf(keys),
    onDemandJs: sizeOf(later).js,
    onDemandFiles: [...later]
      .map((k) => manifest[k].file)
      .filter((f) => f.endsWith('.js'))
      .sort(),
  };
});

const kb = (n) => (n / 1024).toFixed(1);
const over = routes.filter((r) => r.js > budgetKb * 1024);
if (values.json) {
  console.log(JSON.stringify({ entry, routes, budgetKb }, null, 2));
} else {
  console.log(
    'gzipped sizes, first load of each route (entry + lazy chunk + their static imports),\n' +
      'and what it may fetch later on demand (charts, map polygons, Excel export)\n',
  );
  console.log(
    'route'.padEnd(14) +
      'JS KB'.padStart(10) +
      'CSS KB'.padStart(10) +
      'JS files'.padStart(10) +
      'on demand'.padStart(12),
  );
  console.log(
    '(entry only)'.padEnd(14) +
      kb(entry.js).padStart(10) +
      kb(entry.css).padStart(10) +
      String(entry.files).padStart(10),
  );
  for (const r of routes.sort((a, b) => a.route.localeCompare(b.route))) {
    console.log(
      r.route.padEnd(14) +
        kb(r.js).padStart(10) +
        kb(r.css).padStart(10) +
        String(r.files).padStart(10) +
        kb(r.onDemandJs).padStart(12),
    );
  }
}
if (routes.length === 0 || !routes.some((r) => r.route === 'overview')) {
  console.error('\nno overview route found among the lazy chunks');
  process.exit(1);
}
if (over.length) {
  for (const r of over)
    console.error(`\n${r.route} route loads ${kb(r.js)} KB gzipped JS on first load, over the ${budgetKb} KB budget`);
  process.exit(1);
}
if (!values.json) {
  const max = routes.reduce((a, b) => (b.js > a.js ? b : a));
  console.log(
    `\nevery route within ${budgetKb} KB gzipped JS on first load ✓ (largest: ${max.route}, ${kb(max.js)} KB)`,
  );
}
