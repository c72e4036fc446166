// Who receives the signed agreement: the departments it names (seed 003: "communicate the new
// agreement to relevant departments"; a department's own address, else its contact's), the
// parties' signatories (each keeps a copy of what they signed) and the stakeholders. Each
// address once, with every reason it was chosen; whoever is named without an address is
// listed apart, so the distribution record says who could not be sent it.
import type { Agreement } from './schema.ts'

export type DistributionRecipient = { name: string; email: string; role: string | null; as: string[] }
export type Unreachable = { name: string; as: string }
export type DistributionList = { recipients: DistributionRecipient[]; unreachable: Unreachable[] }

type Named = { name: string; email?: string; role: string | null; as: string }

export function distributionList(agreement: Agreement): DistributionList {
  const { spec } = agreement
  const contacts = new Map((spec.contacts ?? []).map((c) => [c.id, c]))
  const contact = (id: string | undefined, as: string): Named[] => {
    const c = id === undefined ? undefined : contacts.get(id)
    return c ? [{ name: c.name, ...(c.email ? { email: c.email } : {}), role: c.role, as }] : []
  }
  const department = (d: NonNullable<typeof spec.departments>[number]): Named[] => {
    const as = `department: ${d.name}`
    if (d.email) return [{ name: d.name, email: d.email, role: null, as }]
    const via = contact(d.contact, as)
    return via.length > 0 ? via : [{ name: d.name, role: null, as }]
  }
  const named: Named[] = [
    ...(spec.departments ?? []).flatMap(department),
    ...contact(spec.parties.provider.signatory, `signatory for ${spec.parties.provider.name}`),
    ...contact(spec.parties.customer.signatory, `signatory for ${spec.parties.customer.name}`),
    ...(spec.stakeholders ?? []).flatMap((s) => contact(s.contact, 'stakeholder')),
  ]
  return gather(named)
}

function gather(named: readonly Named[]): DistributionList {
  const byAddress = new Map<string, DistributionRecipient>()
  const unreachable: Unreachable[] = []
  for (const n of named) {
    if (!n.email) {
      unreachable.push({ name: n.name, as: n.as })
      continue
    }
    const address = n.email.toLowerCase()
    const known = byAddress.get(address)
    if (known) known.as.push(n.as)
    else byAddress.set(address, { name: n.name, email: n.email, role: n.role, as: [n.as] })
  }
  return { recipients: [...byAddress.values()], unreachable }
}
