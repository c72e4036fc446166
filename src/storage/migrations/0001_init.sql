-- Organisations, people and tokens; agreements and their immutable versions; tickets, the
-- append-only event log and the clocks derived from it. Every table that grows carries the
-- customer id first in its key, so that it can be distributed by customer.

create table organisations (
  id text primary key,
  name text not null,
  kind text not null check (kind in ('provider', 'customer')),
  created_at timestamptz not null default now()
);

create table users (
  id text primary key,
  email text not null unique,
  name text not null,
  role text not null check (role in ('admin', 'agent', 'customer')),
  organisation_id text not null references organisations (id),
  password_hash text,
  created_at timestamptz not null default now(),
  disabled_at timestamptz
);

create table api_tokens (
  id text primary key,
  user_id text not null references users (id),
  name text not null,
  token_hash text not null unique,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);

create table agreements (
  id text primary key,
  customer_id text not null references organisations (id),
  provider_id text not null,
  kind text not null,
  title text not null,
  created_at timestamptz not null default now()
);

create table agreement_versions (
  agreement_id text not null references agreements (id),
  version integer not null,
  customer_id text not null,
  content_hash text not null,
  document text not null,
  effective_from timestamptz not null,
  created_at timestamptz not null default now(),
  created_by text,
  primary key (agreement_id, version),
  unique (agreement_id, content_hash)
);

create table tickets (
  customer_id text not null,
  id text not null,
  service text,
  severity text not null,
  status text not null,
  subject text,
  requester text,
  agent text,
  channel text,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (customer_id, id)
);

-- Which customer a ticket belongs to, so that an event that names only its ticket finds it.
-- Ticket ids are the customer's (two customers may use the same number).
create table ticket_directory (
  customer_id text not null references organisations (id),
  ticket_id text not null,
  primary key (customer_id, ticket_id)
);
create index ticket_directory_by_ticket on ticket_directory (ticket_id);

create table ticket_events (
  customer_id text not null,
  event_id text not null,
  ticket_id text not null,
  seq bigint generated always as identity,
  type text not null,
  at timestamptz not null,
  body jsonb not null,
  body_hash text not null,
  received_at timestamptz not null default now(),
  primary key (customer_id, event_id)
);
create index ticket_events_by_ticket on ticket_events (customer_id, ticket_id, at, seq);

create table clocks (
  customer_id text not null,
  ticket_id text not null,
  agreement_id text not null,
  metric text not null,
  cycle integer not null,
  severity text not null,
  state text not null check (state in ('running', 'paused', 'met', 'cancelled')),
  breached boolean not null,
  target_ms bigint not null,
  elapsed_ms bigint not null,
  due timestamptz,
  started_at timestamptz not null,
  stopped_at timestamptz,
  version text not null,
  primary key (customer_id, ticket_id, agreement_id, metric, cycle)
);
-- "Everything due in the next hour" is one range scan.
create index clocks_running_due on clocks (due) where state = 'running';
