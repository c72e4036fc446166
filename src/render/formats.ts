// The formats an agreement renders to; kept apart so that the CLI can list them without
// loading the renderers.
export const RENDER_FORMATS = ['md', 'html', 'pdf'] as const
export type RenderFormat = (typeof RENDER_FORMATS)[number]
