// The data of the report benchmark, made in SQL (generate_series) because inserting 100,000
// tickets through the API would take longer than everything measured: each ticket's events,
// its clock rows as the engine leaves them after its last event, and a quarter of status
// intervals for each service. Every choice is a hash of the ticket's number, so each run and
// each database gets the same rows.
import type { Agreement } from '../../src/domain/agreement/schema.ts'
import { reportAgreement } from '../../src/domain/reports/test-support/report-fixture.ts'

export const SERVICES = Array.from({ length: 50 }, (_, i) => `svc-${String(i + 1).padStart(2, '0')}`)

/** P1–P3 on a 24×7 calendar, an objective of 99.9% a month for each service, weekly maintenance. */
export function benchAgreement(): Agreement {
  const target = (
    severity: string,
    metric: 'first_response' | 'resolution',
    within: string,
    goal: string,
  ) => ({
    severity,
    metric,
    within,
    calendar: 'always',
    goal,
  })
  return reportAgreement({
    services: SERVICES.map((id) => ({ id, name: `Service ${id.slice(4)}` })),
    targets: [
      target('P1', 'first_response', '30m', '95%'),
      target('P1', 'resolution', '4h', '90%'),
      target('P2', 'first_response', '1h', '90%'),
      target('P2', 'resolution', '8h', '80%'),
      target('P3', 'first_response', '4h', '90%'),
      target('P3', 'resolution', '24h', '80%'),
    ],
    availability: SERVICES.map((service) => ({
      id: `${service}-uptime`,
      service,
      target: '99.9%',
      period: 'month' as const,
      noData: 'exclude' as const,
      exclude: ['maintenance' as const],
      downtime: { minimum: '1m' },
    })),
    maintenance: [
      {
        id: 'sunday-patching',
        services: SERVICES,
        rrule: 'FREQ=WEEKLY;BYDAY=SU;BYHOUR=2;BYMINUTE=0',
        timezone: 'Europe/London',
        duration: '2h',
      },
    ],
    credits: {
      basis: { monthlyFee: { amount: 50000, currency: 'GBP' } },
      cap: '25%',
      availability: SERVICES.flatMap((service) => [
        { objective: `${service}-uptime`, below: '99.9%', credit: '2%' },
        { objective: `${service}-uptime`, below: '99.0%', credit: '5%' },
      ]),
      targets: [{ severity: 'P1', metric: 'resolution', missedGoal: true, credit: '5%' }],
    },
  })
}

/**
 * `tickets` tickets, on the 50 services in turn, created from 29 September over 30 days, 100,000 of them one every 26 seconds
 * (so October holds most of them and some straddle its edges): 10% P1, 30% P2, 60% P3. 5% of first responses and 8% of
 * resolutions are late; every 33rd ticket is still open; every 10th is rated; 1 in 100 is
 * reopened; 1 in 50 was raised or lowered a minute after it was created.
 */
export function seedSql(tickets: number): string {
  // Fewer tickets (BENCH_REPORT_TICKETS) are spread over the same month.
  const spacingMs = Math.floor(2_600_000_000 / tickets)
  return `
create temporary table plan as
select g, 'B-' || g as id, 'svc-' || lpad((1 + g % 50)::text, 2, '0') as service, p.severity, p.first, created, fr_target, rs_target,
       case when fr_roll < 95 then fr_target * (fr_roll + 1) / 100 else fr_target * (100 + (fr_roll - 94) * 10) / 100 end as fr_ms,
       greatest(case when rs_roll < 92 then rs_target * (rs_roll + 1) / 100 else rs_target * (100 + (rs_roll - 91) * 10) / 100 end,
                case when fr_roll < 95 then fr_target * (fr_roll + 1) / 100 else fr_target * (100 + (fr_roll - 94) * 10) / 100 end + 60000) as rs_ms,
       g % 33 = 0 as open, g % 10 = 3 as rated, g % 100 = 7 and g % 33 <> 0 as reopened, g % 50 = 11 as reclassified
  from generate_series(1, ${tickets}) g
  cross join lateral (select timestamptz '2026-09-29T00:00:00Z' + g::bigint * ${spacingMs} * interval '1 millisecond' as created,
                             abs(hashtext('fr' || g)) % 100 as fr_roll, abs(hashtext('rs' || g)) % 100 as rs_roll) r
  cross join lateral (select case when g % 10 = 0 then 'P1' when g % 10 < 4 then 'P2' else 'P3' end as severity) s
  cross join lateral (select s.severity,
                             case when g % 50 = 11 then (case s.severity when 'P2' then 'P1' else 'P2' end) else s.severity end as first,
                             case s.severity when 'P1' then 1800000 when 'P2' then 3600000 else 14400000 end::bigint as fr_target,
                             case s.severity when 'P1' then 14400000 when 'P2' then 28800000 else 86400000 end::bigint as rs_target) p;

insert into ticket_events (customer_id, event_id, ticket_id, type, at, body, body_hash)
select 'acme', id || '.' || n, id, type, at,
       jsonb_build_object('id', id || '.' || n, 'ticket', id, 'type', type, 'at', to_char(at, 'YYYY-MM-DD"T"HH24:MI:SS"Z"')) || extra,
       'bench'
  from plan cross join lateral (values
    (1, 'created', created, jsonb_build_object('customer', 'acme', 'service', service, 'severity', first), true),
    (2, 'severity', created + interval '1 minute', jsonb_build_object('severity', severity), reclassified),
    (3, 'message', created + fr_ms * interval '1 millisecond', jsonb_build_object('author', 'agent', 'public', true), true),
    (4, 'status', created + rs_ms * interval '1 millisecond', jsonb_build_object('status', 'resolved'), not open),
    (5, 'status', created + rs_ms * interval '1 millisecond' + interval '30 minutes', jsonb_build_object('status', 'open'), reopened),
    (6, 'status', created + rs_ms * interval '1 millisecond' + interval '90 minutes', jsonb_build_object('status', 'resolved'), reopened),
    (7, 'satisfaction', created + rs_ms * interval '1 millisecond' + interval '2 hours',
        jsonb_build_object('rating', 1 + g % 5, 'scale', 5), rated and not open)
  ) e(n, type, at, extra, happened)
 where happened;

insert into tickets (customer_id, id, service, severity, status, created_at, updated_at)
select 'acme', p.id, p.service, p.severity, case when p.open then 'open' else 'resolved' end, p.created, e.last
  from plan p join (select ticket_id, max(at) as last from ticket_events group by ticket_id) e on e.ticket_id = p.id;
insert into ticket_directory (customer_id, ticket_id) select 'acme', id from plan;

insert into clocks (customer_id, ticket_id, agreement_id, metric, cycle, severity, state, breached, target_ms,
                    elapsed_ms, due, started_at, stopped_at, version)
select 'acme', id, 'acme-helpdesk', 'first_response', 1, severity, 'met', fr_ms > fr_target, fr_target, fr_ms,
       created + fr_target * interval '1 millisecond', created, created + fr_ms * interval '1 millisecond', 'acme-helpdesk@1'
  from plan
union all
-- A reopened ticket's row keeps its last stop, an hour after the first (resumed for that hour).
select 'acme', id, 'acme-helpdesk', 'resolution', 1, severity,
       case when open then 'running' else 'met' end,
       not open and rs_ms + case when reopened then 3600000 else 0 end > rs_target, rs_target,
       case when open then fr_ms when reopened then rs_ms + 3600000 else rs_ms end,
       created + rs_target * interval '1 millisecond', created,
       case when open then null
            else created + (rs_ms + case when reopened then 5400000 else 0 end) * interval '1 millisecond' end,
       'acme-helpdesk@1'
  from plan;

-- Each service: up from 1 September; in each of twelve stretches of 3.5 days from 25 September,
-- one time in five, an outage of 1 to 30 minutes at some point in the stretch's first two days.
insert into status_intervals (customer_id, service, component, source, start_at, end_at, holds_until, status)
select 'acme', service, 'main', 'probe', at, lead(at) over (partition by service order by at), null, status
  from (select 'svc-' || lpad(s::text, 2, '0') as service, timestamptz '2026-09-01T00:00:00Z' as at, 'up' as status
          from generate_series(1, 50) s
        union all
        select 'svc-' || lpad(s::text, 2, '0'), o.at + d * interval '1 minute' * k.up, case when k.up = 0 then 'down' else 'up' end
          from generate_series(1, 50) s cross join generate_series(0, 11) k_slot
          cross join lateral (select timestamptz '2026-09-25T00:00:00Z' + k_slot * interval '84 hours'
                                     + (abs(hashtext('o' || s || '.' || k_slot)) % 2880) * interval '1 minute' as at,
                                     1 + abs(hashtext('d' || s || '.' || k_slot)) % 30 as d) o
          cross join (values (0), (1)) k(up)
         where abs(hashtext('x' || s || '.' || k_slot)) % 5 = 0) points;
analyze;
`
}
