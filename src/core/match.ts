// Path matching that scales: every glob is compiled once and filed under its fixed directory
// prefix, so a path is tested only against the patterns anchored at one of its ancestors (plus the
// few with no fixed prefix). 100,000 paths x 2,000 globs costs a lookup per directory level, not
// a cross product.
import picomatch from 'picomatch'

// dot: dotfiles match; flags 's': a file name with a newline still matches `**` and `*`.
const GLOB_OPTIONS = { dot: true, flags: 's' }

/** Canonical form of a pattern: an optional leading '!', no leading './'. */
export function normalizeGlob(raw: string): string {
  const negated = raw.startsWith('!')
  let body = negated ? raw.slice(1) : raw
  while (body.startsWith('./')) body = body.slice(2)
  return (negated ? '!' : '') + body
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
  const scan = picomatch.scan(pattern)
  if (!scan.isGlob) return path => path === pattern || path.startsWith(`${pattern}/`)
  return picomatch(pattern, GLOB_OPTIONS)
}

/** The fixed directory a pattern cannot match outside of ('' when it has none). */
export function anchorOf(pattern: string): string {
  const scan = picomatch.scan(pattern)
  return scan.isGlob ? scan.base : pattern
}

export interface Entry<T> {
  target: T
  /** undefined: everything at or under the anchor matches. */
  test?: (path: string) => boolean
  exactOnly?: boolean
}

export class PathIndex<T> {
  private readonly byAnchor = new Map<string, Array<Entry<T>>>()
  // Paths come sorted from git, so neighbours share a directory: its ancestors' entries are
  // collected once per directory, not once per file.
  private cachedDir: string | undefined
  private cachedEntries: Array<Entry<T>> = []

  private add(anchor: string, entry: Entry<T>): void {
    this.cachedDir = undefined
    const list = this.byAnchor.get(anchor)
    if (list) list.push(entry)
    else this.byAnchor.set(anchor, [entry])
  }

  /** A positive pattern (glob or literal path). */
  addPattern(pattern: string, target: T): void {
    const scan = picomatch.scan(pattern)
    // `dir/**` is everything under dir: a lookup, no regular expression to run.
    if (scan.isGlob && scan.glob === '**' && !picomatch.scan(scan.base).isGlob)
      this.add(scan.base, { target })
    else if (scan.isGlob) this.add(scan.base, { target, test: picomatch(pattern, GLOB_OPTIONS) })
    else this.add(pattern, { target })
  }

  /** Everything under a directory ('' is the whole repository). */
  addDirectory(dir: string, target: T): void {
    this.add(dir, { target })
  }

  /** Exactly one path. */
  addFile(path: string, target: T): void {
    this.add(path, { target, exactOnly: true })
  }

  /** The entries anchored at dir or any of its ancestors, exact-file entries left out. */
  entriesAbove(dir: string): Array<Entry<T>> {
    if (dir === this.cachedDir) return this.cachedEntries
    const out: Array<Entry<T>> = []
    const take = (anchor: string) => {
      const list = this.byAnchor.get(anchor)
      if (list) for (const e of list) if (!e.exactOnly) out.push(e)
    }
    take('')
    if (dir !== '') {
      let slash = dir.indexOf('/')
      while (slash !== -1) {
        take(dir.slice(0, slash))
        slash = dir.indexOf('/', slash + 1)
      }
      take(dir)
    }
    this.cachedDir = dir
    this.cachedEntries = out
    return out
  }

  /** entriesAbove(the directory of path), without cutting the string when it is the last one. */
  entriesAboveOf(path: string): Array<Entry<T>> {
    const cut = path.lastIndexOf('/')
    const cached = this.cachedDir
    if (
      cached !== undefined &&
      (cut === -1 ? cached === '' : cut === cached.length && path.startsWith(cached))
    ) {
      return this.cachedEntries
    }
    return this.entriesAbove(cut === -1 ? '' : path.slice(0, cut))
  }

  /** The entries anchored at exactly this path (exact files, literal patterns, directories). */
  entriesAt(path: string): Array<Entry<T>> | undefined {
    return this.byAnchor.get(path)
  }

  /** Calls found(target) for every entry matching path; a target may be reported more than once. */
  match(path: string, found: (target: T) => void): void {
    for (const e of this.entriesAboveOf(path)) {
      if (!e.test || e.test(path)) found(e.target)
    }
    const own = this.byAnchor.get(path)
    if (own) for (const e of own) if (!e.test || e.test(path)) found(e.target)
  }
}
