// Path matching that scales: every glob is compiled once and filed under its fixed directory
// prefix, so a path is tested only against the patterns anchored at one of its ancestors (plus the
// few with no fixed prefix). 100,000 paths x 2,000 globs costs a lookup per directory level, not
// a cross product.
import picomatch from 'picomatch'

// dot: dotfiles match; flags 's': a file name with a newline still matches `**` and `*`.
const GLOB_OPTIONS = { dot: true, flags: 's' }

/**
 * Canonical form of a pattern: an optional leading '!', no leading './'; a trailing '/' means a
 * directory, so `cfg/` is `cfg/**` (everything under cfg, not a file named cfg).
 */
export function normalizeGlob(raw: string): string {
  const negated = raw.startsWith('!')
  let body = negated ? raw.slice(1) : raw
  while (body.startsWith('./')) body = body.slice(2)
  if (body.length > 1 && body.endsWith('/') && !body.endsWith('\\/'))
    body = `${body.replace(/\/+$/, '')}/**`
  return (negated ? '!' : '') + body
}

/** The scan of a pattern, its fixed base with escapes (`\[`) taken as the characters they name. */
function scanOf(pattern: string): { isGlob: boolean; glob: string; base: string } {
  const scan = picomatch.scan(pattern)
  // Not picomatch's own unescape: it drops every backslash, `\\` (a backslash) included.
  const base = scan.isGlob ? scan.base : pattern
  return {
    isGlob: scan.isGlob,
    glob: scan.glob,
    base: base.includes('\\') ? base.replace(/\\(.)/gs, '$1') : base
  }
}

/** Why a pattern is unusable, or undefined when it is fine. */
export function checkGlob(raw: string): string | undefined {
  const body = normalizeGlob(raw).replace(/^!/, '')
  if (body === '') return `'${raw}' is an empty pattern`
  if (body.startsWith('!')) return `'${raw}' negates twice; write one '!'`
  if (body.startsWith('/'))
    return `'${raw}' is absolute; patterns are relative to the repository root`
  if (body.split('/').includes('..')) return `'${raw}' reaches outside the repository ('..')`
  const unbalanced = firstUnbalanced(body)
  if (unbalanced) return `'${raw}' is not a valid glob: ${unbalanced}`
  // Only extglobs and classes can still fail to compile; compiling every pattern costs a
  // noticeable share of a large graph's parse.
  if (/[([]/.test(body)) {
    try {
      picomatch.makeRe(body, GLOB_OPTIONS)
    } catch (e) {
      return `'${raw}' is not a valid glob: ${(e as Error).message}`
    }
  }
  return undefined
}

function firstUnbalanced(pattern: string): string | undefined {
  const pairs: Record<string, string> = { '[': ']', '{': '}', '(': ')' }
  const closers: Record<string, string> = { ']': '[', '}': '{', ')': '(' }
  const stack: string[] = []
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]
    if (c === '\\') {
      i++
      continue
    }
    if (stack[stack.length - 1] === '[') {
      if (c === ']' && pattern[i - 1] !== '[') stack.pop()
      continue
    }
    if (pairs[c]) stack.push(c)
    else if (closers[c]) {
      if (stack[stack.length - 1] !== closers[c]) return `'${c}' without a matching '${closers[c]}'`
      stack.pop()
    }
  }
  return stack.length > 0 ? `unclosed '${stack[stack.length - 1]}'` : undefined
}

/**
 * A matcher for one pattern. A pattern without wildcards names a file or a directory: it matches
 * that path and everything under it, as a git pathspec does.
 */
export function compilePattern(pattern: string): (path: string) => boolean {
  const scan = scanOf(pattern)
  if (!scan.isGlob) {
    const literal = scan.base
    return path => path === literal || path.startsWith(`${literal}/`)
  }
  return picomatch(pattern, GLOB_OPTIONS)
}

/**
 * The path a pattern names whole (`dir/**`, or a path without wildcards: it and everything under
 * it), or undefined when the pattern selects among files.
 */
export function wholePathOf(pattern: string): string | undefined {
  const scan = scanOf(pattern)
  return !scan.isGlob || scan.glob === '**' ? scan.base : undefined
}

/** The fixed directory a pattern cannot match outside of ('' when it has none), unescaped. */
export function anchorOf(pattern: string): string {
  return scanOf(pattern).base
}

export interface Entry<T> {
  target: T
  /** undefined: everything at or under the anchor matches. */
  test?: (path: string) => boolean
  exactOnly?: boolean
}

export class PathIndex<T> {
  private readonly byAnchor = new Map<string, Array<Entry<T>>>()

  private add(anchor: string, entry: Entry<T>): void {
    const list = this.byAnchor.get(anchor)
    if (list) list.push(entry)
    else this.byAnchor.set(anchor, [entry])
  }

  /** A positive pattern (glob or literal path). */
  addPattern(pattern: string, target: T): void {
    const scan = scanOf(pattern)
    // `dir/**` is everything under dir: a lookup, no regular expression to run.
    if (scan.isGlob && scan.glob === '**') this.add(scan.base, { target })
    else if (scan.isGlob) this.add(scan.base, { target, test: picomatch(pattern, GLOB_OPTIONS) })
    else this.add(scan.base, { target })
  }

  /** Everything under a directory ('' is the whole repository). */
  addDirectory(dir: string, target: T): void {
    this.add(dir, { target })
  }

  /** Exactly one path. */
  addFile(path: string, target: T): void {
    this.add(path, { target, exactOnly: true })
  }

  /** Calls found(target) for every entry matching path; a target may be reported more than once. */
  match(path: string, found: (target: T) => void): void {
    const visit = (anchor: string, isPath: boolean) => {
      const list = this.byAnchor.get(anchor)
      if (list)
        for (const e of list)
          if ((isPath || !e.exactOnly) && (!e.test || e.test(path))) found(e.target)
    }
    visit('', false)
    for (let slash = path.indexOf('/'); slash !== -1; slash = path.indexOf('/', slash + 1))
      visit(path.slice(0, slash), false)
    visit(path, true)
  }

  /** A walker over many paths in sorted order (see SortedWalk). */
  walk(): SortedWalk<T> {
    const above = new Map<string, Array<Entry<T>>>()
    const children = new Map<string, Map<string, Array<Entry<T>>>>()
    for (const [anchor, list] of this.byAnchor) {
      const nonExact = list.filter(e => !e.exactOnly)
      if (nonExact.length > 0) above.set(anchor, nonExact)
      if (anchor === '') continue
      const cut = anchor.lastIndexOf('/')
      const parent = cut === -1 ? '' : anchor.slice(0, cut)
      let siblings = children.get(parent)
      if (!siblings) children.set(parent, (siblings = new Map()))
      siblings.set(anchor, list)
    }
    return new SortedWalk(above, children)
  }
}

const NO_ENTRIES: never[] = []

/**
 * The candidates for paths that come in sorted order, as git lists them: the ancestor directories
 * of the last path stay on a stack, so moving to the next path looks up only the directories it
 * enters, not every ancestor of every path (100,000 files sit in some 50,000 directories).
 */
export class SortedWalk<T> {
  /** levels[0] is the root; levels[k] the k-th directory down to the current path's. */
  readonly levels: Array<Array<Entry<T>>>
  private readonly dirs: string[] = ['']
  private readonly within: Array<Map<string, Array<Entry<T>>> | undefined>
  /** How many levels hold the current path's ancestors (the root included). */
  depth = 1

  constructor(
    private readonly above: Map<string, Array<Entry<T>>>,
    private readonly children: Map<string, Map<string, Array<Entry<T>>>>
  ) {
    this.levels = [above.get('') ?? NO_ENTRIES]
    this.within = [children.get('')]
  }

  /** Moves to path: afterwards levels[0..depth) hold the entries anchored at its ancestors. */
  enter(path: string): void {
    let d = this.depth
    // Leave the directories that are not ancestors of path.
    while (d > 1) {
      const dir = this.dirs[d - 1]
      if (path.charCodeAt(dir.length) === 47 && path.startsWith(dir)) break
      d--
    }
    // Enter the ones it is under.
    for (
      let slash = path.indexOf('/', d === 1 ? 0 : this.dirs[d - 1].length + 1);
      slash !== -1;
      slash = path.indexOf('/', slash + 1)
    ) {
      const dir = path.slice(0, slash)
      this.dirs[d] = dir
      this.levels[d] = this.above.get(dir) ?? NO_ENTRIES
      this.within[d] = this.children.get(dir)
      d++
    }
    this.depth = d
  }

  /** The entries anchored at exactly the current path. */
  own(path: string): Array<Entry<T>> | undefined {
    return this.within[this.depth - 1]?.get(path)
  }
}
