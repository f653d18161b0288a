// Bearer-token auth for real: Debian's docker-registry configured with `auth: token`, trusting a
// self-signed certificate, and a small token service on 127.0.0.1 that issues RS256 JWTs signed by
// that certificate's key (x5c in the JWT header, as distribution 2.8 verifies it). Policy: a known
// user with the right password gets what it asks for; anyone else gets pull on `public/*` only.
import { spawn, execFileSync } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { randomUUID, sign } from 'node:crypto'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'

import * as path from 'node:path'
import { freePort, stopChild, waitListening } from './registry-server.js'
import { tempDir } from './repo.js'

const SERVICE = 'imagegraph-test-registry'
const ISSUER = 'imagegraph-test-token-service'

export interface TokenRequest {
  account?: string
  /** Whether the request carried basic credentials (right or wrong). */
  authenticated: boolean
  scopes: string[]
  /** Set when the token came from an OAuth2 POST (an identity token). */
  grant?: 'refresh_token'
}

const b64url = (b: Buffer | string) => Buffer.from(b).toString('base64url')

export class TokenRegistry {
  readonly host: string
  readonly url: string
  readonly options = {}
  readonly caFile = undefined
  private constructor(
    /** Every token request the service answered, in order. */
    readonly requests: TokenRequest[],
    private readonly dir: string,
    readonly port: number,
    private readonly child: ChildProcess,
    private readonly tokenServer: http.Server,
    private readonly key: string,
    private readonly certDer: string
  ) {
    this.host = `127.0.0.1:${port}`
    this.url = `http://${this.host}`
  }

  /**
   * `users`: name -> password for basic auth at the token service; `refreshTokens`: identity
   * token -> user name, for the OAuth2 refresh-token grant.
   */
  static async start(
    users: Record<string, string>,
    refreshTokens: Record<string, string> = {}
  ): Promise<TokenRegistry> {
    const dir = tempDir('imagegraph-token-registry-')
    const keyFile = path.join(dir, 'token.key')
    const certFile = path.join(dir, 'token.crt')
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '2',
        '-subj',
        '/CN=imagegraph-test-token',
        '-keyout',
        keyFile,
        '-out',
        certFile
      ],
      { stdio: 'ignore' }
    )
    const pem = readFileSync(certFile, 'utf8')
    const certDer = pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '')
    const key = readFileSync(keyFile, 'utf8')

    const requests: TokenRequest[] = []
    let issue: (request: TokenRequest) => string = () => ''
    const tokenServer = http.createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (b: Buffer) => chunks.push(b))
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://x')
        // GET with optional basic auth, or the OAuth2 form POST of an identity (refresh) token.
        const form =
          req.method === 'POST' ? new URLSearchParams(Buffer.concat(chunks).toString()) : undefined
        const params = form ?? url.searchParams
        const header = req.headers.authorization ?? ''
        let account: string | undefined
        let authenticated = false
        const refuse = () => {
          res.writeHead(401, { 'Content-Type': 'application/json' })
          res.end('{"details":"wrong username, password or token"}')
        }
        if (form) {
          const user = refreshTokens[form.get('refresh_token') ?? '']
          if (form.get('grant_type') !== 'refresh_token' || !user) return refuse()
          account = user
          authenticated = true
        } else if (header.startsWith('Basic ')) {
          const [user, ...rest] = Buffer.from(header.slice(6), 'base64').toString().split(':')
          if (users[user] === undefined || users[user] !== rest.join(':')) return refuse()
          account = user
          authenticated = true
        }
        const scopes = params
          .getAll('scope')
          .flatMap(s => s.split(' '))
          .filter(Boolean)
        const request: TokenRequest = { account, authenticated, scopes }
        if (form) request.grant = 'refresh_token'
        requests.push(request)
        const token = issue(request)
        res.writeHead(200, { 'Content-Type': 'application/json' })
        // The OAuth2 answer names it access_token; the GET answer names it token.
        res.end(
          JSON.stringify(
            form ? { access_token: token, expires_in: 300 } : { token, expires_in: 300 }
          )
        )
      })
    })
    await new Promise<void>(r => tokenServer.listen(0, '127.0.0.1', () => r()))
    const tokenPort = (tokenServer.address() as AddressInfo).port

    const port = await freePort()
    const config = path.join(dir, 'config.yml')
    writeFileSync(
      config,
      [
        'version: 0.1',
        'log: { level: error }',
        'storage:',
        `  filesystem: { rootdirectory: ${JSON.stringify(path.join(dir, 'data'))} }`,
        '  delete: { enabled: true }',
        'http:',
        `  addr: 127.0.0.1:${port}`,
        'auth:',
        '  token:',
        `    realm: http://127.0.0.1:${tokenPort}/token`,
        `    service: ${SERVICE}`,
        `    issuer: ${ISSUER}`,
        `    rootcertbundle: ${JSON.stringify(certFile)}`
      ].join('\n') + '\n'
    )
    const child = spawn('docker-registry', ['serve', config], {
      stdio: ['ignore', 'ignore', 'pipe']
    })
    let stderr = ''
    child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()))
    const registry = new TokenRegistry(requests, dir, port, child, tokenServer, key, certDer)
    issue = request => registry.mint(request.account, registry.grant(request))
    await waitListening(child, port, () => stderr)
    return registry
  }

  /** What the policy grants for a request's scopes. */
  private grant(request: TokenRequest): { type: string; name: string; actions: string[] }[] {
    return request.scopes.map(scope => {
      const parts = scope.split(':')
      const type = parts[0]
      const actions = parts[parts.length - 1].split(',')
      const name = parts.slice(1, -1).join(':')
      const allowed = request.authenticated
        ? actions
        : name.startsWith('public/')
          ? actions.filter(a => a === 'pull')
          : []
      return { type, name, actions: allowed }
    })
  }

  /** A JWT the registry accepts, for `access`. Tests use it to set up images directly. */
  mint(
    account: string | undefined,
    access: { type: string; name: string; actions: string[] }[]
  ): string {
    const now = Math.floor(Date.now() / 1000)
    const header = { typ: 'JWT', alg: 'RS256', x5c: [this.certDer] }
    const claims = {
      iss: ISSUER,
      sub: account ?? '',
      aud: SERVICE,
      exp: now + 300,
      nbf: now - 10,
      iat: now,
      jti: randomUUID(),
      access
    }
    const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`
    return `${input}.${b64url(sign('sha256', Buffer.from(input), this.key))}`
  }

  /** For the oci helpers: full access to `repository`, as an Authorization header. */
  authorize = (repository: string): string =>
    `Bearer ${this.mint('setup', [{ type: 'repository', name: repository, actions: ['pull', 'push', 'delete'] }])}`

  /** Stops the registry (by PID) and the token service, and removes their files. */
  async stop(): Promise<void> {
    await stopChild(this.child)
    this.tokenServer.closeAllConnections()
    await new Promise(r => this.tokenServer.close(r))
    rmSync(this.dir, { recursive: true, force: true })
  }
}
