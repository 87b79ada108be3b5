/** @jsxImportSource hono/jsx */
/** The 异议 form of a notice batch (no JavaScript needed), and the receipt once the office has it. */
import type { NoticeBatch } from '@lz/shared/api/disclosure';
import { dateLabel } from './format';
import { Layout } from './layout';
import { noticeHref } from './notices-page';
import { objectionHref } from './notice-batch-page';

export interface FormState {
  classId?: string | undefined;
  name?: string | undefined;
  contact?: string | undefined;
  text?: string | undefined;
}

export interface ObjectionFormProps {
  batch: NoticeBatch;
  challenge: { token: string; nonce: string; bits: number; question: string };
  values: FormState;
  /** Why the last try was refused, and per field what to fix. */
  error?: { message: string; details?: { field: string; message: string }[] };
}

export function ObjectionFormPage(props: ObjectionFormProps) {
  const { batch, challenge, values, error } = props;
  const title = `对“${batch.title}”提出异议`;
  return (
    <Layout title={title} section="notices" publishedAt={batch.publishedAt}>
      <p>
        公示期：{dateLabel(batch.noticeStart)}至{dateLabel(batch.noticeEnd)}
        。请如实填写，我们将通过您留下的联系方式答复。
        <a href={noticeHref(batch.id)}>返回公示</a>
      </p>
      {error && (
        <div class="notice" role="alert">
          <p>{error.message}</p>
          {error.details && (
            <ul>
              {error.details.map((d) => (
                <li>{d.message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <form
        class="stack"
        method="post"
        action={objectionHref(batch.id)}
        data-nonce={challenge.nonce}
        data-bits={String(challenge.bits)}
      >
        <input type="hidden" name="token" value={challenge.token} />
        <input type="hidden" name="pow" value="" />
        <label>
          涉及的培训班
          <select name="classId">
            <option value="">整个批次</option>
            {batch.classes.map((k) => (
              <option value={k.id} selected={k.id === values.classId}>
                {k.institution} {k.occupation}（{k.level}） {k.startDate}
              </option>
            ))}
          </select>
        </label>
        <label>
          姓名
          <input name="name" required maxlength={40} value={values.name ?? ''} autocomplete="name" />
        </label>
        <label>
          联系电话或邮箱
          <input name="contact" required maxlength={80} value={values.contact ?? ''} autocomplete="tel" />
        </label>
        <label>
          异议内容（5 至 2000 字）
          <textarea name="text" required minlength={5} maxlength={2000}>
            {values.text ?? ''}
          </textarea>
        </label>
        <div class="hp" aria-hidden="true">
          <label>
            网址（请勿填写）
            <input name="website" tabindex={-1} autocomplete="off" value="" />
          </label>
        </div>
        <div class="question">
          <label>
            验证问题：{challenge.question}（请填写阿拉伯数字）
            <input name="answer" required inputmode="numeric" maxlength={10} autocomplete="off" value="" />
          </label>
        </div>
        <p class="pow-status" aria-live="polite" />
        <button type="submit">提交异议</button>
      </form>
      <script src="/gongkai/pow.js" defer />
    </Layout>
  );
}

export function ObjectionReceivedPage(props: { batch: NoticeBatch; reference: string }) {
  return (
    <Layout title="异议已提交" section="notices" publishedAt={props.batch.publishedAt}>
      <p class="ok" role="status">
        已收到您对“{props.batch.title}”的异议，受理编号 {props.reference}。我们将核实并通过您留下的联系方式答复。
      </p>
      <p>
        <a href={noticeHref(props.batch.id)}>返回公示</a>
      </p>
    </Layout>
  );
}
