-- Timers: every future threshold of a running clock (its warnings, its breach, each level of
-- the escalation matrix) as a row with the instant it is due. Recomputing a ticket re-arms or
-- cancels its armed timers in the same transaction; the worker claims due ones with
-- FOR UPDATE SKIP LOCKED, so several processes on one database share them. A fired timer is
-- never re-armed: a threshold fires at most once per clock cycle.
create table timers (
  customer_id text not null,
  ticket_id text not null,
  agreement_id text not null,
  metric text not null,
  cycle integer not null,
  kind text not null check (kind in ('warning', 'breach', 'escalation')),
  -- The escalation level, else the share of the target in basis points (75% = 7500).
  level integer not null,
  percent numeric not null,
  severity text not null,
  notify jsonb not null default '[]',
  due_at timestamptz not null,
  state text not null check (state in ('armed', 'fired', 'cancelled')),
  armed_at timestamptz not null,
  fired_at timestamptz,
  late_ms bigint,
  primary key (customer_id, ticket_id, agreement_id, metric, cycle, kind, level)
);
-- "Armed and due" is one range scan, whichever customer.
create index timers_armed_due on timers (due_at) where state = 'armed';

-- One row per firing, written by the worker in the transaction that fires the timer: the
-- record that a threshold fired once, whatever the notifications made of it. The key is the
-- timer's, so a second firing of one threshold is an error, never a silent duplicate.
create table timer_firings (
  customer_id text not null,
  ticket_id text not null,
  agreement_id text not null,
  metric text not null,
  cycle integer not null,
  kind text not null,
  level integer not null,
  due_at timestamptz not null,
  fired_at timestamptz not null,
  late_ms bigint,
  worker text not null,
  primary key (customer_id, ticket_id, agreement_id, metric, cycle, kind, level)
);
