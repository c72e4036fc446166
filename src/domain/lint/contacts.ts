// Contacts and parties: the roles a template needs are filled, each party has its own
// signatory who belongs to it, and every contact can be reached.
import type { CONTACT_ROLES, RESPONSIBILITY_AREAS } from '../agreement/sections-general.ts'
import { at, indexed, quote } from './facts.ts'
import { defineRule, type Problem } from './rule.ts'

type Needs = { areas?: (typeof RESPONSIBILITY_AREAS)[number][]; roles?: (typeof CONTACT_ROLES)[number][] }

const SUPPORT_AREAS: Needs['areas'] = [
  'software-maintenance',
  'system-administration',
  'operational-support',
  'database-administration',
]

/** What each built-in template requires to be filled in (its seed's "who does what" sections). */
export const TEMPLATE_NEEDS: Record<string, Needs> = {
  'support-plan': { areas: SUPPORT_AREAS },
  'production-support-plan': { areas: SUPPORT_AREAS },
  'helpdesk-sla': { roles: ['service-desk', 'service-owner'] },
  'it-support-agreement': {
    roles: ['service-owner', 'customer-representative', 'legal'],
    areas: ['provider', 'customer'],
  },
}

const templateRoles = defineRule({
  id: 'contact.template-roles',
  section: 'contacts',
  level: 'error',
  when: 'submit',
  description: "The responsibilities and contact roles that the agreement's template requires are filled.",
  check: ({ metadata, spec }) => {
    const template = metadata.template?.id
    const needs = template === undefined ? undefined : TEMPLATE_NEEDS[template]
    if (template === undefined || needs === undefined) return []
    const areas = (needs.areas ?? [])
      .filter((area) => !(spec.responsibilities ?? []).some((r) => r.area === area))
      .map((area) => ({
        path: spec.responsibilities === undefined ? at() : at('responsibilities'),
        message: `template ${quote(template)} needs someone responsible for ${area}, but no responsibility names one`,
        hint: `add { area: ${area}, contact: … } to spec.responsibilities`,
      }))
    const roles = (needs.roles ?? [])
      .filter((role) => !(spec.contacts ?? []).some((c) => c.role === role))
      .map((role) => ({
        path: spec.contacts === undefined ? at() : at('contacts'),
        message: `template ${quote(template)} needs a contact with role ${role}, but no contact has it`,
        hint: `add a contact with role: ${role}`,
      }))
    return [...areas, ...roles]
  },
})

const PARTIES = ['provider', 'customer'] as const

const signatoriesSet = defineRule({
  id: 'contact.signatories-set',
  section: 'parties',
  level: 'error',
  when: 'submit',
  description: 'Both parties name the contact who signs for them.',
  check: ({ spec }) =>
    PARTIES.filter((p) => spec.parties[p].signatory === undefined).map((p) => ({
      path: at('parties', p),
      message: `the ${p} ${quote(spec.parties[p].name)} has no signatory: name the contact who signs for it`,
      hint: 'add signatory: the id of a contact',
    })),
})

const signatoriesDistinct = defineRule({
  id: 'contact.signatories-distinct',
  section: 'parties',
  level: 'error',
  when: 'submit',
  description: 'The provider and the customer have different signatories.',
  check: ({ spec: { parties } }) =>
    parties.provider.signatory !== undefined && parties.provider.signatory === parties.customer.signatory
      ? [
          {
            path: at('parties', 'customer', 'signatory'),
            message: `${quote(parties.customer.signatory)} signs for both the provider and the customer: each party needs its own signatory`,
          },
        ]
      : [],
})

const signatoryOfParty = defineRule({
  id: 'contact.signatory-of-party',
  section: 'parties',
  level: 'warning',
  when: 'submit',
  description: "A party's signatory belongs to that party's organisation (when the contact names one).",
  check: ({ spec }) =>
    PARTIES.flatMap((p): Problem[] => {
      const party = spec.parties[p]
      const contact = (spec.contacts ?? []).find((c) => c.id === party.signatory)
      if (contact?.org === undefined || contact.org === party.id) return []
      return [
        {
          path: at('parties', p, 'signatory'),
          message: `the ${p}'s signatory ${quote(contact.id)} belongs to ${quote(contact.org)}, not to the ${p} ${quote(party.id)}`,
        },
      ]
    }),
})

const reachable = defineRule({
  id: 'contact.reachable',
  section: 'contacts',
  level: 'warning',
  when: 'submit',
  description: 'Every contact has an email address or a phone number.',
  check: ({ spec }) =>
    indexed(spec.contacts)
      .filter(([c]) => c.email === undefined && c.phone === undefined)
      .map(([c, i]) => ({
        path: at('contacts', i),
        message: `contact ${quote(c.id)} (${c.name}) has neither an email address nor a phone number: nobody can reach them`,
      })),
})

export const CONTACT_RULES = [templateRoles, signatoriesSet, signatoriesDistinct, signatoryOfParty, reachable]
