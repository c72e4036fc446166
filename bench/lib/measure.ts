// Throughput measurement with a time budget. The operation gets a running index (to pick its
// query from a pool) and returns a number, which is summed so the work cannot be optimised away.

export type Operation = (i: number) => number

export type Budget = {
  /** Warm-up time before measuring, so the JIT and any lazily built tables are settled. */
  warmupMs: number
  /** Measuring stops once this much time has passed… */
  timeMs: number
  /** …but not before this many operations, so that slow operations still get a sample. */
  minOps: number
  /** The time is split into this many rounds and the median round's rate is reported, so that a
   * garbage collection or a noisy neighbour spoils one round rather than the result. */
  rounds: number
}

export type Measurement = { ops: number; seconds: number; opsPerSecond: number; checksum: number }

export function measure(op: Operation, budget: Budget): Measurement {
  runFor(op, budget.warmupMs, 1, 0)
  const rounds: Measurement[] = []
  let ops = 0
  for (let r = 0; r < budget.rounds; r++) {
    const round = runFor(op, budget.timeMs / budget.rounds, Math.ceil(budget.minOps / budget.rounds), ops)
    rounds.push(round)
    ops += round.ops
  }
  const rates = rounds.map((r) => r.opsPerSecond).sort((a, b) => a - b)
  return {
    ops,
    seconds: rounds.reduce((sum, r) => sum + r.seconds, 0),
    opsPerSecond: rates[Math.floor(rates.length / 2)]!,
    checksum: rounds.reduce((sum, r) => sum + r.checksum, 0),
  }
}

/** Runs `op` with indices from `first` on, until `timeMs` have passed and `minOps` have run. */
function runFor(op: Operation, timeMs: number, minOps: number, first: number): Measurement {
  const limit = BigInt(Math.round(timeMs * 1e6))
  const start = process.hrtime.bigint()
  let elapsed = 0n
  let ops = 0
  let batch = 1
  let checksum = 0
  while (elapsed < limit || ops < minOps) {
    for (let k = 0; k < batch; k++) checksum += op(first + ops + k)
    ops += batch
    elapsed = process.hrtime.bigint() - start
    // Batches grow while they are short, so reading the clock costs nothing measurable for fast
    // operations and the budget is overshot by at most a few per cent.
    if (elapsed * 50n < limit) batch *= 2
  }
  const seconds = Number(elapsed) / 1e9
  return { ops, seconds, opsPerSecond: ops / seconds, checksum }
}
