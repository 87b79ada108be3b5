/** What the app is built from; tests pass an in-memory database and a fixed clock. */
import type { Catalogue } from '@lz/shared/catalogue';
import type { Db } from './db/open-database';
import type { WorkerPool } from './import/read-pool';
import type { PiiCrypto } from './realname/pii-crypto';
import type { Figures } from './services/progress/figures';

export interface Clock {
  now(): Date;
  /** Set on the demo's own clock (demo/demo-clock.ts): the web says the date shown is played, not real. */
  readonly demo?: boolean;
}
export const systemClock: Clock = { now: () => new Date() };

/** A clock tests can move. */
export function fixedClock(iso: string): Clock & { set(iso: string): void; advance(ms: number): void } {
  let t = new Date(iso).getTime();
  return {
    now: () => new Date(t),
    set: (next: string) => {
      t = new Date(next).getTime();
    },
    advance: (ms: number) => {
      t += ms;
    },
  };
}

export interface Config {
  /** Mark cookies Secure (behind HTTPS). */
  secureCookies: boolean;
  /** Absolute session lifetime. */
  sessionHours: number;
  /** A session unused this long ends (`SESSION_IDLE_MINUTES`; OWASP ASVS L2 asks for about 30). */
  sessionIdleMinutes: number;
  /** `TRUST_PROXY=1`: behind a reverse proxy, the client address is the right-most X-Forwarded-For entry. */
  trustProxy: boolean;
  /** Directory of the built web app served at `/`, if any. */
  webDist: string | null;
  /**
   * The origins (scheme://host[:port], lower case) browsers reach this installation by. Requests naming
   * another Host are refused, and so are writes whose Origin is not one of these.
   */
  allowedOrigins: string[];
  /**
   * Key of the public objection form's challenges and of the address hashes kept with objections
   * (`DISCLOSURE_SECRET` or a key file beside the database); null: a random one per process.
   */
  disclosureSecret: Buffer | null;
}

/** Tests call `app.request('/api/…')`, which Hono addresses to http://localhost. */
export const defaultConfig: Config = {
  secureCookies: false,
  sessionHours: 8,
  sessionIdleMinutes: 30,
  trustProxy: false,
  webDist: null,
  allowedOrigins: ['http://localhost'],
  disclosureSecret: null,
};

export interface Deps {
  db: Db;
  catalogue: Catalogue;
  clock: Clock;
  config: Config;
  /** The read model: in-memory figures and cached answers; every write that changes them goes through it. */
  figures: Figures;
  /** The personal-data key (实名制 #15): ID and phone numbers are only stored encrypted under it. */
  pii: PiiCrypto;
  /** Workers that read uploaded files; the process's shared pool (import/read-isolated.ts) when absent. */
  readPool?: WorkerPool;
}
