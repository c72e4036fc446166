import { stdout } from 'node:process'

/** Prints `json` as one JSON document when asked, else the human lines. */
export function print(asJson: boolean | undefined, json: unknown, lines: string[]): void {
  stdout.write(asJson ? `${JSON.stringify(json)}\n` : `${lines.join('\n')}\n`)
}
