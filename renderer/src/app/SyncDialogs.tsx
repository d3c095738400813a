import { lazy, Suspense, useEffect, useRef, useSyncExternalStore } from 'react'
import { platform } from '../platform'
import type { SprintRegistry } from '../store/registry'
import { storeSprintUpdate } from '../store/lazy-actions'
import { SyncSettingsForm } from '../sync/SyncSettingsForm'
import { navigate } from './route'
import { useToast } from './toast'
import type { SyncWiring } from './sync-wiring'

/** Joining fetches a sprint over y-webrtc or the server: a chunk of its own, loaded when opened. */
const JoinDialog = lazy(() => import('../sync/JoinDialog').then((m) => ({ default: m.JoinDialog })))

/**
 * The app-wide sync dialogs: "Join a sprint" (also opened by a `sprintpad://join/…` link the OS
 * hands to the app) and the sync settings (name, colour, handle, signaling and ICE servers).
 */
export function SyncDialogs(props: { wiring: SyncWiring; registry: SprintRegistry }) {
  const { wiring, registry } = props
  const dialog = useSyncExternalStore(wiring.dialogStore.subscribe, wiring.dialogStore.getSnapshot)
  const settings = useSyncExternalStore(
    wiring.settings.store.subscribe,
    wiring.settings.store.getSnapshot,
  )
  const toast = useToast()
  const ref = useRef<HTMLDialogElement>(null)

  useEffect(
    () => platform.onOpenLink((url) => wiring.show({ kind: 'join', initialInput: url })),
    [wiring],
  )
  useEffect(() => {
    const d = ref.current
    if (d && dialog && !d.open) d.showModal()
  }, [dialog])

  if (!dialog) return null
  // Closing the native dialog gives the focus back to what opened it; its close event unmounts.
  const close = (): void => ref.current?.close()
  return (
    <dialog ref={ref} className="dialog sync-dialog" onClose={() => wiring.show(undefined)}>
      {dialog.kind === 'join' ? (
        <Suspense fallback={<p aria-busy="true">Loading…</p>}>
          <JoinDialog
            key={dialog.initialInput ?? ''}
            initialInput={dialog.initialInput}
            settings={settings}
            onClose={close}
            onSaveUser={(user) => wiring.settings.save({ ...settings, user })}
            onJoined={(fetched, info) => {
              storeSprintUpdate(registry, fetched.update).then(
                (entry) => {
                  wiring.expectJoin(entry.id, info)
                  close()
                  navigate({ screen: 'sprint', sprintId: entry.id })
                },
                (err: unknown) =>
                  toast.show({
                    message: `Could not store the shared sprint: ${err instanceof Error ? err.message : String(err)}`,
                    isError: true,
                  }),
              )
            }}
          />
        </Suspense>
      ) : (
        <section aria-label="Sync settings">
          <h2>Sync settings</h2>
          <SyncSettingsForm
            settings={settings}
            onCancel={close}
            onSave={(s) => {
              wiring.settings.save(s)
              close()
            }}
          />
        </section>
      )}
    </dialog>
  )
}
