// The technical environment: databases are backed up (without fail when they hold personal
// data), sensitive data exchanges are encrypted, and software and hardware stay supported
// for the whole term.
import { at, indexed, quote, type Spec } from './facts.ts'
import { defineRule, type LintLevel, type Problem } from './rule.ts'

type Database = NonNullable<NonNullable<Spec['environment']>['databases']>[number]

const backedUp = (spec: Spec, db: Database) =>
  db.backup !== undefined || (spec.backups ?? []).some((b) => b.scope === db.id)

function backupRule(personal: boolean, level: LintLevel) {
  return defineRule({
    id: personal ? 'environment.personal-data-backed-up' : 'environment.database-backed-up',
    section: 'environment',
    level,
    when: 'submit',
    description: personal
      ? 'Every database that holds personal data has a backup.'
      : 'Every database without personal data has a backup too.',
    check: ({ spec }) =>
      indexed(spec.environment?.databases)
        .filter(([db]) => db.personalData === personal && !backedUp(spec, db))
        .map(([db, i]) => ({
          path: at('environment', 'databases', i),
          message: `database ${quote(db.id)} (${db.engine})${personal ? ' holds personal data but' : ''} has no backup`,
          hint: `add a backup with scope: ${db.id} to spec.backups and name it in backup`,
        })),
  })
}

const exchangeEncrypted = defineRule({
  id: 'environment.exchange-encrypted',
  section: 'environment',
  level: 'error',
  when: 'submit',
  description:
    'A data exchange that carries personal, confidential or restricted data is encrypted in transit.',
  check: ({ spec }) =>
    indexed(spec.environment?.dataExchange).flatMap(([dx, i]): Problem[] => {
      const sensitive = dx.classification === 'confidential' || dx.classification === 'restricted'
      if (dx.encryptedInTransit || (!dx.personalData && !sensitive)) return []
      const what = dx.personalData ? 'personal data' : `${dx.classification} data`
      return [
        {
          path: at('environment', 'dataExchange', i, 'encryptedInTransit'),
          message: `data exchange ${quote(dx.id)} with ${dx.counterpart} carries ${what} but is not encrypted in transit`,
          hint:
            dx.protocol === 'email' || dx.protocol === 'file'
              ? 'use SFTP or HTTPS instead'
              : 'use TLS or SFTP',
        },
      ]
    }),
})

function supportedForTerm(kind: 'software' | 'hardware') {
  const field = kind === 'software' ? 'eolDate' : 'warrantyExpiry'
  const what = kind === 'software' ? 'reaches end of life' : 'goes out of warranty'
  return defineRule({
    id: `environment.${kind}-${kind === 'software' ? 'eol' : 'warranty'}-within-term`,
    section: 'environment',
    level: 'warning',
    when: 'submit',
    description: `No ${kind} ${what} before the agreement ends.`,
    check: ({ spec }) => {
      if (spec.term === undefined) return []
      const end = spec.term.effectiveTo
      const items: { id: string; name: string; eolDate?: string; warrantyExpiry?: string }[] =
        spec.environment?.[kind] ?? []
      return indexed(items).flatMap(([item, i]): Problem[] => {
        const date = item[field]
        if (date === undefined || (end !== undefined && date >= end)) return []
        const ends = end === undefined ? 'inside the open-ended term' : `before the agreement ends on ${end}`
        return [
          {
            path: at('environment', kind, i, field),
            message: `${kind} ${quote(item.id)} (${item.name}) ${what} on ${date}, ${ends}`,
            hint:
              kind === 'software'
                ? 'plan and budget an upgrade'
                : 'plan and budget a replacement or an extended warranty',
          },
        ]
      })
    },
  })
}

export const ENVIRONMENT_RULES = [
  backupRule(true, 'error'),
  backupRule(false, 'warning'),
  exchangeEncrypted,
  supportedForTerm('software'),
  supportedForTerm('hardware'),
]
