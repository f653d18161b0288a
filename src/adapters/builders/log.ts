// What every builder adapter does around its commands: run each step through the one spawn helper,
// keep the tail of the output for a failure's report, and time the whole build.
import { performance } from 'node:perf_hooks'
import type { BuildResult } from '../ports.js'
import { SpawnError, exec } from '../exec.js'

/** How many lines of a failed build's output go to the report (the summary shows them). */
export const LOG_TAIL_LINES = 30

/** One command of a build: the argument array (never a shell string) and its environment. */
export interface Step {
  command: string
  args: string[]
  env?: NodeJS.ProcessEnv
  /** For the failure line: `buildah bud`, `docker push 127.0.0.1:5000/a:1`. */
  what: string
}

export class BuildLog {
  private readonly tail: string[] = []
  private readonly started = performance.now()
  /** The standard output of the last step, for adapters that read a result from it. */
  lastStdout = ''

  constructor(private readonly onLine?: (line: string) => void) {}

  line(text: string): void {
    this.tail.push(text)
    if (this.tail.length > LOG_TAIL_LINES) this.tail.shift()
    this.onLine?.(text)
  }

  /** Runs one step; its output goes to the tail (both streams, in arrival order). */
  async run(step: Step): Promise<{ ok: true } | { ok: false; error: string }> {
    try {
      const r = await exec(step.command, step.args, {
        env: step.env,
        onStdoutLine: l => this.line(l),
        onStderrLine: l => this.line(l),
        maxBuffer: 1 << 20
      })
      this.lastStdout = r.stdout.toString('utf8')
      if (r.code === 0) return { ok: true }
      const how = r.code === null ? `was killed by ${r.signal}` : `exited with ${r.code}`
      return { ok: false, error: `${step.what} ${how}` }
    } catch (e) {
      if (e instanceof SpawnError) {
        const why =
          e.code === 'ENOENT' ? `${step.command} is not installed (not on PATH)` : e.message
        this.line(why)
        return { ok: false, error: `${step.what}: ${why}` }
      }
      throw e
    }
  }

  seconds(): number {
    return Math.round((performance.now() - this.started) / 100) / 10
  }

  failure(error: string, partial: Partial<BuildResult> = {}): BuildResult {
    return { ...partial, ok: false, error, logTail: [...this.tail], seconds: this.seconds() }
  }

  success(result: Omit<BuildResult, 'ok' | 'logTail' | 'seconds'>): BuildResult {
    return { ...result, ok: true, logTail: [], seconds: this.seconds() }
  }
}

/** `sha256:<hex>` from what a builder wrote to its id or digest file (with or without the prefix). */
export function normaliseDigest(text: string): string | undefined {
  const m = /(?:sha256:)?([0-9a-f]{64})/.exec(text.trim())
  return m ? `sha256:${m[1]}` : undefined
}

/** The tag a build that is not pushed gets, so that a person finds it: `localhost/imagegraph/api:<key>`. */
export function localTag(image: string, key: string): string {
  const repo = image.toLowerCase().replace(/[^a-z0-9._/-]+/g, '-')
  const tag = key.replace(/[^A-Za-z0-9_.-]+/g, '-').slice(0, 128)
  return `localhost/imagegraph/${repo}:${tag}`
}
