/** @jsxImportSource hono/jsx */
/** One institution: its catalogue entry, the occupations and levels it may train, and its work per year. */
import type { InstitutionPage as InstitutionPageData } from '@lz/shared/api/disclosure';
import { BarChart } from './bar-chart';
import { formatCount, formatYuan } from './format';
import { Layout } from './layout';

/** Approvals grouped by occupation, levels in the order the catalogue lists them. */
function byOccupation(approved: InstitutionPageData['institution']['approved']) {
  const groups = new Map<string, string[]>();
  for (const a of approved) groups.set(a.occupation, [...(groups.get(a.occupation) ?? []), a.level]);
  return [...groups];
}

export function InstitutionPage(props: { page: InstitutionPageData }) {
  const i = props.page.institution;
  return (
    <Layout
      title={i.name}
      section="institutions"
      publishedAt={props.page.publishedAt}
      json={`/api/public/institutions/${encodeURIComponent(i.id)}`}
    >
      <div class="scroll">
        <table>
          <caption>基本信息</caption>
          <tbody>
            <tr>
              <th scope="row">统一社会信用代码</th>
              <td>{i.creditCode}</td>
            </tr>
            <tr>
              <th scope="row">所在县区</th>
              <td>{i.county.name}</td>
            </tr>
            <tr>
              <th scope="row">机构类型</th>
              <td>{i.type}</td>
            </tr>
            <tr>
              <th scope="row">状态</th>
              <td>
                {i.status}（{i.statusSince} 起）
              </td>
            </tr>
          </tbody>
        </table>
      </div>
      <h2>核准的培训职业和等级</h2>
      <div class="scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">职业（工种）</th>
              <th scope="col">等级</th>
            </tr>
          </thead>
          <tbody>
            {byOccupation(i.approved).map(([occupation, levels]) => (
              <tr>
                <td>{occupation}</td>
                <td class="wrap">{levels.join('、')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>历年培训情况</h2>
      {i.years.length === 0 ? (
        <p>尚无已公示的培训班。</p>
      ) : (
        <>
          <div class="scroll">
            <table>
              <caption>按结业年度，来自已公示的花名册</caption>
              <thead>
                <tr>
                  <th scope="col">年度</th>
                  <th scope="col" class="num">
                    开班数
                  </th>
                  <th scope="col" class="num">
                    培训人数
                  </th>
                  <th scope="col" class="num">
                    补贴金额（元）
                  </th>
                </tr>
              </thead>
              <tbody>
                {i.years.map((y) => (
                  <tr>
                    <td>{y.year}年</td>
                    <td class="num">{formatCount(y.classes)}</td>
                    <td class="num">{formatCount(y.trainees)}</td>
                    <td class="num">{formatYuan(y.subsidies)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <BarChart
            caption="历年补贴金额（元）"
            bars={i.years.map((y) => ({ label: `${y.year}年`, value: y.subsidies }))}
          />
        </>
      )}
    </Layout>
  );
}
