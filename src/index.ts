// The public library: what `import … from 'upheld'` gives.
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
export { holidaysFromICalendar } from './domain/ical-holidays.ts'
export { formatIssue, formatPath, type Issue, type PathSegment, type Result } from './domain/issues.ts'
