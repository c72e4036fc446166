import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const SEEDS = fileURLToPath(new URL('../../../shared/seeds/', import.meta.url))

export type SeedHeading = { number: string; title: string }

export function seedText(prefix: string): string {
  const file = readdirSync(SEEDS).find((f) => f.startsWith(`${prefix}_`))
  if (!file) throw new Error(`no seed ${prefix} in ${SEEDS}`)
  return readFileSync(SEEDS + file, 'utf8')
}

/** The numbered headings of a seed ("2.2.1. Software", "5.3. 2 Regression Test Case"), normalised. */
export function numberedHeadings(text: string): SeedHeading[] {
  const headings: SeedHeading[] = []
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*(\d+(?:\.\s?\d+)*)\.?\s+([A-Z].*?)\s*$/.exec(line)
    if (!m) continue
    headings.push({ number: m[1]!.replace(/\s/g, ''), title: normaliseTitle(m[2]!) })
  }
  return headings
}

export function normaliseTitle(title: string): string {
  return title.replace(/\s+/g, ' ').trim().toLowerCase()
}
