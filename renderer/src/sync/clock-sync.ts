import type { Awareness } from 'y-protocols/awareness'
import { presenceStateSchema } from '../../../shared/sync'
import { estimateOffset, withSample, type ClockSample } from '../../../shared/meeting'
import type { ExternalStore } from '../store/useY'

/** A new estimate is published only when it moved by more than this (ms): no render per heartbeat. */
const REPUBLISH_MS = 40

/**
 * How far each other device's clock is from ours, from the presence states as they arrive: each
 * carries its sender's clock (`clock`), and y-protocols notes when we heard it (`lastUpdated`, our
 * clock). Estimates stay for devices that left (a meeting timer one of them started is still read
 * on its clock). See `shared/meeting/clock.ts`.
 */
export class ClockSync {
  private readonly samples = new Map<string, ClockSample[]>()
  private offsets: ReadonlyMap<string, number> = new Map()
  private readonly listeners = new Set<() => void>()

  constructor(private readonly awareness: Awareness) {
    awareness.on('update', this.onUpdate)
  }

  destroy(): void {
    this.awareness.off('update', this.onUpdate)
    this.listeners.clear()
  }

  /** Offsets (ms to add to our clock to read theirs), by device id. */
  readonly store: ExternalStore<ReadonlyMap<string, number>> = {
    subscribe: (onChange) => {
      this.listeners.add(onChange)
      return () => this.listeners.delete(onChange)
    },
    getSnapshot: () => this.offsets,
  }

  private readonly onUpdate = (
    change: { added: number[]; updated: number[] },
    origin: unknown,
  ): void => {
    if (origin === 'local') return
    let next: Map<string, number> | undefined
    for (const clientId of [...change.added, ...change.updated]) {
      if (clientId === this.awareness.clientID) continue
      const state = presenceStateSchema.safeParse(this.awareness.states.get(clientId)).data
      const heardAt = this.awareness.meta.get(clientId)?.lastUpdated
      if (state?.device === undefined || state.clock === undefined || heardAt === undefined)
        continue
      const list = withSample(this.samples.get(state.device) ?? [], {
        remote: state.clock,
        local: heardAt,
      })
      this.samples.set(state.device, list)
      const estimate = estimateOffset(list)
      const prev = this.offsets.get(state.device)
      if (estimate === undefined) continue
      if (prev === undefined || Math.abs(prev - estimate) > REPUBLISH_MS) {
        next ??= new Map(this.offsets)
        next.set(state.device, estimate)
      }
    }
    if (!next) return
    this.offsets = next
    for (const l of [...this.listeners]) l()
  }
}
