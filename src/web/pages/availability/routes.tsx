import type { RouteObject } from 'react-router'

export const availabilityRoutes: RouteObject[] = []
