// Whether a service (and component) is one the customer's agreements name: a report or probe
// for a misspelt service would otherwise be measured and never read.
import { closestNames, type Issue } from '../domain/issues.ts'
import type { servicesOfCustomer } from '../storage/agreements.ts'

export type KnownServices = Awaited<ReturnType<typeof servicesOfCustomer>>

/** The problem with `target`, placed by `at(field)`; undefined when the agreements name it. */
export function serviceIssue(
  known: KnownServices,
  customer: string,
  target: { service: string; component: string },
  at: (field: string) => Pick<Issue, 'path' | 'line'>,
): Issue | undefined {
  if (known.all) return undefined
  const components = known.services.get(target.service)
  if (components === undefined) {
    const near = closestNames(target.service, [...known.services.keys()])
    return {
      ...at('service'),
      message: `"${target.service}" is not a service in ${customer}'s agreements`,
      hint:
        near.length > 0
          ? `did you mean ${near.join(' or ')}?`
          : known.services.size === 0
            ? 'upload an agreement that names it first'
            : undefined,
    }
  }
  if (target.component === '' || components.length === 0 || components.includes(target.component))
    return undefined
  return {
    ...at('component'),
    message: `"${target.component}" is not a component of ${target.service}`,
    hint: `its components: ${components.join(', ')}`,
  }
}
