/**
 * Where a notice batch's classes come from: the rosters (classes and trainee lines), masked. The roster
 * tables are built on another branch (rn15s); until the merge wires `rosterNoticeClasses` here, the app
 * uses `noRosterClassesYet`, so batches can be created and published but list no class (count 0).
 */
import type { NoticeClass } from '@lz/shared/api/disclosure';

export interface NoticeClassSource {
  /** The classes of these ids that exist, already masked (张*三, 4502**********1234); unknown ids are left out. */
  classes(ids: readonly string[]): Promise<NoticeClass[]>;
}

export const noRosterClassesYet: NoticeClassSource = { classes: async () => [] };
