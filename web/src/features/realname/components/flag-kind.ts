import type { FlagKind } from '@lz/shared/api/rosters';
import type { MessageKey } from '../../../lib/i18n/dictionary';

/** Each flag kind's label in the dictionary, in the contract's order (the queue's filter lists them so). */
export const flagKindLabel: Record<FlagKind, MessageKey> = {
  overlap: 'flagOverlap',
  'retirement-age': 'flagRetirementAge',
  'shared-phone': 'flagSharedPhone',
  'not-approved': 'flagNotApproved',
  'subsidy-above-standard': 'flagSubsidyAboveStandard',
  'hours-below-minimum': 'flagHoursBelowMinimum',
};

/** The names of the figures a flag rests on (`evidence.figures`, keyed by the server's checks). */
const figureLabel: Record<string, MessageKey> = {
  age: 'flagFigureAge',
  retirementAge: 'flagFigureRetirementAge',
  phone: 'flagFigurePhone',
  trainees: 'flagFigureTrainees',
  approved: 'flagFigureApproved',
  standard: 'flagFigureStandard',
  highest: 'flagFigureHighest',
  hours: 'flagFigureHours',
  minimum: 'flagFigureMinimum',
};

/** A figure's dictionary label; a figure a newer server adds shows under 其他 rather than as its key. */
export function figureLabelKey(key: string): MessageKey {
  return figureLabel[key] ?? 'flagFigureOther';
}
