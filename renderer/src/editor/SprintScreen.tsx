import { useCallback, useEffect, useState } from 'react'
import { addTeam } from '../../../shared/doc'
import { useExtensions } from '../app/extensions'
import { shortcutText } from '../app/keys'
import type { SprintRegistry } from '../store/registry'
import { ExportPanel } from '../export/ExportPanel'
import { SprintContext } from './sprint-context'
import { useOpenSprint } from './useOpenSprint'
import { useRegistrySync } from './useRegistrySync'
import { SprintHeader } from './SprintHeader'
import { GlobalPanel } from './GlobalPanel'
import { TeamList } from './TeamList'
import { HandlesDatalist } from './HandlesDatalist'
import type { OpenSprint } from '../store/open-sprint'
import { onAppCommand } from '../app/commands'
import { platform } from '../platform'
import { requestNextSprint } from '../app/pending'
import { navigate } from '../app/route'
import { useToast } from '../app/toast'
import { restoreAsCopy } from '../store/sprint-actions'
import { useBackupSnapshots } from '../platform/useBackupSnapshots'
import { RestoreBackupDialog } from '../platform/RestoreBackupDialog'
import type { ExportCommand } from '../export/ExportPanel'
import { ANNOUNCER_ID } from './announce'
import { ShortcutsDialog } from './ShortcutsDialog'
import { MoveItemDialog } from './MoveItemDialog'
import { onMoveDialogRequest } from './move-request'
import { focusAsap, keepFocusNear, teamNameField } from './focus'
import { focusWhereLeft, jumpSection, jumpTeam } from './jump'
import { whenTeamsRendered } from './progressive'
import { useRescueRemovedItem } from './useRescueRemovedItem'
import { SectionsDialog } from './SectionsDialog'
import { TeamJumpDialog } from './TeamJumpDialog'

/** Below this window width the export panel starts closed (it would sit under the teams). */
const WIDE_ENOUGH_FOR_EXPORT = 1200
import { HistoryDialog } from '../history/HistoryDialog'
import { historyOf } from '../history/recorder'
import { useHistoryRecorder } from '../history/useHistoryRecorder'
import { useRestoreNotices } from '../history/useRestoreNotices'
import { useKeepSummary } from '../overview/useKeepSummary'
import { MeetingScope } from '../meeting/MeetingScope'
import { MeetingBar } from '../meeting/MeetingBar'
import { MeetingColumn } from '../meeting/MeetingColumn'
import { useMeetingPanel } from '../meeting/useMeetingKeys'

/** Whether a key typed here is text (so `?` types a question mark rather than opening help). */
function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true
  return (
    target instanceof HTMLInputElement && !['checkbox', 'radio', 'button'].includes(target.type)
  )
}

interface Props {
  sprintId: string
  registry: SprintRegistry
  storage: string
  isPresenting: boolean
  onTogglePresenting: () => void
}

/** The sprint view: loads the sprint's document and shows the editor once it is loaded. */
export function SprintScreen(props: Props) {
  const extensions = useExtensions()
  const state = useOpenSprint(props.sprintId, extensions.onSprintOpen, extensions.prepareSprint)
  if (state.status === 'loading') {
    return (
      <main className="screen-message" aria-busy="true">
        Loading sprint…
      </main>
    )
  }
  if (state.status !== 'ready') {
    return (
      <main className="screen-message">
        <h1>
          {state.status === 'missing' ? 'This sprint is not on this device' : 'Could not open'}
        </h1>
        {state.status === 'error' && <p role="alert">{state.message}</p>}
        <a href="#/">Back to all sprints</a>
      </main>
    )
  }
  return (
    <SprintContext.Provider value={state.sprint}>
      <MeetingScope sprint={state.sprint}>
        <SprintEditor {...props} sprint={state.sprint} />
      </MeetingScope>
    </SprintContext.Provider>
  )
}

function SprintEditor(props: Props & { sprint: OpenSprint }) {
  const { sprint } = props
  const extensions = useExtensions()
  // In a narrow window the panel would leave the teams too little room: it starts closed there.
  const [isExportOpen, setExportOpen] = useState(() => window.innerWidth >= WIDE_ENOUGH_FOR_EXPORT)
  // Whether the panel was open when presenting began (leaving brings it back as it was).
  const [wasExportOpen, setWasExportOpen] = useState(false)
  const [selectedTeam, setSelectedTeam] = useState('')
  const [exportCommand, setExportCommand] = useState<ExportCommand | undefined>()
  const [isRestoreOpen, setRestoreOpen] = useState(false)
  const [isHelpOpen, setHelpOpen] = useState(false)
  const [isSectionsOpen, setSectionsOpen] = useState(false)
  const [isJumpOpen, setJumpOpen] = useState(false)
  const [isHistoryOpen, setHistoryOpen] = useState(false)
  const [movingItem, setMovingItem] = useState<string | undefined>()
  const meeting = useMeetingPanel()
  useEffect(() => onMoveDialogRequest(setMovingItem), [])
  // Arriving here from a dialog or a link leaves the focus on nothing: start where this user was
  // (unless they have put the focus somewhere by the time it is rendered).
  useEffect(() => focusWhereLeft(sprint.id), [sprint.id])
  const toast = useToast()
  useRescueRemovedItem(sprint, toast)
  useRegistrySync(sprint, props.registry)
  useHistoryRecorder(sprint, (err) =>
    toast.show({ message: `History not saved: ${String(err)}`, isError: true }),
  )
  useRestoreNotices(sprint, toast)
  useKeepSummary(sprint)
  useBackupSnapshots(sprint.doc, sprint.id, (err) =>
    toast.show({ message: `Backup failed: ${String(err)}`, isError: true }),
  )

  // Native menu commands and files opened from the OS, while this sprint is open.
  useEffect(
    () =>
      onAppCommand((c) => {
        const run = (command: ExportCommand): void => {
          setExportOpen(true)
          setExportCommand(command)
        }
        if (c.kind === 'file') {
          if ('bytes' in c.file) return false
          run({ kind: 'import', markdown: c.file.text, at: Date.now() })
        } else if (c.command === 'copyTeamComment') run({ kind: 'copy', at: Date.now() })
        else if (c.command === 'exportMarkdown') run({ kind: 'saveMarkdown', at: Date.now() })
        else if (c.command === 'toggleExportPanel') setExportOpen((x) => !x)
        else if (c.command === 'saveCopyAs') run({ kind: 'saveSprint', at: Date.now() })
        else if (c.command === 'importMarkdown')
          run({ kind: 'import', markdown: '', at: Date.now() })
        else if (c.command === 'restoreBackup') setRestoreOpen(true)
        else if (c.command === 'startNextSprint') {
          requestNextSprint(sprint.id)
          navigate({ screen: 'home' })
        } else return false
        return true
      }),
    [sprint],
  )

  /** A new, empty team at the end, with the focus in its name. */
  const addTeamAndFocus = useCallback((): void => {
    sprint.checkpoint()
    const id = addTeam(sprint.doc, { name: '' })
    // At once, not on the next frame: the name typed right after Ctrl+Shift+A goes into it.
    whenTeamsRendered(() => focusAsap(() => teamNameField(id)))
  }, [sprint])

  /**
   * Presenting gives the teams the whole width: the export panel closes (Ctrl/Cmd+E reopens it),
   * and comes back as it was when presenting ends.
   */
  const togglePresenting = useCallback((): void => {
    if (props.isPresenting) setExportOpen(wasExportOpen)
    else {
      setWasExportOpen(isExportOpen)
      setExportOpen(false)
    }
    props.onTogglePresenting()
  }, [props, isExportOpen, wasExportOpen])

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const isMod = e.ctrlKey || e.metaKey
      if (e.target instanceof Element && e.target.closest('dialog')) return
      if (e.defaultPrevented) return
      if (e.key === 'Escape' && props.isPresenting) {
        e.preventDefault()
        togglePresenting()
        return
      }
      if (e.key === 'F2' && !isMod && !e.altKey) {
        e.preventDefault()
        document.querySelector<HTMLElement>('input.sprint-title')?.focus()
        return
      }
      if (e.altKey && !isMod && (e.key === 'PageDown' || e.key === 'PageUp')) {
        e.preventDefault()
        const by = e.key === 'PageDown' ? 1 : -1
        const isTeam = e.shiftKey
        // The teams of a big sprint still rendering: the jump lands once they are there.
        whenTeamsRendered(() => (isTeam ? jumpTeam(by) : jumpSection(by)))
        return
      }
      if (
        (e.key === '?' && !isMod && !e.altKey && !isTextField(e.target)) ||
        (isMod && e.key === '/')
      ) {
        e.preventDefault()
        setHelpOpen(true)
        return
      }
      if (!isMod || e.altKey) return
      const key = e.key.toLowerCase()
      if (key === 'z' || key === 'y') {
        // Our own undo, never the text field's: it reverts only this user's changes.
        e.preventDefault()
        keepFocusNear(() => {
          if (key === 'y' || e.shiftKey) sprint.undo.redo()
          else sprint.undo.undo()
        })
      } else if (key === 'e' && !e.shiftKey) {
        e.preventDefault()
        setExportOpen((x) => !x)
      } else if (key === 'e') {
        // As the menu's Export Markdown…: save the selected team's comment as .md.
        e.preventDefault()
        setExportOpen(true)
        setExportCommand({ kind: 'saveMarkdown', at: Date.now() })
      } else if (key === 'c' && e.shiftKey) {
        // Copy the team comment, whether the export panel is open or not.
        e.preventDefault()
        setExportOpen(true)
        setExportCommand({ kind: 'copy', at: Date.now() })
      } else if (key === 'k' && !e.shiftKey) {
        e.preventDefault()
        setJumpOpen(true)
      } else if (key === 'p' && e.shiftKey) {
        e.preventDefault()
        togglePresenting()
      } else if (key === 'a' && e.shiftKey) {
        e.preventDefault()
        // Not on the "written by a newer Sprintpad" screen (nothing may change it), one team per press.
        if (sprint.isSupported && !e.repeat) addTeamAndFocus()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [sprint, togglePresenting, addTeamAndFocus, props.isPresenting])

  if (!sprint.isSupported) {
    return (
      <main className="screen-message">
        <h1>This sprint was written by a newer Sprintpad</h1>
        <p>Update Sprintpad to open it. Nothing was changed.</p>
        <a href="#/">Back to all sprints</a>
      </main>
    )
  }
  return (
    <div
      className={`sprint-layout${isExportOpen ? ' with-export' : ''}${meeting.isOpen ? ' with-meeting' : ''}`}
    >
      <SprintHeader
        storage={props.storage}
        headerExtras={extensions.headerExtras?.(sprint)}
        isExportOpen={isExportOpen}
        onToggleExport={() => setExportOpen((x) => !x)}
        isPresenting={props.isPresenting}
        onTogglePresenting={togglePresenting}
        onShowShortcuts={() => setHelpOpen(true)}
        onImport={() => {
          setExportOpen(true)
          setExportCommand({ kind: 'import', markdown: '', at: Date.now() })
        }}
        onEditSections={() => {
          // The sections as they were stay in the history.
          void historyOf(sprint.doc)?.checkpoint('sections')
          setSectionsOpen(true)
        }}
        onShowHistory={() => setHistoryOpen(true)}
        onShowOverview={() => navigate({ screen: 'overview', sprintId: sprint.id })}
        isMeetingOpen={meeting.isOpen}
        onToggleMeeting={meeting.toggle}
      />
      {meeting.isOpen && <MeetingColumn onClose={meeting.close} />}
      <main
        className="sprint-main"
        onFocus={(e) => {
          const team = (e.target as HTMLElement).closest<HTMLElement>('[data-team-id]')
          if (team?.dataset.teamId && team.dataset.teamId !== selectedTeam)
            setSelectedTeam(team.dataset.teamId)
        }}
        onDragOver={(e) => {
          if (e.dataTransfer.types.includes('Files')) e.preventDefault()
        }}
        onDrop={(e) => {
          if (e.dataTransfer.files.length === 0) return
          // A .md file dropped on a team: import it into that team (after a look in the dialog).
          e.preventDefault()
          const teamId = (e.target as HTMLElement).closest<HTMLElement>('[data-team-id]')?.dataset
            .teamId
          if (teamId) setSelectedTeam(teamId)
          void platform.readDroppedFiles(e.dataTransfer.files).then(({ files }) => {
            const md = files.find((f) => 'text' in f)
            if (md && 'text' in md) {
              setExportOpen(true)
              setExportCommand({ kind: 'import', markdown: md.text, at: Date.now(), teamId })
            } else toast.show({ message: 'Drop a Markdown (.md) file to import it', isError: true })
          })
        }}
      >
        <MeetingBar isAgendaOpen={meeting.isOpen} onToggleAgenda={meeting.toggle} />
        <GlobalPanel />
        <TeamList />
        <button
          type="button"
          className="add-team"
          title={`Add a team (${shortcutText('Mod+Shift+A')})`}
          onClick={addTeamAndFocus}
        >
          + Add team
        </button>
      </main>
      {isExportOpen && (
        <div id="export-panel" className="export-column">
          <ExportPanel
            selectedTeamId={selectedTeam}
            onSelectTeam={setSelectedTeam}
            command={exportCommand}
          />
        </div>
      )}
      <HandlesDatalist />
      <div id={ANNOUNCER_ID} className="visually-hidden" role="status" aria-live="polite" />
      {isHelpOpen && <ShortcutsDialog onClose={() => setHelpOpen(false)} />}
      {movingItem && (
        <MoveItemDialog itemId={movingItem} onClose={() => setMovingItem(undefined)} />
      )}
      {isSectionsOpen && <SectionsDialog onClose={() => setSectionsOpen(false)} />}
      {isJumpOpen && (
        <TeamJumpDialog
          myHandle={extensions.myHandle?.() ?? ''}
          onClose={() => setJumpOpen(false)}
        />
      )}
      {isHistoryOpen && <HistoryDialog onClose={() => setHistoryOpen(false)} />}
      {isRestoreOpen && (
        <RestoreBackupDialog
          sprintId={sprint.id}
          onClose={() => setRestoreOpen(false)}
          onRestore={async (bytes) => {
            const entry = await restoreAsCopy(props.registry, bytes)
            setRestoreOpen(false)
            navigate({ screen: 'sprint', sprintId: entry.id })
          }}
        />
      )}
    </div>
  )
}
