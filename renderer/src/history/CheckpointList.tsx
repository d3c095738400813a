import type { HistoryEntry } from './history-model'
import { REASON_WORDS, checkpointTime } from './history-words'

interface Props {
  entries: readonly HistoryEntry[]
  selected: number
  onSelect: (index: number) => void
}

/** Everyone who changed something in an entry, most active first. */
function peopleOf(entry: HistoryEntry): string[] {
  const changes = new Map<string, number>()
  for (const list of Object.values(entry.authors))
    for (const a of list) changes.set(a.name, (changes.get(a.name) ?? 0) + a.changes)
  return [...changes].sort((a, b) => b[1] - a[1]).map(([name]) => name)
}

/** The checkpoints as a list of buttons, newest first; the selected one is marked current. */
export function CheckpointList({ entries, selected, onSelect }: Props) {
  return (
    <nav className="history-list" aria-label="Checkpoints">
      <ol>
        {entries.map((e, i) => {
          const people = peopleOf(e)
          return (
            <li key={e.id}>
              <button
                type="button"
                aria-current={i === selected ? 'true' : undefined}
                onClick={() => onSelect(i)}
              >
                <span className="cp-time">{e.reason === 'now' ? 'Now' : checkpointTime(e.at)}</span>
                <span className="cp-reason">
                  {e.reason === 'now' ? 'Not yet in a checkpoint' : REASON_WORDS[e.reason]}
                </span>
                {people.length > 0 && <span className="cp-people">{people.join(', ')}</span>}
              </button>
            </li>
          )
        })}
      </ol>
    </nav>
  )
}
