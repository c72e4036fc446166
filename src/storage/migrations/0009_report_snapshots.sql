-- Closed periods' reports, frozen: the first revision is stored when the period closes (or is
-- first read after it closed); later events never change it. A recomputation is an audited
-- act: a new revision, with who asked, why, and what changed.
create table report_snapshots (
  customer_id text not null references organisations (id),
  agreement_id text not null,
  -- '2026-10' (a month) or '2026-Q4' (a quarter).
  period text not null,
  revision integer not null check (revision >= 1),
  report jsonb not null,
  -- SHA-256 of the report's canonical JSON.
  report_hash text not null,
  -- The last ticket and status events the report had seen (their seq), so later ones show.
  ticket_events_seq bigint not null,
  status_events_seq bigint not null,
  frozen_at timestamptz not null,
  frozen_by text not null,
  reason text,
  -- For a recomputation: the figures that differ from the revision before.
  changes jsonb not null default '[]',
  primary key (customer_id, agreement_id, period, revision),
  check (revision = 1 or reason is not null)
);

-- "Events that arrived after the report was frozen": the customer's events past a sequence number.
create index ticket_events_by_seq on ticket_events (customer_id, seq);
create index status_events_by_seq on status_events (customer_id, seq);
