// Licences: a licence that can lapse has an expiry and someone who renews it; one that lapses
// inside the term is flagged when the agreement is written, and again when renewal is due.
import { addPeriod } from '../period.ts'
import { at, indexed, quote, type Spec } from './facts.ts'
import { defineRule, type Problem } from './rule.ts'

type Licence = NonNullable<Spec['licenses']>[number]

/** Subscriptions and data rights run out; perpetual and open-source licences do not. */
const lapses = (l: Licence) => l.type === 'subscription' || l.type === 'data-rights'
const name = (l: Licence) => `licence ${quote(l.id)} (${l.product})`
/** The default lead time when a licence gives none. */
const DEFAULT_LEAD_TIME = 'P30D'

const expirySet = defineRule({
  id: 'licence.expiry-set',
  section: 'licenses',
  level: 'error',
  when: 'submit',
  description: 'A subscription or data-rights licence has an expiry date.',
  check: ({ spec }) =>
    indexed(spec.licenses)
      .filter(([l]) => lapses(l) && l.expiry === undefined)
      .map(([l, i]) => ({
        path: at('licenses', i),
        message: `${name(l)} is a ${l.type} licence but has no expiry: its renewal cannot be tracked`,
        hint: 'add expiry: YYYY-MM-DD',
      })),
})

const renewalOwnerSet = defineRule({
  id: 'licence.renewal-owner-set',
  section: 'licenses',
  level: 'error',
  when: 'submit',
  description: 'A subscription or data-rights licence names who renews it.',
  check: ({ spec }) =>
    indexed(spec.licenses)
      .filter(([l]) => lapses(l) && l.renewalOwner === undefined)
      .map(([l, i]) => ({
        path: at('licenses', i),
        message: `${name(l)} has no renewalOwner: nobody is responsible for renewing it`,
        hint: 'add renewalOwner: the id of a contact',
      })),
})

const expiresWithinTerm = defineRule({
  id: 'licence.expires-within-term',
  section: 'licenses',
  level: 'warning',
  when: 'submit',
  description: 'No licence expires before the agreement ends unless it renews automatically.',
  check: ({ spec }) => {
    const end = spec.term?.effectiveTo
    if (spec.term === undefined) return []
    return indexed(spec.licenses).flatMap(([l, i]): Problem[] => {
      if (l.expiry === undefined || l.autoRenew === true || (end !== undefined && l.expiry >= end)) return []
      const ends = end === undefined ? 'inside the open-ended term' : `before the agreement ends on ${end}`
      return [
        {
          path: at('licenses', i, 'expiry'),
          message: `${name(l)} expires on ${l.expiry}, ${ends}, and does not renew automatically`,
          hint: 'plan and budget its renewal, or set autoRenew: true if it renews by itself',
        },
      ]
    })
  },
})

const renewalDue = defineRule({
  id: 'licence.renewal-due',
  section: 'licenses',
  level: 'warning',
  when: 'continuous',
  description: `A licence that does not renew automatically has reached its renewal lead time (${DEFAULT_LEAD_TIME} if none is given).`,
  check: ({ spec }, { today }) =>
    indexed(spec.licenses).flatMap(([l, i]): Problem[] => {
      if (l.expiry === undefined || l.autoRenew === true || today > l.expiry) return []
      const lead = l.renewalLeadTime ?? DEFAULT_LEAD_TIME
      const from = addPeriod(l.expiry, lead, -1)
      if (today < from) return []
      return [
        {
          path: at('licenses', i, 'expiry'),
          message: `${name(l)} expires on ${l.expiry} and does not renew automatically; its renewal lead time of ${lead} began on ${from}`,
          hint: l.renewalOwner === undefined ? 'renew it' : `renewal owner: ${quote(l.renewalOwner)}`,
        },
      ]
    }),
})

const expired = defineRule({
  id: 'licence.expired',
  section: 'licenses',
  level: 'warning',
  when: 'both',
  description: 'No licence that does not renew automatically has expired.',
  check: ({ spec }, { today }) =>
    indexed(spec.licenses)
      .filter(([l]) => l.expiry !== undefined && l.autoRenew !== true && l.expiry < today)
      .map(([l, i]) => ({
        path: at('licenses', i, 'expiry'),
        message: `${name(l)} expired on ${l.expiry}`,
        hint: 'renew it and record the new expiry, or remove it if it is no longer used',
      })),
})

export const LICENCE_RULES = [expirySet, renewalOwnerSet, expiresWithinTerm, renewalDue, expired]
