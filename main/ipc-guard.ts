import { z } from 'zod'
import {
  channels,
  isChannel,
  type Channel,
  type ChannelRequest,
  type ChannelResponse,
} from '../shared/ipc/contract'
import { originOf } from './app-origin'

/** The parts of Electron's `WebFrameMain` the guard reads. */
export interface SenderFrame {
  readonly url: string
  readonly parent: SenderFrame | null
}

/** The parts of Electron's `IpcMainInvokeEvent` the guard reads. */
export interface InvokeEvent {
  readonly senderFrame: SenderFrame | null
}

/** The parts of Electron's `ipcMain` the helper uses. */
export interface IpcMainLike<E extends InvokeEvent> {
  handle(channel: string, listener: (event: E, ...args: unknown[]) => unknown): void
}

/** A handler of one channel: gets the validated request, returns the channel's response. */
export type Handler<C extends Channel, E extends InvokeEvent = InvokeEvent> = (
  request: ChannelRequest<C>,
  event: E,
) => ChannelResponse<C> | Promise<ChannelResponse<C>>

/** One handler per channel of the contract: a missing one fails to compile. */
export type Handlers<E extends InvokeEvent = InvokeEvent> = { [C in Channel]: Handler<C, E> }

/** Why a request was refused; its message reaches the renderer's rejected promise. */
export class IpcRefusedError extends Error {
  override name = 'IpcRefusedError'
}

/** Whom the guard trusts. */
export interface GuardOptions {
  /** Origins whose top frame may call (the app origin, plus the dev server in development). */
  trustedOrigins: readonly string[]
}

/**
 * Checks one invocation and returns its validated request, or throws {@link IpcRefusedError}:
 * unknown channel, a sender that is gone, a sub-frame, a foreign origin, or a request that fails
 * the channel's schema (the message names the failing fields).
 */
export function checkInvocation<C extends Channel>(
  channel: C | string,
  event: InvokeEvent,
  args: readonly unknown[],
  options: GuardOptions,
): ChannelRequest<C> {
  if (!isChannel(channel)) throw new IpcRefusedError(`IPC refused: unknown channel "${channel}"`)
  const frame = event.senderFrame
  if (frame === null)
    throw new IpcRefusedError(`IPC "${channel}" refused: the sender frame is gone`)
  if (frame.parent !== null) {
    throw new IpcRefusedError(`IPC "${channel}" refused: the sender is a sub-frame`)
  }
  const origin = originOf(frame.url)
  if (origin === null || !options.trustedOrigins.includes(origin)) {
    throw new IpcRefusedError(`IPC "${channel}" refused: foreign origin ${origin ?? frame.url}`)
  }
  if (args.length !== 1) {
    throw new IpcRefusedError(`IPC "${channel}" refused: expected one request, got ${args.length}`)
  }
  const parsed = channels[channel].safeParse(args[0])
  if (!parsed.success) {
    throw new IpcRefusedError(
      `IPC "${channel}" refused: invalid request: ${z.prettifyError(parsed.error).replace(/\n/g, ' ')}`,
    )
  }
  return parsed.data as ChannelRequest<C>
}

/**
 * The only way main registers an IPC handler: refuses channels outside the contract at
 * registration, then checks every invocation with {@link checkInvocation} before the handler runs.
 */
export function registerHandler<C extends Channel, E extends InvokeEvent>(
  ipcMain: IpcMainLike<E>,
  channel: C,
  handler: Handler<C, E>,
  options: GuardOptions,
): void {
  if (!isChannel(channel))
    throw new Error(`cannot register unknown IPC channel "${String(channel)}"`)
  ipcMain.handle(channel, async (event, ...args) => {
    const request = checkInvocation<C>(channel, event, args, options)
    return handler(request, event)
  })
}

/** Registers one handler for every channel of the contract through {@link registerHandler}. */
export function registerHandlers<E extends InvokeEvent>(
  ipcMain: IpcMainLike<E>,
  handlers: Handlers<E>,
  options: GuardOptions,
): void {
  for (const channel of Object.keys(handlers)) {
    if (!isChannel(channel)) throw new Error(`cannot register unknown IPC channel "${channel}"`)
    registerOne(ipcMain, channel, handlers, options)
  }
}

function registerOne<C extends Channel, E extends InvokeEvent>(
  ipcMain: IpcMainLike<E>,
  channel: C,
  handlers: Handlers<E>,
  options: GuardOptions,
): void {
  registerHandler(ipcMain, channel, handlers[channel], options)
}
