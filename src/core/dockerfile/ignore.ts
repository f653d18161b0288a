// The ignore file: which context files the builder sends (and so COPY can reach), with Docker's
// rules through @balena/dockerignore (a port of moby's fileutils: `!` re-includes, the last
// matching line wins, `**` is any depth, a pattern that matches a directory excludes what is
// beneath it).
//
// The Dockerfile and the ignore file obey the filter like any file: when a line excludes them, COPY
// cannot reach them, yet the builder still reads them. They are inputs of the image either way, and
// the caller counts them itself.
import * as path from 'node:path'
import dockerignore from '@balena/dockerignore'

export type Builder = 'docker' | 'buildah'

/**
 * `(path) => true` when the build sees the context file `path` (context-relative, '/'-separated).
 * No ignore file (null) keeps everything.
 */
export function contextFilter(ignoreText: string | null): (path: string) => boolean {
  if (ignoreText === null) return () => true
  // The library ignores case by default (its node-ignore heritage); Docker on Linux does not, and
  // ignoring `Build/` for a rule `build/` would make the inputs narrower than the build.
  // The package is CommonJS typed as an ES default export: its module object is the factory, and
  // the factory is also its own `default`, which is what both node and the bundle can call.
  const rules = dockerignore.default({ ignorecase: false })
  // moby drops a UTF-8 byte order mark before the first line; the library would read it as part of the pattern.
  rules.add(ignoreText.replace(/^\uFEFF/, ''))
  return p => rules.ignores(p) === false
}

/**
 * The ignore files a builder reads for a Dockerfile and a context (repository-relative paths), in
 * the order it looks for them: the first that exists applies, the others do not.
 * - docker (BuildKit): `<dockerfile>.dockerignore` beside the Dockerfile, then `<context>/.dockerignore`.
 *   Docker's classic builder reads only the second; BuildKit is what `docker buildx` runs.
 * - buildah and podman: `<context>/.containerignore`, then `<context>/.dockerignore`.
 */
export function ignoreFileFor(
  dockerfilePath: string,
  contextDir: string,
  builder: Builder = 'docker'
): string[] {
  const inContext = (name: string) => (contextDir === '' ? name : normal(`${contextDir}/${name}`))
  if (builder === 'buildah') return [inContext('.containerignore'), inContext('.dockerignore')]
  return [normal(`${dockerfilePath}.dockerignore`), inContext('.dockerignore')]
}

/** A '.', '..' or empty segment, or a '/' at either end: what normalising may change. */
const NOT_NORMAL = /(^|\/)\.{1,2}(\/|$)|\/\/|^\/|\/$/

/**
 * path.posix.normalize, without its cost for a path that is normal already (a plan asks for
 * every image's ignore files several times, and most paths are).
 */
function normal(p: string): string {
  return NOT_NORMAL.test(p) ? path.posix.normalize(p) : p
}

/** An ignore file compiled once, asked of many paths (context-relative, '/'-separated). */
export interface IgnoreRules {
  /** Whether the build sees the path: contextFilter's answer. */
  keep(path: string): boolean
  /** The rules as a walk down the directory sees them (context-relative, '' the context). */
  scope(dir: string): IgnoreScope
}

/**
 * The ignore lines that may match at or beneath one directory: a walk down a copied directory
 * carries one per directory, so each entry is asked of those lines only, and a directory no line
 * can reach into need not be read at all.
 */
export interface IgnoreScope {
  /** Whether a line may exclude the directory or something beneath it (else everything is kept). */
  readonly mayExclude: boolean
  /** keep, for a path at or beneath the directory. */
  keep(path: string): boolean
  /** The scope of a directory in this one, by its name. */
  child(name: string): IgnoreScope
}

export function ignoreRules(text: string): IgnoreRules {
  const exact = contextFilter(text)
  const lines = exclusionPatterns(text)
  // At the context every line may still match: its scope's keep is the whole file's.
  return {
    keep: scopeOf(lines, exact, []).keep,
    scope: dir => scopeOf(lines, exact, dir === '' ? [] : dir.split('/'))
  }
}

/**
 * keep, asking the library only of a path one of the lines may match: most paths no exclusion
 * line can match, and the library's answer is exact but costs a regular expression per line.
 */
function keepAmong(
  lines: IgnoreSegment[][],
  exact: (path: string) => boolean
): (path: string) => boolean {
  if (lines.length === 0) return () => true
  return path => {
    const segments = path.split('/')
    return !lines.some(line => mayMatchAtOrAbove(line, segments, 0, 0)) || exact(path)
  }
}

function scopeOf(
  lines: IgnoreSegment[][],
  exact: (path: string) => boolean,
  dir: string[]
): IgnoreScope {
  // The lines that may match the directory, one above it, or something beneath it.
  const live = lines.filter(line => mayMatch(line, dir, 0, 0))
  return {
    mayExclude: live.length > 0,
    keep: keepAmong(live, exact),
    child: name => scopeOf(live, exact, [...dir, name])
  }
}

/**
 * One segment of an ignore line: `**` (any depth), a name, a wildcard as a regular expression, or
 * ANY_NAME where the line can no longer be read segment by segment (`**` inside a segment, which
 * moby reads as any characters, `/` too; a character class): it may match from there on.
 */
type IgnoreSegment = '**' | string | RegExp | typeof ANY_NAME
const ANY_NAME = Symbol('any name')

/** The exclusion lines of an ignore file (not its `!` exceptions), cleaned as moby cleans them. */
function exclusionPatterns(text: string): IgnoreSegment[][] {
  const out: IgnoreSegment[][] = []
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const line = raw.trim()
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue
    const segments = line.split('/').filter(s => s !== '' && s !== '.')
    if (segments.length > 0) out.push(segments.map(compileSegment))
  }
  return out
}

function compileSegment(segment: string): IgnoreSegment {
  if (segment === '**') return '**'
  if (!/[*?[\\]/.test(segment)) return segment
  if (segment.includes('**') || segment.includes('[')) return ANY_NAME
  let re = ''
  for (let k = 0; k < segment.length; k++) {
    const ch = segment[k]
    if (ch === '*') re += '[^/]*'
    else if (ch === '?') re += '[^/]'
    else if (ch === '\\' && k + 1 < segment.length) re += escapeRegExp(segment[++k])
    else re += escapeRegExp(ch)
  }
  return new RegExp(`^${re}$`, 's')
}

function segmentMatches(segment: IgnoreSegment, name: string): boolean {
  if (typeof segment === 'string') return segment === name
  if (segment === ANY_NAME) return true
  return (segment as RegExp).test(name)
}

function escapeRegExp(ch: string): string {
  return ch.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')
}

/**
 * Whether an ignore line may match the directory (its segments), one above it or something
 * beneath it: segment by segment, `**` any depth (a superset of moby's matching).
 */
function mayMatch(pattern: IgnoreSegment[], dir: string[], i: number, j: number): boolean {
  // The pattern ended at or above the directory (it excludes it), or the directory ended first
  // (the rest of the pattern may name something beneath it).
  if (i === pattern.length || j === dir.length) return true
  const segment = pattern[i]
  if (segment === ANY_NAME) return true
  if (segment === '**') return mayMatch(pattern, dir, i + 1, j) || mayMatch(pattern, dir, i, j + 1)
  return segmentMatches(segment, dir[j]) && mayMatch(pattern, dir, i + 1, j + 1)
}

/**
 * Whether an ignore line may match the path or a directory above it (which excludes the path): a
 * superset of moby's matching, so a path it rules out is one no line excludes.
 */
function mayMatchAtOrAbove(
  pattern: IgnoreSegment[],
  path: string[],
  i: number,
  j: number
): boolean {
  if (i === pattern.length) return j > 0
  const segment = pattern[i]
  if (segment === ANY_NAME) return true
  if (segment === '**')
    return (
      mayMatchAtOrAbove(pattern, path, i + 1, j) ||
      (j < path.length && mayMatchAtOrAbove(pattern, path, i, j + 1))
    )
  if (j === path.length) return false
  return segmentMatches(segment, path[j]) && mayMatchAtOrAbove(pattern, path, i + 1, j + 1)
}
