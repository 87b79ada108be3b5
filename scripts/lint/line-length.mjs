#!/usr/bin/env node
/**
 * Usage: node scripts/lint/line-length.mjs [--max 120]
 * Fails when a source line is longer than --max characters. The formatter wraps code at 120 columns but
 * leaves long strings and comments alone; this catches those. Lists every offending line at once.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { max: { type: 'string', default: '120' } } });
const max = Number(values.max);
const files = execFileSync(
  'git',
  ['ls-files', '--cached', '--others', '--exclude-standard', '*.ts', '*.tsx', '*.mjs', '*.cjs', '*.css'],
  {
    encoding: 'utf8',
  },
)
  .split('\n')
  .filter((f) => f && !f.includes('/fixtures/'));
const long = [];
for (const file of files) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    continue; // deleted in the work tree
  }
  text.split('\n').forEach((line, i) => {
    if ([...line].length > max) long.push(`${file}:${i + 1}: ${[...line].length} characters`);
  });
}
if (long.length > 0) {
  console.error(`${long.length} lines longer than ${max} characters:\n${long.join('\n')}`);
  process.exit(1);
}
