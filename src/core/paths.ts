// Paths under the graph's root ('' is the root itself), '/'-separated: the few questions every
// reader of them asks, answered one way.

/** Whether path is dir or lies beneath it (no string made: it runs per file and pattern). */
export function isUnder(path: string, dir: string): boolean {
  return (
    dir === '' || path === dir || (path.startsWith(dir) && path.charCodeAt(dir.length) === 47) // '/'
  )
}

/** Whether one of two paths is the other or lies beneath it. */
export function overlaps(a: string, b: string): boolean {
  return isUnder(a, b) || isUnder(b, a)
}

/** A name under a directory. */
export function joinPath(dir: string, name: string): string {
  return dir === '' ? name : name === '' ? dir : `${dir}/${name}`
}

/** Whether path is one of dirs or lies under one: a lookup per level, not per directory. */
export function underAny(dirs: ReadonlySet<string>, path: string): boolean {
  if (dirs.size === 0) return false
  if (dirs.has('') || dirs.has(path)) return true
  for (let slash = path.indexOf('/'); slash !== -1; slash = path.indexOf('/', slash + 1))
    if (dirs.has(path.slice(0, slash))) return true
  return false
}

/** The directories not under another of them, sorted. */
export function outermost(dirs: Iterable<string>): string[] {
  const kept = new Set<string>()
  // Shorter first: a directory's ancestors are decided before it.
  for (const d of [...new Set(dirs)].sort((a, b) => a.length - b.length))
    if (!underAny(kept, d)) kept.add(d)
  return [...kept].sort()
}

/**
 * The files at or under path in a list sorted by path: one run (`path-x` sorts before `path/`),
 * found by binary search.
 */
export function filesAtOrUnder<T extends { path: string }>(
  sorted: readonly T[],
  path: string
): T[] {
  if (path === '') return [...sorted]
  const out: T[] = []
  const exact = sorted[lowerBound(sorted, path)]
  if (exact?.path === path) out.push(exact)
  const prefix = `${path}/`
  for (let i = lowerBound(sorted, prefix); i < sorted.length; i++) {
    if (!sorted[i].path.startsWith(prefix)) break
    out.push(sorted[i])
  }
  return out
}

function lowerBound(sorted: readonly { path: string }[], path: string): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (sorted[mid].path < path) lo = mid + 1
    else hi = mid
  }
  return lo
}
