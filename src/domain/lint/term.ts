// The term: it ends after it begins, reviews are scheduled within their cadence and flagged
// when due, and renewal is flagged when its notice date comes.
import { addPeriod } from '../period.ts'
import { at, quote } from './facts.ts'
import { defineRule, type Problem } from './rule.ts'

/** How long before a tacit renewal's notice deadline the reminder starts. */
const TACIT_REMINDER = 'P30D'

const effectiveOrder = defineRule({
  id: 'term.effective-order',
  section: 'term',
  level: 'error',
  when: 'submit',
  description: 'The term ends on or after the day it begins.',
  check: ({ spec: { term } }) =>
    term?.effectiveTo !== undefined && term.effectiveTo < term.effectiveFrom
      ? [
          {
            path: at('term', 'effectiveTo'),
            message: `the term ends on ${term.effectiveTo}, before it begins on ${term.effectiveFrom}`,
          },
        ]
      : [],
})

const reviewScheduled = defineRule({
  id: 'term.review-within-cadence',
  section: 'term',
  level: 'error',
  when: 'submit',
  description: 'The next review is planned no later than one review period after the last (or the start).',
  check: ({ spec: { term } }): Problem[] => {
    const review = term?.review
    if (term === undefined || review?.next === undefined) return []
    const base = review.last ?? term.effectiveFrom
    const latest = addPeriod(base, review.every)
    if (review.next <= latest) return []
    const after = review.last === undefined ? 'the agreement takes effect' : 'the last review'
    return [
      {
        path: at('term', 'review', 'next'),
        message: `the next review on ${review.next} is later than ${latest}, one review period (${review.every}) after ${after} on ${base}`,
      },
    ]
  },
})

const reviewDue = defineRule({
  id: 'term.review-due',
  section: 'term',
  level: 'warning',
  when: 'continuous',
  description: 'A review of the agreement is due (the planned date, or one period after the last review).',
  check: ({ spec: { term } }, { today }): Problem[] => {
    const review = term?.review
    if (term === undefined || review === undefined) return []
    // A tacit renewal keeps the agreement, and its reviews, going after the first term.
    if (term.effectiveTo !== undefined && today > term.effectiveTo && term.renewal?.type !== 'tacit')
      return []
    const planned = review.next !== undefined && (review.last === undefined || review.last < review.next)
    const due = planned ? review.next! : addPeriod(review.last ?? term.effectiveFrom, review.every)
    if (today < due) return []
    const history =
      review.last === undefined
        ? `has not been reviewed since it took effect on ${term.effectiveFrom}`
        : `was last reviewed on ${review.last}`
    return [
      {
        path: at('term', 'review'),
        message: planned
          ? `the review planned for ${due} is due`
          : `the agreement ${history} and is reviewed every ${review.every}: a review has been due since ${due}`,
        hint:
          review.owner === undefined
            ? 'record the review in term.review.last'
            : `review owner: ${quote(review.owner)}`,
      },
    ]
  },
})

const renewalNotice = defineRule({
  id: 'term.renewal-notice-reached',
  section: 'term',
  level: 'warning',
  when: 'continuous',
  description: `Express renewal: the notice date has come and the term has not ended. Tacit renewal: the deadline to give notice is within ${TACIT_REMINDER}.`,
  check: ({ spec: { term } }, { today }): Problem[] => {
    const renewal = term?.renewal
    const end = term?.effectiveTo
    if (end === undefined || renewal?.notice === undefined || renewal.type === 'never') return []
    const noticeDate = addPeriod(end, renewal.notice, -1)
    const path = at('term', 'renewal', 'notice')
    if (renewal.type === 'tacit') {
      if (today < addPeriod(noticeDate, TACIT_REMINDER, -1) || today > noticeDate) return []
      const message = `the agreement renews by itself after ${end} unless notice not to renew is given by ${noticeDate} (${renewal.notice} before the end)`
      return [{ path, message }]
    }
    if (today < noticeDate || today > end) return []
    const message = `the agreement ends on ${end} unless it is renewed; its renewal notice date (${renewal.notice} before the end) was ${noticeDate}`
    return [{ path, message, hint: 'start the renewal: negotiate a revision or confirm the agreement ends' }]
  },
})

const ended = defineRule({
  id: 'term.ended',
  section: 'term',
  level: 'warning',
  when: 'continuous',
  description: 'The term has ended and the agreement does not renew by itself.',
  check: ({ spec: { term } }, { today }) =>
    term?.effectiveTo !== undefined && today > term.effectiveTo && term.renewal?.type !== 'tacit'
      ? [
          {
            path: at('term', 'effectiveTo'),
            message: `the agreement ended on ${term.effectiveTo} and does not renew by itself`,
            hint: 'renew it with a revision, or mark it expired',
          },
        ]
      : [],
})

const noticeWithinTerm = defineRule({
  id: 'term.notice-within-term',
  section: 'term',
  level: 'error',
  when: 'submit',
  description: 'The renewal notice period fits inside the term.',
  check: ({ spec: { term } }) => {
    const notice = term?.renewal?.notice
    if (term?.effectiveTo === undefined || notice === undefined) return []
    const noticeDate = addPeriod(term.effectiveTo, notice, -1)
    if (noticeDate >= term.effectiveFrom) return []
    return [
      {
        path: at('term', 'renewal', 'notice'),
        message: `the renewal notice of ${notice} is longer than the term (${term.effectiveFrom} to ${term.effectiveTo}): notice would be due on ${noticeDate}, before the agreement takes effect`,
      },
    ]
  },
})

export const TERM_RULES = [effectiveOrder, reviewScheduled, reviewDue, renewalNotice, ended, noticeWithinTerm]
