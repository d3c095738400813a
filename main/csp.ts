/** Options of {@link buildCsp}. */
export interface CspOptions {
  /**
   * Origin of the Vite dev server (`npm run dev` only). The dev server needs an inline module
   * script (React refresh) and a WebSocket for hot reload; production never sets this.
   */
  devServerOrigin?: string
}

/**
 * The Content-Security-Policy of every page main serves. Scripts come only from the app origin
 * (no `unsafe-inline`, no `unsafe-eval`). Inline styles are allowed: they cannot run code, and
 * React/Vite emit them.
 *
 * `connect-src` is the app origin plus the scheme-wide `ws:` and `wss:`, deliberately (reviewed):
 * - y-webrtc signaling may be any LAN address and port (`ws://192.168.x.y:4444`, served by
 *   another teammate's Sprintpad) or any `wss://` URL the user configured. CSP has no source
 *   for "private addresses" or "any port of a host", and the list changes at run time while a
 *   policy is fixed per document load, so a host list would break sync.
 * - Narrowing it would not close the channel it seems to: WebRTC (STUN/TURN and data channels,
 *   which y-webrtc needs) is not governed by CSP in Chromium, so script that could open a
 *   WebSocket anywhere could also send data out over RTCPeerConnection.
 * - What it still forbids: `fetch`/XHR/EventSource/beacons to any other origin (no `http:`,
 *   `https:` or `*`), and {@link cspProblems} fails the audit if any such source appears.
 * The defence against a script sending data out is not running hostile script: no inline or
 * remote script, a sandboxed renderer and a bridge that cannot read arbitrary files.
 */
export function buildCsp(options: CspOptions = {}): string {
  const dev = options.devServerOrigin
  const devWs = dev?.replace(/^http/, 'ws')
  const directives: [string, string[]][] = [
    ['default-src', ["'none'"]],
    ['script-src', dev ? ["'self'", dev, "'unsafe-inline'"] : ["'self'"]],
    ['style-src', ["'self'", "'unsafe-inline'", ...(dev ? [dev] : [])]],
    ['img-src', ["'self'", 'data:', 'blob:']],
    ['font-src', ["'self'", 'data:']],
    ['connect-src', ["'self'", 'ws:', 'wss:', ...(dev && devWs ? [dev, devWs] : [])]],
    ['worker-src', ["'self'", 'blob:']],
    ['manifest-src', ["'self'"]],
    ['media-src', ["'none'"]],
    ['object-src', ["'none'"]],
    ['frame-src', ["'none'"]],
    ['child-src', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
  ]
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ')
}

/** A parsed policy: directive name → sources. */
export type ParsedCsp = Map<string, string[]>

/** Parses a policy string (used by the audit test and by {@link cspProblems}). */
export function parseCsp(policy: string): ParsedCsp {
  const parsed: ParsedCsp = new Map()
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/)
    if (name) parsed.set(name.toLowerCase(), sources)
  }
  return parsed
}

/**
 * The rules a production policy must meet; returns what it breaks (empty when it is fine).
 * Scripts: no inline, no eval, no wildcard or scheme-wide sources. Everything else: default
 * `'none'`, no plugins, no framing, no `<base>`.
 */
export function cspProblems(policy: string): string[] {
  const csp = parseCsp(policy)
  const problems: string[] = []
  const scripts = csp.get('script-src') ?? csp.get('default-src')
  if (!scripts) problems.push('no script-src')
  for (const source of scripts ?? []) {
    if (source !== "'self'") problems.push(`script-src allows ${source}`)
  }
  const expectNone = ['default-src', 'object-src', 'base-uri', 'frame-ancestors', 'frame-src']
  for (const name of expectNone) {
    if (csp.get(name)?.join(' ') !== "'none'") problems.push(`${name} is not 'none'`)
  }
  for (const source of csp.get('connect-src') ?? []) {
    if (!["'self'", 'ws:', 'wss:'].includes(source)) problems.push(`connect-src allows ${source}`)
  }
  for (const [name, sources] of csp) {
    if (sources.includes('*')) problems.push(`${name} allows *`)
    if (sources.includes("'unsafe-eval'")) problems.push(`${name} allows 'unsafe-eval'`)
  }
  return problems
}
