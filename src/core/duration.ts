// Durations in the graph file (a process's `timeout`): hours, minutes and seconds, as people write
// them in CI files: `90s`, `30m`, `1h`, `1h30m`.

/** A process whose graph entry names no `timeout` is killed after an hour. */
export const DEFAULT_TIMEOUT_SECONDS = 60 * 60

/** One week: longer than any CI job may run, and within what a timer can hold (24.8 days). */
export const MAX_TIMEOUT_SECONDS = 7 * 24 * 60 * 60

const DURATION = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/

/** Seconds, or a message saying what is wrong and what is allowed. */
export function parseDuration(text: string): { seconds: number } | { error: string } {
  const m = DURATION.exec(text)
  const example = 'write hours, minutes and seconds, e.g. 90s, 30m, 1h or 1h30m'
  if (!m || text === '') return { error: `'${text}' is not a duration; ${example}` }
  const [h, min, s] = [m[1], m[2], m[3]].map(v => (v === undefined ? 0 : Number(v)))
  const seconds = h * 3600 + min * 60 + s
  if (seconds === 0) return { error: `'${text}' is no time at all; a timeout is at least 1s` }
  if (seconds > MAX_TIMEOUT_SECONDS)
    return {
      error: `'${text}' is longer than ${formatDuration(MAX_TIMEOUT_SECONDS)}, the longest timeout`
    }
  return { seconds }
}

/** The shortest spelling parseDuration reads back: 5400 -> `1h30m`. */
export function formatDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600)
  const m = Math.floor((seconds % 3600) / 60)
  const s = seconds % 60
  const text = `${h ? `${h}h` : ''}${m ? `${m}m` : ''}${s ? `${s}s` : ''}`
  return text || '0s'
}
