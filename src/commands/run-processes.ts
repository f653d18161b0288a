// Use case: put in place the outputs of every process the run needs: restore each from the cache
// by its content key, run it on a miss (after the processes it reads), check and save what it
// wrote. Shared by the action (`mode: build`) and the CLI (`imagegraph run`); image builds follow.
import * as path from 'node:path'
import { performance } from 'node:perf_hooks'
import { SpawnError } from '../adapters/exec.js'
import { missingOutputs, removeOutputs } from '../adapters/output-files.js'
import { Slots, defaultParallel } from './slots.js'
import type { Cache, ProcessRunner, Reporter } from '../adapters/ports.js'
import { formatDuration } from '../core/duration.js'
import { UserError } from '../core/errors.js'
import type { Plan } from '../core/plan.js'
import { processEnvironment } from '../core/process-env.js'
import { FAILURE_TAIL_LINES } from '../core/process-results.js'
import type { ProcessResult, ProcessesRun } from '../core/process-results.js'
import { processSteps } from '../core/steps.js'
import type { ProcessStep } from '../core/steps.js'

export interface RunProcessesInput {
  plan: Plan
  /**
   * The images this run will build (affected, and not already in the registry): their upstream
   * processes are restored or run, affected or not. Affected processes that feed no image are
   * handled too; every other process is `not-needed`.
   */
  imagesToBuild: readonly string[]
  /** Absolute path of the repository root (the workspace): outputs and cache paths are relative to it. */
  repository: string
  /**
   * Whether this run may write the cache. The caller decides from `save-cache` and the trust
   * rules: an untrusted event (a fork's pull_request, pull_request_target, workflow_run of a
   * fork's run) never saves.
   */
  saveCache: boolean
  /** How many processes may run at once; default the number of CPUs. */
  parallel?: number
  /** The caller's environment: `pass-env` values and the runner's own variables come from it. */
  callerEnv: Readonly<Record<string, string | undefined>>
}

/** The graph file's directory: outputs, cache paths and commands are relative to it. */
function graphRoot(input: RunProcessesInput): string {
  return path.join(input.repository, path.dirname(input.plan.graphFile))
}

export interface RunProcessesPorts {
  cache: Cache
  runner: ProcessRunner
  reporter: Reporter
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}

/** Replaces every passed value (and each line of a multi-line one) by `***`. */
function redactor(secrets: string[]): (line: string) => string {
  const parts = [...new Set(secrets.flatMap(s => [s, ...s.split(/\r?\n/)]))]
    .filter(s => s.length > 0)
    .sort((a, b) => b.length - a.length)
  if (parts.length === 0) return line => line
  return line => {
    for (const part of parts) line = line.split(part).join('***')
    return line
  }
}

function quoteList(names: string[]): string {
  return names.map(n => `'${n}'`).join(', ')
}

function failedMessage(r: {
  exitCode: number | null
  signal: string | null
  timedOut: boolean
  timeoutSeconds: number
}): string {
  if (r.timedOut)
    return `timed out after ${formatDuration(r.timeoutSeconds)}; killed with its children`
  if (r.exitCode === null) return `killed by ${r.signal ?? 'a signal'}`
  return `exited with code ${r.exitCode}`
}

/** One process, its inputs' outputs already in place: restore, or run, check and save. */
async function handle(
  step: ProcessStep,
  input: RunProcessesInput,
  ports: RunProcessesPorts
): Promise<ProcessResult> {
  const { cache, runner, reporter } = ports
  const node = step.node
  const outputs = node.outputs
  const started = performance.now()
  const result: ProcessResult = {
    name: step.name,
    outcome: 'failed',
    key: step.key,
    cacheKey: step.cacheKey,
    affected: step.affected,
    neededBy: step.neededBy,
    bytesRestored: 0,
    bytesSaved: 0,
    seconds: 0,
    cacheWarnings: []
  }
  const done = (outcome: ProcessResult['outcome'], message?: string): ProcessResult => {
    result.outcome = outcome
    if (message !== undefined) result.message = message
    result.seconds = Math.round((performance.now() - started) / 100) / 10
    return result
  }
  const cacheWarning = (what: string, text: string): void => {
    const line = `${what} ${step.cacheKey} (${cache.description}): ${text}`
    result.cacheWarnings.push(line)
    reporter.warning(`process ${step.name}: ${line}`)
  }

  // What is there now may be stale or half-written: only a restore or a run puts outputs back.
  try {
    await removeOutputs(graphRoot(input), outputs)
  } catch (e) {
    return done('failed', errorText(e))
  }

  // A process without outputs has nothing to restore: it runs whenever it is handled.
  if (outputs.length > 0) {
    try {
      const restored = await cache.restore(step.cacheKey, [...outputs], graphRoot(input))
      if (restored.warning) cacheWarning('restore', restored.warning)
      if (restored.hit) {
        const missing = await missingOutputs(graphRoot(input), outputs)
        if (missing.length === 0) {
          result.bytesRestored = restored.bytes ?? 0
          reporter.info(`${step.name}: restored from the cache (${step.cacheKey})`)
          return done('hit')
        }
        cacheWarning('restore', `the entry lacks ${quoteList(missing)}; running the process`)
        await removeOutputs(graphRoot(input), outputs)
      }
    } catch (e) {
      cacheWarning('restore', errorText(e))
    }
  }

  const environment = processEnvironment(input.callerEnv, node)
  const secrets = Object.values(environment.passed)
  for (const value of secrets) if (value !== '') reporter.mask(value)
  for (const name of environment.missing)
    reporter.warning(`process ${step.name}: pass-env ${name} is not set in the environment`)
  const redact = redactor(secrets)
  const live = reporter.processLine?.bind(reporter)

  let lines: string[] = []
  let failure: string | undefined
  try {
    const run = await runner.run({
      name: step.name,
      script: node.run,
      cwd: graphRoot(input),
      env: environment.env,
      timeoutSeconds: node.timeoutSeconds,
      ...(live ? { onLine: (line: string) => live(step.name, redact(line)) } : {})
    })
    lines = run.output.map(redact)
    if (run.droppedLines > 0)
      lines.unshift(`[imagegraph: ${run.droppedLines} earlier lines of output were not kept]`)
    if (run.timedOut || run.exitCode !== 0)
      failure = failedMessage({ ...run, timeoutSeconds: node.timeoutSeconds })
  } catch (e) {
    failure = e instanceof SpawnError ? e.message : `could not run: ${errorText(e)}`
  }
  if (failure === undefined) {
    const missing = await missingOutputs(graphRoot(input), outputs)
    if (missing.length > 0)
      failure =
        missing.length === 1
          ? `declared output ${quoteList(missing)} was not written`
          : `declared outputs ${quoteList(missing)} were not written`
  }

  if (failure !== undefined) {
    // Nothing half-made may reach an image or a later run.
    await removeOutputs(graphRoot(input), outputs).catch(() => undefined)
    result.outputTail = lines.slice(-FAILURE_TAIL_LINES)
    done('failed', failure)
  } else {
    // Saved at once, so that what finished survives a later failure in the same run.
    if (input.saveCache && outputs.length > 0) {
      try {
        const saved = await cache.save(step.cacheKey, [...outputs], graphRoot(input))
        if (saved.warning) cacheWarning('save', saved.warning)
        if (saved.saved) result.bytesSaved = saved.bytes ?? 0
      } catch (e) {
        cacheWarning('save', errorText(e))
      }
    }
    done('ran')
  }
  const title = `${step.name}: ${result.outcome === 'ran' ? 'ran' : `failed (${failure})`} in ${result.seconds}s`
  if (live) reporter.info(title)
  else reporter.group(title, lines)
  return result
}

/**
 * Restores or runs the processes the run needs, in dependency order, independent ones in
 * parallel. A failed process skips the processes that read it, and nothing else; the caller
 * fails the step when any failed (see processesFailed). Cache trouble is a warning, never a failure.
 */
export async function runProcesses(
  input: RunProcessesInput,
  ports: RunProcessesPorts
): Promise<ProcessesRun> {
  const parallel = input.parallel ?? defaultParallel()
  if (!Number.isInteger(parallel) || parallel < 1)
    throw new UserError(`parallel: ${parallel} is not allowed; give a whole number of at least 1`)
  const steps = processSteps(input.plan, input.imagesToBuild)
  const slots = new Slots(parallel)
  /** Per handled process: its result, and the failed processes that caused a skip. */
  const running = new Map<string, Promise<{ result: ProcessResult; failedRoots: string[] }>>()

  for (const step of steps.levels.flat()) {
    running.set(
      step.name,
      (async () => {
        const upstream = await Promise.all(step.after.map(name => running.get(name)!))
        const failedRoots = [...new Set(upstream.flatMap(u => u.failedRoots))]
        if (failedRoots.length > 0) {
          const message = `skipped: ${failedRoots.length === 1 ? 'process' : 'processes'} ${failedRoots.join(', ')} failed`
          ports.reporter.info(`${step.name}: ${message}`)
          const result: ProcessResult = {
            name: step.name,
            outcome: 'skipped',
            key: step.key,
            cacheKey: step.cacheKey,
            affected: step.affected,
            neededBy: step.neededBy,
            bytesRestored: 0,
            bytesSaved: 0,
            seconds: 0,
            message,
            cacheWarnings: []
          }
          return { result, failedRoots }
        }
        await slots.take()
        try {
          const result = await handle(step, input, ports)
          return { result, failedRoots: result.outcome === 'failed' ? [step.name] : [] }
        } finally {
          slots.give()
        }
      })()
    )
  }

  const handled = new Map<string, ProcessResult>()
  for (const [name, promise] of running) handled.set(name, (await promise).result)
  const processes: ProcessResult[] = []
  for (const name of input.plan.order) {
    const node = input.plan.graph.nodes.get(name)!
    if (node.kind !== 'process') continue
    const planned = input.plan.nodes.get(name)!
    processes.push(
      handled.get(name) ?? {
        name,
        outcome: 'not-needed',
        key: planned.key,
        affected: planned.affected,
        neededBy: [],
        bytesRestored: 0,
        bytesSaved: 0,
        seconds: 0,
        cacheWarnings: []
      }
    )
  }
  return { cache: ports.cache.description, saveCache: input.saveCache, processes }
}
