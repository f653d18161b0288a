// Which context files each source of a Dockerfile reaches. A source pattern reaches a file when it
// names the file or a directory above it (`COPY src/ /x` copies everything under src). Wildcards
// are matched one path segment at a time, as BuildKit (fsutil's filepath.Match on each walked
// path) and buildah (filepath.Glob) do: `*`, `?` and `[...]` never cross a '/'.
import type { DockerfileInputs, Source } from './model.js'

export interface ContextSelection {
  /** Every context file the build can read, sorted: every file of the context when `whole` is set. */
  files: string[]
  /**
   * Directories the build copies that hold no file it can read (every file beneath is ignored),
   * sorted. The copy still creates them, so their names are inputs too (adding the first ignored
   * file to a new directory under `COPY . .` changes the image).
   */
  emptyDirectories: string[]
  /**
   * The files each source reaches, in source order (empty when `whole` is set): kept files for COPY
   * and ADD; any file for `RUN --mount`, which buildah binds without the ignore file.
   */
  reached: { source: Source; files: string[] }[]
  /** Set when the whole context is the input, with the reason. */
  whole?: { reason: string; line?: number }
}

export interface SelectOptions {
  /**
   * Context-relative paths that are symbolic links. A builder follows a link that a source names or
   * passes through (`COPY current/ /x` with current -> v2), reading files under another name: such a
   * source makes the whole context the input.
   */
  symlinks?: ReadonlySet<string>
  /** The Dockerfile's path, for reasons. */
  file?: string
}

export function selectContextFiles(
  paths: readonly string[],
  inputs: DockerfileInputs,
  keep: (path: string) => boolean,
  options: SelectOptions = {}
): ContextSelection {
  const kept = paths.filter(keep).sort()
  // Every file, the ignore file not applied: a Dockerfile not understood may bind the context,
  // which buildah does without the ignore file.
  const whole = (reason: string, line?: number): ContextSelection => ({
    files: [...paths].sort(),
    emptyDirectories: [],
    reached: [],
    whole: { reason, line }
  })
  if (inputs.kind === 'whole') return whole(inputs.reason, inputs.line)
  for (const source of inputs.sources) {
    for (const pattern of source.patterns) {
      const link = followedLink(pattern, options.symlinks)
      if (link !== undefined) {
        const where = options.file ? `${options.file}:${source.line}: ` : ''
        return whole(`${where}${source.text} follows the symbolic link ${link}`, source.line)
      }
    }
  }
  const all = new Set<string>()
  const everything = [...paths].sort()
  const reached = inputs.sources.map(source => {
    const own = source.patterns.map(compilePattern)
    const files = candidates(source, kept, everything).filter(f => own.some(m => m(f)))
    for (const f of files) all.add(f)
    return { source, files }
  })
  const copies = inputs.sources.filter(s => !bindsUnfiltered(s)).flatMap(s => s.patterns)
  const binds = inputs.sources.filter(bindsUnfiltered).flatMap(s => s.patterns)
  const copied = copies.map(compilePattern)
  const bound = binds.map(compilePattern)
  const made = (dir: string) => (keep(dir) && copied.some(m => m(dir))) || bound.some(m => m(dir))
  const files = [...all].sort()
  return { files, emptyDirectories: emptyDirectories(paths, files, made), reached }
}

/**
 * buildah (1.28) binds the context directory as it is on disk for `RUN --mount=type=bind`: the
 * ignore file does not apply there (BuildKit binds the filtered context). Never narrower than
 * either: a bind mount reaches ignored files too.
 */
function bindsUnfiltered(source: Source): boolean {
  return source.instruction === 'RUN --mount'
}

function candidates(source: Source, kept: string[], everything: string[]): string[] {
  return bindsUnfiltered(source) ? everything : kept
}

/** Directories of the context the build makes (`made`) with no file it reads beneath. */
function emptyDirectories(
  paths: readonly string[],
  files: readonly string[],
  made: (dir: string) => boolean
): string[] {
  const full = new Set<string>()
  for (const f of files) for (const d of parents(f)) full.add(d)
  const empty = new Set<string>()
  for (const p of paths) {
    for (const d of parents(p)) {
      if (!full.has(d) && !empty.has(d) && made(d)) empty.add(d)
    }
  }
  return [...empty].sort()
}

function parents(file: string): string[] {
  const out: string[] = []
  for (let i = file.indexOf('/'); i >= 0; i = file.indexOf('/', i + 1)) out.push(file.slice(0, i))
  return out
}

/** `(file) => true` when the pattern names the file or a directory above it. */
export function compilePattern(pattern: string): (file: string) => boolean {
  if (pattern === '.' || pattern === '') return () => true
  if (!/[*?[\\]/.test(pattern)) return f => f === pattern || f.startsWith(`${pattern}/`)
  const segments = pattern.split('/').map(segmentMatcher)
  return f => reachesPrefix(segments, 0, f.split('/'), 0)
}

export type Segment = '**' | RegExp

/** One segment of a source pattern as the builders match it against one name (`**`: any depth). */
export function segmentMatcher(segment: string): Segment {
  // Go's filepath.Match reads `**` as `*`; BuildKit's `COPY --parents` reads it as any depth.
  // Any depth here, a superset of both.
  if (segment === '**') return '**'
  let re = ''
  for (let i = 0; i < segment.length; i++) {
    const ch = segment[i]
    if (ch === '*') re += '.*'
    else if (ch === '?') re += '.'
    else if (ch === '[') {
      const cls = characterClass(segment, i)
      re += cls.re
      i = cls.end
    } else if (ch === '\\' && i + 1 < segment.length) {
      re += escapeRegExp(segment[++i])
    } else re += escapeRegExp(ch)
  }
  return new RegExp(`^${re}$`, 's')
}

/**
 * Go's `[^a-z\\]]` class from `start` (its '['): the regular expression and the index of its ']'.
 * A malformed class (Go's ErrBadPattern, a failed build) matches the rest of the segment: a superset.
 */
function characterClass(segment: string, start: number): { re: string; end: number } {
  let i = start + 1
  let re = '['
  if (segment[i] === '^') {
    re += '^'
    i++
  }
  let ranges = 0
  for (; i < segment.length && (segment[i] !== ']' || ranges === 0); i++) {
    let ch = segment[i]
    if (ch === '\\' && i + 1 < segment.length) ch = segment[++i]
    re += escapeRegExp(ch)
    if (segment[i + 1] === '-' && i + 2 < segment.length && segment[i + 2] !== ']') {
      let hi = segment[i + 2]
      i += 2
      if (hi === '\\' && i + 1 < segment.length) hi = segment[++i]
      re += `-${escapeRegExp(hi)}`
    }
    ranges++
  }
  if (i >= segment.length) return { re: '.*', end: segment.length }
  return { re: `${re}]`, end: i }
}

function escapeRegExp(ch: string): string {
  return ch.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')
}

/** Whether the pattern's segments from `i` match the file's segments from `j` up to some depth. */
function reachesPrefix(pattern: Segment[], i: number, file: string[], j: number): boolean {
  if (i === pattern.length) return j > 0
  if (j === file.length) return pattern.slice(i).every(s => s === '**') && j > 0
  const segment = pattern[i]
  if (segment === '**') {
    return reachesPrefix(pattern, i + 1, file, j) || reachesPrefix(pattern, i, file, j + 1)
  }
  return segment.test(file[j]) && reachesPrefix(pattern, i + 1, file, j + 1)
}

/** The symbolic link a pattern names or passes through, if any. */
function followedLink(
  pattern: string,
  symlinks: ReadonlySet<string> | undefined
): string | undefined {
  if (!symlinks || symlinks.size === 0 || pattern === '.') return undefined
  const segments = pattern.split('/').map(segmentMatcher)
  for (const link of symlinks) {
    const parts = link.split('/')
    if (parts.length > segments.length && !segments.includes('**')) continue
    if (namesOrPassesThrough(segments, 0, parts, 0)) return link
  }
  return undefined
}

/** Whether the pattern's segments from `i` match all of the link's segments from `j` (and maybe more). */
function namesOrPassesThrough(pattern: Segment[], i: number, link: string[], j: number): boolean {
  if (j === link.length) return true
  if (i === pattern.length) return false
  const segment = pattern[i]
  if (segment === '**') {
    return (
      namesOrPassesThrough(pattern, i + 1, link, j) || namesOrPassesThrough(pattern, i, link, j + 1)
    )
  }
  return segment.test(link[j]) && namesOrPassesThrough(pattern, i + 1, link, j + 1)
}
