/**
 * The public site wired into the app: the database as its source, the app's clock and client address, the
 * campaign's holiday calendar and a real challenge key. `createApp` mounts `site` ahead of the /api/*
 * middleware (the public site sets no cookie and reads no session) and the office routes with `classes`.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { Hono } from 'hono';
import { defaultCampaignDir } from '../../catalogue';
import type { Deps } from '../../deps';
import { clientAddress } from '../../http/session-middleware';
import { createPublicSite } from '../public-site';
import { createDbSource } from './db-source';
import { type NoticeClassSource, rosterNoticeClasses } from './notice-classes';
import { loadWorkCalendar } from './work-calendar';

export interface Disclosure {
  site: Hono;
  classes: NoticeClassSource;
}

/** Separate keys from the one secret: a challenge token can never be replayed as an address hash. */
const derive = (secret: Buffer, label: string) => createHmac('sha256', secret).update(label).digest();

export function mountDisclosure(deps: Deps, campaignDir = defaultCampaignDir): Disclosure {
  // main.ts resolves the configured key (and says when it falls back); tests run with one of their own.
  const secret = deps.config.disclosureSecret ?? randomBytes(32);
  const classes = rosterNoticeClasses(deps.db);
  const source = createDbSource(deps, { classes, addressKey: derive(secret, 'lz-disclosure-address-v1') });
  const site = createPublicSite(source, {
    now: () => deps.clock.now(),
    calendar: loadWorkCalendar(campaignDir),
    timeZone: deps.catalogue.campaign.timeZone,
    guard: { secret: derive(secret, 'lz-disclosure-challenge-v1') },
    addressOf: (c) => clientAddress(c, deps.config.trustProxy) ?? 'unknown',
  });
  return { site, classes };
}
