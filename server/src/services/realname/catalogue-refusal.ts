/** One 400 of a catalogue edit listing every problem in Chinese (the office's form shows each). */
import { badRequest } from '../../errors';

export function catalogueRefusal(what: string, problems: string[]) {
  return badRequest(
    `${what}有 ${problems.length} 处问题，未保存：${problems.join('；')}`,
    'bad_catalogue',
    problems.map((message) => ({ county: null, indicator: null, rule: 'catalogue', message })),
  );
}

/** buildTrainingCatalogue's error lists its problems one a line after a heading; those lines. */
export function catalogueProblems(err: unknown): string[] {
  const text = err instanceof Error ? err.message : String(err);
  const lines = text.split('\n').slice(1).filter(Boolean);
  return lines.length > 0 ? lines : [text];
}
