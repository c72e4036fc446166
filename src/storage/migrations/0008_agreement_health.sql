-- Keeping the plan alive and telling people: the health list of each agreement in force (the
-- findings of the daily lint rules), the record of each distribution of a signed agreement,
-- and the files that notifications carry (the signed PDF), kept once however many
-- recipients get them.

create table agreement_findings (
  customer_id text not null references organisations (id),
  agreement_id text not null references agreements (id),
  rule text not null,
  -- Where, with list items named by key (spec.licenses[id=l-app].expiry): a revision that
  -- reorders a list keeps the same finding.
  path text not null,
  first_seen timestamptz not null,
  last_seen timestamptz not null,
  resolved_at timestamptz,
  -- As last seen: the version checked and what the rule said.
  version integer not null,
  level text not null check (level in ('error', 'warning')),
  message text not null,
  hint text,
  -- Whom the finding was told to: [{ name, email, role }].
  owners jsonb not null,
  primary key (customer_id, agreement_id, rule, path, first_seen)
);
-- One open finding per rule and place: a finding resolved and seen again later is a new one.
create unique index agreement_findings_open on agreement_findings (customer_id, agreement_id, rule, path)
  where resolved_at is null;

create table agreement_distributions (
  customer_id text not null references organisations (id),
  id text not null,
  agreement_id text not null references agreements (id),
  version integer not null,
  content_hash text not null,
  -- SHA-256 of the PDF sent, as attached (notification_attachments).
  document_sha256 text not null,
  distributed_by text not null,
  distributed_at timestamptz not null,
  -- [{ name, email, role, as }]: who was sent the agreement, and why (department, signatory, …).
  recipients jsonb not null,
  -- Those the agreement names who have no email address, so could not be sent it.
  unreachable jsonb not null,
  primary key (customer_id, id)
);
create index agreement_distributions_by_version on agreement_distributions (customer_id, agreement_id, version);

create table notification_attachments (
  customer_id text not null references organisations (id),
  sha256 text not null,
  content_type text not null,
  content bytea not null,
  created_at timestamptz not null default now(),
  primary key (customer_id, sha256)
);
