// A private Docker daemon for tests: Debian's dockerd with its own data root, exec root, pid file and
// unix socket in a temp dir, no iptables, no IP forwarding, no bridge; overlay2 first, vfs when
// overlay cannot run here. Stopped by its PID (it stops the containerd it started).
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { existsSync, rmSync } from 'node:fs'
import * as path from 'node:path'
import { exec } from '../../src/adapters/exec.js'
import { tempDir } from './repo.js'

export class DockerDaemon {
  private constructor(
    readonly dir: string,
    /** `unix://<dir>/docker.sock`, for DOCKER_HOST. */
    readonly host: string,
    readonly storageDriver: string,
    private readonly child: ChildProcess
  ) {}

  /** Starts dockerd, or explains in one line why it cannot run here. */
  static async start(): Promise<DockerDaemon | { reason: string }> {
    const reasons: string[] = []
    for (const driver of ['overlay2', 'vfs']) {
      const started = await DockerDaemon.tryStart(driver)
      if (started instanceof DockerDaemon) return started
      reasons.push(`${driver}: ${started.reason}`)
    }
    return { reason: `dockerd could not start: ${reasons.join('; ')}` }
  }

  private static async tryStart(driver: string): Promise<DockerDaemon | { reason: string }> {
    // Short: a unix socket path is limited to 108 bytes.
    const dir = tempDir('igd-')
    const socket = path.join(dir, 'docker.sock')
    const args = [
      '--data-root',
      path.join(dir, 'data'),
      '--exec-root',
      path.join(dir, 'exec'),
      '--pidfile',
      path.join(dir, 'dockerd.pid'),
      '-H',
      `unix://${socket}`,
      '--iptables=false',
      '--ip-forward=false',
      '--bridge=none',
      '--storage-driver',
      driver,
      '--log-level',
      'warn'
    ]
    const child = spawn('dockerd', args, { stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()))
    const spawnError = new Promise<string>(resolve => child.once('error', e => resolve(e.message)))
    const daemon = new DockerDaemon(dir, `unix://${socket}`, driver, child)
    const deadline = Date.now() + 60000
    while (Date.now() < deadline) {
      const failed = await Promise.race([
        spawnError,
        new Promise<undefined>(r => setTimeout(r, 250))
      ])
      if (failed) return { reason: failed }
      if (child.exitCode !== null) {
        const last = stderr.trim().split('\n').slice(-1)[0] ?? ''
        rmSync(dir, { recursive: true, force: true })
        return { reason: `exited with ${child.exitCode}: ${last}` }
      }
      if (existsSync(socket)) {
        const r = await exec('docker', ['version', '--format', '{{.Server.Version}}'], {
          env: { ...process.env, DOCKER_HOST: daemon.host }
        })
        if (r.code === 0) return daemon
      }
    }
    await daemon.stop()
    return {
      reason: `no answer on ${socket} within 60 s; ${stderr.trim().split('\n').slice(-1)[0] ?? ''}`
    }
  }

  /** SIGTERM to dockerd's PID, wait for it, then remove its state. */
  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.pid !== undefined) {
      const exited = new Promise(r => this.child.once('exit', r))
      process.kill(this.child.pid, 'SIGTERM')
      await exited
    }
    rmSync(this.dir, { recursive: true, force: true })
  }
}
