-- Signed-in sessions of the web app. The cookie carries a random id and only its SHA-256 is
-- kept, so a copy of the database signs nobody in. Each session has its own CSRF token. Expiry
-- is worked out from created_at (absolute) and last_seen_at (idle) by the application's clock.
create table sessions (
  id_hash text primary key,
  user_id text not null references users (id),
  csrf_token text not null,
  created_at timestamptz not null,
  last_seen_at timestamptz not null
);

create index sessions_user_id on sessions (user_id);
create index sessions_last_seen_at on sessions (last_seen_at);
