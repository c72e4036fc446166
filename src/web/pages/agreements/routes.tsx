import type { RouteObject } from 'react-router'

export const agreementRoutes: RouteObject[] = []
