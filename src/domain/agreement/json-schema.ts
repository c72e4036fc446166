import { z } from 'zod'
import { AgreementSchema } from './schema.ts'

/** The JSON Schema of an agreement as written (the input side), for editors that validate YAML. */
export function agreementJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(AgreementSchema, { io: 'input', unrepresentable: 'any' }),
    $id: 'https://upheld.dev/schema/agreement-v1.json',
    title: 'Upheld agreement (upheld/v1)',
  }
}
