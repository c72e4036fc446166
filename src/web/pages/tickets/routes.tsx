import type { RouteObject } from 'react-router'

export const ticketRoutes: RouteObject[] = []
