// Typed values of agreements: every number that matters is one of these, never prose.
import { z } from 'zod'
import { parseDuration } from '../duration.ts'
import { parseLocalDate } from '../local-date.ts'
import { canonicalTimeZone } from '../time-zone.ts'

/** A slug: letters, digits, `.`, `_`, `-`; starts with a letter or digit. */
const ID_MESSAGE = 'must be an id: letters, digits, ".", "_" or "-", starting with a letter or digit'
export const IdSchema = z
  .string({ error: ID_MESSAGE })
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]*$/,
    'must be an id: letters, digits, ".", "_" or "-", starting with a letter or digit',
  )
/** A reference to the id of another item; checked after parsing. */
export const RefSchema = IdSchema

export const TextSchema = z.string().min(1, 'must not be empty')
/** Free text is Markdown. */
export const MarkdownSchema = TextSchema

const DATE_MESSAGE = 'must be a date written YYYY-MM-DD'
export const LocalDateSchema = z
  .string({ error: DATE_MESSAGE })
  .refine((v) => parseLocalDate(v) !== null, DATE_MESSAGE)

export const TimeZoneSchema = z
  .string({ error: 'must be an IANA time zone such as "Europe/London"' })
  .refine((v) => canonicalTimeZone(v) !== null, 'must be an IANA time zone such as "Europe/London"')

/** A fixed duration: `4h`, `30m`, `1h30m` or ISO 8601 `PT4H`, `P2D`. */
const DURATION_MESSAGE = 'must be a duration such as 30m, 4h, 1h30m or ISO 8601 PT4H'
export const DurationSchema = z.string({ error: DURATION_MESSAGE }).superRefine((v, ctx) => {
  const parsed = parseDuration(v)
  if (!parsed.ok)
    ctx.addIssue({
      code: 'custom',
      message: `${parsed.issue.message} (${parsed.issue.hint ?? DURATION_MESSAGE})`,
    })
})

const ISO_PERIOD = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/
/** A calendar period that may count months or years (ISO 8601: `P6M`, `P1Y`, `P60D`), or a fixed duration. */
export const PeriodSchema = z
  .string({ error: 'must be an ISO 8601 period such as P6M, P1Y or P30D' })
  .refine((v) => ISO_PERIOD.test(v) || parseDuration(v).ok, {
    message: 'must be an ISO 8601 period such as P6M, P1Y or P30D',
  })

const PERCENT = /^(\d+(?:\.\d+)?)%$/
/** `99.9%`; kept as written so that comparisons can be exact. */
export const PercentSchema = z.union([z.string(), z.number()]).transform((v, ctx) => {
  if (typeof v === 'string' && PERCENT.test(v.trim())) return v.trim()
  ctx.addIssue({
    code: 'custom',
    message:
      typeof v === 'number'
        ? `must be a percentage written with %, e.g. "${v <= 1 ? v * 100 : v}%"`
        : `"${v}" is not a percentage; write it like 99.9%`,
  })
  return z.NEVER
})

export const CurrencySchema = z
  .string()
  .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 currency code such as GBP, EUR or USD')

/** Money: an amount in major units (a number or a decimal string) and its currency. */
export const MoneySchema = z.strictObject({
  amount: z.union([
    z.number().nonnegative(),
    z.string().regex(/^\d+(\.\d{1,4})?$/, 'must be a decimal amount such as 1200.50'),
  ]),
  currency: CurrencySchema,
})

export const EmailSchema = z.string().regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'must be an email address')
/** E.164, e.g. +442079460000; spaces are allowed for reading. */
export const PhoneSchema = z
  .string()
  .refine(
    (v) => /^\+[1-9]\d{6,14}$/.test(v.replace(/[\s-]/g, '')),
    'must be a phone number in E.164 form, e.g. +442079460000',
  )

export const UrlSchema = z.string().regex(/^https?:\/\/\S+$/, 'must be an http(s) URL')

/** Exact percentage as a fraction of 100 in integers: `99.95%` → { num: 9995, den: 100 }. */
export function percentValue(text: string): { num: number; den: number } {
  const m = PERCENT.exec(text.trim())
  if (!m) throw new RangeError(`not a percentage: ${text}`)
  const [whole, fraction = ''] = m[1]!.split('.')
  const den = 10 ** fraction.length
  return { num: Number(whole) * den + Number(fraction || 0), den }
}
