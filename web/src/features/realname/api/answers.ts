/**
 * The shapes of the real-name answers the contract (`@lz/shared/api/rosters`) does not spell yet: the roster
 * list and page, a stored flag and a person lookup. Built from the contract's own pieces (a stored class is
 * `rosterCreatedSchema`'s class, a stored flag is a `Flag` with its id and state), so when the contract gains
 * these schemas only this file changes. People in every one of them arrive masked from the server.
 */
import type { ClassRef, Contribution, Flag } from '@lz/shared/api/rosters';

export type FlagStatus = 'open' | 'confirmed' | 'dismissed';

/** A flag as stored: the check's flag plus where it belongs and how it was adjudicated. */
export interface StoredFlag extends Flag {
  id: string;
  status: FlagStatus;
  department: string;
  county: string;
  /** The class the flag was raised on. */
  classId: string;
  createdAt: string;
  resolution: { decision: 'confirm' | 'dismiss'; note: string; by: string; at: string } | null;
}

/** One stored class as the list shows it. */
export interface RosterSummary {
  id: string;
  department: string;
  institution: string;
  trainingType: string;
  occupation: string;
  level: string;
  county: string;
  startDate: string;
  endDate: string;
  trainees: number;
  /** The month whose report it counts in (its end date's month). */
  month: string;
  status: 'active' | 'withdrawn';
  /** Its month's report has been reviewed: its own department may no longer withdraw it. */
  reviewed: boolean;
  openFlags: number;
}

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** A trainee line, masked (name, ID number and phone) as the API sends it. */
export interface MaskedTrainee {
  row: number | null;
  name: string;
  gender: string;
  idNumber: string;
  group: string;
  poor: boolean;
  phone: string;
  certificateType: string;
  certificateNo: string;
  trainingSubsidy: number;
  livingSubsidy: number;
  assessmentSubsidy: number;
}

export interface RosterDetail extends RosterSummary {
  hours: number | null;
  fileName: string | null;
  createdAt: string;
  withdrawnReason: string | null;
  withdrawnAt: string | null;
  traineeLines: MaskedTrainee[];
  flags: StoredFlag[];
  contributes: Contribution;
}

/** One training of a looked-up person: the class and what it paid this person. */
export interface PersonTraining extends ClassRef {
  trainingType: string;
  county: string;
  trainingSubsidy: number;
  livingSubsidy: number;
  assessmentSubsidy: number;
  withdrawn: boolean;
}

/** Subsidised trainings a person used and has left in a calendar year (at most three a year). */
export interface YearAllowance {
  year: number;
  used: number;
  left: number;
}

export interface PersonLookup {
  /** Masked: region code and last four. */
  idNumber: string;
  name: string;
  trainings: PersonTraining[];
  allowance: YearAllowance[];
  openFlags: StoredFlag[];
}
