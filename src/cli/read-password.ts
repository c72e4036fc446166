// A new password from standard input (--password-stdin, for scripts) or asked for twice at a
// terminal without echo, so that it is neither in the shell's history nor on the screen.
import { readFileSync } from 'node:fs'
import { AppError } from '../domain/app-error.ts'

/** The terminal the password is typed at: a readable stream that can stop echoing. */
export type Terminal = NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?(raw: boolean): unknown }

export async function readNewPassword(
  who: string,
  options: { fromStdin: boolean; input?: Terminal; output?: NodeJS.WritableStream },
): Promise<string> {
  if (options.fromStdin) return readFileSync(0, 'utf8').replace(/\r?\n$/, '')
  const input = options.input ?? process.stdin
  const output = options.output ?? process.stderr
  if (!input.isTTY || !input.setRawMode) {
    throw new AppError('invalid_input', 'there is no terminal to ask for the password at', [
      {
        path: [],
        message: 'pipe it in with --password-stdin',
        hint: `printf '%s' "$PASSWORD" | upheld user password ${who} --password-stdin`,
      },
    ])
  }
  const first = await askHidden(`New password for ${who}: `, input, output)
  const again = await askHidden('The same again: ', input, output)
  if (first !== again) throw new AppError('invalid_input', 'the two passwords differ; nothing was changed')
  return first
}

const [ENTER, NEWLINE, CTRL_C, CTRL_D, BACKSPACE, DELETE] = ['\r', '\n', '\u0003', '\u0004', '\b', '\u007f']

/** One line typed at the terminal, not echoed; Ctrl-C or Ctrl-D on an empty line cancels. */
export function askHidden(prompt: string, input: Terminal, output: NodeJS.WritableStream): Promise<string> {
  return new Promise((resolve, reject) => {
    let line = ''
    const finish = (error?: AppError) => {
      input.off('data', onData)
      input.setRawMode?.(false)
      input.pause()
      output.write('\n')
      if (error) reject(error)
      else resolve(line)
    }
    const onData = (chunk: Buffer | string) => {
      for (const ch of String(chunk)) {
        if (ch === ENTER || ch === NEWLINE) return finish()
        if (ch === CTRL_C || (ch === CTRL_D && line === ''))
          return finish(new AppError('invalid_input', 'cancelled; nothing was changed'))
        if (ch === BACKSPACE || ch === DELETE) line = line.slice(0, -1)
        else if (ch >= ' ') line += ch
      }
    }
    output.write(prompt)
    input.setRawMode?.(true)
    input.setEncoding('utf8')
    input.on('data', onData)
    input.resume()
  })
}
