/** @jsxImportSource hono/jsx */
/** The frame of every public page: site title, the four sections, the 发布日期, the page's JSON. */
import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import { dateLabel } from './format';
import { siteStyle } from './site-style';

export const siteTitle = '柳州市职业技能提升行动 信息公开';

const sections = [
  { key: 'institutions', href: '/gongkai/jigou', label: '培训机构目录' },
  { key: 'projects', href: '/gongkai/xiangmu', label: '培训项目目录' },
  { key: 'funds', href: '/gongkai/zijin', label: '资金使用情况' },
  { key: 'notices', href: '/gongkai/gongshi', label: '补贴公示' },
] as const;
export type Section = (typeof sections)[number]['key'] | 'home';
export const sectionLinks = sections;

export interface LayoutProps {
  title: string;
  section: Section;
  /** 发布日期; null where nothing is published yet; absent on pages that show no data (404). */
  publishedAt?: string | null;
  /** The same data as JSON under /api/public/. */
  json?: string;
  children?: Child;
}

export function Layout(props: LayoutProps) {
  return (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} - ${siteTitle}`}</title>
        <style>{raw(siteStyle)}</style>
        {props.json && <link rel="alternate" type="application/json" href={props.json} />}
      </head>
      <body>
        <header>
          <a class="site" href="/gongkai/">
            {siteTitle}
          </a>
          <nav aria-label="栏目">
            <ul>
              {sections.map((s) => (
                <li>
                  <a href={s.href} aria-current={s.key === props.section ? 'page' : undefined}>
                    {s.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main>
          <h1>{props.title}</h1>
          {props.publishedAt !== undefined && (
            <p class="meta">发布日期：{props.publishedAt ? dateLabel(props.publishedAt) : '尚未发布'}</p>
          )}
          {props.children}
          {props.json && (
            <p>
              <a href={props.json}>下载本页数据（JSON）</a>
            </p>
          )}
        </main>
        <footer>柳州市人力资源和社会保障局 依据柳政规〔2019〕63号 六(四)、七(二) 公开。本站不使用 Cookie。</footer>
      </body>
    </html>
  );
}
