/** The campaign's holiday calendar (work-calendar.json): 法定节假日 and 调休 workdays for the 公示期. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { WorkCalendar } from '../notice-period';

const day = z.iso.date();
const fileSchema = z.object({
  years: z.record(
    z.string().regex(/^\d{4}$/),
    z.object({
      notice: z.string().min(1),
      holidays: z.array(z.object({ name: z.string(), days: z.array(day) })),
      workdays: z.array(day),
    }),
  ),
});

export function loadWorkCalendar(campaignDir: string): WorkCalendar {
  const file = fileSchema.parse(JSON.parse(readFileSync(join(campaignDir, 'work-calendar.json'), 'utf8')));
  const years = Object.values(file.years);
  return {
    holidays: years.flatMap((y) => y.holidays.flatMap((h) => h.days)).sort(),
    workdays: years.flatMap((y) => y.workdays).sort(),
  };
}
