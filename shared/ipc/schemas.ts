import { z } from 'zod'

/**
 * Building blocks of the IPC request schemas. Every limit here is enforced in main before a
 * handler runs, so a compromised or buggy renderer cannot make main write huge files or reach
 * outside the folders it owns.
 */

/** Largest file (Markdown or .sprintpad) that crosses the bridge: 64 MiB. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024

/** Largest Markdown text that crosses the bridge, in UTF-16 code units. */
export const MAX_TEXT_LENGTH = 32 * 1024 * 1024

/**
 * A sprint id as produced by `newId()` (or any short URL-safe id). It names a folder in the
 * user-data directory, so anything else (dots, slashes) is refused.
 */
export const sprintIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'a sprint id is 1–64 letters, digits, "_" or "-"')

/** A file name offered to the save dialog: no folders, no control characters. */
export const suggestedNameSchema = z
  .string()
  .min(1)
  .max(200)
  .refine((name) => !/[/\\\p{Cc}]/u.test(name), 'a suggested name has no "/", "\\" or controls')

/** File contents as bytes, bounded by {@link MAX_FILE_BYTES}. */
export const bytesSchema = z
  .custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected bytes (a Uint8Array)')
  .refine((bytes) => bytes.byteLength <= MAX_FILE_BYTES, 'file is larger than 64 MiB')

/** Markdown text, bounded by {@link MAX_TEXT_LENGTH}. */
export const textSchema = z.string().max(MAX_TEXT_LENGTH)

/**
 * An absolute path: one main handed out (recent documents), or the path the preload got from
 * `webUtils.getPathForFile` for a dropped `File`. Main checks it again before reading.
 */
export const pathSchema = z.string().min(1).max(4096)

/**
 * A backup id as returned by `backup:list`: `<sprintId>/<createdAt ms>-<sha256 prefix>`. Main
 * parses it again; the pattern keeps it from naming anything outside the backup folder.
 */
export const backupIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}\/\d{1,16}-[0-9a-f]{16}$/, 'not a backup id')

/** A request that carries no arguments. */
export const emptySchema = z.object({}).strict()
