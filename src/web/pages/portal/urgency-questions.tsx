// Three plain questions about a problem, from which the form suggests a severity: how badly
// the service is affected, who is affected, and whether work can go on meanwhile.
import type { Answers, Effect, Reach } from './severity-proposal.ts'

type Option<T> = { value: T; label: string }

const EFFECTS: Option<Effect>[] = [
  { value: 'down', label: 'It cannot be used at all' },
  { value: 'degraded', label: 'An important part does not work, or it is very slow' },
  { value: 'fault', label: 'Something does not work as it should' },
  { value: 'minor', label: 'Nothing is broken: a small flaw or a question' },
]
const REACHES: Option<Reach>[] = [
  { value: 'everyone', label: 'Everyone who uses it' },
  { value: 'many', label: 'Many people, a team or a site' },
  { value: 'few', label: 'Only me or a few people' },
]
const WORKAROUNDS: Option<'yes' | 'no'>[] = [
  { value: 'no', label: 'No, the work has stopped' },
  { value: 'yes', label: 'Yes, there is a way around it' },
]

export function UrgencyQuestions({
  answers,
  onChange,
  serviceName,
}: {
  answers: Answers
  onChange: (answers: Answers) => void
  serviceName: string | undefined
}) {
  return (
    <fieldset className="card portal-questions">
      <legend>How urgent is it?</legend>
      <p className="hint">
        Three questions, so that we can suggest a severity. You can still choose another.
      </p>
      <Question
        name="effect"
        legend={`How badly is ${serviceName ?? 'the service'} affected?`}
        options={EFFECTS}
        value={answers.effect}
        onChange={(effect) => onChange({ ...answers, effect })}
      />
      <Question
        name="reach"
        legend="Who is affected?"
        options={REACHES}
        value={answers.reach}
        onChange={(reach) => onChange({ ...answers, reach })}
      />
      <Question
        name="workaround"
        legend="Can people keep working meanwhile?"
        options={WORKAROUNDS}
        value={answers.workaround}
        onChange={(workaround) => onChange({ ...answers, workaround })}
      />
    </fieldset>
  )
}

function Question<T extends string>({
  name,
  legend,
  options,
  value,
  onChange,
}: {
  name: string
  legend: string
  options: Option<T>[]
  value: T | undefined
  onChange: (value: T) => void
}) {
  return (
    <fieldset className="portal-question">
      <legend>{legend}</legend>
      <div className="portal-choices">
        {options.map((o) => (
          <label key={o.value} className={`portal-choice${value === o.value ? ' selected' : ''}`}>
            <input
              type="radio"
              name={name}
              value={o.value}
              checked={value === o.value}
              onChange={() => onChange(o.value)}
            />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  )
}
