import { Redis } from '@hocuspocus/extension-redis'
import { Server, type Extension } from '@hocuspocus/server'
import IORedis from 'ioredis'

/**
 * The benchmark's baseline: `@hocuspocus/server` as it comes, no extension (no store, no auth,
 * no guard), or with only the Redis extension (`--redis URL`), which scaling out needs. Logs its
 * port as a JSON line the way sprintpad-server does, so the bench starts both the same way.
 */
const redisAt = process.argv.indexOf('--redis')
const redisUrl = redisAt >= 0 ? process.argv[redisAt + 1] : undefined
const extensions: Extension[] = redisUrl
  ? [new Redis({ createClient: () => new IORedis(redisUrl, { maxRetriesPerRequest: null }) })]
  : []
const server = new Server({ port: 0, address: '127.0.0.1', quiet: true, extensions })
await server.listen()
console.log(JSON.stringify({ level: 'info', event: 'listening', port: server.address.port }))
