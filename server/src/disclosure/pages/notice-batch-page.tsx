/** @jsxImportSource hono/jsx */
/** One batch of subsidy notices: per class the institution, occupation, level, dates, trainees and amount. */
import type { NoticeBatch, NoticeClass } from '@lz/shared/api/disclosure';
import { dateLabel, formatCount, formatYuan } from './format';
import { Layout } from './layout';
import { noticeHref } from './notices-page';

export const objectionHref = (batchId: string, classId?: string) =>
  `${noticeHref(batchId)}/yiyi${classId ? `?class=${encodeURIComponent(classId)}` : ''}`;

function Trainees(props: { item: NoticeClass }) {
  const trainees = props.item.trainees;
  if (!trainees) return null;
  return (
    <details>
      <summary>
        {props.item.institution} {props.item.occupation}（{props.item.level}）学员名单（已脱敏）
      </summary>
      <div class="scroll">
        <table>
          <thead>
            <tr>
              <th scope="col" class="num">
                序号
              </th>
              <th scope="col">姓名</th>
              <th scope="col">身份证号</th>
            </tr>
          </thead>
          <tbody>
            {trainees.map((t, i) => (
              <tr>
                <td class="num">{i + 1}</td>
                <td>{t.name}</td>
                <td>{t.idNumber}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

export function NoticeBatchPage(props: { batch: NoticeBatch }) {
  const b = props.batch;
  return (
    <Layout
      title={b.title}
      section="notices"
      publishedAt={b.publishedAt}
      json={`/api/public/notices/${encodeURIComponent(b.id)}`}
    >
      <p class={b.open ? 'notice' : 'meta'}>
        主管部门：{b.department}。公示期：{dateLabel(b.noticeStart)}至{dateLabel(b.noticeEnd)}（工作日）。
        {b.open ? (
          <>
            公示期内如有异议，请<a href={objectionHref(b.id)}>在线提出异议</a>。
          </>
        ) : (
          '公示期已结束。'
        )}
      </p>
      <div class="scroll">
        <table>
          <caption>
            共 {formatCount(b.classCount)} 个培训班，补贴金额合计 {formatYuan(b.amount)} 元
          </caption>
          <thead>
            <tr>
              <th scope="col">培训机构</th>
              <th scope="col">职业（工种）</th>
              <th scope="col">等级</th>
              <th scope="col">培训日期</th>
              <th scope="col" class="num">
                人数
              </th>
              <th scope="col" class="num">
                补贴金额（元）
              </th>
              {b.open && <th scope="col">异议</th>}
            </tr>
          </thead>
          <tbody>
            {b.classes.map((k) => (
              <tr>
                <td>{k.institution}</td>
                <td>{k.occupation}</td>
                <td>{k.level}</td>
                <td>
                  {k.startDate} 至 {k.endDate}
                </td>
                <td class="num">{formatCount(k.traineeCount)}</td>
                <td class="num">{formatYuan(k.amount)}</td>
                {b.open && (
                  <td>
                    <a href={objectionHref(b.id, k.id)}>提出异议</a>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {b.classes.map((k) => (
        <Trainees item={k} />
      ))}
    </Layout>
  );
}
