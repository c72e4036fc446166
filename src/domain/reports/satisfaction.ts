// Customer satisfaction over a period: the ratings given in it, one per ticket (a ticket rated
// twice counts its last rating). Ratings may come on several scales (a 5-star survey, a 10-point
// one); each is read as a share of its own scale and the average is given on the largest scale
// rated on, exactly: 4 of 5 and 8 of 10 both read as 8 on a scale of 10.
import type { Satisfaction } from './report-schema.ts'
import { floorDecimal } from './statistics.ts'
import type { Rating } from './tally.ts'

/** The average as an exact fraction of the scale: sum / den, between 0 and 1 per rating. */
export type SatisfactionShare = { sum: bigint; den: bigint }

export function satisfactionFigures(ratings: readonly Rating[]): {
  figures: Satisfaction
  share: SatisfactionShare | null
} {
  const last = lastPerTicket(ratings)
  if (last.length === 0)
    return { figures: { count: 0, scale: null, average: null, distribution: [] }, share: null }
  const scale = Math.max(...last.map((r) => r.scale))
  const share = shareOf(last)
  return {
    figures: {
      count: last.length,
      scale,
      average: floorDecimal(share.sum * BigInt(scale), share.den, 2),
      distribution: distribution(last),
    },
    share,
  }
}

function lastPerTicket(ratings: readonly Rating[]): Rating[] {
  const last = new Map<string, Rating>()
  for (const r of ratings) {
    const had = last.get(r.ticket)
    if (!had || r.at > had.at || (r.at === had.at && r.seq > had.seq)) last.set(r.ticket, r)
  }
  return [...last.values()]
}

// Σ rating/scale over n ratings, on the least common multiple of the scales.
function shareOf(ratings: readonly Rating[]): SatisfactionShare {
  const lcm = ratings.reduce((m, r) => (m * BigInt(r.scale)) / gcd(m, BigInt(r.scale)), 1n)
  const sum = ratings.reduce((s, r) => s + (BigInt(r.rating) * lcm) / BigInt(r.scale), 0n)
  return { sum, den: lcm * BigInt(ratings.length) }
}

function distribution(ratings: readonly Rating[]): Satisfaction['distribution'] {
  const counts = new Map<string, { scale: number; rating: number; count: number }>()
  for (const r of ratings) {
    const key = `${r.scale}/${r.rating}`
    const row = counts.get(key) ?? { scale: r.scale, rating: r.rating, count: 0 }
    row.count++
    counts.set(key, row)
  }
  return [...counts.values()].sort((a, b) => a.scale - b.scale || a.rating - b.rating)
}

function gcd(a: bigint, b: bigint): bigint {
  return b === 0n ? a : gcd(b, a % b)
}
