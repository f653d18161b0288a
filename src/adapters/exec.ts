// The one process-spawning helper every adapter uses: an argument array (never a shell string),
// optional stdin, stdout to a pipe or a file, a chosen environment, live lines, a timeout that
// kills the whole process group (the command and every child it started).
import { spawn } from 'node:child_process'

export interface ExecOptions {
  cwd?: string
  /** The whole environment of the child (not merged with this process's). Default: ours. */
  env?: NodeJS.ProcessEnv
  /** Bytes or text for standard input; stdin is closed (ignored) when absent. */
  input?: string | Buffer
  /** An open file descriptor that receives stdout instead of a pipe (large outputs). */
  stdoutFd?: number
  /** Called with each complete line of stdout / stderr as it arrives (without the newline). */
  onStdoutLine?: (line: string) => void
  onStderrLine?: (line: string) => void
  /** Kill the process group after this many milliseconds (SIGTERM, then SIGKILL 5 s later). */
  timeoutMs?: number
  /** Keep at most this many bytes of each stream (the tail); default unbounded. */
  maxBuffer?: number
}

export interface ExecResult {
  /** Exit code; null when ended by a signal. */
  code: number | null
  signal: NodeJS.Signals | null
  stdout: Buffer
  stderr: Buffer
  timedOut: boolean
}

/** Thrown when the command cannot be started at all (not found, not executable, bad cwd). */
export class SpawnError extends Error {
  constructor(
    readonly command: string,
    readonly code: string | undefined,
    message: string
  ) {
    super(message)
  }
}

class Tail {
  private chunks: Buffer[] = []
  private size = 0
  constructor(private readonly max: number) {}
  push(b: Buffer): void {
    this.chunks.push(b)
    this.size += b.length
    while (this.size > this.max && this.chunks.length > 1) this.size -= this.chunks.shift()!.length
  }
  buffer(): Buffer {
    const all = Buffer.concat(this.chunks)
    return all.length > this.max ? all.subarray(all.length - this.max) : all
  }
}

function lineSplitter(onLine: (line: string) => void): { push(b: Buffer): void; end(): void } {
  let pending = ''
  return {
    push(b: Buffer) {
      pending += b.toString('utf8')
      let nl: number
      while ((nl = pending.indexOf('\n')) !== -1) {
        onLine(pending.slice(0, nl).replace(/\r$/, ''))
        pending = pending.slice(nl + 1)
      }
    },
    end() {
      if (pending) onLine(pending)
      pending = ''
    }
  }
}

function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return
  try {
    process.kill(-pid, signal)
  } catch {
    try {
      process.kill(pid, signal)
    } catch {
      // already gone
    }
  }
}

/**
 * Runs `command` with `args` and resolves when it has exited and its streams are closed. A non-zero
 * exit is a result, not an error; only a failure to start rejects (with a SpawnError).
 */
export function exec(
  command: string,
  args: string[],
  options: ExecOptions = {}
): Promise<ExecResult> {
  return new Promise((resolve, reject) => {
    let child
    try {
      child = spawn(command, args, {
        cwd: options.cwd,
        env: options.env ?? process.env,
        stdio: [
          options.input === undefined ? 'ignore' : 'pipe',
          options.stdoutFd ?? 'pipe',
          'pipe'
        ],
        // Its own process group, so that a timeout kills what it started too.
        detached: true
      })
    } catch (e) {
      reject(new SpawnError(command, (e as NodeJS.ErrnoException).code, (e as Error).message))
      return
    }
    const max = options.maxBuffer ?? Number.MAX_SAFE_INTEGER
    const out = new Tail(max)
    const err = new Tail(max)
    const outLines = options.onStdoutLine ? lineSplitter(options.onStdoutLine) : undefined
    const errLines = options.onStderrLine ? lineSplitter(options.onStderrLine) : undefined
    child.stdout?.on('data', (b: Buffer) => {
      out.push(b)
      outLines?.push(b)
    })
    child.stderr!.on('data', (b: Buffer) => {
      err.push(b)
      errLines?.push(b)
    })
    let timedOut = false
    let timer: NodeJS.Timeout | undefined
    let killTimer: NodeJS.Timeout | undefined
    if (options.timeoutMs !== undefined) {
      timer = setTimeout(() => {
        timedOut = true
        killGroup(child.pid, 'SIGTERM')
        killTimer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), 5000)
        killTimer.unref()
      }, options.timeoutMs)
    }
    let failed = false
    child.on('error', e => {
      failed = true
      if (timer) clearTimeout(timer)
      reject(
        new SpawnError(
          command,
          (e as NodeJS.ErrnoException).code,
          `could not run ${command}: ${e.message}`
        )
      )
    })
    child.on('close', (code, signal) => {
      if (failed) return
      if (timer) clearTimeout(timer)
      if (killTimer) clearTimeout(killTimer)
      // The command is done; anything it left running in its group goes with it.
      if (timedOut) killGroup(child.pid, 'SIGKILL')
      outLines?.end()
      errLines?.end()
      resolve({ code, signal, stdout: out.buffer(), stderr: err.buffer(), timedOut })
    })
    if (options.input !== undefined) {
      child.stdin!.on('error', () => undefined) // a child that exits without reading stdin
      child.stdin!.end(options.input)
    }
  })
}

/**
 * A long-lived child that answers requests written to its stdin (`git cat-file --batch`): the
 * same argument-array spawn, in its own process group. It holds this process open only while a
 * request waits for its answer, so an idle session never delays exit (it ends with its stdin).
 */
export class Session {
  private readonly child
  private waiting = 0
  private failure: Error | undefined

  constructor(
    command: string,
    args: string[],
    options: { cwd?: string; env?: NodeJS.ProcessEnv },
    onStdout: (chunk: Buffer) => void
  ) {
    this.child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true
    })
    const stderr: Buffer[] = []
    this.child.stdout!.on('data', onStdout)
    this.child.stderr!.on('data', (b: Buffer) => stderr.push(b))
    this.child.stdin!.on('error', () => undefined)
    this.child.on('error', e => {
      this.failure = new SpawnError(
        command,
        (e as NodeJS.ErrnoException).code,
        `could not run ${command}: ${e.message}`
      )
    })
    this.child.on('close', code => {
      this.failure ??= new Error(
        `${command} ${args.join(' ')} ended (${code}): ${Buffer.concat(stderr).toString('utf8').trim()}`
      )
      this.onEnd?.(this.failure)
    })
    this.idle()
  }

  /** Called once when the child is gone (an answer still awaited then will never come). */
  onEnd?: (error: Error) => void

  get ended(): Error | undefined {
    return this.failure
  }

  /** Writes a request; the caller calls answered() once its answer has come. */
  write(data: string): void {
    if (this.waiting++ === 0) this.busy()
    this.child.stdin!.write(data)
  }

  answered(): void {
    if (--this.waiting === 0) this.idle()
  }

  /** Ends stdin: the child finishes and exits. */
  close(): void {
    this.child.stdin!.end()
  }

  private busy(): void {
    this.child.ref()
    ;(this.child.stdout as unknown as { ref?: () => void }).ref?.()
    ;(this.child.stderr as unknown as { ref?: () => void }).ref?.()
  }

  private idle(): void {
    this.child.unref()
    ;(this.child.stdout as unknown as { unref?: () => void }).unref?.()
    ;(this.child.stderr as unknown as { unref?: () => void }).unref?.()
    ;(this.child.stdin as unknown as { unref?: () => void }).unref?.()
  }
}
