// The `gha` backend: the GitHub Actions cache through the real `@actions/cache` library.
//
// - Exact keys only. The library matches the primary key by prefix, so a lookup comes first and only
//   an entry under exactly our key is downloaded; restore-keys are never passed.
// - Paths go to the library relative to the workspace: it hashes the path strings into the entry's
//   version, so absolute paths would never hit on a runner whose workspace lies elsewhere. The library
//   resolves them against the working directory and archives them relative to GITHUB_WORKSPACE, so the
//   two must be the same directory. This adapter does not chdir (the working directory is global and
//   other work runs in parallel): when they differ, every call answers with a warning and no cache.
// - The cache is an optimisation: service errors, rate limits, an existing key, an entry too large
//   and timeouts come back as results, never as a throw. A 429's Retry-After is honoured within a
//   small time budget.
import * as cache from '@actions/cache'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import type { Cache, CacheRestoreResult, CacheSaveResult } from '../ports.js'
import { errorText, removePaths } from './files.js'
import { withLibraryLog } from './library-log.js'
import type { LibraryLine } from './library-log.js'

export interface ActionsCacheOptions {
  /**
   * Longest total wait for 429s' Retry-After over all calls of this backend (one run); once spent, a
   * rate-limited call gives up at once with a warning. Default 60 s.
   */
  rateLimitBudgetMs?: number
  /** Receives the library's own log lines (for a debug log). */
  log?: (line: string) => void
  /**
   * Receives values the library wants masked (the signatures of its blob URLs); default: write
   * `::add-mask::` to standard output for the runner. The CLI passes its reporter's mask instead.
   */
  mask?: (secret: string) => void
  /** For tests that must not wait. */
  sleep?: (ms: number) => Promise<void>
  /** Abort a download segment after this long; default 10 minutes. */
  downloadTimeoutMs?: number
  /**
   * Give up on a lookup or a save after this long; default 5 minutes. (The library sets no timeout
   * on its control calls.) A download is not cut this way: the library would go on extracting into
   * the workspace after we had reported a miss.
   */
  callTimeoutMs?: number
}

/** What the library's log lines say about one call. */
export interface LibraryOutcome {
  /** Warnings and errors, in order (the library logs 5xx failures as errors). */
  problems: string[]
  rateLimited: boolean
  /** Seconds from the 429's Retry-After, when the service sent one. */
  retryAfterSeconds?: number
  /** The reason CreateCacheEntry failed (the library logs it at debug level only). */
  reserveFailure?: string
  /** Archive bytes downloaded or uploaded, when reported. */
  bytes?: number
  /** The runner's cache mode forbids this call (ACTIONS_CACHE_MODE). */
  skipped?: string
}

export function readLibraryLog(lines: LibraryLine[]): LibraryOutcome {
  const outcome: LibraryOutcome = { problems: [], rateLimited: false }
  for (const { level, message } of lines) {
    const retry = /rate limit will reset in (\d+) seconds/.exec(message)
    if (retry) {
      outcome.rateLimited = true
      outcome.retryAfterSeconds = Number(retry[1])
      continue
    }
    if (/Rate limited:/.test(message)) outcome.rateLimited = true
    if (level === 'warning' || level === 'error') outcome.problems.push(message)
    if (level === 'debug' && message.startsWith('Failed to reserve cache: '))
      outcome.reserveFailure = message.slice('Failed to reserve cache: '.length)
    if (/^Cache (save|restore) skipped: /.test(message)) outcome.skipped = message
    const restored = /^Cache Size: ~\d+ MB \((\d+) B\)/.exec(message)
    if (restored) outcome.bytes = Number(restored[1])
    const uploaded = level === 'debug' ? /^File Size: (\d+)$/.exec(message) : null
    if (uploaded) outcome.bytes = Number(uploaded[1])
  }
  return outcome
}

/** The characters `@actions/glob` or tar's --files-from would read as something other than a name. */
function libraryPathProblem(p: string): string | undefined {
  if (/[*?[\]\\\n\r]/.test(p) || /^[!#~-]/.test(p))
    return `path ${JSON.stringify(p)} has characters @actions/cache would read as a pattern`
  return undefined
}

export class ActionsCache implements Cache {
  readonly description = 'gha'
  private readonly budgetMs: number
  private readonly sleep: (ms: number) => Promise<void>
  /** Rate-limit waiting spent so far, by every call (parallel waits count each). */
  private waitedMs = 0

  constructor(private readonly options: ActionsCacheOptions = {}) {
    this.budgetMs = options.rateLimitBudgetMs ?? 60_000
    this.sleep = options.sleep ?? (ms => new Promise(resolve => setTimeout(resolve, ms)))
  }

  /** `paths` (relative to `root`) as the library must see them: relative to the workspace. */
  private async workspacePaths(
    paths: string[],
    root: string
  ): Promise<{ paths: string[] } | { problem: string }> {
    if (paths.length === 0) return { problem: 'no paths given' }
    const cwd = await fs.realpath(process.cwd())
    // The library's own fallback when GITHUB_WORKSPACE is unset (the CLI): the working directory.
    const workspaceVar = process.env['GITHUB_WORKSPACE']
    const workspace = workspaceVar ? await fs.realpath(workspaceVar).catch(() => workspaceVar) : cwd
    if (workspace !== cwd)
      return {
        problem: `the working directory ${cwd} is not GITHUB_WORKSPACE (${workspace}); @actions/cache needs them equal`
      }
    const rel = path.relative(workspace, await fs.realpath(root))
    if (rel.startsWith('..') || path.isAbsolute(rel))
      return { problem: `${root} is outside the workspace ${workspace}` }
    const prefix = rel === '' ? '' : rel.split(path.sep).join('/') + '/'
    const mapped = paths.map(p => prefix + p)
    for (const p of mapped) {
      const why = libraryPathProblem(p)
      if (why) return { problem: why }
    }
    return { paths: mapped }
  }

  private timed<T>(work: Promise<T>): Promise<T> {
    const ms = this.options.callTimeoutMs ?? 300_000
    let timer: ReturnType<typeof setTimeout> | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms)
      timer.unref?.()
    })
    return Promise.race([work, timeout]).finally(() => clearTimeout(timer))
  }

  /** Run one library call, waiting out a 429's Retry-After while the budget allows. */
  private async call<T>(fn: () => Promise<T>): Promise<{
    value?: T
    thrown?: unknown
    outcome: LibraryOutcome
    gaveUpAfter429?: number
    rateLimitedBefore?: boolean
  }> {
    let rateLimitedBefore = false
    for (;;) {
      const { value, thrown, lines } = await withLibraryLog(fn, this.options.mask)
      for (const l of lines) this.options.log?.(`@actions/cache ${l.level}: ${l.message}`)
      const outcome = readLibraryLog(lines)
      if (!outcome.rateLimited) return { value, thrown, outcome, rateLimitedBefore }
      const waitMs = (outcome.retryAfterSeconds ?? Infinity) * 1000
      if (this.waitedMs + waitMs > this.budgetMs)
        return { value, thrown, outcome, gaveUpAfter429: outcome.retryAfterSeconds ?? -1 }
      this.waitedMs += waitMs
      rateLimitedBefore = true
      await this.sleep(waitMs)
    }
  }

  private rateLimitWarning(what: string, key: string, retryAfter: number): string {
    const when = retryAfter >= 0 ? `asked to retry after ${retryAfter} s` : 'gave no Retry-After'
    const left = Math.round((this.budgetMs - this.waitedMs) / 1000)
    return `cache gha: ${what} ${key} skipped: rate limited (429); the service ${when}, beyond what is left (${left} s) of this run's ${Math.round(this.budgetMs / 1000)} s budget for waiting`
  }

  async restore(key: string, paths: string[], root: string): Promise<CacheRestoreResult> {
    try {
      return await this.tryRestore(key, paths, root)
    } catch (e) {
      return { hit: false, warning: `cache gha: restoring ${key} failed: ${errorText(e)}` }
    }
  }

  async save(key: string, paths: string[], root: string): Promise<CacheSaveResult> {
    try {
      return await this.trySave(key, paths, root)
    } catch (e) {
      return { saved: false, warning: `cache gha: saving ${key} failed: ${errorText(e)}` }
    }
  }

  private async tryRestore(
    key: string,
    paths: string[],
    root: string
  ): Promise<CacheRestoreResult> {
    const where = await this.workspacePaths(paths, root)
    if ('problem' in where)
      return { hit: false, warning: `cache gha: not restoring ${key}: ${where.problem}` }
    const lookup = await this.call(() =>
      this.timed(cache.restoreCache(where.paths, key, [], { lookupOnly: true }))
    )
    const lookupWarning = this.restoreWarning(key, lookup)
    if (lookupWarning) return { hit: false, warning: lookupWarning }
    // A prefix match of a longer key holds other inputs' outputs: a miss, not downloaded.
    if (lookup.value !== key) return { hit: false }
    try {
      // Restore replaces what is at the paths; tar alone would leave files the entry does not have.
      await removePaths(root, paths)
    } catch (e) {
      return { hit: false, warning: `cache gha: not restoring ${key}: ${errorText(e)}` }
    }
    const download = await this.call(() =>
      cache.restoreCache(where.paths, key, [], {
        segmentTimeoutInMs: this.options.downloadTimeoutMs ?? 600_000
      })
    )
    const warning = this.restoreWarning(key, download)
    if (!warning && download.value === key) return { hit: true, bytes: download.outcome.bytes }
    // A failed or cut-off extraction may have left part of an archive in place.
    await removePaths(root, paths).catch(() => undefined)
    return {
      hit: false,
      warning:
        warning ??
        (download.value === undefined
          ? `cache gha: ${key} was found but not restored`
          : `cache gha: asked for ${key}, the service sent ${download.value}; discarded`)
    }
  }

  private restoreWarning(
    key: string,
    r: { thrown?: unknown; outcome: LibraryOutcome; gaveUpAfter429?: number }
  ): string | undefined {
    if (r.gaveUpAfter429 !== undefined)
      return this.rateLimitWarning('restoring', key, r.gaveUpAfter429)
    if (r.thrown !== undefined) return `cache gha: restoring ${key} failed: ${errorText(r.thrown)}`
    if (r.outcome.problems.length > 0)
      return `cache gha: restoring ${key} failed: ${r.outcome.problems.join('; ')}`
    return undefined
  }

  private async trySave(key: string, paths: string[], root: string): Promise<CacheSaveResult> {
    const where = await this.workspacePaths(paths, root)
    if ('problem' in where)
      return { saved: false, warning: `cache gha: not saving ${key}: ${where.problem}` }
    // A save cut short may go on uploading in the background; that costs nothing but time.
    const r = await this.call(() => this.timed(cache.saveCache(where.paths, key)))
    const { outcome } = r
    // GitHub answers 409 "cache entry with the same key, version, and scope already exists": the
    // same key means the same content, saved by another job.
    if (outcome.reserveFailure && /\(409\)|already exists/i.test(outcome.reserveFailure)) {
      // Unless our own earlier try created it and was rate limited before committing it.
      if (!r.rateLimitedBefore) return { saved: false, alreadyExists: true }
      return {
        saved: false,
        warning: `cache gha: saving ${key} failed: rate limited (429) after the entry was created; it may not have been committed`
      }
    }
    if (r.gaveUpAfter429 !== undefined)
      return { saved: false, warning: this.rateLimitWarning('saving', key, r.gaveUpAfter429) }
    if (r.thrown !== undefined)
      return { saved: false, warning: `cache gha: saving ${key} failed: ${errorText(r.thrown)}` }
    if (typeof r.value === 'number' && r.value !== -1 && outcome.problems.length === 0)
      return { saved: true, bytes: outcome.bytes }
    const reasons = [...outcome.problems]
    if (outcome.skipped) reasons.push(outcome.skipped)
    if (outcome.reserveFailure)
      reasons.push(`could not create the entry: ${outcome.reserveFailure}`)
    if (reasons.length === 0) reasons.push('the library saved nothing and said nothing')
    return { saved: false, warning: `cache gha: saving ${key} failed: ${reasons.join('; ')}` }
  }
}
