#!/usr/bin/env node
/**
 * Usage: npm run demo   — install, build and start the app with demo data
 *        npm test       — install, then typecheck + unit/integration tests + browser tests
 *
 * Plain Node with no dependencies, so it runs on a machine that has only Node 20 and npm. It gets the
 * pinned pnpm through corepack (bundled with Node), installs the workspace, then hands over to pnpm.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const mode = process.argv[2];
if (mode !== 'demo' && mode !== 'test') {
  console.error('usage: node scripts/bootstrap.mjs demo|test');
  process.exit(2);
}
const pinned = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager; // pnpm@10.x

const env = { ...process.env };
// This registry's metadata lacks corepack's signatures; the version is pinned in package.json anyway.
env.COREPACK_INTEGRITY_KEYS ??= '0';
env.COREPACK_ENABLE_DOWNLOAD_PROMPT = '0';
// Native modules (better-sqlite3, argon2) build against the headers installed with Node when the
// prebuilt binaries and header tarballs cannot be downloaded.
if (!env.npm_config_nodedir && existsSync('/usr/include/node/node.h')) env.npm_config_nodedir = '/usr';

function run(cmd, args, extraEnv = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...env, ...extraEnv } });
  if (r.error) return { ok: false, error: r.error };
  return { ok: r.status === 0, status: r.status ?? 1 };
}

/** pnpm as a command line: the pinned one via corepack, else via npx. */
function findPnpm() {
  const version = pinned.split('@')[1];
  const candidates = [
    ['corepack', ['pnpm']],
    ['npx', ['--yes', `pnpm@${version}`]],
  ];
  for (const [cmd, pre] of candidates) {
    const r = spawnSync(cmd, [...pre, '--version'], { cwd: root, env, encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim() === version) return (args, extra) => run(cmd, [...pre, ...args], extra);
  }
  console.error(`could not run ${pinned} through corepack or npx`);
  process.exit(1);
}

const pnpm = findPnpm();
const install = pnpm(['install', '--frozen-lockfile']);
if (!install.ok) process.exit(install.status ?? 1);

if (mode === 'test') {
  const r = pnpm(['run', 'check']);
  process.exit(r.ok ? 0 : (r.status ?? 1));
}

const extra = {
  DEMO: process.env.DEMO ?? '1',
  DB_PATH: process.env.DB_PATH ?? join(root, 'var', 'liuzhou-demo.sqlite'),
};
const r = pnpm(['run', 'start'], extra);
process.exit(r.ok ? 0 : (r.status ?? 1));
