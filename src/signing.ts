// The certificate that seals distributed PDFs (PAdES), when UPHELD_SIGNING_P12 names one: read
// once, by the server at start and by the CLI when it distributes.
import { readFileSync } from 'node:fs'
import type { SealConfig } from './actions/distribute-agreement.ts'
import type { Config } from './config.ts'
import { AppError } from './domain/app-error.ts'

export function readSeal(config: Config): SealConfig | undefined {
  const { p12File, password } = config.signing
  if (p12File === undefined) return undefined
  try {
    return { p12: readFileSync(p12File), password: password ?? '' }
  } catch (error) {
    throw new AppError('invalid_input', 'invalid configuration', [
      {
        path: ['UPHELD_SIGNING_P12'],
        message: `${p12File} cannot be read (${(error as NodeJS.ErrnoException).code})`,
      },
    ])
  }
}
