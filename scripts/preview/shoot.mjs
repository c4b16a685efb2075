// shoot.mjs EPUB OUTDIR - renders pages of EPUB to OUTDIR/*.png through
// foliate-js (the engine of the Foliate e-book reader) in headless Chromium:
// the cover, the first page of the first chapter and the first page of the
// Reader Q&A, each on a 6-inch e-reader screen (600 x 800 CSS pixels at
// twice the density). With PREVIEW_ALL=1, also the first page of every
// document of the spine, as page-NAME.png.
//
// The files are served on 127.0.0.1 by a small server of its own; Chromium
// is Debian's (CHROMIUM, default /usr/bin/chromium), driven by
// playwright-core. Run by make preview (mk/preview.mk), from the folder
// holding node_modules/.
import { createServer } from 'node:http'
import { readFile, mkdir } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const [epub, outDir] = process.argv.slice(2)
if (!epub || !outDir) {
  console.error('usage: node shoot.mjs EPUB OUTDIR')
  process.exit(2)
}
const here = path.dirname(fileURLToPath(import.meta.url))
const modules = path.resolve(process.env.PREVIEW_MODULES ?? 'node_modules')
const require = createRequire(path.join(modules, 'x.js'))
const { chromium } = require('playwright-core')

// The pages to shoot: name and content document, found in the spine.
const shots = [
  { name: 'cover', pick: items => items.find(i => /(^|\/)cover\.xhtml$/.test(i)) },
  { name: 'article', pick: items => items.find(i =>
      !/(^|\/)(cover|titlepage|nav|qa|related|colophon)\.xhtml$/.test(i)) },
  { name: 'qa', pick: items => items.find(i => /(^|\/)qa\.xhtml$/.test(i)) },
]

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.epub': 'application/epub+zip',
}
const server = createServer(async (req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1')
  let file
  if (url.pathname === '/' || url.pathname === '/reader.html')
    file = path.join(here, 'reader.html')
  else if (url.pathname === '/book.epub')
    file = path.resolve(epub)
  else if (url.pathname.startsWith('/foliate-js/')) {
    const rel = path.normalize(decodeURIComponent(url.pathname.slice(1)))
    if (rel.startsWith('..')) { res.writeHead(403).end(); return }
    file = path.join(modules, rel)
  }
  try {
    if (!file) throw new Error('not found')
    const data = await readFile(file)
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' })
    res.end(data)
  } catch {
    res.writeHead(404).end()
  }
})
await new Promise(ok => server.listen(0, '127.0.0.1', ok))
const base = `http://127.0.0.1:${server.address().port}`

// The spine's documents, from the package as the EPUB holds it (through the
// page itself, which has a zip reader).
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
})
let failed = 0
try {
  const context = await browser.newContext({
    viewport: { width: 600, height: 800 }, deviceScaleFactor: 2,
  })
  const probe = await context.newPage()
  await probe.goto(`${base}/reader.html?book=/book.epub&href=0`)
  await probe.waitForFunction(() => window.previewState !== 'loading', null, { timeout: 60000 })
  const spine = await probe.evaluate(() =>
    document.getElementById('view').book.sections.map(s => s.id))
  await probe.close()
  await mkdir(outDir, { recursive: true })
  // PREVIEW_ALL=1: the first page of every document of the spine too.
  if (process.env.PREVIEW_ALL)
    for (const id of spine) {
      const name = 'page-' + path.basename(id).replace(/\.x?html$/, '')
      shots.push({ name, pick: () => id })
    }
  for (const shot of shots) {
    const href = shot.pick(spine)
    if (!href) {
      console.error(`preview: the book has no ${shot.name} page; none shot`)
      continue
    }
    const page = await context.newPage()
    page.on('pageerror', e => console.error(`preview: ${shot.name}: ${e.message}`))
    await page.goto(`${base}/reader.html?book=/book.epub&href=${encodeURIComponent(href)}`)
    await page.waitForFunction(() => window.previewState !== 'loading', null, { timeout: 60000 })
    const state = await page.evaluate(() => window.previewState)
    if (state !== 'ready') {
      console.error(`preview: ${shot.name} (${href}): ${state}`)
      failed++
    } else {
      const file = path.join(outDir, `${shot.name}.png`)
      await page.screenshot({ path: file })
      console.log(`${file}: ${href}`)
    }
    await page.close()
  }
} finally {
  await browser.close()
  server.close()
}
process.exit(failed ? 1 : 0)
