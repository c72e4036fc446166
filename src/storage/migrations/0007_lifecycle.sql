-- The agreement lifecycle: every revision an author saves, kept whole and never changed; the
-- hash-chained audit log whose events are the lifecycle's record; and, derived from that log,
-- each edition's state, so that the daily advance finds what is due without reading every log.

create table agreement_revisions (
  customer_id text not null references organisations (id),
  agreement_id text not null references agreements (id),
  revision integer not null,
  edition integer not null,
  content_hash text not null,
  -- SHA-256 of each section's canonical JSON, by section key.
  section_hashes jsonb not null,
  -- The agreement as canonical JSON: the exact bytes whose SHA-256 is content_hash.
  document text not null,
  created_by text not null,
  created_at timestamptz not null,
  primary key (customer_id, agreement_id, revision)
);

create table agreement_audit (
  customer_id text not null references organisations (id),
  agreement_id text not null references agreements (id),
  seq integer not null,
  type text not null,
  actor jsonb not null,
  at timestamptz not null,
  payload jsonb not null,
  prev_hash text not null,
  hash text not null,
  primary key (customer_id, agreement_id, seq)
);

create table agreement_editions (
  customer_id text not null references organisations (id),
  agreement_id text not null references agreements (id),
  edition integer not null,
  state text not null check (state in ('draft', 'negotiation', 'management_approval', 'legal_review',
    'final_approval', 'signing', 'signed', 'distributed', 'in_force', 'review_due', 'superseded', 'expired',
    'terminated', 'withdrawn')),
  revision integer not null,
  content_hash text not null,
  -- The agreement version it became once signed, and when that takes effect.
  version integer,
  effective_at timestamptz,
  effective_to date,
  review_due date,
  updated_at timestamptz not null,
  primary key (customer_id, agreement_id, edition)
);
-- The daily advance reads only the editions waiting for a date.
create index agreement_editions_dated on agreement_editions (state)
  where state in ('signed', 'distributed', 'in_force', 'review_due');

-- The log and the revisions are append-only: an update or a delete is refused by the database
-- itself, whatever the application does. (Whoever can disable a trigger can still alter a row;
-- the hash chain is what shows that they did.)
create function refuse_append_only_change() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only: % refused', tg_table_name, tg_op;
end
$$;

create trigger agreement_audit_append_only before update or delete on agreement_audit
  for each row execute function refuse_append_only_change();
create trigger agreement_audit_no_truncate before truncate on agreement_audit
  for each statement execute function refuse_append_only_change();
create trigger agreement_revisions_append_only before update or delete on agreement_revisions
  for each row execute function refuse_append_only_change();
create trigger agreement_revisions_no_truncate before truncate on agreement_revisions
  for each statement execute function refuse_append_only_change();
