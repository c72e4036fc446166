-- Availability: what each monitor said about a service, as run-length intervals rather than a
-- row per check; the status events received (their ids make a resend harmless, and an event
-- that arrives late is replayed from them); raw probe results, kept for a number of days; the
-- probes configured through the API; and the lease that lets one process run the probes.

-- A stream is one monitor's view of one service component: `source` is 'events' (the generic
-- form), 'alertmanager/<alertname>/<fingerprint>', 'uptime-kuma/<monitor id>' or
-- 'probe:<agreement>/<monitor>' and 'probe:api/<probe>'. Component '' is the service as a whole.
-- end_at is null on the stream's latest interval. holds_until is how long a probe's latest
-- result vouches for its status (null: until the monitor reports again).
create table status_intervals (
  customer_id text not null,
  service text not null,
  component text not null,
  source text not null,
  start_at timestamptz not null,
  end_at timestamptz,
  holds_until timestamptz,
  status text not null check (status in ('up', 'degraded', 'down', 'unknown')),
  primary key (customer_id, service, component, source, start_at),
  check (end_at is null or end_at > start_at)
);
-- One open interval per stream.
create unique index status_intervals_open on status_intervals (customer_id, service, component, source)
  where end_at is null;

create table status_events (
  customer_id text not null,
  id text not null,
  service text not null,
  component text not null,
  -- The stream whose intervals the event moves, and the tool that said so (a label).
  stream text not null,
  source text,
  seq bigint generated always as identity,
  at timestamptz not null,
  status text not null check (status in ('up', 'degraded', 'down', 'unknown')),
  message text,
  body_hash text not null,
  received_at timestamptz not null default now(),
  primary key (customer_id, id)
);
-- A late event replays its stream from its instant on.
create index status_events_by_stream on status_events (customer_id, service, component, stream, at, seq);

create table probe_results (
  customer_id text not null,
  probe text not null,
  at timestamptz not null,
  -- How far past its scheduled instant the check started.
  late_ms integer not null,
  outcome text not null check (outcome in ('up', 'degraded', 'down')),
  -- Consecutive failed checks so far, this one included.
  failures integer not null,
  latency_ms integer,
  http_status integer,
  error text,
  cert_expires_at timestamptz,
  warning text,
  primary key (customer_id, probe, at)
);
-- Pruning by age is one range scan.
create index probe_results_by_at on probe_results (at);

create table probes (
  customer_id text not null references organisations (id),
  id text not null,
  service text not null,
  component text not null,
  interval_ms integer not null,
  -- The probe as an agreement's monitoring section writes it (url or host and port, …).
  config jsonb not null,
  created_by text,
  created_at timestamptz not null default now(),
  primary key (customer_id, id)
);

-- Who runs the probes: one process at a time holds the lease and renews it; when it stops
-- renewing, another takes over once the lease has expired.
create table probe_leases (
  name text primary key,
  holder text not null,
  expires_at timestamptz not null
);
