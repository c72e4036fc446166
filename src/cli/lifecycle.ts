// `upheld agreement draft|negotiate|sections|comment|comments|submit|approve|reject|sign|
// withdraw|review|terminate|history` and `upheld audit verify`: the lifecycle from a terminal.
// With --token-stdin a person acts as themselves (as they must to approve or sign); without
// it, local access to the database acts as an administrator.
import { readFileSync } from 'node:fs'
import type { Command } from 'commander'
import { type Actor, type Deps, SYSTEM_ACTOR } from '../actions/deps.ts'
import type { ActResult } from '../actions/lifecycle-session.ts'
import { AppError } from '../domain/app-error.ts'
import { defineDiff } from './diff.ts'
import { EXIT } from './exit-codes.ts'
import { actLines, draftLines, historyLines, summaryLines, threadLines } from './lifecycle-output.ts'
import { print } from './output.ts'
import { withDatabase } from './tickets.ts'

type Options = {
  tokenStdin?: boolean
  json?: boolean
  reason?: string
  note?: string
  hash?: string
  acknowledge?: string[]
  agree?: true | string[]
  reopen?: string[]
  section?: string
  replyTo?: string
}
type Perform = (deps: Deps, actor: Actor, id: string, o: Options) => Promise<ActResult>

/** The `agreement` (or `audit`) command, shared with other modules that add subcommands to it. */
function group(program: Command, name: string, description: string): Command {
  return program.commands.find((c) => c.name() === name) ?? program.command(name).description(description)
}

function common(command: Command): Command {
  return command
    .option('--token-stdin', 'act as the user of the API token read from standard input')
    .option('--json', 'print JSON')
}

async function actorOf(deps: Deps, opts: Options): Promise<Actor> {
  if (!opts.tokenStdin) return SYSTEM_ACTOR
  const { authenticateToken } = await import('../actions/authenticate-token.ts')
  return authenticateToken(deps, readFileSync(0, 'utf8').trim())
}

export function registerLifecycle(
  program: Command,
  now: () => number,
  setExit: (code: number) => void,
): void {
  const agreement = group(
    program,
    'agreement',
    'an agreement’s lifecycle: negotiation, approvals, signatures',
  )
  const withActor = (opts: Options, fn: (deps: Deps, actor: Actor) => Promise<void>) =>
    withDatabase(now, async (deps) => fn(deps, await actorOf(deps, opts)))
  const act = (name: string, description: string, perform: Perform, configure = (c: Command) => c) =>
    common(
      configure(agreement.command(name).description(description).argument('<agreement>', 'agreement id')),
    ).action((id: string, opts: Options) =>
      withActor(opts, async (deps, actor) => {
        const result = await perform(deps, actor, id, opts)
        print(opts.json, result, actLines(result))
      }),
    )

  registerDraft(agreement, withActor)
  act('negotiate', 'open the draft for negotiation', async (d, a, id) =>
    (await import('../actions/negotiate-agreement.ts')).openAgreementNegotiation(d, a, id),
  )
  registerSections(agreement, withActor)
  registerComments(agreement, withActor)
  act(
    'submit',
    'submit for approval: every section agreed, no lint error, warnings acknowledged',
    async (d, a, id, o) => (await import('../actions/submit-agreement.ts')).submitAgreement(d, a, id, o),
    (c) => c.option('--acknowledge <rules...>', 'the rule ids of the warnings you acknowledge'),
  )
  registerDecisions(act)
  registerEndings(act)
  registerDistribute(agreement, withActor)
  defineDiff(agreement.command('diff'), now)
  registerHistory(program, agreement, withActor, setExit)
}

function registerDistribute(agreement: Command, withActor: WithActor): void {
  common(agreement.command('distribute'))
    .description('email a signed version to the departments, signatories and stakeholders it names')
    .argument('<agreement>', 'agreement id')
    .requiredOption('--version <n>', 'the signed version')
    .action((id: string, opts: Options & { version: string }) =>
      withActor(opts, async (deps, actor) => {
        const { distributeAgreement } = await import('../actions/distribute-agreement.ts')
        const { lifecycleRecords } = await import('../actions/lifecycle-records.ts')
        const { readConfig } = await import('../config.ts')
        const { readSeal } = await import('../signing.ts')
        const seal = readSeal(readConfig())
        const version = Number(opts.version)
        if (!Number.isInteger(version) || version < 1)
          throw new AppError('invalid_input', `--version: "${opts.version}" is not a version number`)
        const { distribution: d, enqueued } = await distributeAgreement(
          { ...deps, lifecycle: lifecycleRecords, ...(seal ? { seal } : {}) },
          actor,
          id,
          version,
        )
        print(opts.json, { ...d, enqueued }, [
          `${d.agreement_id} v${d.version} sent to ${d.recipients.length} (${enqueued} new emails)`,
          ...d.recipients.map((r) => `  ${r.name} <${r.email}> as ${r.as.join(', ')}`),
          ...d.unreachable.map((u) => `  not reached (no email): ${u.name} as ${u.as}`),
        ])
      }),
    )
}

type WithActor = (opts: Options, fn: (deps: Deps, actor: Actor) => Promise<void>) => Promise<void>
type Act = (
  name: string,
  description: string,
  perform: Perform,
  configure?: (c: Command) => Command,
) => Command

function registerDraft(agreement: Command, withActor: WithActor): void {
  common(agreement.command('draft'))
    .description('save a revision from a YAML or JSON file (starting a new edition of one in force)')
    .argument('<file>', 'the agreement file')
    .action((file: string, opts: Options) =>
      withActor(opts, async (deps, actor) => {
        const { saveAgreementDraft } = await import('../actions/save-agreement-draft.ts')
        const result = await saveAgreementDraft(deps, actor, {
          text: readAgreementText(file),
          filename: file,
        })
        print(opts.json, result, draftLines(result))
      }),
    )
}

function registerEndings(act: Act): void {
  act(
    'withdraw',
    'withdraw the edition before it is signed',
    async (d, a, id, o) =>
      (await import('../actions/end-agreement.ts')).withdrawAgreement(d, a, id, o.reason ?? ''),
    (c) => c.requiredOption('--reason <text>', 'why'),
  )
  act(
    'terminate',
    'terminate the agreement in force (admin)',
    async (d, a, id, o) =>
      (await import('../actions/end-agreement.ts')).terminateAgreement(d, a, id, o.reason ?? ''),
    (c) => c.requiredOption('--reason <text>', 'why'),
  )
  act(
    'review',
    'confirm that a due review changed nothing',
    async (d, a, id, o) =>
      (await import('../actions/confirm-agreement-review.ts')).confirmAgreementReview(d, a, id, o.note),
    (c) => c.option('--note <text>', 'what the review found'),
  )
}

function registerSections(agreement: Command, withActor: WithActor): void {
  common(agreement.command('sections'))
    .description('where the agreement stands, section by section; --agree or --reopen them for your party')
    .argument('<agreement>', 'agreement id')
    .option('--agree [sections...]', 'agree to these sections (none named: every one your party has not)')
    .option('--reopen <sections...>', 'reopen these sections: pending further negotiation')
    .option('--reason <text>', 'why they are reopened')
    .action((id: string, opts: Options) =>
      withActor(opts, async (deps, actor) => {
        const negotiate = await import('../actions/negotiate-agreement.ts')
        if (opts.agree !== undefined && opts.reopen !== undefined)
          throw new AppError('invalid_input', 'give --agree or --reopen, not both')
        if (opts.agree !== undefined)
          await negotiate.agreeToSections(deps, actor, id, opts.agree === true ? undefined : opts.agree)
        if (opts.reopen !== undefined)
          await negotiate.reopenAgreementSections(deps, actor, id, {
            sections: opts.reopen,
            reason: opts.reason,
          })
        const { getAgreementLifecycle } = await import('../actions/read-agreement-lifecycle.ts')
        const view = await getAgreementLifecycle(deps, actor, id)
        print(opts.json, view, summaryLines(view))
      }),
    )
}

function registerComments(agreement: Command, withActor: WithActor): void {
  common(agreement.command('comment'))
    .description('comment on the agreement, on a section of it, or in reply to another comment')
    .argument('<agreement>', 'agreement id')
    .argument('<text>', 'the comment')
    .option('--section <key>', 'the section it is about')
    .option('--reply-to <id>', 'the comment it answers')
    .action((id: string, text: string, opts: Options) =>
      withActor(opts, async (deps, actor) => {
        const { commentOnAgreement } = await import('../actions/comment-on-agreement.ts')
        const result = await commentOnAgreement(deps, actor, id, {
          body: text,
          ...(opts.section === undefined ? {} : { section: opts.section }),
          ...(opts.replyTo === undefined ? {} : { replyTo: Number(opts.replyTo) }),
        })
        print(opts.json, result, actLines(result))
      }),
    )
  common(agreement.command('comments'))
    .description('the comments, threaded')
    .argument('<agreement>', 'agreement id')
    .action((id: string, opts: Options) =>
      withActor(opts, async (deps, actor) => {
        const { getAgreementLifecycle } = await import('../actions/read-agreement-lifecycle.ts')
        const { comments } = await getAgreementLifecycle(deps, actor, id)
        print(opts.json, comments, threadLines(comments))
      }),
    )
}

function registerDecisions(act: Act): void {
  const hash = (c: Command) =>
    c.requiredOption('--hash <sha256>', 'the content hash you read (upheld agreement sections)')
  act(
    'approve',
    'approve the stage the agreement awaits (its named approvers)',
    async (d, a, id, o) =>
      (await import('../actions/decide-agreement-approval.ts')).approveAgreement(d, a, id, {
        contentHash: o.hash ?? '',
        ...(o.note === undefined ? {} : { note: o.note }),
      }),
    (c) => hash(c).option('--note <text>', 'a note for the record'),
  )
  act(
    'reject',
    'reject it back to negotiation (its named approvers)',
    async (d, a, id, o) =>
      (await import('../actions/decide-agreement-approval.ts')).rejectAgreement(d, a, id, {
        contentHash: o.hash ?? '',
        reason: o.reason ?? '',
      }),
    (c) => hash(c).requiredOption('--reason <text>', 'why'),
  )
  act(
    'sign',
    'sign as yourself (the signatories the parties name; needs --token-stdin)',
    async (d, a, id, o) => {
      const signed = await (await import('../actions/sign-agreement.ts')).signAgreement(d, a, id, {
        contentHash: o.hash ?? '',
      })
      // The last signature sends the signed agreement out, as the server does.
      const { distributeOnSignature } = await import('../actions/distribute-on-signature.ts')
      const { lifecycleRecords } = await import('../actions/lifecycle-records.ts')
      const { readConfig } = await import('../config.ts')
      const seal = (await import('../signing.ts')).readSeal(readConfig())
      return distributeOnSignature({ ...d, lifecycle: lifecycleRecords, ...(seal ? { seal } : {}) }, signed)
    },
    hash,
  )
}

function registerHistory(
  program: Command,
  agreement: Command,
  withActor: WithActor,
  setExit: (code: number) => void,
): void {
  common(agreement.command('history'))
    .description('the audit log: every act, in order')
    .argument('<agreement>', 'agreement id')
    .action((id: string, opts: Options) =>
      withActor(opts, async (deps, actor) => {
        const { getAgreementHistory } = await import('../actions/read-agreement-lifecycle.ts')
        const entries = await getAgreementHistory(deps, actor, id)
        print(opts.json, entries, historyLines(entries))
      }),
    )
  const audit = group(program, 'audit', 'audit logs')
  common(audit.command('verify'))
    .description("recompute an agreement's audit chain: OK, or the first entry that does not hold (exit 1)")
    .argument('<agreement>', 'agreement id')
    .action((id: string, opts: Options) =>
      withActor(opts, async (deps, actor) => {
        const { verifyAgreementAudit } = await import('../actions/read-agreement-lifecycle.ts')
        const verdict = await verifyAgreementAudit(deps, actor, id)
        print(opts.json, { agreement: id, ...verdict }, [
          verdict.ok
            ? `OK: ${verdict.entries} entries, head ${verdict.head}`
            : `entry ${verdict.seq}: ${verdict.reason}`,
        ])
        if (!verdict.ok) setExit(EXIT.negative)
      }),
    )
}

function readAgreementText(file: string): string {
  try {
    return readFileSync(file, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new AppError(code === 'ENOENT' ? 'not_found' : 'invalid_input', `${file}: cannot be read (${code})`)
  }
}
