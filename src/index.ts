// The public library: what `import … from 'upheld'` gives.

export { agreementJsonSchema } from './domain/agreement/json-schema.ts'
export {
  type AgreementResult,
  parseAgreement,
  validateAgreement,
} from './domain/agreement/parse-agreement.ts'
export {
  AGREEMENT_KINDS,
  type Agreement,
  type AgreementKind,
  AgreementSchema,
  API_VERSION,
} from './domain/agreement/schema.ts'
export { AppError, ERROR_CODES, type ErrorCode } from './domain/app-error.ts'
export {
  type Calendar,
  calendarFromModel,
  createCalendar,
  type Instant,
  MAX_REACH_YEARS,
  NO_OPEN_TIME_YEARS,
  parseCalendar,
} from './domain/calendar.ts'
export { HOLIDAY_TYPES, type HolidayPresetSpec, type HolidayType } from './domain/calendar-holidays.ts'
export type {
  CalendarModel,
  CalendarSpec,
  HolidaySpec,
  TimeInterval,
  WeekSpec,
} from './domain/calendar-spec.ts'
export { validateCalendar } from './domain/calendar-spec.ts'
export { formatDuration, parseDuration } from './domain/duration.ts'
export { holidaysFromICalendar } from './domain/ical-holidays.ts'
export { formatIssue, formatPath, type Issue, type PathSegment, type Result } from './domain/issues.ts'
export { exampleSettings, type FillResult, fillTemplate } from './domain/templates/fill-template.ts'
export { findTemplate, type Placeholder, TEMPLATES, type Template } from './domain/templates/index.ts'
