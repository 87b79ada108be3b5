/** @jsxImportSource hono/jsx */
/** The public site's front page: the four sections and when each last changed. */
import { dateLabel } from './format';
import { Layout, sectionLinks } from './layout';

const descriptions: Record<(typeof sectionLinks)[number]['key'], string> = {
  institutions: '可承担补贴性职业技能培训的机构，及其核准的职业、等级和历年培训情况。',
  projects: '补贴性培训的职业（工种）、等级、补贴标准和最低课时。',
  funds: '按季度和年度公开的培训补贴、生活费补贴、鉴定补贴和以工代训补贴支出。',
  notices: '各培训班的补贴发放公示，公示期内可提出异议。',
};

export function HomePage(props: { dates: Record<(typeof sectionLinks)[number]['key'], string | null> }) {
  const latest =
    Object.values(props.dates)
      .filter((d): d is string => d !== null)
      .sort()
      .at(-1) ?? null;
  return (
    <Layout title="信息公开" section="home" publishedAt={latest}>
      <p>依据《柳州市职业技能提升行动实施方案（2019—2021年）》，向社会公开以下信息。</p>
      <div class="scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">栏目</th>
              <th scope="col">内容</th>
              <th scope="col">最近发布</th>
            </tr>
          </thead>
          <tbody>
            {sectionLinks.map((s) => (
              <tr>
                <td>
                  <a href={s.href}>{s.label}</a>
                </td>
                <td class="wrap">{descriptions[s.key]}</td>
                <td>{props.dates[s.key] ? dateLabel(props.dates[s.key] as string) : '尚未发布'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}

export function MessagePage(props: { title: string; message: string }) {
  return (
    <Layout title={props.title} section="home">
      <p>{props.message}</p>
      <p>
        <a href="/gongkai/">返回信息公开首页</a>
      </p>
    </Layout>
  );
}
