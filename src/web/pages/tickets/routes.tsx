import type { RouteObject } from 'react-router'
import { TicketList } from './ticket-list.tsx'
import { TicketPage } from './ticket-page.tsx'
import './tickets.css'

export const ticketRoutes: RouteObject[] = [
  { path: '/tickets', element: <TicketList /> },
  { path: '/tickets/:id', element: <TicketPage /> },
]
