/** A mistake the user can fix (bad graph file, unknown revision, bad flag). Exit status 1, no stack. */
export class UserError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UserError'
  }
}

export interface Problem {
  file: string
  line: number
  col: number
  /** Where in the graph, e.g. `images.api.inputs[1]`. */
  path: string
  message: string
  severity: 'error' | 'warning'
}

export function formatProblem(p: Problem): string {
  const where = p.path ? ` ${p.path}:` : ''
  const level = p.severity === 'warning' ? ' warning:' : ''
  return `${p.file}:${p.line}:${p.col}${where}${level} ${p.message}`
}

/** Problems in the order a reader meets them in the file. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.line - b.line || a.col - b.col)
}

/** Every problem of a graph file at once, one line each. */
export class GraphError extends UserError {
  constructor(readonly problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'))
    this.name = 'GraphError'
  }
}

/** Suggestions are worked out for at most this many different unknown words per Suggestions. */
export const MAX_SUGGESTED_WORDS = 100

/** The farthest a suggestion may be from the word: a third of its length, at least 2. */
function suggestionLimit(word: string): number {
  return Math.max(2, Math.floor(word.length / 3))
}

/** ` (did you mean 'x'?)` for the closest candidate within reach, or ''. First of equals wins. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const best = closestWord(word, candidates)
  return best === undefined ? '' : ` (did you mean '${best}'?)`
}

/** The candidate closest to word within reach (for a message's did-you-mean), if any. */
export function closestWord(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase()
  let best: string | undefined
  // Once one is found only a closer candidate matters: the bound shrinks as they come.
  let bound = suggestionLimit(word)
  for (const c of candidates) {
    if (Math.abs(c.length - word.length) > bound) continue
    const d = boundedEditDistance(lower, c.toLowerCase(), bound)
    if (d > bound) continue
    best = c
    if (d === 0) break
    bound = d - 1
  }
  return best
}

/**
 * didYouMean over one large set of names for many unknown words: each word is worked out once,
 * and after MAX_SUGGESTED_WORDS different words no more are (a file with that many typos needs no
 * hints), so that a graph of thousands of nodes with one renamed shared input validates at once.
 */
export class Suggestions {
  private readonly candidates: string[]
  private readonly cache = new Map<string, string>()

  constructor(candidates: Iterable<string>) {
    this.candidates = [...candidates]
  }

  for(word: string): string {
    const known = this.cache.get(word)
    if (known !== undefined) return known
    if (this.cache.size >= MAX_SUGGESTED_WORDS) return ''
    const out = didYouMean(word, this.candidates)
    this.cache.set(word, out)
    return out
  }
}

/**
 * Levenshtein distance of a and b, or bound + 1 as soon as it is certain to exceed bound: only a
 * band of 2 * bound + 1 cells per row is filled, and a row whose every cell exceeds bound stops.
 */
export function boundedEditDistance(a: string, b: string, bound: number): number {
  if (Math.abs(a.length - b.length) > bound) return bound + 1
  const over = bound + 1
  let previous = new Array<number>(b.length + 1)
  let current = new Array<number>(b.length + 1)
  for (let j = 0; j <= b.length; j++) previous[j] = j <= bound ? j : over
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - bound)
    const to = Math.min(b.length, i + bound)
    current.fill(over)
    current[0] = i <= bound ? i : over
    let rowMin = current[0]
    for (let j = from; j <= to; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)
      const d = Math.min(previous[j] + 1, current[j - 1] + 1, substitution, over)
      current[j] = d
      if (d < rowMin) rowMin = d
    }
    if (rowMin > bound) return over
    ;[previous, current] = [current, previous]
  }
  return Math.min(previous[b.length], over)
}
