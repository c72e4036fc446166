// Public-holiday presets (date-holidays data) resolved to local dates, one year at a time.
import Holidays from 'date-holidays'
import type { Issue, PathSegment } from './issues.ts'
import { didYouMean } from './issues.ts'
import { civilDate, parseLocalDate } from './local-date.ts'
import { DAY } from './time-zone.ts'

export const HOLIDAY_TYPES = ['public', 'bank', 'school', 'optional', 'observance'] as const
export type HolidayType = (typeof HOLIDAY_TYPES)[number]
export type HolidayPresetSpec = {
  country: string
  region?: string
  subregion?: string
  types?: HolidayType[]
}

export type HolidayPreset = {
  label: string
  datesOfYear(year: number): ReadonlySet<number>
}

const DEFAULT_TYPES: readonly HolidayType[] = ['public', 'bank']
const PRESET_KEYS = ['country', 'region', 'subregion', 'types']

export function resolveHolidayPreset(
  spec: HolidayPresetSpec,
  path: PathSegment[],
): { preset: HolidayPreset | null; issues: Issue[] } {
  const issues: Issue[] = []
  for (const key of Object.keys(spec)) {
    if (!PRESET_KEYS.includes(key)) {
      issues.push({
        path: [...path, key],
        message: `unknown key "${key}"`,
        hint: didYouMean(key, PRESET_KEYS),
      })
    }
  }
  const country = typeof spec.country === 'string' ? spec.country.toUpperCase() : ''
  const countries = Object.keys(new Holidays().getCountries())
  if (!countries.includes(country)) {
    issues.push({
      path: [...path, 'country'],
      message: `unknown country "${String(spec.country)}" for public holidays`,
      hint:
        (country === 'UK' ? 'the United Kingdom is "GB"' : didYouMean(String(spec.country), countries)) ??
        'use an ISO 3166-1 alpha-2 code such as "GB" or "KE"',
    })
    return { preset: null, issues }
  }
  let region: string | undefined
  if (spec.region !== undefined) {
    const known = Object.keys(new Holidays().getStates(country) ?? {})
    region = String(spec.region).toUpperCase()
    if (!known.includes(region)) {
      issues.push({
        path: [...path, 'region'],
        message: `unknown region "${String(spec.region)}" of ${country}`,
        hint: known.length > 0 ? `known: ${known.join(', ')}` : `${country} has no regions`,
      })
    }
  }
  let subregion: string | undefined
  if (spec.subregion !== undefined) {
    const known = region ? Object.keys(new Holidays().getRegions(country, region) ?? {}) : []
    subregion = String(spec.subregion).toUpperCase()
    if (!known.includes(subregion)) {
      issues.push({
        path: [...path, 'subregion'],
        message: `unknown subregion "${String(spec.subregion)}" of ${[country, region].filter(Boolean).join('-')}`,
        hint:
          known.length > 0 ? `known: ${known.join(', ')}` : 'a subregion needs a region that has subregions',
      })
    }
  }
  const types = spec.types ?? DEFAULT_TYPES
  if (!Array.isArray(types)) {
    issues.push({
      path: [...path, 'types'],
      message: 'must be a list of holiday types',
      hint: HOLIDAY_TYPES.join(', '),
    })
  } else {
    types.forEach((t, i) => {
      if (!HOLIDAY_TYPES.includes(t)) {
        issues.push({
          path: [...path, 'types', i],
          message: `unknown holiday type "${String(t)}"`,
          hint: `one of ${HOLIDAY_TYPES.join(', ')}`,
        })
      }
    })
  }
  if (issues.length > 0) return { preset: null, issues }
  return { preset: holidayPreset(country, region, subregion, types as HolidayType[]), issues }
}

function holidayPreset(
  country: string,
  region: string | undefined,
  subregion: string | undefined,
  types: readonly HolidayType[],
): HolidayPreset {
  const source =
    subregion !== undefined && region !== undefined
      ? new Holidays(country, region, subregion)
      : region !== undefined
        ? new Holidays(country, region)
        : new Holidays(country)
  const years = new Map<number, ReadonlySet<number>>()
  return {
    label: [country, region, subregion].filter(Boolean).join('-'),
    datesOfYear(year) {
      let dates = years.get(year)
      if (!dates) {
        const set = new Set<number>()
        // A holiday can last several days (Seollal, Eid), and one listed under the year before
        // can run into this one.
        for (const holiday of [
          ...(source.getHolidays(year - 1) || []),
          ...(source.getHolidays(year) || []),
        ]) {
          if (!types.includes(holiday.type as HolidayType)) continue
          const first = parseLocalDate(holiday.date.slice(0, 10))
          if (first === null) continue
          // Its length in whole days; a DST change makes a day 23 or 25 hours, an afternoon off less than one.
          const days = Math.max(1, Math.round((holiday.end.getTime() - holiday.start.getTime()) / DAY))
          for (let day = first; day < first + days; day++) if (civilDate(day).year === year) set.add(day)
        }
        dates = set
        years.set(year, dates)
      }
      return dates
    },
  }
}
