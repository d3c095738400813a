import { useEffect, useState } from 'react'
import { getTemplate, defaultTemplate } from '../../../shared/template'
import { useStore } from '../store/useY'
import type { SprintEntry, SprintRegistry } from '../store/registry'
import {
  createNewSprint,
  createNextSprint,
  deleteSprintData,
  duplicateSprint,
  importIssueAsSprint,
  openSprintFile,
  renameSprint,
} from '../store/lazy-actions'
import { onAppCommand } from '../app/commands'
import { clearPendingNextSprint, peekPendingNextSprint } from '../app/pending'
import { addDays, nextMonday } from '../app/dates'
import { navigate } from '../app/route'
import { pickSprintFile } from '../app/native'
import { importedMessage, useToast } from '../app/toast'
import { errorText } from '../platform/errors'
import { useExtensions } from '../app/extensions'
import { NewSprintDialog, type NewSprintValues } from './NewSprintDialog'
import { SprintRow } from './SprintRow'
import { onToolbarKeyDown } from '../app/toolbar-keys'
import { focusSoon } from '../editor/focus'

type Dialog =
  { kind: 'new' } | { kind: 'import'; markdown?: string } | { kind: 'next'; from: SprintEntry }

interface Props {
  registry: SprintRegistry
  storage: string
}

/**
 * When a new sprint should start at the earliest: today, or the day after the latest sprint on
 * this device ends, so the proposed dates do not repeat a sprint that exists.
 */
function afterLatest(sprints: readonly SprintEntry[]): Date {
  const today = new Date()
  const latest = sprints.map((s) => s.endDate).reduce((a, b) => (b > a ? b : a), '')
  if (!/^\d{4}-\d{2}-\d{2}$/.test(latest)) return today
  const next = new Date(`${addDays(latest, 1)}T12:00:00`)
  return next > today ? next : today
}

/** Home: every sprint on this device, newest first, and the ways to make a new one. */
export function HomeScreen({ registry, storage }: Props) {
  const sprints = useStore(registry.store)
  const extensions = useExtensions()
  const toast = useToast()
  const [dialog, setDialog] = useState<Dialog | undefined>(() => {
    // "Start next sprint" chosen while a sprint was open.
    const id = peekPendingNextSprint()
    const from = id ? registry.get(id) : undefined
    return from ? { kind: 'next', from } : undefined
  })
  useEffect(() => clearPendingNextSprint(), [])
  const open = (e: SprintEntry): void => navigate({ screen: 'sprint', sprintId: e.id })
  const fail = (what: string) => (err: unknown) =>
    toast.show({
      message: `${what}: ${errorText(err)}`,
      isError: true,
    })

  // Native menu commands and files opened from the OS, while the sprints list shows.
  useEffect(
    () =>
      onAppCommand((c) => {
        if (c.kind === 'file') {
          if ('bytes' in c.file) {
            void openSprintFile(registry, c.file.bytes).then(open, fail('Could not open the file'))
          } else setDialog({ kind: 'import', markdown: c.file.text })
          return true
        }
        const newest = registry.store.getSnapshot()[0]
        if (c.command === 'newSprint') setDialog({ kind: 'new' })
        else if (c.command === 'importMarkdown') setDialog({ kind: 'import' })
        else if (c.command === 'startNextSprint' && newest)
          setDialog({ kind: 'next', from: newest })
        else if (c.command === 'openSprint') {
          void pickSprintFile()
            .then(async (f) => {
              if (f) open(await openSprintFile(registry, f.bytes))
            })
            .catch(fail('Could not open the file'))
        } else return false
        return true
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [registry],
  )

  const submit = async (v: NewSprintValues): Promise<void> => {
    const template = getTemplate(v.templateId) ?? defaultTemplate()
    const args = { title: v.title, startDate: v.startDate, endDate: v.endDate, template }
    if (dialog?.kind === 'next') open(await createNextSprint(registry, dialog.from.id, args))
    else if (dialog?.kind === 'import') {
      const { entry, warnings } = await importIssueAsSprint(registry, {
        ...args,
        markdown: v.markdown,
      })
      if (warnings.length > 0)
        toast.show({
          message: importedMessage('Issue imported', warnings),
        })
      open(entry)
    } else open(await createNewSprint(registry, args))
    setDialog(undefined)
  }

  const rowLink = (id: string | undefined) => () =>
    id === undefined
      ? undefined
      : document.querySelector<HTMLElement>(`[data-sprint-id="${CSS.escape(id)}"] .sprint-link`)

  const remove = (e: SprintEntry): void => {
    // The focus goes to the next sprint (or the one before), else to New sprint.
    const list = registry.store.getSnapshot()
    const i = list.findIndex((x) => x.id === e.id)
    const near = (list[i + 1] ?? list[i - 1])?.id
    void registry.markDeleted(e.id)
    focusSoon(() => rowLink(near)() ?? document.querySelector<HTMLElement>('.home .primary'))
    toast.show({
      message: `Deleted “${e.title}”`,
      action: {
        label: 'Undo',
        run: () => {
          void registry.restore(e.id)
          focusSoon(rowLink(e.id))
        },
      },
      onExpire: () => void deleteSprintData(e.id).then(() => registry.remove(e.id)),
    })
  }

  return (
    <div className="home">
      <header className="home-header">
        <h1 className="brand">
          <span className="brand-mark" aria-hidden="true">
            ◧
          </span>
          Sprintpad
        </h1>
        <span className="storage-state">{storage}</span>
        <div className="toolbar" role="toolbar" aria-label="Sprints" onKeyDown={onToolbarKeyDown}>
          {extensions.homeActions}
          <button
            type="button"
            disabled={sprints.length === 0}
            onClick={() => navigate({ screen: 'overview' })}
          >
            Overview
          </button>
          <button
            type="button"
            onClick={() =>
              void pickSprintFile()
                .then(async (f) => {
                  if (f) open(await openSprintFile(registry, f.bytes))
                })
                .catch(fail('Could not open the file'))
            }
          >
            Open .sprintpad…
          </button>
          <button type="button" onClick={() => setDialog({ kind: 'import' })}>
            Import issue…
          </button>
          <button type="button" className="primary" onClick={() => setDialog({ kind: 'new' })}>
            New sprint
          </button>
        </div>
      </header>
      <main className="home-main">
        <h2 className="visually-hidden">Sprints on this device</h2>
        {!registry.loaded ? (
          <p className="empty-hint">Loading…</p>
        ) : sprints.length === 0 ? (
          <div className="empty-state">
            <p>No sprints on this device yet.</p>
            <button type="button" className="primary" onClick={() => setDialog({ kind: 'new' })}>
              Create the first sprint
            </button>
          </div>
        ) : (
          <ul className="sprint-list" aria-label="Sprints">
            {sprints.map((e) => (
              <SprintRow
                key={e.id}
                entry={e}
                onOpen={() => open(e)}
                onNext={() => setDialog({ kind: 'next', from: e })}
                onRename={(title) =>
                  renameSprint(registry, e.id, title).catch(fail('Rename failed'))
                }
                onDuplicate={() =>
                  void duplicateSprint(registry, e.id, `${e.title} (copy)`).catch(
                    fail('Duplicate failed'),
                  )
                }
                onDelete={() => remove(e)}
              />
            ))}
          </ul>
        )}
      </main>
      {dialog && (
        <NewSprintDialog
          heading={
            dialog.kind === 'next'
              ? `Start the sprint after “${dialog.from.title}”`
              : dialog.kind === 'import'
                ? 'New sprint from an issue body'
                : 'New sprint'
          }
          submitLabel={
            dialog.kind === 'next'
              ? 'Start sprint'
              : dialog.kind === 'import'
                ? 'Import'
                : 'Create sprint'
          }
          startDate={
            dialog.kind === 'next' && dialog.from.endDate
              ? nextMonday(new Date(`${addDays(dialog.from.endDate, 1)}T12:00:00`))
              : nextMonday(afterLatest(sprints))
          }
          hasTemplatePicker={dialog.kind !== 'next'}
          hasMarkdown={dialog.kind === 'import'}
          initialMarkdown={dialog.kind === 'import' ? (dialog.markdown ?? '') : ''}
          onSubmit={submit}
          onClose={() => setDialog(undefined)}
        />
      )}
    </div>
  )
}
