// The agreement pages (the provider's staff): the list, a new agreement from a template, one
// agreement with its tabs, and the editor. Each page loads with its code, so the editor and
// the domain it checks with reach only those who open them.
import type { RouteObject } from 'react-router'
import './agreements.css'

export const agreementRoutes: RouteObject[] = [
  {
    path: '/agreements',
    lazy: async () => ({ Component: (await import('./list-page.tsx')).ListPage }),
  },
  {
    path: '/agreements/new',
    lazy: async () => ({ Component: (await import('./new-page.tsx')).NewPage }),
  },
  {
    path: '/agreements/:id/edit',
    lazy: async () => ({ Component: (await import('./edit-page.tsx')).EditPage }),
  },
  {
    path: '/agreements/:id',
    lazy: async () => ({ Component: (await import('./agreement-page.tsx')).AgreementPage }),
    children: [
      { index: true, lazy: async () => ({ Component: (await import('./document-tab.tsx')).DocumentTab }) },
      {
        path: 'lifecycle',
        lazy: async () => ({ Component: (await import('./agreement-page.tsx')).LifecycleTab }),
      },
      { path: 'changes', lazy: async () => ({ Component: (await import('./changes-tab.tsx')).ChangesTab }) },
      { path: 'audit', lazy: async () => ({ Component: (await import('./audit-tab.tsx')).AuditTab }) },
      { path: 'health', lazy: async () => ({ Component: (await import('./health-tab.tsx')).HealthTab }) },
    ],
  },
]
