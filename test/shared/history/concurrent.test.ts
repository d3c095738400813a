import type * as Y from 'yjs'
import * as prng from 'lib0/prng'
import { describe, expect, test } from 'vitest'
import {
  addItem,
  addTeam,
  editItemText,
  getItemText,
  readSprint,
  removeItem,
  setItemStatus,
  type ItemView,
  type SprintView,
} from '../../../shared/doc'
import { exportTeam } from '../../../shared/markdown'
import { captureSprint, restoreCheckpoint } from '../../../shared/history'
import { Network, expectConverged, seedSprint } from '../../helpers/convergence'

/** Two synced peers with a team of three items (updates held until `sync()`). */
function twoPeers(seed = 7) {
  const net = new Network(2, prng.create(seed))
  seedSprint(net)
  const [a, b] = net.peers.map((p) => p.doc) as [Y.Doc, Y.Doc]
  addTeam(a, { id: 'web', name: 'Web' })
  addItem(a, { id: 'x', teamId: 'web', section: 'high', text: 'Untouched item' })
  addItem(a, { id: 'y', teamId: 'web', section: 'high', text: 'Item changed since' })
  addItem(a, { id: 'z', teamId: 'web', section: 'high', text: 'Item removed since' })
  net.settle()
  return { net, a, b, sync: (): SprintView => (net.settle(), expectConverged(net, seed)) }
}

const allTexts = (items: readonly ItemView[]): string[] =>
  items.flatMap((i) => [i.text, ...allTexts(i.children)])
const textsOf = (v: SprintView): string[] =>
  v.teams.flatMap((t) => t.sections.flatMap((s) => allTexts(s.items)))

describe('restore while others type', () => {
  test('typing in an item the restore does not touch survives', () => {
    const { a, b, sync } = twoPeers()
    const checkpoint = captureSprint(a)
    editItemText(a, { itemId: 'y', index: 0, remove: 4, insert: 'Task' })
    removeItem(a, { itemId: 'z' })
    sync()
    // A restores the team while B, not yet aware of it, types in x and in y.
    restoreCheckpoint(a, checkpoint.parts, { kind: 'team', teamId: 'web' })
    editItemText(b, { itemId: 'x', index: 14, remove: 0, insert: ' (typed by B)' })
    editItemText(b, { itemId: 'x', index: 0, remove: 0, insert: '» ' })
    const view = sync()
    expect(getItemText(a, 'x')?.toString()).toBe('» Untouched item (typed by B)')
    expect(textsOf(view)).toEqual([
      '» Untouched item (typed by B)',
      'Item changed since',
      'Item removed since',
    ])
  })

  test('typing after the restore (in a restored item) is kept too', () => {
    const { a, b, sync } = twoPeers()
    const checkpoint = captureSprint(a)
    editItemText(a, { itemId: 'y', index: 0, remove: 4, insert: 'Task' })
    sync()
    restoreCheckpoint(a, checkpoint.parts, { kind: 'team', teamId: 'web' })
    editItemText(b, { itemId: 'y', index: 18, remove: 0, insert: '!' })
    const view = sync()
    expect(textsOf(view)).toContain('Item changed since!')
  })

  test('two people restoring the same checkpoint at once bring a removed item back once', () => {
    const { a, b, sync } = twoPeers()
    const checkpoint = captureSprint(a)
    removeItem(a, { itemId: 'z' })
    setItemStatus(a, { itemId: 'x', status: 'checked' })
    sync()
    restoreCheckpoint(a, checkpoint.parts, { kind: 'team', teamId: 'web' })
    restoreCheckpoint(b, checkpoint.parts, { kind: 'team', teamId: 'web' })
    const view = sync()
    expect(textsOf(view)).toEqual(['Untouched item', 'Item changed since', 'Item removed since'])
    expect(exportTeam(a, 'web')).toBe(checkpoint.parts.find((p) => p.key === 'team:web')?.markdown)
  })

  test('restores and random edits on three peers converge (seeded)', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const gen = prng.create(seed)
      const net = new Network(3, gen)
      seedSprint(net)
      const first = net.peers[0]?.doc as Y.Doc
      addTeam(first, { id: 'web', name: 'Web' })
      for (let i = 0; i < 4; i++)
        addItem(first, { id: `i${i}`, teamId: 'web', section: 'high', text: `item ${i}` })
      net.settle()
      const checkpoints = [captureSprint(first)]
      for (let step = 0; step < 30; step++) {
        const peer = prng.oneOf(gen, net.peers)
        const view = readSprint(peer.doc)
        const items = view.teams.flatMap((t) => t.sections.flatMap((s) => s.items))
        const r = prng.uint32(gen, 0, 9)
        if (r < 2 && checkpoints.length > 0) {
          const c = prng.oneOf(gen, checkpoints)
          const scope = prng.bool(gen)
            ? ({ kind: 'sprint' } as const)
            : ({ kind: 'team', teamId: 'web' } as const)
          if (scope.kind === 'sprint' || view.teams.length > 0)
            restoreCheckpoint(peer.doc, c.parts, scope)
        } else if (r < 3) checkpoints.push(captureSprint(peer.doc))
        else if (r < 4 && items.length > 0)
          removeItem(peer.doc, { itemId: prng.oneOf(gen, items).id })
        else if (r < 6)
          addItem(peer.doc, {
            teamId: view.teams[0]?.id ?? 'web',
            section: 'high',
            text: prng.word(gen, 1, 5),
          })
        else if (items.length > 0) {
          const item = prng.oneOf(gen, items)
          editItemText(peer.doc, {
            itemId: item.id,
            index: 0,
            remove: 0,
            insert: prng.word(gen, 1, 3),
          })
        }
        if (prng.bool(gen)) net.deliverOne()
        if (prng.uint32(gen, 0, 9) === 0) net.disconnect(peer)
        if (prng.uint32(gen, 0, 9) === 0) net.reconnect(prng.oneOf(gen, net.peers))
      }
      net.settle()
      expectConverged(net, seed)
    }
  })
})
