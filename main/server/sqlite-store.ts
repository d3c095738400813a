import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { mergeUpdates, type StoreStats, type SprintStore } from './store'

/**
 * The embedded store: one SQLite file (`<dir>/sprintpad.sqlite3`) through better-sqlite3, in WAL
 * mode. Appends made in one turn of the event loop are committed together in one transaction
 * (group commit: one write to the file instead of one per keystroke, which matters when the disk
 * is busy), and each append resolves only after that commit, so an update has reached the
 * database file (the OS's page cache) before the server applies and acknowledges it: it
 * survives the server process being killed. `synchronous=NORMAL` does not wait for the disk at
 * each commit; after a power cut or an OS crash the last moments may be lost (they are still on
 * the laptops that made them and come back on their next sync).
 */
export class SqliteStore implements SprintStore {
  readonly description: string
  private readonly path: string
  private db: BetterSqlite3.Database | undefined
  private statements:
    | {
        append: BetterSqlite3.Statement<[string, Uint8Array]>
        snapshot: BetterSqlite3.Statement<[string], { snapshot: Buffer }>
        log: BetterSqlite3.Statement<[string], { id: number; data: Buffer }>
        upsert: BetterSqlite3.Statement<[string, Uint8Array, number]>
        drop: BetterSqlite3.Statement<[string, number]>
      }
    | undefined

  private pending: { name: string; update: Uint8Array; done: (err?: unknown) => void }[] = []

  constructor(dir: string) {
    this.path = join(resolve(dir), 'sprintpad.sqlite3')
    this.description = `sqlite:${this.path}`
  }

  async open(): Promise<void> {
    mkdirSync(resolve(this.path, '..'), { recursive: true })
    const db = new BetterSqlite3(this.path)
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL')
    db.exec(`
      CREATE TABLE IF NOT EXISTS sprintpad_documents (
        name TEXT PRIMARY KEY,
        snapshot BLOB NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE TABLE IF NOT EXISTS sprintpad_updates (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL,
        data BLOB NOT NULL
      );
      CREATE INDEX IF NOT EXISTS sprintpad_updates_by_name ON sprintpad_updates (name, id);
    `)
    this.statements = {
      append: db.prepare('INSERT INTO sprintpad_updates (name, data) VALUES (?, ?)'),
      snapshot: db.prepare('SELECT snapshot FROM sprintpad_documents WHERE name = ?'),
      log: db.prepare('SELECT id, data FROM sprintpad_updates WHERE name = ? ORDER BY id'),
      upsert: db.prepare(
        `INSERT INTO sprintpad_documents (name, snapshot, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET snapshot = excluded.snapshot, updated_at = excluded.updated_at`,
      ),
      drop: db.prepare('DELETE FROM sprintpad_updates WHERE name = ? AND id <= ?'),
    }
    this.db = db
  }

  append(name: string, update: Uint8Array): Promise<void> {
    this.ready()
    return new Promise((resolve, reject) => {
      if (this.pending.length === 0) setImmediate(() => this.flush())
      this.pending.push({ name, update, done: (err) => (err ? reject(err) : resolve()) })
    })
  }

  /** Commits every pending append in one transaction, then settles their promises. */
  private flush(): void {
    const batch = this.pending
    this.pending = []
    if (batch.length === 0) return
    try {
      const s = this.ready()
      this.database().transaction(() => {
        for (const { name, update } of batch) s.append.run(name, update)
      })()
    } catch (err) {
      for (const p of batch) p.done(err)
      return
    }
    for (const p of batch) p.done()
  }

  async load(name: string): Promise<Uint8Array | null> {
    const s = this.ready()
    const snapshot = s.snapshot.get(name)?.snapshot
    const log = s.log.all(name)
    if (!snapshot && log.length === 0) return null
    return mergeUpdates([snapshot ?? new Uint8Array(), ...log.map((r) => r.data)]).state
  }

  async compact(name: string, state: Uint8Array): Promise<void> {
    const s = this.ready()
    // One transaction: a concurrent append lands either before it (and is folded in) or after.
    this.database()
      .transaction(() => {
        const snapshot = s.snapshot.get(name)?.snapshot
        const log = s.log.all(name)
        const merged = mergeUpdates([
          snapshot ?? new Uint8Array(),
          ...log.map((r) => r.data),
          state,
        ])
        s.upsert.run(name, merged.state, Date.now())
        const last = log.at(-1)
        if (last) s.drop.run(name, last.id)
      })
      .immediate()
  }

  async stats(): Promise<StoreStats> {
    const row = this.database()
      .prepare<[], { documents: number; bytes: number }>(
        `SELECT
           (SELECT COUNT(*) FROM (SELECT name FROM sprintpad_documents
                                  UNION SELECT name FROM sprintpad_updates)) AS documents,
           (SELECT COALESCE(SUM(LENGTH(snapshot)), 0) FROM sprintpad_documents)
             + (SELECT COALESCE(SUM(LENGTH(data)), 0) FROM sprintpad_updates) AS bytes`,
      )
      .get()
    return { documents: row?.documents ?? 0, bytes: row?.bytes ?? 0 }
  }

  async check(): Promise<void> {
    this.database().prepare('SELECT 1').get()
  }

  async close(): Promise<void> {
    if (this.db) this.flush()
    this.db?.close()
    this.db = undefined
    this.statements = undefined
  }

  private database(): BetterSqlite3.Database {
    if (!this.db) throw new Error('the SQLite store is not open')
    return this.db
  }

  private ready(): NonNullable<SqliteStore['statements']> {
    if (!this.statements) throw new Error('the SQLite store is not open')
    return this.statements
  }
}
