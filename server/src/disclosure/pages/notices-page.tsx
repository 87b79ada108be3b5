/** @jsxImportSource hono/jsx */
/** 补贴公示: the published batches, each with its 公示期 and whether objections are still taken. */
import type { NoticeList } from '@lz/shared/api/disclosure';
import { dateLabel, formatCount, formatYuan } from './format';
import { Layout } from './layout';

export const noticeHref = (id: string) => `/gongkai/gongshi/${encodeURIComponent(id)}`;

export function NoticesPage(props: { list: NoticeList }) {
  return (
    <Layout title="补贴公示" section="notices" publishedAt={props.list.publishedAt} json="/api/public/notices">
      <p>公示期内，对公示内容有异议的，可在各批次页面在线提出。</p>
      <div class="scroll">
        <table>
          <caption>公示批次</caption>
          <thead>
            <tr>
              <th scope="col">批次</th>
              <th scope="col">主管部门</th>
              <th scope="col">公示期</th>
              <th scope="col">状态</th>
              <th scope="col" class="num">
                培训班数
              </th>
              <th scope="col" class="num">
                补贴金额（元）
              </th>
            </tr>
          </thead>
          <tbody>
            {props.list.items.length === 0 && (
              <tr>
                <td colspan={6}>暂无公示。</td>
              </tr>
            )}
            {props.list.items.map((b) => (
              <tr>
                <td>
                  <a href={noticeHref(b.id)}>{b.title}</a>
                </td>
                <td>{b.department}</td>
                <td>
                  {dateLabel(b.noticeStart)}至{dateLabel(b.noticeEnd)}
                </td>
                <td>{b.open ? '公示中' : '已结束'}</td>
                <td class="num">{formatCount(b.classCount)}</td>
                <td class="num">{formatYuan(b.amount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}
