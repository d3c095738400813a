import { describe, expect, it } from 'vitest'
import { APP_ORIGIN } from '../../main/app-origin'
import { decideNavigation, externalUrlToOpen } from '../../main/url-policy'

describe('externalUrlToOpen', () => {
  it.each([
    ['https://github.com/PostHog/posthog/issues/1', 'https://github.com/PostHog/posthog/issues/1'],
    ['https://GitHub.com/a?b=c#d', 'https://github.com/a?b=c#d'],
    ['mailto:team@example.com', 'mailto:team@example.com'],
    ['mailto:team@example.com?subject=Sprint', 'mailto:team@example.com?subject=Sprint'],
  ])('opens %s', (raw, expected) => {
    expect(externalUrlToOpen(raw)).toBe(expected)
  })

  it.each([
    ['javascript:alert(1)', 'javascript'],
    ['JavaScript:alert(1)', 'javascript, mixed case'],
    ['file:///etc/passwd', 'file'],
    ['http://github.com', 'plain http'],
    ['app://sprintpad/index.html', 'our own scheme'],
    ['sprintpad://join/abc', 'our link scheme'],
    ['data:text/html,<script>1</script>', 'data'],
    ['https://github.com@evil.example/', 'credentials before the host'],
    ['https://user:pw@github.com/', 'credentials'],
    ['https://xn--gthub-n4a.com/', 'punycode homograph'],
    ['https://gіthub.com/', 'Cyrillic look-alike (becomes punycode)'],
    ['https://localhost/', 'single-label host'],
    ['https://[::1]/', 'IPv6 literal'],
    [' https://github.com', 'leading whitespace'],
    ['https://github.com/\n', 'control character'],
    ['https://exa mple.com', 'space'],
    ['mailto:', 'empty mailto'],
    ['mailto:not-an-address', 'mailto without @'],
    ['mailto:a@b.com%0ABcc:x@y.com', 'header injection in mailto'],
    ['not a url', 'garbage'],
    [`https://example.com/${'a'.repeat(3000)}`, 'too long'],
  ])('refuses %s (%s)', (raw) => {
    expect(externalUrlToOpen(raw)).toBeNull()
  })

  it('allows IPv4 hosts: an intranet link cannot pass for a brand name', () => {
    expect(externalUrlToOpen('https://10.0.0.12/dashboard')).toBe('https://10.0.0.12/dashboard')
  })
})

describe('decideNavigation', () => {
  it('allows the app origin only', () => {
    expect(decideNavigation(`${APP_ORIGIN}/sprint/abc`, [APP_ORIGIN])).toEqual({ action: 'allow' })
    expect(decideNavigation('app://evil/index.html', [APP_ORIGIN])).toEqual({ action: 'deny' })
    expect(decideNavigation('file:///tmp/x.html', [APP_ORIGIN])).toEqual({ action: 'deny' })
  })

  it('sends an allowed external link to the browser instead of navigating', () => {
    expect(decideNavigation('https://github.com/x', [APP_ORIGIN])).toEqual({
      action: 'openExternal',
      url: 'https://github.com/x',
    })
    expect(decideNavigation('javascript:alert(1)', [APP_ORIGIN])).toEqual({ action: 'deny' })
  })

  it('allows the dev server only when it is among the allowed origins', () => {
    expect(decideNavigation('http://localhost:5173/', [APP_ORIGIN])).toEqual({ action: 'deny' })
    expect(
      decideNavigation('http://localhost:5173/', [APP_ORIGIN, 'http://localhost:5173']),
    ).toEqual({ action: 'allow' })
  })
})
