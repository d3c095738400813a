import type { Peer } from '../../../shared/sync'

/** The others editing an item (not me). */
export function editorsOf(peers: readonly Peer[], itemId: string): Peer[] {
  return peers.filter((p) => !p.isSelf && p.editing === itemId)
}

/**
 * Marks an item someone else is editing with their colour and name. Render it next to the item
 * (the row can also take the first editor's colour as an outline).
 */
export function ItemEditors(props: { peers: readonly Peer[]; itemId: string }) {
  const editors = editorsOf(props.peers, props.itemId)
  if (editors.length === 0) return null
  return (
    <span
      className="item-editors"
      aria-label={`Being edited by ${editors.map((p) => p.user.name).join(', ')}`}
    >
      {editors.map((p) => (
        <span
          key={p.clientId}
          className="item-editor"
          style={{ borderColor: p.user.color, color: p.user.color }}
        >
          {p.user.name}
        </span>
      ))}
    </span>
  )
}
