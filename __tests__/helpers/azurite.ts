// A real Azure blob store for tests: npm `azurite` (3.35.0) on 127.0.0.1 at the port it picks, its
// state in a temp dir, stopped by PID. The Actions cache keeps its archives in Azure blob storage and
// `@actions/cache` talks to it with the Azure SDK, so this is the real protocol.
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import * as path from 'node:path'
import { ROOT, tempDir } from './repo.js'

/** Azurite's fixed development account (documented; not a secret). */
export const AZURITE_ACCOUNT = 'devstoreaccount1'
export const AZURITE_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='

export class Azurite {
  /** `http://127.0.0.1:PORT/devstoreaccount1`: the account's blob endpoint. */
  readonly accountUrl: string

  private constructor(
    readonly port: number,
    readonly dir: string,
    private readonly child: ChildProcess
  ) {
    this.accountUrl = `http://127.0.0.1:${port}/${AZURITE_ACCOUNT}`
  }

  static async start(): Promise<Azurite> {
    const dir = tempDir('imagegraph-azurite-')
    const bin = path.join(ROOT, 'node_modules', '.bin', 'azurite-blob')
    const child = spawn(
      bin,
      [
        '--blobHost',
        '127.0.0.1',
        '--blobPort',
        '0',
        '--location',
        dir,
        '--disableTelemetry',
        '--skipApiVersionCheck',
        '--loose'
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] }
    )
    const port = await new Promise<number>((resolve, reject) => {
      let out = ''
      const timer = setTimeout(() => reject(new Error(`azurite did not start: ${out}`)), 30000)
      const onData = (b: Buffer) => {
        out += b.toString()
        const m = /listens on http:\/\/127\.0\.0\.1:(\d+)/.exec(out)
        if (m) {
          clearTimeout(timer)
          resolve(Number(m[1]))
        }
      }
      child.stdout!.on('data', onData)
      child.stderr!.on('data', onData)
      child.once('exit', code => {
        clearTimeout(timer)
        reject(new Error(`azurite exited with ${code}: ${out}`))
      })
    })
    child.stdout!.resume()
    child.stderr!.resume()
    return new Azurite(port, dir, child)
  }

  async stop(): Promise<void> {
    const child = this.child
    if (child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise<void>(resolve => child.once('exit', () => resolve()))
    process.kill(child.pid!, 'SIGTERM')
    const timer = setTimeout(() => {
      if (child.exitCode === null) process.kill(child.pid!, 'SIGKILL')
    }, 5000)
    await exited
    clearTimeout(timer)
  }
}
