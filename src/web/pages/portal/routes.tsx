// The customer portal: report a problem, our agreement, compliance. Its home (PortalHome) is
// shown at `/` for customers by the route table.
import type { RouteObject } from 'react-router'
import { OurAgreement } from './agreement.tsx'
import { Compliance } from './compliance.tsx'
import { ReportProblem } from './report-problem.tsx'
import './portal.css'

export const portalRoutes: RouteObject[] = [
  { path: 'report-problem', element: <ReportProblem /> },
  { path: 'agreement', element: <OurAgreement /> },
  { path: 'compliance', element: <Compliance /> },
]
