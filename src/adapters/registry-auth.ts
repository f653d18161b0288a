// Registry authentication as the registry asks for it: its 401's WWW-Authenticate decides between
// basic auth and the Bearer token challenge (GET the realm with basic credentials, or anonymously,
// for a token per scope; an identity token is exchanged with an OAuth2 refresh-token POST).
import { UserError } from '../core/errors.js'
import type { RegistryCredentials } from './docker-config.js'
import type { HttpClient, HttpResponse } from './registry-http.js'

export interface Challenge {
  scheme: string
  params: Record<string, string>
}

/** `Bearer realm="https://x/token",service="x",scope="repository:a:pull"` as data. Pure. */
export function parseChallenge(header: string): Challenge | undefined {
  const m = /^\s*([A-Za-z]+)\s*(.*)$/.exec(header)
  if (!m) return undefined
  const params: Record<string, string> = {}
  const re = /([A-Za-z_]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))\s*,?\s*/g
  let p: RegExpExecArray | null
  while ((p = re.exec(m[2])) !== null) {
    if (p[0] === '') break
    params[p[1].toLowerCase()] = p[2] !== undefined ? p[2].replace(/\\(.)/g, '$1') : p[3]
  }
  return { scheme: m[1].toLowerCase(), params }
}

interface Token {
  value: string
  expiresAt: number
}

/** Default token lifetime when the token service does not say (the spec's minimum). */
const DEFAULT_TOKEN_SECONDS = 60

export class Authenticator {
  private scheme: 'basic' | 'bearer' | undefined
  private realm = ''
  private service: string | undefined
  private readonly tokens = new Map<string, Promise<Token>>()
  private credentials: Promise<RegistryCredentials | undefined> | undefined

  constructor(
    private readonly http: HttpClient,
    private readonly registry: string,
    private readonly loadCredentials: () => Promise<RegistryCredentials | undefined>,
    private readonly mask: (secret: string) => void
  ) {}

  private creds(): Promise<RegistryCredentials | undefined> {
    this.credentials ??= this.loadCredentials().then(c => {
      if (c?.password) this.mask(c.password)
      if (c?.identityToken) this.mask(c.identityToken)
      return c
    })
    return this.credentials
  }

  /** The Authorization header for a request needing `scope`, once the registry has said how. */
  async header(scope: string): Promise<string | undefined> {
    if (this.scheme === 'basic') {
      const c = await this.creds()
      return c?.username !== undefined ? basic(c) : undefined
    }
    if (this.scheme === 'bearer') return `Bearer ${(await this.token(scope)).value}`
    return undefined
  }

  /**
   * Learns from a 401 how to authenticate. `sent` is the Authorization header the refused request
   * carried: a refusal of what we already sent means the credentials are wrong (or missing).
   */
  async challenged(response: HttpResponse, scope: string, sent: string | undefined): Promise<void> {
    const header = response.headers['www-authenticate']
    const challenge = parseChallenge(Array.isArray(header) ? header[0] : (header ?? ''))
    const c = await this.creds()
    if (challenge?.scheme === 'bearer' && challenge.params.realm) {
      if (sent?.startsWith('Bearer ')) {
        this.tokens.delete(scope)
        throw this.refused(c, 'the registry refused the token its token service issued')
      }
      this.scheme = 'bearer'
      this.realm = challenge.params.realm
      this.service = challenge.params.service
      return
    }
    if (challenge?.scheme === 'basic') {
      if (c?.username === undefined || !c.password) throw this.missing()
      if (sent?.startsWith('Basic ')) throw this.refused(c, '401')
      this.scheme = 'basic'
      return
    }
    throw new UserError(
      `registry ${this.registry}: answered 401 with an authentication scheme this tool does not speak (${JSON.stringify(header ?? '')})`
    )
  }

  private token(scope: string): Promise<Token> {
    const cached = this.tokens.get(scope)
    if (cached) {
      return cached.then(t => {
        if (t.expiresAt > Date.now() + 5000) return t
        if (this.tokens.get(scope) === cached) this.tokens.delete(scope)
        return this.token(scope)
      })
    }
    const fresh = this.fetchToken(scope)
    this.tokens.set(scope, fresh)
    fresh.catch(() => this.tokens.delete(scope))
    return fresh
  }

  private async fetchToken(scope: string): Promise<Token> {
    const c = await this.creds()
    const url = new URL(this.realm)
    let response: HttpResponse
    if (c?.identityToken) {
      const form = new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: c.identityToken,
        client_id: 'imagegraph'
      })
      if (this.service) form.set('service', this.service)
      if (scope) form.set('scope', scope)
      response = await this.http.send({
        method: 'POST',
        url: url.toString(),
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: Buffer.from(form.toString())
      })
    } else {
      if (this.service) url.searchParams.set('service', this.service)
      if (scope) url.searchParams.set('scope', scope)
      if (c?.username) url.searchParams.set('account', c.username)
      const headers: Record<string, string> = {}
      if (c?.username !== undefined && c.password) headers.Authorization = basic(c)
      response = await this.http.send({ method: 'GET', url: url.toString(), headers })
    }
    if (response.status === 401 || response.status === 403)
      throw c
        ? this.refused(c, `the token service ${url.origin} answered ${response.status}`)
        : this.missing()
    if (response.status !== 200)
      throw new UserError(
        `registry ${this.registry}: the token service ${url.origin}${url.pathname} answered ${response.status}; check the registry's token service`
      )
    let json: { token?: string; access_token?: string; expires_in?: number }
    try {
      json = JSON.parse(response.body.toString('utf8'))
    } catch {
      throw new UserError(
        `registry ${this.registry}: the token service ${url.origin} answered something that is not JSON`
      )
    }
    const value = json.token || json.access_token
    if (!value)
      throw new UserError(
        `registry ${this.registry}: the token service ${url.origin} gave no token`
      )
    this.mask(value)
    const seconds = Math.max(json.expires_in ?? DEFAULT_TOKEN_SECONDS, DEFAULT_TOKEN_SECONDS)
    return { value, expiresAt: Date.now() + seconds * 1000 }
  }

  /** The credentials were sent and refused. */
  refused(c: RegistryCredentials | undefined, detail: string): UserError {
    if (!c) return this.missing()
    const who = c.username ? `user '${c.username}'` : 'the identity token'
    return new UserError(
      `registry ${this.registry}: the credentials for ${who} were rejected (${detail}); check the username and password (registry-username / registry-password, or docker login)`
    )
  }

  missing(): UserError {
    return new UserError(
      `registry ${this.registry}: requires credentials (401) and none were found; log in (docker login, docker/login-action) or pass registry-username and registry-password`
    )
  }
}

function basic(c: RegistryCredentials): string {
  return `Basic ${Buffer.from(`${c.username}:${c.password ?? ''}`).toString('base64')}`
}
