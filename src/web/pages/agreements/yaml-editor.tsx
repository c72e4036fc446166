// The YAML editor: CodeMirror with YAML highlighting, line numbers, CodeMirror's own history and
// keymap (Enter indents, Tab indents, Escape then Tab leaves), and each problem given to its lint
// extension: marked in the gutter and in the text, and its message written after the line's text
// so it is read without hovering. The list of problems under the editor is the same information
// for everyone else.
import { defaultKeymap, history, historyKeymap, indentWithTab, isolateHistory } from '@codemirror/commands'
import { yaml } from '@codemirror/lang-yaml'
import { bracketMatching, defaultHighlightStyle, indentUnit, syntaxHighlighting } from '@codemirror/language'
import { type Diagnostic, lintGutter, setDiagnostics, setDiagnosticsEffect } from '@codemirror/lint'
import { EditorState, StateField, type Text } from '@codemirror/state'
import {
  Decoration,
  type DecorationSet,
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
  WidgetType,
} from '@codemirror/view'
import { type Ref, useEffect, useImperativeHandle, useRef } from 'react'

export type LineMessage = { line: number; column?: number; level: 'error' | 'warning'; message: string }
export type YamlEditorHandle = { goTo(line: number, column?: number): void }

// Each message marks its line from its column (or the line's first character) to the line's end.
function diagnostics(doc: Text, messages: readonly LineMessage[]): Diagnostic[] {
  return messages.map((m) => {
    const line = doc.line(Math.min(Math.max(1, m.line), doc.lines))
    const start = m.column === undefined ? line.text.search(/\S|$/) : m.column - 1
    return {
      from: line.from + Math.min(Math.max(0, start), line.length),
      to: line.to,
      severity: m.level,
      message: m.message,
    }
  })
}

class MessageWidget extends WidgetType {
  constructor(
    readonly level: LineMessage['level'],
    readonly text: string,
  ) {
    super()
  }
  override eq(other: MessageWidget) {
    return other.level === this.level && other.text === this.text
  }
  toDOM() {
    const span = document.createElement('span')
    span.className = `cm-line-message cm-line-message-${this.level}`
    span.textContent = this.text
    return span
  }
}

// After each line with problems, the worst one's message, with how many more the line has.
function lineMessages(doc: Text, found: readonly Diagnostic[]): DecorationSet {
  const byLine = new Map<number, Diagnostic[]>()
  for (const d of found) {
    const n = doc.lineAt(d.from).number
    byLine.set(n, [...(byLine.get(n) ?? []), d])
  }
  const ranges = [...byLine].flatMap(([n, list]) => {
    const line = doc.line(n)
    const worst = list.find((d) => d.severity === 'error') ?? list[0]!
    const level = worst.severity === 'error' ? 'error' : 'warning'
    const more = list.length > 1 ? ` (+${list.length - 1} more)` : ''
    return [
      Decoration.line({ class: `cm-problem-line cm-problem-${level}` }).range(line.from),
      Decoration.widget({ widget: new MessageWidget(level, `${worst.message}${more}`), side: 1 }).range(
        line.to,
      ),
    ]
  })
  return Decoration.set(ranges, true)
}

// Driven by the same diagnostics the lint extension shows, moved along as the text changes.
const lineMessagesField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(decorations, tr) {
    let next = decorations.map(tr.changes)
    for (const effect of tr.effects)
      if (effect.is(setDiagnosticsEffect)) next = lineMessages(tr.state.doc, effect.value)
    return next
  },
  provide: (field) => EditorView.decorations.from(field),
})

const theme = EditorView.theme({
  '&': {
    border: '1px solid #8c959f',
    borderRadius: '6px',
    background: '#fff',
    fontSize: '0.875rem',
    height: 'min(70vh, 48rem)',
  },
  '&.cm-focused': { outline: '3px solid #0969da', outlineOffset: '2px' },
  '.cm-scroller': {
    fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
    overflow: 'auto',
  },
  '.cm-gutters': { background: '#f6f8fa', color: '#57606a', borderRight: '1px solid #d0d7de' },
  '.cm-problem-error': { background: '#ffebe9', boxShadow: 'inset 3px 0 0 #cf222e' },
  '.cm-problem-warning': { background: '#fff8c5', boxShadow: 'inset 3px 0 0 #9a6700' },
  '.cm-line-message': {
    marginLeft: '1.5rem',
    fontFamily: 'system-ui, sans-serif',
    fontSize: '0.8125rem',
    fontWeight: '600',
    whiteSpace: 'pre-wrap',
  },
  '.cm-line-message-error': { color: '#a40e26' },
  '.cm-line-message-warning': { color: '#7d4e00' },
})

export function YamlEditor({
  value,
  onChange,
  messages,
  labelledBy,
  describedBy,
  ref,
}: {
  value: string
  onChange(text: string): void
  messages: readonly LineMessage[]
  labelledBy: string
  describedBy?: string
  ref?: Ref<YamlEditorHandle>
}) {
  const host = useRef<HTMLDivElement>(null)
  const view = useRef<EditorView | null>(null)
  const changed = useRef(onChange)
  changed.current = onChange

  // The editor is made once; `value` reaches it below when it changes elsewhere (the form).
  // biome-ignore lint/correctness/useExhaustiveDependencies: made once, on mount
  useEffect(() => {
    const editor = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: value,
        extensions: [
          lineNumbers(),
          lintGutter(),
          highlightActiveLineGutter(),
          highlightActiveLine(),
          drawSelection(),
          history(),
          keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
          indentUnit.of('  '),
          EditorState.tabSize.of(2),
          yaml(),
          syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
          bracketMatching(),
          EditorView.lineWrapping,
          lineMessagesField,
          theme,
          EditorView.contentAttributes.of({
            'aria-labelledby': labelledBy,
            ...(describedBy === undefined ? {} : { 'aria-describedby': describedBy }),
            spellcheck: 'false',
          }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) changed.current(update.state.doc.toString())
          }),
        ],
      }),
    })
    view.current = editor
    return () => {
      editor.destroy()
      view.current = null
    }
  }, [])

  // A change made in the form is one undo step of its own, never joined to typing.
  useEffect(() => {
    const editor = view.current
    if (editor && editor.state.doc.toString() !== value)
      editor.dispatch({
        changes: { from: 0, to: editor.state.doc.length, insert: value },
        annotations: isolateHistory.of('full'),
      })
  }, [value])

  useEffect(() => {
    const editor = view.current
    if (editor) editor.dispatch(setDiagnostics(editor.state, diagnostics(editor.state.doc, messages)))
  }, [messages])

  useImperativeHandle(ref, () => ({
    goTo(line, column = 1) {
      const editor = view.current
      if (!editor) return
      const target = editor.state.doc.line(Math.min(Math.max(1, line), editor.state.doc.lines))
      const at = Math.min(target.from + Math.max(0, column - 1), target.to)
      editor.dispatch({ selection: { anchor: at }, effects: EditorView.scrollIntoView(at, { y: 'center' }) })
      editor.focus()
    },
  }))

  return <div ref={host} className="ag-editor" />
}
