import { describe, expect, it } from 'vitest'
import { describeReach, signalingHosts } from '../../../renderer/src/sync/share-reach'

describe('what the share panel promises', () => {
  it('in a browser with no signaling server, promises nothing and asks for one', () => {
    const r = describeReach({ canServeLan: false, signaling: [], hasIceServers: true })
    expect(r.canShare).toBe(false)
    expect(r.text).toMatch(/add a signaling server in Sync settings/)
    expect(r.text).not.toMatch(/edit this sprint/)
  })

  it('on the desktop, promises the same network only (no ICE servers)', () => {
    const r = describeReach({
      canServeLan: true,
      signaling: ['wss://signal.example.org'],
      hasIceServers: false,
    })
    expect(r).toEqual({
      canShare: true,
      text: expect.stringMatching(/^People on your network can join with the link or code/),
    })
  })

  it('names the signaling server a browser is found through, and reaches further with ICE', () => {
    const lan = describeReach({
      canServeLan: false,
      signaling: ['wss://signal.example.org/x'],
      hasIceServers: false,
    })
    expect(lan.text).toMatch(/^People on your network, through signal\.example\.org, can join/)
    const far = describeReach({
      canServeLan: true,
      signaling: ['wss://signal.example.org', 'ws://10.0.0.2:4444'],
      hasIceServers: true,
    })
    expect(far.text).toMatch(
      /^People on your network, and anyone who can reach signal\.example\.org and 1 more, can/,
    )
  })

  it('shows a host name, or the text when it is not a URL', () => {
    expect(signalingHosts([])).toBe('')
    expect(signalingHosts(['ws://10.0.0.2:4444'])).toBe('10.0.0.2:4444')
    expect(signalingHosts(['not a url'])).toBe('not a url')
  })
})
