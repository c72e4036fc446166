// On signature, the signed agreement goes out: when the last signature records a version, it
// is distributed at once to the departments, signatories and stakeholders the agreement names,
// if an email channel is there to carry it. Without one the version stays signed, and
// `distribute` sends it once a channel exists; the reply says which happened.
import { AppError } from '../domain/app-error.ts'
import { SYSTEM_ACTOR } from './deps.ts'
import { type DistributeDeps, distributeAgreement } from './distribute-agreement.ts'
import type { ActResult } from './lifecycle-session.ts'

export type SignedResult = ActResult & {
  /** What the signature sent: the distribution, or why nothing went (null: not the last signature). */
  distribution: { id: string; recipients: number; enqueued: number } | { skipped: string } | null
}

export async function distributeOnSignature(deps: DistributeDeps, signed: ActResult): Promise<SignedResult> {
  const recorded = signed.recorded.find((r) => r.type === 'version.recorded')
  if (!recorded) return { ...signed, distribution: null }
  const { version } = recorded.payload as { version: number }
  try {
    const { distribution, enqueued } = await distributeAgreement(
      deps,
      SYSTEM_ACTOR,
      signed.agreement,
      version,
    )
    return {
      ...signed,
      distribution: { id: distribution.id, recipients: distribution.recipients.length, enqueued },
    }
  } catch (error) {
    // Only "nothing can carry it yet" waits for a later `distribute`; anything else is a fault.
    if (error instanceof AppError && error.code === 'conflict')
      return { ...signed, distribution: { skipped: error.message } }
    throw error
  }
}
