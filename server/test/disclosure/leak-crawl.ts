/**
 * The leak crawl of issue #16: from /gongkai/ it follows every link, every option of every GET form and
 * every JSON twin under /api/public/, and reports anything private it finds. Reusable over any app: the
 * wiring runs it over the real database with the names, users and unpublished figures it holds.
 */
import { gzipSync } from 'node:zlib';

export interface LeakRules {
  /** Real names of people in rosters, objections or accounts: none may appear unmasked. */
  fullNames: readonly string[];
  /** Internal user names (logins): none may appear. */
  usernames: readonly string[];
  /** Figures of unaccepted reports, unpublished quarters or batches: none may appear in any rendering. */
  unpublishedFigures: readonly number[];
}

export interface CrawlReport {
  visited: string[];
  problems: string[];
}

type Fetch = (path: string) => Response | Promise<Response>;

const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkChars = '10X98765432';

/** GB 11643 check character of the first 17 digits of an ID number. */
export function idCheckChar(first17: string): string {
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * (weights[i] ?? 0), 0);
  return checkChars[sum % 11] ?? '';
}

/** 18-character runs that are ID numbers: a digit run of 17 then a check character that fits. */
function idNumbersIn(text: string): string[] {
  const found = text.match(/(?<![0-9])\d{17}[0-9Xx](?![0-9])/g) ?? [];
  return found.filter((id) => idCheckChar(id.slice(0, 17)) === id.slice(17).toUpperCase());
}

const phonesIn = (text: string) => text.match(/(?<!\d)1[3-9]\d{9}(?!\d)/g) ?? [];

/** How a figure can be written on a page or in JSON. */
function renderings(n: number): string[] {
  const grouped = (digits: number) =>
    new Intl.NumberFormat('zh-CN', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
  return [...new Set([String(n), n.toFixed(2), grouped(0), grouped(2)])];
}

const decode = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');

/** Same-site paths the crawl should follow: links, scripts, JSON twins and every GET form option. */
function linksIn(html: string, from: string): string[] {
  const out = [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => decode(m[1] ?? ''));
  for (const form of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const attrs = form[1] ?? '';
    if (!/method="get"/i.test(attrs)) continue;
    const action = decode(/action="([^"]*)"/.exec(attrs)?.[1] ?? from);
    for (const select of (form[2] ?? '').matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
      for (const option of (select[2] ?? '').matchAll(/<option[^>]*value="([^"]*)"/g)) {
        const value = decode(option[1] ?? '');
        if (value) out.push(`${action}?${new URLSearchParams({ [select[1] ?? '']: value })}`);
      }
    }
  }
  return out.map((l) => new URL(l, `http://public.test${from}`)).map((u) => u.pathname + u.search);
}

const followed = (path: string) => path.startsWith('/gongkai') || path.startsWith('/api/public/');

/** The bytes a browser needs before it can show the page's first table. */
export function bytesBeforeFirstTable(html: string): number {
  const at = html.indexOf('<table');
  return gzipSync(Buffer.from(at < 0 ? html : html.slice(0, at))).length;
}

export async function crawlPublicSite(
  fetchPath: Fetch,
  rules: LeakRules,
  start: readonly string[] = ['/gongkai/'],
  maxPages = 2000,
): Promise<CrawlReport> {
  const queue = [...start];
  const seen = new Set(queue);
  const visited: string[] = [];
  const problems: string[] = [];
  const figures = rules.unpublishedFigures.map((n) => ({ n, forms: renderings(n) }));
  while (queue.length > 0 && visited.length < maxPages) {
    const path = queue.shift() as string;
    const res = await fetchPath(path);
    visited.push(path);
    const text = await res.text();
    const say = (what: string) => problems.push(`${path}: ${what}`);
    if (res.headers.has('set-cookie')) say('sets a cookie');
    if (res.status >= 400) say(`answers ${res.status}`);
    for (const id of idNumbersIn(text)) say(`ID number ${id.slice(0, 4)}…`);
    for (const phone of phonesIn(text)) say(`phone number ${phone.slice(0, 3)}…`);
    for (const name of rules.fullNames) if (text.includes(name)) say(`full name ${name.slice(0, 1)}…`);
    for (const user of rules.usernames) if (text.includes(user)) say(`internal user ${user}`);
    for (const { n, forms } of figures) if (forms.some((f) => text.includes(f))) say(`unpublished figure ${n}`);
    if ((res.headers.get('content-type') ?? '').includes('text/html')) {
      if (bytesBeforeFirstTable(text) > 100 * 1024) say('more than 100 KB gzipped before its first table');
      for (const link of linksIn(text, path)) {
        if (followed(link) && !seen.has(link)) {
          seen.add(link);
          queue.push(link);
        }
      }
    }
  }
  if (queue.length > 0) problems.push(`stopped after ${maxPages} pages with ${queue.length} left`);
  return { visited, problems };
}
