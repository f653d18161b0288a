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

export function didYouMean(word: string, candidates: Iterable<string>): string {
  let best = ''
  let bestDistance = Infinity
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase())
    if (d < bestDistance) {
      best = c
      bestDistance = d
    }
  }
  const limit = Math.max(2, Math.floor(word.length / 3))
  return best && bestDistance <= limit ? ` (did you mean '${best}'?)` : ''
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, substitution)
    }
    previous = current
  }
  return previous[b.length]
}
