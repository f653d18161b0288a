// HTTP for the registry client: kept-alive connections, TLS verified against the system's CAs plus
// NODE_EXTRA_CA_CERTS plus an optional CA file, a bound on requests in flight, retries of transient
// failures with backoff, and one clear line for what a user must fix (TLS, unreachable host).
import * as http from 'node:http'
import * as https from 'node:https'
import * as tls from 'node:tls'
import { readFileSync } from 'node:fs'
import { UserError } from '../core/errors.js'

export interface HttpResponse {
  status: number
  headers: http.IncomingHttpHeaders
  body: Buffer
  /** The URL that answered (after redirects). */
  url: string
}

export interface HttpRequest {
  method: 'GET' | 'HEAD' | 'PUT' | 'POST' | 'DELETE'
  url: string
  headers?: Record<string, string>
  body?: Buffer
  /** Follow 3xx answers (blob downloads are often redirected to storage). */
  followRedirects?: boolean
}

export interface RetryPolicy {
  /** Tries in all, the first included. Default 4. */
  attempts: number
  /** First backoff; doubles each time, plus jitter. Default 250 ms. */
  baseDelayMs: number
  /** The most a Retry-After header may make us wait at once. Default 10 s. */
  maxRetryAfterMs: number
}

export interface HttpClientOptions {
  /** `host[:port]` of the registry, for messages. */
  registry: string
  insecure: boolean
  /** A PEM file of extra CAs to trust (tests; a private CA). */
  caFile?: string
  env: NodeJS.ProcessEnv
  /** Requests in flight at once, and sockets kept alive. Default 32. */
  concurrency: number
  retry: RetryPolicy
  /** Per request, until the answer's headers. Default 30 s. */
  timeoutMs: number
  debug: (message: string) => void
}

const TRANSIENT_CODES = new Set(['ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ECONNABORTED', 'EAI_AGAIN'])
const MAX_BODY = 32 * 1024 * 1024

/** OpenSSL's names for "this certificate does not chain to a CA we trust". */
const UNTRUSTED_CERT_CODES = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED'
])

const SYSTEM_BUNDLES = [
  '/etc/ssl/certs/ca-certificates.crt',
  '/etc/pki/tls/certs/ca-bundle.crt',
  '/etc/ssl/ca-bundle.pem',
  '/etc/ssl/cert.pem'
]

function readPem(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8')
  } catch (e) {
    throw new UserError(`${what} ${file} cannot be read (${(e as NodeJS.ErrnoException).code})`)
  }
}

/**
 * Node's bundled roots, the system store, NODE_EXTRA_CA_CERTS and `caFile`. Passing `ca` replaces
 * Node's default list, so the extra certificates are named here again.
 */
export function trustedCAs(env: NodeJS.ProcessEnv, caFile?: string): string[] {
  const cas = [...tls.rootCertificates]
  const getCACertificates = (tls as unknown as { getCACertificates?: (type: string) => string[] })
    .getCACertificates
  if (getCACertificates) cas.push(...getCACertificates('system'))
  else {
    for (const file of SYSTEM_BUNDLES) {
      try {
        cas.push(readFileSync(file, 'utf8'))
        break
      } catch {
        // not this distribution's path
      }
    }
  }
  if (env.NODE_EXTRA_CA_CERTS) cas.push(readPem(env.NODE_EXTRA_CA_CERTS, 'NODE_EXTRA_CA_CERTS'))
  if (caFile) cas.push(readPem(caFile, 'the registry CA file'))
  return cas
}

/** A counting semaphore: at most `limit` holders at once, served in order. */
class Limiter {
  private active = 0
  private readonly waiting: (() => void)[] = []
  constructor(private readonly limit: number) {}
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>(r => this.waiting.push(r))
    else this.active++
    try {
      return await task()
    } finally {
      const next = this.waiting.shift()
      if (next) next()
      else this.active--
    }
  }
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms))

/** Seconds or an HTTP date, in milliseconds from `now`; undefined when absent or unreadable. */
export function retryAfterMs(value: string | undefined, now: number): number | undefined {
  if (!value) return undefined
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000
  const at = Date.parse(value)
  return Number.isNaN(at) ? undefined : Math.max(0, at - now)
}

export class HttpClient {
  private readonly agent: http.Agent
  private readonly limiter: Limiter

  constructor(readonly options: HttpClientOptions) {
    const agentOptions = {
      keepAlive: true,
      maxSockets: options.concurrency,
      maxFreeSockets: options.concurrency
    }
    this.agent = options.insecure
      ? new http.Agent(agentOptions)
      : new https.Agent({ ...agentOptions, ca: trustedCAs(options.env, options.caFile) })
    this.limiter = new Limiter(options.concurrency)
  }

  get scheme(): 'http' | 'https' {
    return this.options.insecure ? 'http' : 'https'
  }

  /** Closes idle kept-alive sockets (the process can exit without waiting for them). */
  close(): void {
    this.agent.destroy()
  }

  /**
   * Sends with retries of transient failures. Answers of any status are returned (the caller
   * decides what a 404 means); a status still 5xx or 429 after the last try is returned too.
   */
  async send(request: HttpRequest): Promise<HttpResponse> {
    const { attempts, baseDelayMs, maxRetryAfterMs } = this.options.retry
    for (let attempt = 1; ; attempt++) {
      let response: HttpResponse | undefined
      let failure: NodeJS.ErrnoException | undefined
      try {
        response = await this.limiter.run(() => this.follow(request))
      } catch (e) {
        failure = e as NodeJS.ErrnoException
        if (!TRANSIENT_CODES.has(failure.code ?? '')) throw this.explain(failure, request)
      }
      const transientStatus = response && (response.status >= 500 || response.status === 429)
      if (!failure && !transientStatus) return response!
      if (attempt >= attempts) {
        if (response) return response
        throw new UserError(
          `registry ${this.options.registry}: ${request.method} ${request.url} failed ${attempts} times (${failure!.code}: ${failure!.message}); the registry or the network is failing, try again later`
        )
      }
      const backoff = baseDelayMs * 2 ** (attempt - 1) + Math.random() * baseDelayMs
      const asked = retryAfterMs(response?.headers['retry-after'] as string | undefined, Date.now())
      const wait = asked === undefined ? backoff : Math.min(asked, maxRetryAfterMs)
      this.options.debug(
        `registry ${this.options.registry}: ${request.method} ${request.url}: ${response ? response.status : failure!.code}; retry ${attempt}/${attempts - 1} in ${Math.round(wait)} ms`
      )
      await sleep(wait)
    }
  }

  private async follow(request: HttpRequest): Promise<HttpResponse> {
    let current = request
    for (let hop = 0; ; hop++) {
      const response = await this.once(current)
      const location = response.headers.location
      if (!request.followRedirects || response.status < 300 || response.status >= 400 || !location)
        return response
      if (hop >= 5) throw new Error(`registry ${this.options.registry}: too many redirects`)
      const next = new URL(location, current.url)
      const headers = { ...current.headers }
      // Credentials are for the registry only, never for the storage it redirects to.
      if (next.origin !== new URL(request.url).origin) delete headers.Authorization
      current = { ...current, url: next.toString(), headers }
    }
  }

  private once(request: HttpRequest): Promise<HttpResponse> {
    const url = new URL(request.url)
    if (url.protocol === 'http:' && !this.options.insecure)
      return Promise.reject(
        new UserError(
          `registry ${this.options.registry}: refusing plain HTTP to ${url.origin}; name the registry insecure only if it speaks plain HTTP`
        )
      )
    const module = url.protocol === 'https:' ? https : http
    // A plain-HTTP registry may send its token realm over HTTPS: that needs an HTTPS agent.
    const agent = url.protocol === 'https:' && this.options.insecure ? undefined : this.agent
    return new Promise((resolve, reject) => {
      const req = module.request(
        url,
        {
          method: request.method,
          headers: {
            'User-Agent': 'imagegraph',
            ...request.headers,
            ...(request.body ? { 'Content-Length': String(request.body.length) } : {})
          },
          agent
        },
        res => {
          const chunks: Buffer[] = []
          let size = 0
          res.on('data', (b: Buffer) => {
            size += b.length
            if (size > MAX_BODY) {
              req.destroy(new Error(`answer larger than ${MAX_BODY} bytes from ${url}`))
              return
            }
            chunks.push(b)
          })
          res.on('error', reject)
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks),
              url: url.toString()
            })
          )
        }
      )
      req.setTimeout(this.options.timeoutMs, () => {
        const e: NodeJS.ErrnoException = new Error(`no answer in ${this.options.timeoutMs} ms`)
        e.code = 'ETIMEDOUT'
        req.destroy(e)
      })
      req.on('error', reject)
      req.end(request.body)
    })
  }

  /** One line a user can act on for a failure that is not worth retrying. */
  private explain(e: NodeJS.ErrnoException, request: HttpRequest): Error {
    if (e instanceof UserError) return e
    const where = `registry ${this.options.registry}`
    const code = e.code ?? ''
    const reason = e.message.replace(/^.*?: /, '')
    if (UNTRUSTED_CERT_CODES.has(code))
      return new UserError(
        `${where}: the TLS certificate is not trusted (${reason}); add its CA to NODE_EXTRA_CA_CERTS or the system store, or name the registry insecure if it speaks plain HTTP`
      )
    if (code === 'ERR_TLS_CERT_ALTNAME_INVALID')
      return new UserError(
        `${where}: the TLS certificate does not name this host (${reason}); use the name the certificate was issued for`
      )
    if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID')
      return new UserError(`${where}: the TLS certificate is not valid now (${code}); renew it`)
    const notTls = /wrong version number|packet length too long|unknown protocol/i.exec(e.message)
    if (notTls)
      return new UserError(
        `${where}: does not speak TLS (the TLS handshake got: ${notTls[0]}); if it speaks plain HTTP, name it insecure (registry-insecure: true / --insecure-registry)`
      )
    if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EHOSTUNREACH')
      return new UserError(
        `${where}: cannot connect (${code}) to ${new URL(request.url).host}; check the registry address and that it is running`
      )
    return new Error(`${where}: ${request.method} ${request.url}: ${e.message}`)
  }
}
