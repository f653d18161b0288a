// A stand-in for GitHub's Actions cache service, the one part of the cache that cannot run here.
//
// `@actions/cache` v6 with ACTIONS_CACHE_SERVICE_V2 makes three control calls to a Twirp JSON API at
// ACTIONS_RESULTS_URL (POST /twirp/github.actions.results.api.v1.CacheService/<Method>, snake_case
// fields, bearer ACTIONS_RUNTIME_TOKEN) and moves the archives itself to and from Azure blob storage
// with signed (SAS) URLs. This server answers those three calls following GitHub's rules, and hands
// out SAS URLs into a real blob store (azurite), so the library's upload, download and extraction
// are the real thing:
// - CreateCacheEntry: an entry with the same key and version cannot be created again (409
//   already_exists, "cache entry with the same key, version, and scope already exists").
// - GetCacheEntryDownloadURL: for the key and then each restore key, an exact key+version match,
//   else the newest entry of that version whose key starts with it (GitHub's prefix matching).
// - FinalizeCacheEntryUpload: commits a created entry; only committed entries are found.
// It can also be down (connection refused), hang, 429 with Retry-After or 500, or refuse an entry
// over a size limit.
import {
  BlobSASPermissions,
  BlobServiceClient,
  StorageSharedKeyCredential,
  generateBlobSASQueryParameters
} from '@azure/storage-blob'
import type { ContainerClient } from '@azure/storage-blob'
import * as http from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { AZURITE_ACCOUNT, AZURITE_KEY } from './azurite.js'
import type { Azurite } from './azurite.js'

const SERVICE = '/twirp/github.actions.results.api.v1.CacheService/'
const CONTAINER = 'actions-cache'

interface Entry {
  id: number
  key: string
  version: string
  blob: string
  committed: boolean
  size?: number
}

export type Failure =
  | { kind: 'down' }
  /** Accept the connection and never answer. */
  | { kind: 'hang' }
  | { kind: 'status'; status: 429 | 500; retryAfterSeconds?: number; times?: number }

export class CacheService {
  readonly token = 'test-runtime-token'
  /** Every control call received, as `Method status`. */
  readonly calls: string[] = []
  /** The SAS signature of every blob URL handed out (the library must ask to mask them). */
  readonly signatures: string[] = []
  /** Like GitHub's entry size limit: a larger upload is refused when it is finalized. */
  maxEntryBytes = Infinity
  private readonly entries: Entry[] = []
  private nextId = 1
  private failure?: Failure
  private sockets = new Set<Socket>()
  private readonly credential = new StorageSharedKeyCredential(AZURITE_ACCOUNT, AZURITE_KEY)
  readonly container: ContainerClient

  private constructor(
    private server: http.Server,
    readonly port: number,
    private readonly azurite: Azurite
  ) {
    this.container = new BlobServiceClient(azurite.accountUrl, this.credential).getContainerClient(
      CONTAINER
    )
  }

  /** ACTIONS_RESULTS_URL for the library. */
  get url(): string {
    return `http://127.0.0.1:${this.port}/`
  }

  /** The environment `@actions/cache` reads to use this service. */
  env(): Record<string, string> {
    return {
      ACTIONS_CACHE_SERVICE_V2: 'true',
      ACTIONS_RESULTS_URL: this.url,
      ACTIONS_RUNTIME_TOKEN: this.token
    }
  }

  static async start(azurite: Azurite): Promise<CacheService> {
    const ref: { self?: CacheService } = {}
    const server = http.createServer((req, res) => ref.self!.handle(req, res))
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    const self = new CacheService(server, (server.address() as AddressInfo).port, azurite)
    ref.self = self
    self.track(server)
    await self.container.createIfNotExists()
    return self
  }

  private track(server: http.Server): void {
    server.on('connection', s => {
      this.sockets.add(s)
      s.on('close', () => this.sockets.delete(s))
    })
  }

  /** Simulate an outage from now on; `undefined` ends it (a down server listens again, same port). */
  async fail(failure: Failure | undefined): Promise<void> {
    const wasDown = this.failure?.kind === 'down'
    this.failure = failure
    if (failure?.kind === 'down' && !wasDown) await this.close()
    if (wasDown && failure?.kind !== 'down') {
      const server = http.createServer((req, res) => this.handle(req, res))
      await new Promise<void>(resolve => server.listen(this.port, '127.0.0.1', resolve))
      this.server = server
      this.track(server)
    }
  }

  private close(): Promise<void> {
    for (const s of this.sockets) s.destroy()
    return new Promise(resolve => this.server.close(() => resolve()))
  }

  async stop(): Promise<void> {
    if (this.failure?.kind !== 'down') await this.close()
  }

  /** The committed entry under exactly this key (for tests that tamper with its blob). */
  entry(key: string): Entry {
    const e = this.entries.find(x => x.key === key && x.committed)
    if (!e) throw new Error(`no committed entry ${key}`)
    return e
  }

  async readBlob(key: string): Promise<Buffer> {
    return this.container.getBlobClient(this.entry(key).blob).downloadToBuffer()
  }

  async writeBlob(key: string, data: Buffer): Promise<void> {
    await this.container.getBlockBlobClient(this.entry(key).blob).uploadData(data)
  }

  private sas(blob: string, permissions: string): string {
    const query = generateBlobSASQueryParameters(
      {
        containerName: CONTAINER,
        blobName: blob,
        permissions: BlobSASPermissions.parse(permissions),
        expiresOn: new Date(Date.now() + 3600_000)
      },
      this.credential
    ).toString()
    this.signatures.push(new URLSearchParams(query).get('sig') ?? '')
    return `${this.azurite.accountUrl}/${CONTAINER}/${blob}?${query}`
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    let body = ''
    req.on('data', (b: Buffer) => (body += b.toString()))
    req.on('end', () => {
      const method = (req.url ?? '').startsWith(SERVICE)
        ? (req.url ?? '').slice(SERVICE.length)
        : ''
      const reply = (status: number, value: unknown, headers: Record<string, string> = {}) => {
        this.calls.push(`${method || req.url} ${status}`)
        res.writeHead(status, { 'Content-Type': 'application/json', ...headers })
        res.end(JSON.stringify(value))
      }
      const twirpError = (status: number, code: string, msg: string, headers = {}) =>
        reply(status, { code, msg }, headers)

      const f = this.failure
      if (f?.kind === 'hang') return
      if (f?.kind === 'status') {
        if (f.times !== undefined && --f.times <= 0) this.failure = undefined
        if (f.status === 429)
          return twirpError(
            429,
            'resource_exhausted',
            'too many cache entries created',
            f.retryAfterSeconds !== undefined ? { 'Retry-After': String(f.retryAfterSeconds) } : {}
          )
        return twirpError(500, 'internal', 'the cache service failed')
      }
      if (req.method !== 'POST' || !method)
        return twirpError(404, 'bad_route', `no route ${req.url}`)
      if (req.headers.authorization !== `Bearer ${this.token}`)
        return twirpError(401, 'unauthenticated', 'bad runtime token')
      let request: Record<string, unknown>
      try {
        request = JSON.parse(body) as Record<string, unknown>
      } catch {
        return twirpError(400, 'malformed', 'body is not JSON')
      }
      const key = String(request.key ?? '')
      const version = String(request.version ?? '')
      if (!key || !version)
        return twirpError(400, 'invalid_argument', 'key and version are required')

      switch (method) {
        case 'CreateCacheEntry': {
          if (this.entries.some(e => e.key === key && e.version === version))
            return twirpError(
              409,
              'already_exists',
              'cache entry with the same key, version, and scope already exists'
            )
          const entry: Entry = { id: this.nextId++, key, version, blob: '', committed: false }
          entry.blob = `entry-${entry.id}.tzst`
          this.entries.push(entry)
          return reply(200, { ok: true, signed_upload_url: this.sas(entry.blob, 'cw') })
        }
        case 'FinalizeCacheEntryUpload': {
          const entry = this.entries.find(
            e => e.key === key && e.version === version && !e.committed
          )
          if (!entry)
            return twirpError(404, 'not_found', 'no cache entry is being created with this key')
          const size = Number(request.size_bytes ?? 0)
          if (size > this.maxEntryBytes) {
            this.entries.splice(this.entries.indexOf(entry), 1)
            return reply(200, {
              ok: false,
              entry_id: '0',
              message: `cache entry of ${size} bytes is over the limit of ${this.maxEntryBytes} bytes`
            })
          }
          entry.committed = true
          entry.size = size
          return reply(200, { ok: true, entry_id: String(entry.id) })
        }
        case 'GetCacheEntryDownloadURL': {
          const restoreKeys = Array.isArray(request.restore_keys)
            ? request.restore_keys.map(String)
            : []
          const committed = this.entries.filter(e => e.committed && e.version === version)
          for (const k of [key, ...restoreKeys]) {
            const match =
              committed.find(e => e.key === k) ??
              [...committed].reverse().find(e => e.key.startsWith(k))
            if (match)
              return reply(200, {
                ok: true,
                signed_download_url: this.sas(match.blob, 'r'),
                matched_key: match.key
              })
          }
          return reply(200, { ok: false, signed_download_url: '', matched_key: '' })
        }
        default:
          return twirpError(404, 'bad_route', `no method ${method}`)
      }
    })
  }
}
