// Draws the Sprintpad icon as SVG and rasterises it with headless Chromium:
//   build/icon.svg, build/icon.png (1024 × 1024, used for macOS and Windows) and
//   build/icons/<n>x<n>.png (Linux). Run with `npx tsx scripts/make-icons.ts`; commit the output.
import { mkdir, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { launchProfile } from '../test/helpers/chromium'

const BUILD = resolve(import.meta.dirname, '../build')
const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024]

/** One checklist row of the pad: a box (ticked or not) and a line of text. */
function row(y: number, isDone: boolean, lineWidth: number): string {
  const box = isDone
    ? `<rect x="318" y="${y}" width="64" height="64" rx="16" fill="#10B981"/>
       <path d="M334 ${y + 33} l14 14 l22 -28" fill="none" stroke="#fff" stroke-width="11"
             stroke-linecap="round" stroke-linejoin="round"/>`
    : `<rect x="323" y="${y + 5}" width="54" height="54" rx="13" fill="none" stroke="#A5B4FC"
             stroke-width="10"/>`
  const ink = isDone ? '#C7D2FE' : '#6366F1'
  return `${box}<rect x="412" y="${y + 20}" width="${lineWidth}" height="24" rx="12" fill="${ink}"/>`
}

/** The icon: an indigo squircle (macOS grid: 824 px body on 1024) holding a sprint checklist pad. */
export function iconSvg(): string {
  const rings = [372, 462, 552, 642]
    .map((x) => `<rect x="${x}" y="212" width="28" height="84" rx="14" fill="#312E81"/>`)
    .join('')
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1024 1024" width="1024" height="1024">
  <defs>
    <linearGradient id="body" x1="0.1" y1="0" x2="0.9" y2="1">
      <stop offset="0" stop-color="#6D7BFF"/>
      <stop offset="1" stop-color="#4338CA"/>
    </linearGradient>
    <linearGradient id="shine" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#fff" stop-opacity="0.22"/>
      <stop offset="0.5" stop-color="#fff" stop-opacity="0"/>
    </linearGradient>
    <filter id="drop" x="-20%" y="-20%" width="140%" height="150%">
      <feDropShadow dx="0" dy="14" stdDeviation="16" flood-color="#1E1B4B" flood-opacity="0.35"/>
    </filter>
    <filter id="paper" x="-20%" y="-20%" width="140%" height="140%">
      <feDropShadow dx="0" dy="10" stdDeviation="12" flood-color="#1E1B4B" flood-opacity="0.30"/>
    </filter>
  </defs>
  <rect x="100" y="100" width="824" height="824" rx="186" fill="url(#body)" filter="url(#drop)"/>
  <rect x="100" y="100" width="824" height="824" rx="186" fill="url(#shine)"/>
  <g filter="url(#paper)">
    <rect x="270" y="250" width="484" height="560" rx="52" fill="#FFFFFF"/>
  </g>
  <path d="M270 302 a52 52 0 0 1 52 -52 h380 a52 52 0 0 1 52 52 v48 h-484 z" fill="#FBBF24"/>
  ${rings}
  ${row(410, true, 250)}
  ${row(522, true, 190)}
  ${row(634, false, 230)}
  <path d="M612 748 h92 m-30 -30 l30 30 l-30 30" fill="none" stroke="#F59E0B" stroke-width="16"
        stroke-linecap="round" stroke-linejoin="round"/>
</svg>
`
}

async function main(): Promise<void> {
  const svg = iconSvg()
  await mkdir(join(BUILD, 'icons'), { recursive: true })
  await writeFile(join(BUILD, 'icon.svg'), svg)
  const profile = await launchProfile({ viewport: { width: 1024, height: 1024 } })
  try {
    const page = await profile.context.newPage()
    for (const size of SIZES) {
      await page.setViewportSize({ width: size, height: size })
      await page.setContent(
        `<!doctype html><html><body style="margin:0;background:transparent">` +
          svg.replace('width="1024" height="1024"', `width="${size}" height="${size}"`) +
          `</body></html>`,
      )
      const png = await page.screenshot({
        omitBackground: true,
        clip: { x: 0, y: 0, width: size, height: size },
      })
      await writeFile(join(BUILD, 'icons', `${size}x${size}.png`), png)
      if (size === 1024) await writeFile(join(BUILD, 'icon.png'), png)
      console.log(`build/icons/${size}x${size}.png`)
    }
  } finally {
    await profile.remove()
  }
}

await main()
