// Distributing a signed agreement: the departments, signatories and stakeholders it names get
// the signed PDF by email through the outbox, and the distribution is recorded in its audit
// log. Provider staff only.
import { z } from 'zod'
import { type DistributeDeps, distributeAgreement } from '../../actions/distribute-agreement.ts'
import { type Route, route } from '../route.ts'
import { named } from '../schemas/common.ts'

const DistributionSchema = named(
  'Distribution',
  z.object({
    id: z.string(),
    agreement: z.string(),
    version: z.number().int(),
    content_hash: z.string(),
    document_sha256: z.string().describe('SHA-256 of the PDF that was sent'),
    distributed_by: z.string(),
    distributed_at: z.string(),
    recipients: z.array(
      z.object({ name: z.string(), email: z.string(), role: z.string().nullable(), as: z.array(z.string()) }),
    ),
    unreachable: z
      .array(z.object({ name: z.string(), as: z.string() }))
      .describe('named without an email address'),
    enqueued: z
      .number()
      .int()
      .describe('emails newly put in the outbox (a recipient already sent this version gets none)'),
  }),
)

export function distributionRoutes(deps: DistributeDeps): Route[] {
  return [
    route({
      method: 'post',
      path: '/api/agreements/:id/versions/:version/distribute',
      operationId: 'distributeAgreement',
      tag: 'Lifecycle',
      summary: 'Send a signed version to everyone the agreement names (provider staff)',
      params: z.object({ id: z.string().min(1).max(200), version: z.coerce.number().int().min(1) }),
      responses: {
        201: { description: 'recorded and enqueued', schema: DistributionSchema },
        403: { description: 'customers do not distribute' },
        409: { description: 'the version is not signed, or no email channel is enabled' },
      },
      handle: async (c, { params }) => {
        const { distribution: d, enqueued } = await distributeAgreement(
          deps,
          c.get('actor'),
          params.id,
          params.version,
        )
        return c.json(
          {
            id: d.id,
            agreement: d.agreement_id,
            version: d.version,
            content_hash: d.content_hash,
            document_sha256: d.document_sha256,
            distributed_by: d.distributed_by,
            distributed_at: d.distributed_at.toISOString(),
            recipients: d.recipients,
            unreachable: d.unreachable,
            enqueued,
          },
          201,
        )
      },
    }),
  ]
}
