/** @jsxImportSource hono/jsx */
/** 资金使用情况: one published period at a time, by county or by department, with a chart of the totals. */
import type { FundUse, FundUseRow } from '@lz/shared/api/disclosure';
import { BarChart } from './bar-chart';
import { dateLabel, formatCount, formatYuan, periodLabel } from './format';
import { Layout } from './layout';

export interface FundUseView {
  period: string | null;
  dimension: FundUseRow['dimension'];
}

const lines = ['training', 'living', 'assessment', 'workTraining'] as const;
const total = (r: FundUseRow) => Math.round(lines.reduce((s, k) => s + r[k].amount * 100, 0)) / 100;

function sumRows(rows: readonly FundUseRow[]) {
  const fen = (k: (typeof lines)[number]) => rows.reduce((s, r) => s + Math.round(r[k].amount * 100), 0) / 100;
  const people = (k: (typeof lines)[number]) =>
    rows.every((r) => r[k].personTimes === null) ? null : rows.reduce((s, r) => s + (r[k].personTimes ?? 0), 0);
  return Object.fromEntries(lines.map((k) => [k, { amount: fen(k), personTimes: people(k) }])) as Pick<
    FundUseRow,
    (typeof lines)[number]
  >;
}

/** The periods a reader may pick: each year after its quarters, newest first. */
export function fundPeriods(data: FundUse): string[] {
  return data.years.flatMap((y) => [...y.quarters, y.year]).reverse();
}

function Cells(props: { row: Pick<FundUseRow, (typeof lines)[number]> }) {
  return (
    <>
      {lines.map((k) => (
        <>
          <td class="num">{formatYuan(props.row[k].amount)}</td>
          {k !== 'workTraining' && <td class="num">{formatCount(props.row[k].personTimes)}</td>}
        </>
      ))}
    </>
  );
}

export function FundUsePage(props: { data: FundUse; view: FundUseView }) {
  const { data, view } = props;
  const periods = fundPeriods(data);
  const rows = data.rows.filter((r) => r.period === view.period && r.dimension === view.dimension);
  const unitLabel = view.dimension === 'county' ? '县区' : '责任单位';
  const year = data.years.find((y) => y.year === view.period);
  return (
    <Layout title="资金使用情况" section="funds" publishedAt={data.publishedAt} json="/api/public/fund-use">
      {view.period === null ? (
        <p>尚未公布资金使用情况。</p>
      ) : (
        <>
          <form class="filters" method="get" action="/gongkai/zijin">
            <label>
              期间
              <select name="period">
                {periods.map((p) => (
                  <option value={p} selected={p === view.period}>
                    {periodLabel(p)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              统计口径
              <select name="by">
                <option value="county" selected={view.dimension === 'county'}>
                  按县区
                </option>
                <option value="department" selected={view.dimension === 'department'}>
                  按责任单位
                </option>
              </select>
            </label>
            <button type="submit">查看</button>
          </form>
          <p>
            数据来自各责任单位已审核通过的月报。
            {year && `${periodLabel(year.year)}为已公布季度（${year.quarters.map(periodLabel).join('、')}）之和。`}
          </p>
          <div class="scroll">
            <table>
              <caption>
                {periodLabel(view.period)}资金使用情况（按{unitLabel}，金额单位：元）
              </caption>
              <thead>
                <tr>
                  <th scope="col">{unitLabel}</th>
                  <th scope="col" class="num">
                    培训补贴
                  </th>
                  <th scope="col" class="num">
                    培训人次
                  </th>
                  <th scope="col" class="num">
                    生活费补贴
                  </th>
                  <th scope="col" class="num">
                    贫困劳动力人次
                  </th>
                  <th scope="col" class="num">
                    鉴定补贴
                  </th>
                  <th scope="col" class="num">
                    取得证书人数
                  </th>
                  <th scope="col" class="num">
                    以工代训补贴
                  </th>
                  <th scope="col" class="num">
                    合计
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr>
                    <th scope="row">{r.name}</th>
                    <Cells row={r} />
                    <td class="num">{formatYuan(total(r))}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">合计</th>
                  <Cells row={sumRows(rows)} />
                  <td class="num">{formatYuan(rows.reduce((s, r) => s + Math.round(total(r) * 100), 0) / 100)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
          <BarChart
            caption={`${periodLabel(view.period)}各${unitLabel}补贴支出合计（元）`}
            bars={rows.map((r) => ({ label: r.name, value: total(r) }))}
          />
        </>
      )}
      <h2>公布记录</h2>
      <ul>
        {data.publications.map((p) => (
          <li>
            {periodLabel(p.quarter)}：{dateLabel(p.publishedAt)}公布
          </li>
        ))}
      </ul>
    </Layout>
  );
}
