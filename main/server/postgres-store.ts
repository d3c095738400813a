import pg from 'pg'
import { mergeUpdates, type StoreStats, type SprintStore } from './store'

/**
 * The PostgreSQL store (`--database postgres://…`), through `pg`: the same two tables as the
 * SQLite store, shared by every server instance behind one address. An append is one INSERT,
 * committed before the server applies and acknowledges the update. Compaction runs in one
 * transaction holding the document's snapshot row lock, so two instances compacting the same
 * sprint take turns and an append committed meanwhile is either folded in or left in the log.
 */
export class PostgresStore implements SprintStore {
  readonly description: string
  private readonly pool: pg.Pool

  constructor(url: string) {
    this.description = `postgres:${redactUrl(url)}`
    this.pool = new pg.Pool({ connectionString: url, max: 8, idleTimeoutMillis: 30_000 })
    // An idle client losing its connection must not crash the server; the next query reconnects.
    this.pool.on('error', () => undefined)
  }

  async open(): Promise<void> {
    await this.pool.query(`
      CREATE TABLE IF NOT EXISTS sprintpad_documents (
        name TEXT PRIMARY KEY,
        snapshot BYTEA NOT NULL,
        updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
      );
      CREATE TABLE IF NOT EXISTS sprintpad_updates (
        id BIGSERIAL PRIMARY KEY,
        name TEXT NOT NULL,
        data BYTEA NOT NULL
      );
      CREATE INDEX IF NOT EXISTS sprintpad_updates_by_name ON sprintpad_updates (name, id);
    `)
  }

  async append(name: string, update: Uint8Array): Promise<void> {
    await this.pool.query('INSERT INTO sprintpad_updates (name, data) VALUES ($1, $2)', [
      name,
      Buffer.from(update),
    ])
  }

  async load(name: string): Promise<Uint8Array | null> {
    const snapshot = await this.pool.query<{ snapshot: Buffer }>(
      'SELECT snapshot FROM sprintpad_documents WHERE name = $1',
      [name],
    )
    const log = await this.pool.query<{ data: Buffer }>(
      'SELECT data FROM sprintpad_updates WHERE name = $1 ORDER BY id',
      [name],
    )
    if (snapshot.rowCount === 0 && log.rowCount === 0) return null
    const parts = [snapshot.rows[0]?.snapshot ?? Buffer.alloc(0), ...log.rows.map((r) => r.data)]
    return mergeUpdates(parts).state
  }

  async compact(name: string, state: Uint8Array): Promise<void> {
    const client = await this.pool.connect()
    try {
      await client.query('BEGIN')
      await client.query(
        `INSERT INTO sprintpad_documents (name, snapshot) VALUES ($1, '\\x'::bytea)
         ON CONFLICT (name) DO NOTHING`,
        [name],
      )
      const snapshot = await client.query<{ snapshot: Buffer }>(
        'SELECT snapshot FROM sprintpad_documents WHERE name = $1 FOR UPDATE',
        [name],
      )
      const log = await client.query<{ id: string; data: Buffer }>(
        'SELECT id, data FROM sprintpad_updates WHERE name = $1 ORDER BY id',
        [name],
      )
      const merged = mergeUpdates([
        snapshot.rows[0]?.snapshot ?? Buffer.alloc(0),
        ...log.rows.map((r) => r.data),
        state,
      ])
      await client.query(
        'UPDATE sprintpad_documents SET snapshot = $2, updated_at = now() WHERE name = $1',
        [name, Buffer.from(merged.state)],
      )
      const last = log.rows.at(-1)
      if (last) {
        await client.query('DELETE FROM sprintpad_updates WHERE name = $1 AND id <= $2', [
          name,
          last.id,
        ])
      }
      await client.query('COMMIT')
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined)
      throw err
    } finally {
      client.release()
    }
  }

  async stats(): Promise<StoreStats> {
    const { rows } = await this.pool.query<{ documents: string; bytes: string }>(
      `SELECT
         (SELECT COUNT(*) FROM (SELECT name FROM sprintpad_documents
                                UNION SELECT name FROM sprintpad_updates) AS names) AS documents,
         (SELECT COALESCE(SUM(octet_length(snapshot)), 0) FROM sprintpad_documents)
           + (SELECT COALESCE(SUM(octet_length(data)), 0) FROM sprintpad_updates) AS bytes`,
    )
    return { documents: Number(rows[0]?.documents ?? 0), bytes: Number(rows[0]?.bytes ?? 0) }
  }

  async check(): Promise<void> {
    await this.pool.query('SELECT 1')
  }

  async close(): Promise<void> {
    await this.pool.end()
  }
}

/** A database URL without its password, for logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url)
    if (u.password) u.password = '***'
    return u.toString()
  } catch {
    return '(unparseable URL)'
  }
}
