// The compliance report as a document: HTML (one standalone file) and PDF, a one-page summary
// then the detail, with charts drawn as SVG. See docs/reports.md.
export { type ReportRenderOptions, renderReportHtml } from './html.ts'
export { type ReportPdfOptions, renderReportPdf } from './pdf.ts'
