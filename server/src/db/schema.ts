/**
 * The tables as the data layer sees them (Kysely's types), for both engines. Integers, instants in ms and
 * ids are numbers on both (PostgreSQL's int8 is parsed to a number in open-database.ts); flags are 0/1.
 */
import type { Generated } from 'kysely';

export interface Schema {
  units: { code: string; name: string; display_order: number; population: number | null; data: string };
  departments: { code: string; name: string; owes_reports: number; data: string };
  indicators: { code: string; name: string; short_name: string; unit: string; kind: string; data: string };
  targets: { code: string; name: string; kind: string; value: number; data: string };
  allocations: {
    id: Generated<number>;
    target: string;
    department: string;
    county: string | null;
    year: number | null;
    value: number;
    updated_at: string;
    updated_by: string;
  };
  target_splits: { target: string; year: number; value: number; updated_at: string; updated_by: string };
  users: {
    id: Generated<number>;
    username: string;
    display_name: string;
    password_hash: string;
    role: 'admin' | 'leader' | 'reporter' | 'inspector' | 'county';
    department: string | null;
    county: string | null;
    disabled: number;
    created_at: string;
    auth_version: Generated<number>;
  };
  sessions: {
    token_hash: string;
    user_id: number;
    auth_version: number;
    created_at_ms: number;
    expires_at_ms: number;
    last_seen_ms: number;
  };
  report_versions: {
    id: Generated<number>;
    department: string;
    month: string;
    version: number;
    submitted_at_ms: number;
    submitted_by: string;
    source: 'form' | 'file' | 'demo';
    file_name: string | null;
    warnings: string;
  };
  report_values: { version_id: number; county: string; indicator: string; value: number };
  version_totals: { version_id: number; indicator: string; value: number };
  version_arrays: { version_id: number; layout: string; data: Buffer };
  report_events: {
    id: Generated<number>;
    department: string;
    month: string;
    at_ms: number;
    actor: string;
    action: 'submit' | 'accept' | 'return' | 'unlock';
    version: number | null;
    reason: string | null;
  };
  reports: {
    department: string;
    month: string;
    status: 'submitted' | 'returned' | 'accepted';
    latest_version: number;
    first_submitted_at_ms: number;
    on_time: number;
    status_reason: string | null;
  };
  audit_log: {
    id: Generated<number>;
    at: string;
    actor: string | null;
    action: string;
    target: string | null;
    before: string | null;
    after: string | null;
    ip: string | null;
  };
  findings: {
    id: Generated<number>;
    subject_kind: 'county' | 'department';
    subject: string;
    inspection: 'quarterly' | 'half-year' | 'annual';
    period: string;
    finding: string;
    rectification: string;
    due_date: string;
    status: 'open' | 'closed';
    closing_note: string | null;
    created_at: string;
    created_by: string;
    closed_at: string | null;
    closed_by: string | null;
    response: string | null;
    responded_at: string | null;
    responded_by: string | null;
  };
  login_throttle: {
    key: string;
    username: string | null;
    attempts: number;
    window_start_ms: number;
    locked_until_ms: number | null;
  };
  idempotency_keys: {
    user_id: number;
    key: string;
    fingerprint: string;
    status: number | null;
    content_type: string | null;
    body: string | null;
    created_at_ms: number;
  };
  reminders: {
    id: Generated<number>;
    at: string;
    actor: string;
    department: string;
    month: string;
    note: string | null;
  };
  data_state: { id: number; version: number };
  disclosure_fund_quarters: {
    quarter: string;
    published_at: string;
    published_by: string;
    withdrawn_at: string | null;
    withdrawn_by: string | null;
  };
  disclosure_notice_batches: {
    id: Generated<number>;
    title: string;
    department: string;
    /** JSON array of the class ids. */
    class_ids: string;
    notice_days: number;
    created_at: string;
    created_by: string;
    published_at: string | null;
    published_by: string | null;
    withdrawn_at: string | null;
    withdrawn_by: string | null;
  };
  disclosure_objections: {
    id: Generated<number>;
    batch_id: number;
    class_id: string | null;
    name: string;
    contact: string;
    text: string;
    submitted_at: string;
    address_hash: string;
    answer: string | null;
    answered_by: string | null;
    answered_at: string | null;
  };
  schema_migrations: { version: number; name: string; applied_at: string };
  training_institutions: {
    id: Generated<number>;
    name: string;
    credit_code: string;
    county: string;
    type: string;
    /** JSON: [{ occupation, level (name) }] */
    approved: string;
    status: '有效' | '暂停' | '注销';
    approved_on: string;
    status_since: string | null;
    status_reason: string | null;
    updated_at: string;
    updated_by: string;
  };
  training_projects: {
    id: Generated<number>;
    occupation: string;
    code: string | null;
    level: string;
    subsidy: number;
    min_hours: number;
  };
  rosters: {
    id: Generated<number>;
    department: string;
    institution_id: number;
    institution: string;
    training_type: string;
    occupation: string;
    level: string;
    county: string;
    start_date: string;
    end_date: string;
    month: string;
    hours: number;
    trainees: number;
    /** JSON: the leaf indicators the class adds to its month's report. */
    contribution: string;
    status: Generated<'active' | 'withdrawn'>;
    withdrawn_reason: string | null;
    withdrawn_at: string | null;
    withdrawn_by: string | null;
    created_at: string;
    created_by: string;
    file_name: string | null;
  };
  roster_lines: {
    id: Generated<number>;
    roster_id: number;
    line: number;
    name: string;
    gender: string;
    id_cipher: string;
    id_hash: string;
    id_masked: string;
    phone_cipher: string | null;
    phone_hash: string | null;
    phone_masked: string | null;
    month: string;
    trainee_group: string | null;
    poor: number;
    certificate_type: string | null;
    certificate_no: string | null;
    training_subsidy: number;
    living_subsidy: number;
    assessment_subsidy: number;
    /** YYYY-MM from the ID number (migration 014); null on lines filed before it. */
    birth_month: string | null;
  };
  roster_flags: {
    id: Generated<number>;
    roster_id: number;
    kind: string;
    message: string;
    /** JSON: the flag's evidence, people masked. */
    evidence: string;
    department: string;
    county: string;
    month: string;
    status: Generated<'open' | 'confirmed' | 'dismissed'>;
    resolution_note: string | null;
    resolved_by: string | null;
    resolved_at: string | null;
    finding_id: number | null;
    created_at: string;
  };
  pii_key_check: { id: number; value: string; created_at: string };
  /** Present only inside the key rotation's own transaction (migration 012). */
  pii_rotation: { id: number; started_at: string };
}
