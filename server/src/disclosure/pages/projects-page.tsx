/** @jsxImportSource hono/jsx */
/** 培训项目目录: occupations × levels with the subsidy standard and the minimum hours. */
import type { ProjectList } from '@lz/shared/api/disclosure';
import { formatCount, formatYuan } from './format';
import { Layout } from './layout';

export function ProjectsPage(props: { list: ProjectList }) {
  return (
    <Layout title="培训项目目录" section="projects" publishedAt={props.list.publishedAt} json="/api/public/projects">
      <div class="scroll">
        <table>
          <caption>补贴性职业技能培训项目及补贴标准</caption>
          <thead>
            <tr>
              <th scope="col">职业（工种）</th>
              <th scope="col">职业编码</th>
              <th scope="col">等级</th>
              <th scope="col" class="num">
                补贴标准（元/人）
              </th>
              <th scope="col" class="num">
                最低课时
              </th>
            </tr>
          </thead>
          <tbody>
            {props.list.items.map((p) => (
              <tr>
                <td>{p.occupation}</td>
                <td>{p.occupationCode ?? '—'}</td>
                <td>{p.level}</td>
                <td class="num">{formatYuan(p.subsidyStandard)}</td>
                <td class="num">{formatCount(p.minimumHours)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}
