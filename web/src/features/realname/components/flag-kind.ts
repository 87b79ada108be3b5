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
