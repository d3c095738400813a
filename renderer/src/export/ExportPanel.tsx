import { shortcutText } from '../app/keys'
import { useCallback, useEffect, useId, useRef, useState } from 'react'
import type * as Y from 'yjs'
import { exportIssue, exportTeam } from '../../../shared/markdown'
import { encodeSprintFile } from '../../../shared/file'
import { countRender } from '../app/render-count'
import { copyText, saveMarkdown, saveSprintFile } from '../app/native'
import { useToast } from '../app/toast'
import { useSprint } from '../editor/sprint-context'
import { useMeta, useTeamIds } from '../editor/useDoc'
import { usePreview } from './usePreview'
import { slug, teamSlug } from './file-names'
import { TeamOption } from './TeamOption'
import { ImportDialog } from './ImportDialog'

type Kind = 'team' | 'issue'

/** Something the native menu asked the panel to do (`at` makes each request distinct). */
export type ExportCommand =
  | { kind: 'copy' | 'saveMarkdown' | 'saveSprint'; at: number }
  /** `teamId`: the team a file was dropped on (else the comment goes to the team it names). */
  | { kind: 'import'; markdown: string; at: number; teamId?: string }

interface Props {
  selectedTeamId: string
  onSelectTeam: (teamId: string) => void
  command?: ExportCommand
}

/**
 * The export panel: a live preview of exactly what the exporter produces for the selected team's
 * comment or for the issue body, with copy (Ctrl/Cmd+Shift+C), save as .md and save .sprintpad.
 */
export function ExportPanel({ selectedTeamId, onSelectTeam, command }: Props) {
  countRender('ExportPanel')
  const sprint = useSprint()
  const meta = useMeta()
  const teamIds = useTeamIds()
  const toast = useToast()
  const [kind, setKind] = useState<Kind>('team')
  const [importing, setImporting] = useState<{ text: string; teamId: string } | undefined>()
  const selectId = useId()
  const teamId = teamIds.includes(selectedTeamId) ? selectedTeamId : (teamIds[0] ?? '')
  const effectiveKind: Kind = teamId ? kind : 'issue'
  const compute = useCallback(
    (doc: Y.Doc) => (effectiveKind === 'team' ? exportTeam(doc, teamId) : exportIssue(doc)),
    [effectiveKind, teamId],
  )
  const markdown = usePreview(sprint.doc, compute, { isFirstDeferred: true })

  // Copy and save export afresh: the preview may lag the last keystroke by a moment.
  const fresh = useCallback(() => compute(sprint.doc), [compute, sprint.doc])
  const copy = useCallback(async () => {
    try {
      await copyText(fresh())
      const what = effectiveKind === 'team' ? 'as a GitHub comment' : 'the issue body'
      toast.show({ message: `Copied ${what}` }, 3000)
    } catch (err) {
      toast.show({ message: `Copy failed: ${String(err)}`, isError: true })
    }
  }, [effectiveKind, fresh, toast])

  const base = slug(meta.title)
  const saveMd = useCallback(
    () =>
      void saveMarkdown({
        // Each team's comment gets its own file: saving several teams overwrites nothing.
        suggestedName: `${base}${effectiveKind === 'team' ? `-${teamSlug(sprint.doc, teamId)}` : ''}.md`,
        text: fresh(),
      }),
    [base, effectiveKind, fresh, sprint.doc, teamId],
  )
  const saveSprint = useCallback(
    () =>
      void saveSprintFile({
        suggestedName: `${base}.sprintpad`,
        bytes: encodeSprintFile(sprint.doc),
      }),
    [base, sprint.doc],
  )

  // Each menu command runs once, even when the callbacks change afterwards.
  const handled = useRef(0)
  useEffect(() => {
    if (!command || command.at === handled.current) return
    handled.current = command.at
    if (command.kind === 'import') {
      const next = { text: command.markdown, teamId: command.teamId ?? '' }
      // Opening the dialog is what the command asks for: a response to an external event.
      queueMicrotask(() => setImporting(next))
    } else if (command.kind === 'copy') void copy()
    else if (command.kind === 'saveMarkdown') saveMd()
    else saveSprint()
  }, [command, copy, saveMd, saveSprint])

  return (
    <aside className="export-panel" aria-label="Export">
      <header className="export-header">
        <h2>Export</h2>
        <div className="segmented" role="radiogroup" aria-label="What to export">
          {(['team', 'issue'] as const).map((k) => (
            <button
              key={k}
              type="button"
              role="radio"
              aria-checked={effectiveKind === k}
              disabled={k === 'team' && !teamId}
              onClick={() => setKind(k)}
            >
              {k === 'team' ? 'Team comment' : 'Issue body'}
            </button>
          ))}
        </div>
      </header>
      {effectiveKind === 'team' && (
        <div className="field-row">
          <label htmlFor={selectId} className="field-label">
            Team
          </label>
          <select
            id={selectId}
            className="field-input"
            value={teamId}
            onChange={(e) => onSelectTeam(e.target.value)}
          >
            {teamIds.map((id) => (
              <TeamOption key={id} teamId={id} />
            ))}
          </select>
        </div>
      )}
      <pre className="markdown-preview" aria-label="Markdown preview" tabIndex={0}>
        {markdown}
      </pre>
      <div className="export-actions">
        <button type="button" className="primary" onClick={() => void copy()}>
          {effectiveKind === 'team' ? 'Copy as GitHub comment' : 'Copy issue body'}{' '}
          <kbd>{shortcutText('Mod+Shift+C')}</kbd>
        </button>
        <button type="button" onClick={saveMd}>
          Save as .md
        </button>
        <button type="button" onClick={saveSprint}>
          Save .sprintpad
        </button>
        <button type="button" onClick={() => setImporting({ text: '', teamId: '' })}>
          Import comment…
        </button>
      </div>
      {importing !== undefined && (
        <ImportDialog
          initialText={importing.text}
          defaultTeamId={importing.teamId}
          onClose={() => setImporting(undefined)}
          onImported={(id) => onSelectTeam(id)}
        />
      )}
    </aside>
  )
}
