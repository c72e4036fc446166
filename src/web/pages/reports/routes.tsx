// Compliance reports, for staff: an agreement's report for a month or quarter, with its charts,
// checklist and credits, downloads, and the audited recomputation of a frozen one.
import type { RouteObject } from 'react-router'
import { ReportPage, ReportsIndex } from './report-page.tsx'
import './reports.css'

export const reportRoutes: RouteObject[] = [
  { path: '/reports', element: <ReportsIndex /> },
  { path: '/reports/:agreement/:period', element: <ReportPage /> },
]
