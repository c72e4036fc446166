// Availability, for staff: every objective of a customer over a month or quarter, and one
// objective in detail.
import type { RouteObject } from 'react-router'
import { ObjectivePage } from './objective.tsx'
import { AvailabilityOverview } from './overview.tsx'
import './availability.css'

export const availabilityRoutes: RouteObject[] = [
  { path: '/availability', element: <AvailabilityOverview /> },
  { path: '/availability/:customer/:objective', element: <ObjectivePage /> },
]
