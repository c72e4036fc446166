// A job the worker runs again and again: at start, then `everyMs` after each run ends (never two
// at once in a process). A failed run is logged and the next one comes as planned; stop()
// waits for a run in hand to finish.
export type Repeating = { stop(): Promise<void> }

export function startRepeating(
  name: string,
  everyMs: number,
  run: () => Promise<unknown>,
  log?: (line: string) => void,
): Repeating {
  let stopping = false
  let timer: ReturnType<typeof setTimeout> | undefined
  let wake: (() => void) | null = null
  const done = (async () => {
    while (!stopping) {
      try {
        await run()
      } catch (error) {
        log?.(`${name}: ${error instanceof Error ? error.message : String(error)}`)
      }
      if (stopping) break
      await new Promise<void>((resolve) => {
        wake = resolve
        timer = setTimeout(resolve, everyMs)
      })
    }
  })()
  return {
    async stop() {
      stopping = true
      clearTimeout(timer)
      wake?.()
      await done
    },
  }
}
