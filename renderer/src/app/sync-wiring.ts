import type { JoinInfo } from '../../../shared/sync'
import type { ExternalStore } from '../store/useY'
import type { OpenSprint } from '../store/open-sprint'
import type { SprintSync } from '../sync/sprint-sync'
import type { SettingsStore } from '../sync/sync-settings'
import { platform } from '../platform'

/** Which sync dialog is showing app-wide, if any. */
export type SyncDialog = { kind: 'join'; initialInput?: string } | { kind: 'settings' } | undefined

/**
 * The app's sync state: one {@link SprintSync} per open sprint (attached to it, so it is destroyed
 * with it), the join info of a sprint just fetched from its peers (consumed when that sprint
 * opens), and which sync dialog shows.
 */
export class SyncWiring {
  private readonly syncs = new WeakMap<OpenSprint, SprintSync>()
  private readonly pendingJoins = new Map<string, JoinInfo>()
  private dialog: SyncDialog = undefined
  private readonly listeners = new Set<() => void>()
  private syncClass: typeof SprintSync | undefined
  private loading: Promise<void> | undefined

  constructor(readonly settings: SettingsStore) {}

  /**
   * Loads the sync code (y-webrtc, the server provider, the guard: a chunk of their own, not
   * needed by the sprints list). The app awaits it before it shows a sprint.
   */
  prepare(): Promise<void> {
    this.loading ??= import('../sync/sprint-sync').then((m) => {
      this.syncClass = m.SprintSync
    })
    return this.loading
  }

  /** Runs once per open sprint: attaches its sync and rejoins (or joins) its room. */
  open(sprint: OpenSprint): void {
    const SprintSyncClass = this.syncClass
    if (!SprintSyncClass) throw new Error('SyncWiring.open before prepare() resolved')
    const sync = new SprintSyncClass(sprint.id, sprint.doc, platform, () =>
      this.settings.store.getSnapshot(),
    )
    this.syncs.set(sprint, sync)
    sprint.attach(sync)
    const unsubscribe = this.settings.store.subscribe(() => void sync.settingsChanged())
    sprint.attach({ destroy: () => void unsubscribe() })
    const join = this.pendingJoins.get(sprint.id)
    this.pendingJoins.delete(sprint.id)
    void (join ? sync.joined(join) : sync.resume())
  }

  /** The sync of an open sprint. */
  syncOf(sprint: OpenSprint): SprintSync | undefined {
    return this.syncs.get(sprint)
  }

  /** A sprint fetched from its peers was stored: connect it to its room when it opens. */
  expectJoin(sprintId: string, info: JoinInfo): void {
    this.pendingJoins.set(sprintId, info)
  }

  show(dialog: SyncDialog): void {
    this.dialog = dialog
    for (const l of [...this.listeners]) l()
  }

  readonly dialogStore: ExternalStore<SyncDialog> = {
    subscribe: (onChange) => {
      this.listeners.add(onChange)
      return () => this.listeners.delete(onChange)
    },
    getSnapshot: () => this.dialog,
  }
}
