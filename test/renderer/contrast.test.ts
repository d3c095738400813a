import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const STYLES = resolve(import.meta.dirname, '../../renderer/src/styles')
const base = readFileSync(resolve(STYLES, 'base.css'), 'utf8')
const home = readFileSync(resolve(STYLES, 'home.css'), 'utf8')

/** The `--name: #hex` tokens of the first block after `marker` in base.css. */
function tokens(marker: string): Map<string, string> {
  const start = base.indexOf(marker)
  const block = base.slice(start, base.indexOf('}', start))
  return new Map(
    [...block.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6});/gi)].map((m) => [m[1] ?? '', m[2] ?? '']),
  )
}

function channel(hex: string, at: number): number {
  const c = parseInt(hex.slice(at, at + 2), 16) / 255
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
}

function luminance(hex: string): number {
  return 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5)
}

function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)]
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05)
}

function token(t: Map<string, string>, name: string): string {
  const v = t.get(name)
  if (!v) throw new Error(`no --${name} in base.css`)
  return v
}

const THEMES = { light: tokens(':root {'), dark: tokens('prefers-color-scheme: dark') }

describe('sprints list row buttons', () => {
  it('are never faded (which reads as disabled)', () => {
    const rules = [...home.matchAll(/([^{}]*row-actions[^{}]*)\{([^}]*)\}/g)]
    expect(rules.length).toBeGreaterThan(0)
    for (const [, selector, body] of rules) {
      expect(body, selector).not.toMatch(/opacity/)
    }
  })

  for (const [name, t] of Object.entries(THEMES)) {
    it(`have AA contrast in ${name} mode, at rest and on hover`, () => {
      for (const bg of ['surface', 'surface-2', 'bg']) {
        for (const fg of ['text', 'text-2', 'danger']) {
          const ratio = contrast(token(t, fg), token(t, bg))
          expect(ratio, `${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5)
        }
      }
    })
  }
})

describe('error toasts', () => {
  for (const [name, t] of Object.entries(THEMES)) {
    it(`have AA contrast (white on --danger-solid) in ${name} mode`, () => {
      expect(contrast('#ffffff', token(t, 'danger-solid'))).toBeGreaterThanOrEqual(4.5)
    })
  }
})
