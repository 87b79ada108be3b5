/** @jsxImportSource hono/jsx */
/** 培训机构目录: search by name or credit code, filter by county, occupation, type and status (a GET form). */
import {
  type InstitutionFilter,
  type InstitutionList,
  institutionStatuses,
  institutionTypes,
} from '@lz/shared/api/disclosure';
import { Layout } from './layout';

function Select(props: { name: string; label: string; value?: string; options: { value: string; label: string }[] }) {
  return (
    <label>
      {props.label}
      <select name={props.name}>
        <option value="">全部</option>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

const plain = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));

/** The query string of the JSON twin, so the page's data link gives exactly what the page shows. */
function queryOf(filter: InstitutionFilter): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v) params.set(k, v);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function InstitutionsPage(props: { list: InstitutionList; filter: InstitutionFilter }) {
  const { list, filter } = props;
  return (
    <Layout
      title="培训机构目录"
      section="institutions"
      publishedAt={list.publishedAt}
      json={`/api/public/institutions${queryOf(filter)}`}
    >
      <form class="filters" method="get" action="/gongkai/jigou">
        <label>
          机构名称或统一社会信用代码
          <input type="search" name="q" value={filter.q ?? ''} maxlength={60} />
        </label>
        <Select
          name="county"
          label="所在县区"
          value={filter.county}
          options={list.counties.map((c) => ({ value: c.code, label: c.name }))}
        />
        <Select name="occupation" label="培训职业" value={filter.occupation} options={plain(list.occupations)} />
        <Select name="type" label="机构类型" value={filter.type} options={plain(institutionTypes)} />
        <Select name="status" label="状态" value={filter.status} options={plain(institutionStatuses)} />
        <button type="submit">查询</button>
      </form>
      <p>共 {list.items.length} 家培训机构。</p>
      <div class="scroll">
        <table>
          <caption>培训机构</caption>
          <thead>
            <tr>
              <th scope="col">机构名称</th>
              <th scope="col">统一社会信用代码</th>
              <th scope="col">所在县区</th>
              <th scope="col">类型</th>
              <th scope="col">状态</th>
              <th scope="col">可培训职业</th>
            </tr>
          </thead>
          <tbody>
            {list.items.length === 0 && (
              <tr>
                <td colspan={6}>没有符合条件的培训机构。</td>
              </tr>
            )}
            {list.items.map((i) => (
              <tr>
                <td>
                  <a href={`/gongkai/jigou/${encodeURIComponent(i.id)}`}>{i.name}</a>
                </td>
                <td>{i.creditCode}</td>
                <td>{i.county.name}</td>
                <td>{i.type}</td>
                <td>
                  {i.status}（{i.statusSince} 起）
                </td>
                <td class="wrap">{i.occupations.join('、')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}
