import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { markdownInline, markdownToPdf } from './pdf-markdown.ts'

describe('markdownToPdf', () => {
  test('emphasis becomes flat styled runs, which is all pdfmake styles', () => {
    assert.deepEqual(markdownToPdf('A **bold _move_** here.'), [
      {
        text: ['A ', { bold: true, text: 'bold ' }, { bold: true, italics: true, text: 'move' }, ' here.'],
        style: 'paragraph',
      },
    ])
  })

  test('links keep web and mail addresses only; raw HTML stays text', () => {
    assert.deepEqual(markdownInline('[a](https://x.example) [b](javascript:alert(1)) <b>c</b>'), [
      { link: 'https://x.example', style: 'link', text: 'a' },
      ' ',
      'b',
      ' ',
      '<b>',
      'c',
      '</b>',
    ])
  })

  test('lists become pdfmake lists', () => {
    assert.deepEqual(markdownToPdf('- one\n- two'), [
      {
        ul: [
          { stack: [{ text: ['one'], style: 'paragraph' }] },
          { stack: [{ text: ['two'], style: 'paragraph' }] },
        ],
        style: 'list',
      },
    ])
  })
})
