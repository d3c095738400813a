import { describe, expect, it } from 'vitest'
import { parseServerArgs, ServerUsageError } from '../../../main/server/cli'

describe('sprintpad serve: options', () => {
  it('has defaults that run the embedded store with nothing else', () => {
    expect(parseServerArgs([])).toEqual({
      port: 4455,
      host: '0.0.0.0',
      dataDir: './sprintpad-data',
      limits: {},
      logLevel: 'info',
    })
  })

  it('takes the database and Redis from the environment unless given', () => {
    const env = {
      SPRINTPAD_DATABASE_URL: 'postgres://u:p@db/sprintpad',
      SPRINTPAD_REDIS_URL: 'redis://cache:6379',
    }
    expect(parseServerArgs(['--name', 'a'], env)).toMatchObject({
      databaseUrl: 'postgres://u:p@db/sprintpad',
      redisUrl: 'redis://cache:6379',
      instance: 'a',
    })
    expect(parseServerArgs(['--redis', 'rediss://other:6380'], env)).toMatchObject({
      redisUrl: 'rediss://other:6380',
    })
  })

  it('maps limits, and widens the WebSocket cap to fit a larger update cap', () => {
    const parsed = parseServerArgs([
      '--max-update-bytes',
      '16777216',
      '--max-connections-per-room',
      '8',
      '--max-connections',
      '100',
      '--max-room-bytes',
      '1000000',
    ])
    expect(parsed).toMatchObject({
      limits: {
        maxUpdateBytes: 16_777_216,
        maxMessageBytes: 16_777_216 + 65_536,
        maxConnectionsPerRoom: 8,
        maxConnections: 100,
        maxRoomBytes: 1_000_000,
      },
    })
    expect(parseServerArgs(['--help'])).toBe('help')
  })

  it.each([
    [['--port', '70000'], '--port must be a whole number from 0 to 65535'],
    [['--port=-1'], '--port must be a whole number'],
    [['--max-connections', '0'], '--max-connections must be a whole number from 1'],
    [['--database', 'mysql://x'], '--database must be a postgres:// URL'],
    [['--redis', 'http://x'], '--redis must be a redis:// or rediss:// URL'],
    [['--log-level', 'loud'], '--log-level must be'],
    [['--bogus'], "Unknown option '--bogus'"],
    [['stray'], 'Unexpected argument'],
  ])('refuses %j with a clear message', (argv, message) => {
    expect(() => parseServerArgs(argv)).toThrow(ServerUsageError)
    expect(() => parseServerArgs(argv)).toThrow(message)
  })
})
