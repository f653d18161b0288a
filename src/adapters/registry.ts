// The OCI distribution API of one registry, behind the Registry port: manifests as exact bytes with
// their digest checked, retags by putting those bytes under a new tag, blob checks, tag lists, config
// labels, and "is this tag really pullable" for one or thousands of tags over kept-alive connections.
import { createHash } from 'node:crypto'
import { UserError } from '../core/errors.js'
import {
  assertManifestReference,
  assertRepository,
  assertTag,
  digestProblem,
  isDigest,
  registryProblem
} from '../core/reference.js'
import { dockerCredentials } from './docker-config.js'
import type { RegistryCredentials } from './docker-config.js'
import type { Manifest, ManifestHead, Registry, Usability } from './ports.js'
import { Authenticator } from './registry-auth.js'
import { HttpClient } from './registry-http.js'
import type { HttpRequest, HttpResponse, RetryPolicy } from './registry-http.js'

export const MEDIA_TYPES = {
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json'
} as const

const ACCEPT = Object.values(MEDIA_TYPES).join(', ')
const INDEX_TYPES = new Set<string>([MEDIA_TYPES.ociIndex, MEDIA_TYPES.dockerList])

export interface RegistryOptions {
  /** `host[:port]`. */
  host: string
  /** The registry speaks plain HTTP (never chosen silently). */
  insecure?: boolean
  /** Explicit credentials; otherwise the docker config's for this host, if any. */
  username?: string
  password?: string
  /** A PEM file of CAs to trust besides the system's and NODE_EXTRA_CA_CERTS. */
  caFile?: string
  /** Environment for the docker config, NODE_EXTRA_CA_CERTS and credential helpers. */
  env?: NodeJS.ProcessEnv
  /** Requests in flight at once (and kept-alive sockets). Default 32. */
  concurrency?: number
  retry?: Partial<RetryPolicy>
  timeoutMs?: number
  debug?: (message: string) => void
  /** Called with every secret this client learns (passwords, tokens), to mask it in logs. */
  mask?: (secret: string) => void
}

export function sha256(bytes: Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`
}

function digestOf(bytes: Buffer, algorithm: string): string {
  return `${algorithm}:${createHash(algorithm).update(bytes).digest('hex')}`
}

interface Descriptor {
  mediaType?: string
  digest: string
  platform?: { os?: string; architecture?: string; variant?: string }
  annotations?: Record<string, string>
}

interface ManifestJson {
  mediaType?: string
  manifests?: Descriptor[]
  config?: Descriptor
  layers?: Descriptor[]
}

/** Layers a registry need not hold (Windows base layers fetched from elsewhere). */
function isForeign(d: Descriptor): boolean {
  return /foreign|nondistributable/.test(d.mediaType ?? '')
}

/** An index entry that is not an image for a platform (buildx attestations). */
function isAttestation(d: Descriptor): boolean {
  return (
    d.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest' ||
    (d.platform?.os === 'unknown' && d.platform?.architecture === 'unknown')
  )
}

function platformOf(d: Descriptor): string {
  const p = d.platform ?? {}
  return [p.os, p.architecture, p.variant].filter(Boolean).join('/')
}

export function isIndex(manifest: Pick<Manifest, 'mediaType'>): boolean {
  return INDEX_TYPES.has(manifest.mediaType)
}

export class HttpRegistry implements Registry {
  readonly host: string
  private readonly http: HttpClient
  private readonly auth: Authenticator
  private readonly concurrency: number

  constructor(options: RegistryOptions) {
    const problem = registryProblem(options.host)
    if (problem) throw new UserError(problem)
    this.host = options.host
    const env = options.env ?? process.env
    this.concurrency = options.concurrency ?? 32
    this.http = new HttpClient({
      registry: options.host,
      insecure: options.insecure ?? false,
      caFile: options.caFile,
      env,
      concurrency: this.concurrency,
      retry: { attempts: 4, baseDelayMs: 250, maxRetryAfterMs: 10000, ...options.retry },
      timeoutMs: options.timeoutMs ?? 30000,
      debug: options.debug ?? (() => undefined)
    })
    const explicit: RegistryCredentials | undefined =
      options.username !== undefined
        ? { username: options.username, password: options.password ?? '' }
        : undefined
    this.auth = new Authenticator(
      this.http,
      options.host,
      async () => explicit ?? (await dockerCredentials(options.host, env)),
      options.mask ?? (() => undefined)
    )
  }

  /** Closes kept-alive sockets. */
  close(): void {
    this.http.close()
  }

  private url(path: string): string {
    return `${this.http.scheme}://${this.host}${path}`
  }

  /** A request with the registry's auth: on a 401 learn the scheme from the challenge, once. */
  private async request(
    request: Omit<HttpRequest, 'url'> & { path: string },
    scope: string
  ): Promise<HttpResponse> {
    const { path, ...rest } = request
    const send = async (): Promise<[HttpResponse, string | undefined]> => {
      const authorization = await this.auth.header(scope)
      const headers = {
        ...rest.headers,
        ...(authorization ? { Authorization: authorization } : {})
      }
      return [await this.http.send({ ...rest, url: this.url(path), headers }), authorization]
    }
    let [response, sent] = await send()
    if (response.status === 401) {
      await this.auth.challenged(response, scope, sent)
      ;[response, sent] = await send()
      if (response.status === 401) await this.auth.challenged(response, scope, sent)
    }
    if (response.status === 403)
      throw new UserError(
        `registry ${this.host}: access denied (403 ${this.errorText(response)}) for ${scope}; the account needs ${scope.endsWith('push') ? 'push' : 'pull'} permission on that repository`
      )
    if (response.status === 400 && /HTTP request to an HTTPS server/.test(response.body.toString()))
      throw new UserError(
        `registry ${this.host}: speaks HTTPS, but was named insecure (plain HTTP); drop the insecure setting`
      )
    return response
  }

  /** The registry's `{"errors":[{code,message}]}` as one short text. */
  private errorText(response: HttpResponse): string {
    try {
      const json = JSON.parse(response.body.toString('utf8')) as {
        errors?: { code?: string; message?: string }[]
      }
      if (json.errors?.length)
        return json.errors.map(e => [e.code, e.message].filter(Boolean).join(': ')).join('; ')
    } catch {
      // not the registry's JSON
    }
    return response.body.toString('utf8').slice(0, 200).trim()
  }

  private unexpected(response: HttpResponse, what: string): Error {
    const text = `registry ${this.host}: ${what}: answered ${response.status} ${this.errorText(response)}`
    // Still failing after the retries: the registry's trouble, told as one line.
    if (response.status >= 500 || response.status === 429)
      return new UserError(`${text}; the registry is failing, try again later`)
    return new Error(text)
  }

  /** A manifest request: undefined when the registry has none under that reference. */
  private async manifestResponse(
    method: 'GET' | 'HEAD',
    repository: string,
    reference: string
  ): Promise<HttpResponse | undefined> {
    assertRepository(repository)
    assertManifestReference(reference)
    const response = await this.request(
      { method, path: `/v2/${repository}/manifests/${reference}`, headers: { Accept: ACCEPT } },
      pull(repository)
    )
    if (response.status === 404) return undefined
    if (response.status !== 200)
      throw this.unexpected(response, `manifest ${repository}:${reference}`)
    return response
  }

  async getManifest(repository: string, reference: string): Promise<Manifest | undefined> {
    const response = await this.manifestResponse('GET', repository, reference)
    if (!response) return undefined
    const bytes = response.body
    const digest = sha256(bytes)
    // Fail closed: bytes that are not what the registry (or the digest we asked for) says.
    const claimed = isDigest(reference)
      ? reference
      : (response.headers['docker-content-digest'] as string | undefined)
    if (claimed && digestProblem(claimed) === undefined) {
      const algorithm = claimed.slice(0, claimed.indexOf(':'))
      const actual = digestOf(bytes, algorithm)
      if (actual !== claimed)
        throw new Error(
          `registry ${this.host}: manifest ${repository}:${reference} hashes to ${actual}, not ${claimed} as the registry says; refusing it`
        )
    }
    return { bytes, mediaType: this.mediaTypeOf(response, bytes), digest }
  }

  private mediaTypeOf(response: HttpResponse, bytes?: Buffer): string {
    const header = (response.headers['content-type'] ?? '').split(';')[0].trim()
    if (header && header !== 'application/json' && header !== 'text/plain') return header
    if (bytes) {
      try {
        const json = JSON.parse(bytes.toString('utf8')) as ManifestJson
        if (json.mediaType) return json.mediaType
        return json.manifests ? MEDIA_TYPES.ociIndex : MEDIA_TYPES.ociManifest
      } catch {
        // not JSON: keep the header
      }
    }
    return header
  }

  async headManifest(repository: string, reference: string): Promise<ManifestHead | undefined> {
    const response = await this.manifestResponse('HEAD', repository, reference)
    if (!response) return undefined
    const digest = response.headers['docker-content-digest'] as string | undefined
    if (!digest || digestProblem(digest)) {
      // Some registries do not say on HEAD; the bytes do.
      const manifest = await this.getManifest(repository, reference)
      return manifest && { digest: manifest.digest, mediaType: manifest.mediaType }
    }
    const head: ManifestHead = { digest, mediaType: this.mediaTypeOf(response) }
    const length = Number(response.headers['content-length'])
    if (Number.isFinite(length) && length > 0) head.size = length
    return head
  }

  async putManifest(
    repository: string,
    tag: string,
    manifest: Pick<Manifest, 'bytes' | 'mediaType'>
  ): Promise<string> {
    assertRepository(repository)
    assertTag(tag)
    const expected = sha256(manifest.bytes)
    const response = await this.request(
      {
        method: 'PUT',
        path: `/v2/${repository}/manifests/${tag}`,
        headers: { 'Content-Type': manifest.mediaType },
        body: manifest.bytes
      },
      push(repository)
    )
    if (response.status !== 201 && response.status !== 200)
      throw this.unexpected(response, `put manifest ${repository}:${tag}`)
    const reported = response.headers['docker-content-digest'] as string | undefined
    if (reported && reported !== expected)
      throw new Error(
        `registry ${this.host}: put ${repository}:${tag} stored digest ${reported}, not ${expected} of the bytes sent`
      )
    return expected
  }

  async hasBlob(repository: string, digest: string): Promise<boolean> {
    assertRepository(repository)
    const problem = digestProblem(digest)
    if (problem) throw new UserError(problem)
    const response = await this.request(
      { method: 'HEAD', path: `/v2/${repository}/blobs/${digest}` },
      pull(repository)
    )
    if (response.status === 404) return false
    // A redirect to storage also means the registry has it.
    if (response.status >= 200 && response.status < 400) return true
    throw this.unexpected(response, `blob ${repository}@${digest}`)
  }

  async listTags(repository: string, options: { pageSize?: number } = {}): Promise<string[]> {
    const pageSize = options.pageSize
    assertRepository(repository)
    const tags: string[] = []
    let path = `/v2/${repository}/tags/list${pageSize ? `?n=${pageSize}` : ''}`
    const seen = new Set<string>()
    while (!seen.has(path)) {
      seen.add(path)
      const response = await this.request({ method: 'GET', path }, pull(repository))
      if (response.status === 404) return tags
      if (response.status !== 200) throw this.unexpected(response, `tags of ${repository}`)
      const json = JSON.parse(response.body.toString('utf8')) as { tags?: string[] | null }
      tags.push(...(json.tags ?? []))
      const next = nextLink(response.headers.link)
      if (!next) return tags
      const url = new URL(next, this.url(path))
      path = url.pathname + url.search
    }
    throw new Error(`registry ${this.host}: the tag list of ${repository} pages in a loop`)
  }

  private async blobJson(repository: string, digest: string): Promise<unknown> {
    const response = await this.request(
      { method: 'GET', path: `/v2/${repository}/blobs/${digest}`, followRedirects: true },
      pull(repository)
    )
    if (response.status === 404) return undefined
    if (response.status !== 200) throw this.unexpected(response, `blob ${repository}@${digest}`)
    const actual = sha256(response.body)
    if (digest.startsWith('sha256:') && actual !== digest)
      throw new Error(`registry ${this.host}: blob ${repository}@${digest} hashes to ${actual}`)
    return JSON.parse(response.body.toString('utf8'))
  }

  async labels(
    repository: string,
    reference: string,
    platform?: string
  ): Promise<Record<string, string> | undefined> {
    let manifest = await this.getManifest(repository, reference)
    if (!manifest) return undefined
    if (isIndex(manifest)) {
      const entries = (parseManifest(manifest).manifests ?? []).filter(d => !isAttestation(d))
      const chosen = platform ? entries.find(d => platformOf(d) === platform) : entries[0]
      if (!chosen) {
        if (!platform) return undefined
        throw new UserError(
          `${this.host}/${repository}:${reference} has no image for platform ${platform} (it has: ${entries.map(platformOf).join(', ') || 'none'})`
        )
      }
      manifest = await this.getManifest(repository, chosen.digest)
      if (!manifest) return undefined
    }
    const config = parseManifest(manifest).config
    if (!config) return {}
    const json = (await this.blobJson(repository, config.digest)) as
      { config?: { Labels?: Record<string, string> | null } } | undefined
    if (json === undefined) return undefined
    return { ...(json.config?.Labels ?? {}) }
  }

  async usability(repository: string, tag: string): Promise<Usability> {
    return this.check(repository, tag, new Map())
  }

  async isUsable(repository: string, tag: string): Promise<boolean> {
    return (await this.usability(repository, tag)).usable
  }

  async usableMany(
    images: { repository: string; tag: string }[],
    options: { concurrency?: number } = {}
  ): Promise<Usability[]> {
    const results: Usability[] = new Array(images.length)
    // Images share base layers: ask for each blob of a repository once per call.
    const blobs = new Map<string, Promise<boolean>>()
    let next = 0
    const worker = async () => {
      while (next < images.length) {
        const i = next++
        results[i] = await this.check(images[i].repository, images[i].tag, blobs)
      }
    }
    const workers = Math.max(1, Math.min(options.concurrency ?? this.concurrency, images.length))
    await Promise.all(Array.from({ length: workers }, worker))
    return results
  }

  private async check(
    repository: string,
    tag: string,
    blobs: Map<string, Promise<boolean>>
  ): Promise<Usability> {
    const manifest = await this.getManifest(repository, tag)
    if (!manifest) return { usable: false, reason: { kind: 'manifest-missing', reference: tag } }
    const hasBlob = (digest: string) => {
      const key = `${repository}@${digest}`
      let known = blobs.get(key)
      if (!known) {
        known = this.hasBlob(repository, digest)
        blobs.set(key, known)
      }
      return known
    }
    const images: Manifest[] = []
    if (isIndex(manifest)) {
      const children = await Promise.all(
        (parseManifest(manifest).manifests ?? []).map(async d => ({
          d,
          m: await this.getManifest(repository, d.digest)
        }))
      )
      for (const { d, m } of children) {
        if (!m)
          return { usable: false, reason: { kind: 'platform-manifest-missing', digest: d.digest } }
        // An index of indexes is legal but rare; its inner entries are checked the same way.
        if (isIndex(m)) {
          const inner = await this.check(repository, m.digest, blobs)
          if (!inner.usable) return inner
        } else images.push(m)
      }
    } else images.push(manifest)
    const wanted: { digest: string; manifest: string }[] = []
    for (const m of images) {
      const json = parseManifest(m)
      for (const d of [json.config, ...(json.layers ?? [])])
        if (d && !isForeign(d)) wanted.push({ digest: d.digest, manifest: m.digest })
    }
    const present = await Promise.all(wanted.map(w => hasBlob(w.digest)))
    const gone = wanted.find((_, i) => !present[i])
    if (gone) return { usable: false, reason: { kind: 'blob-missing', ...gone } }
    return { usable: true, manifest }
  }
}

function parseManifest(manifest: Manifest): ManifestJson {
  try {
    return JSON.parse(manifest.bytes.toString('utf8')) as ManifestJson
  } catch {
    throw new Error(`manifest ${manifest.digest} is not JSON`)
  }
}

const pull = (repository: string) => `repository:${repository}:pull`
const push = (repository: string) => `repository:${repository}:pull,push`

/** The `rel="next"` target of a Link header. Pure. */
export function nextLink(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header.join(',') : header
  if (!value) return undefined
  for (const part of value.split(/,(?=\s*<)/)) {
    const m = /^\s*<([^>]*)>\s*;(.*)$/.exec(part)
    if (m && /\brel="?next"?/i.test(m[2])) return m[1]
  }
  return undefined
}

/** The registry client for `options.host`. */
export function openRegistry(options: RegistryOptions): HttpRegistry {
  return new HttpRegistry(options)
}
