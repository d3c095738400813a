import { Fragment } from 'react'
import type { MarkdownDiff } from '../../../shared/history'

const MARK = { add: '+', remove: '-', context: ' ' } as const
const SAID = { add: 'Added: ', remove: 'Removed: ', context: '' } as const

/**
 * A Markdown diff the way a reviewer reads it on GitHub: hunks headed `@@ -a,b +c,d @@`, old and
 * new line numbers, added lines green and removed lines red, each also marked `+` / `-` (and
 * said "Added" / "Removed" to screen readers), so colour is never the only cue.
 */
export function DiffView({ diff, label }: { diff: MarkdownDiff; label: string }) {
  return (
    <table className="diff" aria-label={label}>
      <thead className="visually-hidden">
        <tr>
          <th scope="col">Line before</th>
          <th scope="col">Line after</th>
          <th scope="col">Text</th>
        </tr>
      </thead>
      <tbody>
        {diff.hunks.map((h, hi) => (
          <Fragment key={hi}>
            <tr className="diff-hunk">
              <td colSpan={3}>{h.header}</td>
            </tr>
            {h.lines.map((l, i) => (
              <tr key={i} className={`diff-${l.kind}`}>
                <td className="diff-ln">{l.oldLine ?? ''}</td>
                <td className="diff-ln">{l.newLine ?? ''}</td>
                <td className="diff-code">
                  <span className="diff-mark" aria-hidden="true">
                    {MARK[l.kind]}
                  </span>
                  {SAID[l.kind] && <span className="visually-hidden">{SAID[l.kind]}</span>}
                  {l.text}
                </td>
              </tr>
            ))}
          </Fragment>
        ))}
      </tbody>
    </table>
  )
}
