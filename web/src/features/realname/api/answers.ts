/**
 * The real-name answers as the web reads them: the contract's types (`@lz/shared/api/rosters`), inferred from
 * the schemas the server validates with. People in every one of them arrive masked from the server.
 */
import type { PersonLookupResult, StoredFlag } from '@lz/shared/api/rosters';

export type {
  MaskedTrainee,
  RosterDetail,
  RosterPage,
  RosterSummary,
  StoredFlag,
} from '@lz/shared/api/rosters';
export type FlagStatus = StoredFlag['status'];
export type PersonLookup = PersonLookupResult;
export type PersonTraining = PersonLookupResult['trainings'][number];
export type YearAllowance = PersonLookupResult['allowance'][number];
