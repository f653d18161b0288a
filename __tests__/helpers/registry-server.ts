// A real OCI registry for tests: Debian's docker-registry on 127.0.0.1 at a free port, its storage
// and configuration in a temp dir, started and stopped by PID. Three setups: plain HTTP, htpasswd
// auth, and htpasswd auth over TLS with a self-signed certificate for IP:127.0.0.1.
import { spawn, execFileSync } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { connect, createServer } from 'node:net'
import * as path from 'node:path'
import { tempDir } from './repo.js'

export interface RegistryOptions {
  /** Require basic auth with this user and password (htpasswd, bcrypt). */
  auth?: { username: string; password: string }
  /** Serve HTTPS with a fresh self-signed certificate. */
  tls?: boolean
}

/** A free TCP port on 127.0.0.1 (closed again before it is returned). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const address = s.address()
      const port = typeof address === 'object' && address ? address.port : 0
      s.close(() => resolve(port))
    })
  })
}

export class RegistryServer {
  /** `127.0.0.1:PORT`: the host part of image references. */
  readonly host: string
  /** The URL of the registry API root. */
  readonly url: string
  /** With tls: a directory holding `ca.crt`, for buildah/skopeo/podman `--cert-dir`. */
  readonly certDir?: string
  /** With tls: the certificate file (PEM), for NODE_EXTRA_CA_CERTS or a client's CA list. */
  readonly caFile?: string

  private constructor(
    readonly dir: string,
    readonly port: number,
    private readonly child: ChildProcess,
    readonly options: RegistryOptions
  ) {
    this.host = `127.0.0.1:${port}`
    this.url = `${options.tls ? 'https' : 'http'}://${this.host}`
    if (options.tls) {
      this.certDir = path.join(dir, 'certs')
      this.caFile = path.join(dir, 'certs', 'ca.crt')
    }
  }

  static async start(options: RegistryOptions = {}): Promise<RegistryServer> {
    const dir = tempDir('imagegraph-registry-')
    const port = await freePort()
    const lines = [
      'version: 0.1',
      'log: { level: error }',
      'storage:',
      `  filesystem: { rootdirectory: ${JSON.stringify(path.join(dir, 'data'))} }`,
      '  delete: { enabled: true }',
      'http:',
      `  addr: 127.0.0.1:${port}`
    ]
    if (options.tls) {
      const certs = path.join(dir, 'certs')
      mkdirSync(certs)
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
          '/CN=imagegraph-test-registry',
          '-addext',
          'subjectAltName=IP:127.0.0.1',
          '-keyout',
          path.join(dir, 'registry.key'),
          '-out',
          path.join(certs, 'ca.crt')
        ],
        { stdio: 'ignore' }
      )
      lines.push(
        '  tls:',
        `    certificate: ${JSON.stringify(path.join(certs, 'ca.crt'))}`,
        `    key: ${JSON.stringify(path.join(dir, 'registry.key'))}`
      )
    }
    if (options.auth) {
      const file = path.join(dir, 'htpasswd')
      const entry = execFileSync('htpasswd', ['-Bbn', options.auth.username, options.auth.password])
      writeFileSync(file, entry)
      lines.push('auth:', `  htpasswd: { realm: imagegraph-test, path: ${JSON.stringify(file)} }`)
    }
    const config = path.join(dir, 'config.yml')
    writeFileSync(config, lines.join('\n') + '\n')
    const child = spawn('docker-registry', ['serve', config], {
      stdio: ['ignore', 'ignore', 'pipe']
    })
    let stderr = ''
    child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()))
    const server = new RegistryServer(dir, port, child, options)
    await waitListening(child, port, () => stderr)
    return server
  }

  /** Stop the server (by its PID) and remove its storage. */
  async stop(): Promise<void> {
    await stopChild(this.child)
    rmSync(this.dir, { recursive: true, force: true })
  }
}

/** Waits until `child` (a docker-registry) accepts connections on 127.0.0.1:port. */
export async function waitListening(
  child: ChildProcess,
  port: number,
  stderr: () => string
): Promise<void> {
  const deadline = Date.now() + 20000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`docker-registry exited: ${stderr()}`)
    const ok = await new Promise<boolean>(resolve => {
      const s = connect(port, '127.0.0.1')
      s.once('connect', () => {
        s.destroy()
        resolve(true)
      })
      s.once('error', () => resolve(false))
    })
    if (ok) return
    await new Promise(r => setTimeout(r, 50))
  }
  throw new Error(`docker-registry did not listen on 127.0.0.1:${port}: ${stderr()}`)
}

/** Stops a server this test started, by its PID, and waits for it to exit. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode === null && child.pid !== undefined) {
    const exited = new Promise(r => child.once('exit', r))
    process.kill(child.pid, 'SIGTERM')
    await exited
  }
}
