// Markdown from an agreement → pdfmake content. Only what agreement text uses is styled
// (paragraphs, lists, emphasis, code, links); anything else keeps its text.
import { Lexer, type Token, type Tokens } from 'marked'
import type { Content, ContentText } from 'pdfmake/interfaces.js'
import { isSafeHref } from './markdown-html.ts'

type Inline = string | ContentText

export function markdownToPdf(markdown: string): Content[] {
  return blocks(new Lexer({ gfm: true }).lex(markdown))
}

/** One line of Markdown (a list item) as inline runs. */
export function markdownInline(markdown: string): Inline[] {
  return new Lexer({ gfm: true }).lex(markdown).flatMap((token) => inlineOfBlock(token))
}

function blocks(tokens: Token[]): Content[] {
  return tokens.flatMap((token): Content[] => {
    switch (token.type) {
      case 'space':
      case 'hr':
        return []
      case 'list': {
        const list = token as Tokens.List
        const items = list.items.map((item) => ({ stack: blocks(item.tokens) }))
        return [list.ordered ? { ol: items, style: 'list' } : { ul: items, style: 'list' }]
      }
      case 'code':
        return [{ text: (token as Tokens.Code).text, style: 'code' }]
      case 'blockquote':
        return [{ stack: blocks((token as Tokens.Blockquote).tokens), style: 'quote' }]
      case 'heading':
        return [{ text: inlines((token as Tokens.Heading).tokens), style: 'label' }]
      default:
        return [{ text: inlineOfBlock(token), style: 'paragraph' }]
    }
  })
}

/** A paragraph-like token as inline runs; text of tokens with no inline children as written. */
function inlineOfBlock(token: Token): Inline[] {
  if ('tokens' in token && Array.isArray(token.tokens) && token.tokens.length > 0) {
    return inlines(token.tokens)
  }
  return 'text' in token && typeof token.text === 'string' ? [token.text] : []
}

function inlines(tokens: Token[]): Inline[] {
  return tokens.flatMap((token): Inline[] => {
    switch (token.type) {
      case 'strong':
        return styled(inlines((token as Tokens.Strong).tokens), { bold: true })
      case 'em':
        return styled(inlines((token as Tokens.Em).tokens), { italics: true })
      case 'del':
        return styled(inlines((token as Tokens.Del).tokens), { decoration: 'lineThrough' })
      case 'codespan':
        return [{ text: (token as Tokens.Codespan).text, style: 'codeSpan' }]
      case 'br':
        return ['\n']
      case 'link':
        return linkRuns(token as Tokens.Link)
      default:
        return inlineOfBlock(token)
    }
  })
}

function linkRuns(link: Tokens.Link): Inline[] {
  const text = inlines(link.tokens)
  if (link.href.startsWith('#')) return styled(text, { linkToDestination: link.href.slice(1), style: 'link' })
  return isSafeHref(link.href) ? styled(text, { link: link.href, style: 'link' }) : text
}

/** pdfmake styles only flat runs, so the style goes onto each run rather than around them. */
function styled(runs: Inline[], style: Omit<ContentText, 'text'>): Inline[] {
  return runs.map((run) => (typeof run === 'string' ? { ...style, text: run } : { ...style, ...run }))
}
