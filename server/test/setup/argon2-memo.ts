/**
 * Every test app signs in six accounts with one test password, and argon2id at the product's parameters
 * (19 MiB, 2 passes) costs tens of milliseconds of a core per call: hundreds of apps made that a large part of
 * the suite's time. Here each distinct (password, options) is hashed once per worker and each (hash, password)
 * verified once; the answers are the real library's, so every test of hashing, verification, refusals and
 * throttling sees what the product sees (only the salt is shared between equal passwords).
 */
import { vi } from 'vitest';

vi.mock('argon2', async (importOriginal) => {
  const real = await importOriginal<typeof import('argon2')>();
  const lib = (real as { default?: typeof real }).default ?? real;
  const hashes = new Map<string, Promise<string>>();
  const verdicts = new Map<string, Promise<boolean>>();
  const memo = <T>(cache: Map<string, Promise<T>>, key: string, run: () => Promise<T>) => {
    let hit = cache.get(key);
    if (!hit) {
      hit = run();
      cache.set(key, hit);
      hit.catch(() => cache.delete(key));
    }
    return hit;
  };
  const hash = ((password: string, options?: object) =>
    memo(hashes, JSON.stringify([password, options ?? null]), () =>
      lib.hash(password, options as never),
    )) as typeof lib.hash;
  const verify = ((digest: string, password: string) =>
    memo(verdicts, JSON.stringify([digest, password]), () => lib.verify(digest, password))) as typeof lib.verify;
  const mocked = { ...lib, hash, verify };
  return { ...mocked, default: mocked };
});
