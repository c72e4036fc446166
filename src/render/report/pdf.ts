// The report as a PDF (pdfmake): the summary on the first page, the detail after it, charts
// drawn from their SVG with their text alternative printed under them, "page X of Y" footers,
// and the report's JSON embedded as report.json, so the figures can be read back exactly.
import type { Content, Node, NodeQueries, TDocumentDefinitions } from 'pdfmake/interfaces.js'
import type { Agreement } from '../../domain/agreement/schema.ts'
import type { Report } from '../../domain/reports/report-schema.ts'
import { loadPdfmake } from '../pdfmake.ts'
import type { ReportRenderOptions } from './html.ts'
import { blockContent, REPORT_PDF_STYLES } from './pdf-blocks.ts'
import { reportView } from './report-view.ts'
import type { ReportView, ViewSection } from './view.ts'

const MARGIN = 48

export type ReportPdfOptions = ReportRenderOptions & {
  /** The file's creation date, which also fixes its id: the same input gives the same bytes. */
  createdAt?: Date
}

export async function renderReportPdf(
  report: Report,
  agreement?: Agreement,
  options: ReportPdfOptions = {},
): Promise<Buffer> {
  const view = reportView(report, { agreement, intervals: options.intervals })
  const pdfmake = await loadPdfmake()
  const bytes = await pdfmake.createPdf(documentDefinition(report, view, options.createdAt)).getBuffer()
  return Buffer.from(bytes)
}

function documentDefinition(report: Report, view: ReportView, createdAt?: Date): TDocumentDefinitions {
  const dated = createdAt ? { creationDate: createdAt, modifiedDate: createdAt } : {}
  const reportFile = {
    src: `data:application/json;base64,${Buffer.from(JSON.stringify(report), 'utf8').toString('base64')}`,
    name: 'report.json',
    description: 'The report as JSON (the ReportSchema of docs/reports.md): every figure, exactly.',
    relationship: 'Data',
    ...dated,
  }
  return {
    info: {
      title: `${view.title}: ${report.agreement}`,
      subject: view.subtitle,
      creator: 'Upheld',
      ...(createdAt ? { creationDate: createdAt } : {}),
    },
    version: '1.7',
    pageSize: 'A4',
    pageMargins: [MARGIN, MARGIN, MARGIN, MARGIN + 8],
    defaultStyle: { font: 'Roboto', fontSize: 9, lineHeight: 1.2, color: '#1d2433' },
    styles: REPORT_PDF_STYLES,
    content: [
      { text: view.title, style: 'title' },
      { text: view.subtitle, style: 'subtitle' },
      ...view.summary.flatMap((s) => sectionContent(s, 'summaryHeading')),
      { text: '', pageBreak: 'after' },
      ...view.detail.flatMap((s) => sectionContent(s, 'heading')),
    ],
    footer: (page, pages) => ({
      columns: [
        { text: `${report.agreement} · ${view.title}`, width: '*' },
        { text: `Page ${page} of ${pages}`, width: 'auto', alignment: 'right' },
      ],
      margin: [MARGIN, 24, MARGIN, 0],
      style: 'footer',
    }),
    pageBreakBefore: keepHeadingsWithContent,
    files: { 'report.json': reportFile },
  }
}

/**
 * In the detail, a heading and the block after it stay on one page: a chart (which cannot
 * split) goes with it as one piece; before a table or facts, a heading too low on the page
 * moves to the next. The summary is made to fit its page, so nothing of it moves.
 */
function sectionContent(section: ViewSection, style: 'summaryHeading' | 'heading'): Content[] {
  const summary = style === 'summaryHeading'
  const heading: Content = {
    text: section.title,
    style,
    id: section.id,
    ...(summary ? {} : { headlineLevel: 1 }),
  }
  const [first, ...rest] = section.blocks.map((b) => blockContent(b, summary))
  if (section.blocks[0]?.type === 'chart') return [{ stack: [heading, first!], unbreakable: true }, ...rest]
  return [heading, ...(first ? [first] : []), ...rest]
}

function keepHeadingsWithContent(node: Node, queries: NodeQueries): boolean {
  if (node.headlineLevel === undefined || queries.getNodesOnNextPage().length === 0) return false
  return node.startPosition.verticalRatio > 0.8
}
