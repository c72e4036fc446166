-- Notifications: the channels admins configure (SMTP servers, webhooks, Slack incoming
-- webhooks), the outbox written in the same transaction as the clock event that caused it,
-- and the log of every delivery attempt.

create table notification_channels (
  id text primary key,
  kind text not null check (kind in ('email', 'webhook', 'slack')),
  name text not null unique,
  -- What may be shown: SMTP host, port, secure, user, from and to; a webhook's URL.
  config jsonb not null,
  -- What is never shown: the SMTP password, the webhook's HMAC key, a Slack URL (its path is its key).
  secret text,
  created_at timestamptz not null default now(),
  disabled_at timestamptz
);

create table notifications (
  customer_id text not null references organisations (id),
  id text not null,
  event_type text not null,
  channel_id text not null references notification_channels (id),
  -- An email address, or where a webhook goes (a Slack URL with its key left out).
  recipient text not null,
  subject text not null,
  payload jsonb not null,
  -- The same event for the same channel and recipient is enqueued once, however often it fires.
  idempotency_key text not null unique,
  state text not null default 'pending' check (state in ('pending', 'delivered', 'failed')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null,
  last_error text,
  created_at timestamptz not null default now(),
  delivered_at timestamptz,
  primary key (customer_id, id)
);
-- The delivery loop's scan: pending, due first.
create index notifications_due on notifications (next_attempt_at) where state = 'pending';
create index notifications_by_customer on notifications (customer_id, created_at);

create table notification_attempts (
  customer_id text not null,
  notification_id text not null,
  attempt integer not null,
  at timestamptz not null,
  outcome text not null check (outcome in ('delivered', 'failed')),
  detail text,
  primary key (customer_id, notification_id, attempt),
  foreign key (customer_id, notification_id) references notifications (customer_id, id)
);
