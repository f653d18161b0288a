// What happened to each process of a run, as data: the command fills it, the renderers show it,
// the action's `processes` output is its JSON.

/**
 * hit: restored from the cache, the command did not run. ran: the command ran (a miss) and every
 * declared output exists. failed: the command failed, timed out or left an output missing.
 * skipped: a process it reads failed. not-needed: this run needs neither its outputs nor a run.
 */
export type ProcessOutcome = 'hit' | 'ran' | 'failed' | 'skipped' | 'not-needed'

/** How many lines of a failed process's output the results keep. */
export const FAILURE_TAIL_LINES = 30

export interface ProcessResult {
  name: string
  outcome: ProcessOutcome
  /** The content key. */
  key: string
  /** The cache entry of its outputs (absent for not-needed). */
  cacheKey?: string
  affected: boolean
  /** Images of this run that need its outputs. */
  neededBy: string[]
  bytesRestored: number
  bytesSaved: number
  /** Wall time of its restore, run and save. */
  seconds: number
  /** One line on a failure or a skip: "exited with code 2", "skipped: process gen failed". */
  message?: string
  /** The last FAILURE_TAIL_LINES lines of output of a failed process (pass-env values as ***). */
  outputTail?: string[]
  /** Cache trouble that cost time but failed nothing: one line each. */
  cacheWarnings: string[]
}

export interface ProcessesRun {
  /** The cache backend, e.g. `gha`, `local:/path`, `none`. */
  cache: string
  saveCache: boolean
  /** Every process of the graph, in graph order (inputs first). */
  processes: ProcessResult[]
}

export function processesFailed(run: ProcessesRun): string[] {
  return run.processes.filter(p => p.outcome === 'failed').map(p => p.name)
}

export interface ProcessesJson {
  schema: 'imagegraph-processes/v1'
  cache: string
  saveCache: boolean
  processes: Record<string, Omit<ProcessResult, 'name'>>
  hit: string[]
  ran: string[]
  failed: string[]
  skipped: string[]
}

/** The action's `processes` output and `imagegraph run --json`'s processes part. */
export function processesToJson(run: ProcessesRun): ProcessesJson {
  const named = (outcome: ProcessOutcome) =>
    run.processes.filter(p => p.outcome === outcome).map(p => p.name)
  return {
    schema: 'imagegraph-processes/v1',
    cache: run.cache,
    saveCache: run.saveCache,
    processes: Object.fromEntries(run.processes.map(({ name, ...rest }) => [name, rest])),
    hit: named('hit'),
    ran: named('ran'),
    failed: named('failed'),
    skipped: named('skipped')
  }
}
