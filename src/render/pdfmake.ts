// pdfmake for every PDF Upheld makes (agreements, reports), loaded on first use (it is large),
// with its bundled Roboto and no outside access.
import { createRequire } from 'node:module'
import { dirname, join, sep } from 'node:path'

let loaded: typeof import('pdfmake') | undefined

export async function loadPdfmake(): Promise<typeof import('pdfmake')> {
  if (loaded) return loaded
  const pdfmake = (await import('pdfmake')).default
  const fonts = join(
    dirname(createRequire(import.meta.url).resolve('pdfmake/package.json')),
    'fonts',
    'Roboto',
  )
  pdfmake.setFonts({
    Roboto: {
      normal: join(fonts, 'Roboto-Regular.ttf'),
      bold: join(fonts, 'Roboto-Medium.ttf'),
      italics: join(fonts, 'Roboto-Italic.ttf'),
      bolditalics: join(fonts, 'Roboto-MediumItalic.ttf'),
    },
  })
  // Nothing in a document may make the renderer fetch a URL or read a file: the policy for
  // local files also guards the font files, so their folder is the one exception.
  pdfmake.setUrlAccessPolicy(() => false)
  pdfmake.setLocalAccessPolicy((path) => path.startsWith(fonts + sep))
  loaded = pdfmake
  return pdfmake
}
