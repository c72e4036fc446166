// The signature page of a signed agreement: who signed, as what, when, how they proved who
// they were and which content they signed; and the audit log's summary (how many events,
// the hash at its head), so that a printed copy anchors the log.
import type { Content } from 'pdfmake/interfaces.js'
import { TABLE_LAYOUT } from './pdf-table.ts'
import type { AuditSummary, SignatureRecord } from './signed-pdf.ts'

const HASH = { fontSize: 7.5 }

export function signaturePage(
  contentHash: string,
  signatures: readonly SignatureRecord[],
  audit: AuditSummary,
): Content[] {
  return [
    { text: 'Signatures', style: 'h1', pageBreak: 'before', tocItem: true, tocStyle: { bold: true } },
    {
      text: [
        'This agreement was signed electronically. Each signature binds to the content hash: the SHA-256 of the ',
        'agreement as canonical JSON (RFC 8785), embedded in this file as agreement.json.',
      ],
      style: 'paragraph',
    },
    facts([['Content hash (SHA-256)', { text: contentHash, ...HASH }]]),
    signatures.length === 0
      ? { text: 'No signatures are recorded.', style: 'note' }
      : signatureTable(contentHash, signatures),
    { text: 'Audit log', style: 'h2' },
    facts([
      ['Events recorded', String(audit.events)],
      ['Last entry hash', { text: audit.lastHash, ...HASH }],
      ...(audit.at ? [['As of', utc(audit.at)] as [string, Content]] : []),
    ]),
    {
      text:
        'Each audit entry hashes the one before it, so an altered, removed or reordered entry changes every ' +
        'hash after it: the last entry hash above lets anyone holding this copy check the log.',
      style: 'note',
    },
  ]
}

function signatureTable(contentHash: string, signatures: readonly SignatureRecord[]): Content {
  const header = ['Signed by', 'Role and party', 'Signed at (UTC)', 'Authentication', 'Content hash signed']
  return {
    table: {
      headerRows: 1,
      widths: ['*', '*', 72, 66, 112],
      dontBreakRows: true,
      body: [
        header.map((text) => ({ text, style: 'tableHeader' })),
        ...signatures.map((s) => [
          { text: [{ text: s.name, bold: true }, s.email ? `\n${s.email}` : ''] },
          [s.role, s.party].filter(Boolean).join(', '),
          utc(s.signedAt).replace(' UTC', ''),
          s.authMethod,
          {
            text: [
              { text: s.contentHash, ...HASH },
              s.contentHash === contentHash
                ? ''
                : { text: '\nnot this content', bold: true, color: '#b3261e' },
            ],
          },
        ]),
      ],
    },
    layout: TABLE_LAYOUT,
    style: 'table',
  }
}

function facts(rows: [string, Content][]): Content {
  return {
    table: { widths: [130, '*'], body: rows.map(([key, value]) => [{ text: key, style: 'factKey' }, value]) },
    layout: 'noBorders',
    margin: [0, 4, 0, 8],
  }
}

function utc(t: number): string {
  return `${new Date(t).toISOString().slice(0, 16).replace('T', ' ')} UTC`
}
