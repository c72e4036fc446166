-- What each monitored service was last known to be, as the contacts were told: `down` once an
-- outage is confirmed, `up` once it has recovered (unknown time changes neither). A change of
-- it is a transition, told once; the incident ticket an outage opened is resolved on recovery.
create table service_states (
  customer_id text not null references organisations (id),
  service text not null,
  state text not null check (state in ('up', 'down')),
  -- When the current state began (the first instant of the outage, or of the recovery).
  since timestamptz not null,
  incident_ticket text,
  updated_at timestamptz not null,
  primary key (customer_id, service)
);
