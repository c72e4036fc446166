// Runs a poppler-utils tool (pdftotext, pdfinfo, pdfdetach, pdfsig, pdftoppm) for the PDF tests. When poppler is
// not installed the tests fail with this message rather than skip: CI must install it.
import { spawnSync } from 'node:child_process'

export function poppler(
  tool: 'pdftotext' | 'pdfinfo' | 'pdfdetach' | 'pdfsig' | 'pdftoppm',
  args: string[],
): string {
  const result = spawnSync(tool, args, { encoding: 'utf8' })
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new Error(
      `${tool} was not found: the PDF tests need poppler-utils (apt-get install -y poppler-utils) and never skip`,
    )
  }
  if (result.status !== 0) throw new Error(`${tool} ${args.join(' ')} failed: ${result.stderr}`)
  return result.stdout
}
