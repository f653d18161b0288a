// The lines a narrowed image's key holds of its context (issue 13), from what stands at the paths
// its Dockerfile's sources name. A source that names a directory the ignore files cannot touch is
// that directory's tree id (one line, whatever it holds); a file is its blob id; a directory an
// ignore line may reach into is read as trees, and each directory beneath with nothing excluded
// stays one tree id. A wildcard is matched one segment at a time down the trees; a `**` pattern
// lists its fixed directory and selects files one by one (dockerfile/reach.ts). A directory the
// build makes with nothing in it that it reads is git's empty tree.
import { byPath, treeLine } from './changes.js'
import type { TrackedFile } from './changes.js'
import type { Source } from './dockerfile/model.js'
import { segmentMatcher, selectContextFiles } from './dockerfile/reach.js'
import { TREE_MODE } from './git-tree.js'
import type { TreeEntry } from './git-tree.js'
import { sourceAnchor } from './image-reach.js'
import type { NarrowedReach, ReachScope, ReachSource } from './image-reach.js'
import { SYMLINK_MODE, isSymlink } from './links.js'
import { joinPath, outermost } from './paths.js'

/** Git's id of the empty tree: a directory the build makes with nothing in it that it reads. */
export const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904'

/** What stands at a root-relative path: `real` is where the links on the way lead (undefined: out). */
export interface PathEntry {
  real?: string
  entry: { mode: string; oid: string } | null
}

/**
 * How the lines see the commit: paths looked up, directories listed (files at their real paths),
 * and the entries of the directories under a copied one an ignore line may reach into.
 */
export interface ReachView {
  at(path: string): PathEntry
  under(dir: string): TrackedFile[]
  /** Undefined while the directory's tree is not read yet: reachLines then asks for it. */
  entries(dir: string): TreeEntry[] | undefined
}

/**
 * A directory whose entries reachLines needs before it can answer: its tree id, and whether
 * everything beneath is needed too (a copied directory) or its entries only (a wildcard's step).
 */
export interface TreeWanted {
  path: string
  oid: string
  deep: boolean
}

export type ReachLines =
  | { lines: TrackedFile[]; fullDirs: Set<string> }
  | { whole: string; line?: number }
  | { wanted: TreeWanted[] }

type Decision =
  | { kind: 'none' }
  | { kind: 'line'; line: TrackedFile }
  | { kind: 'list'; dir: string }
  | { kind: 'prune'; dir: string; oid: string }
  | { kind: 'glob'; anchor: string; oid: string }
  | { kind: 'whole'; reason: string; line: number }

function decide(
  reach: NarrowedReach,
  source: ReachSource,
  pattern: string,
  view: Pick<ReachView, 'at'>
): Decision {
  const anchor = sourceAnchor(pattern)
  const literal = anchor === pattern
  const at = view.at(anchor)
  // A builder follows a link a source names or passes through: it reads files under other names.
  if (at.real !== anchor)
    return {
      kind: 'whole',
      reason: `${source.step}: ${anchor || '.'} goes through a symbolic link`,
      line: source.source.line
    }
  if (at.entry === null) return { kind: 'none' }
  if (at.entry.mode === TREE_MODE) {
    const tree = { path: anchor || '.', mode: TREE_MODE, oid: at.entry.oid }
    // A wildcard is matched name by name down the trees; `**` (any depth) lists the directory.
    if (!literal)
      return pattern.split('/').includes('**')
        ? { kind: 'list', dir: anchor }
        : { kind: 'glob', anchor, oid: at.entry.oid }
    if (source.bind || !reach.scope(anchor).mayExclude) return { kind: 'line', line: tree }
    // An ignore line may reach into it: its trees are read, and each directory with nothing
    // excluded beneath is still one tree id.
    return { kind: 'prune', dir: anchor, oid: at.entry.oid }
  }
  if (!literal || !(source.bind || reach.keep(anchor))) return { kind: 'none' }
  return { kind: 'line', line: { path: anchor, mode: at.entry.mode, oid: at.entry.oid } }
}

/** The directories to list once the anchors are looked up: those a `**` pattern starts in. */
export function reachListings(reach: NarrowedReach, view: Pick<ReachView, 'at'>): string[] {
  const dirs = new Set<string>()
  for (const source of reach.sources)
    for (const pattern of source.patterns) {
      const d = decide(reach, source, pattern, view)
      if (d.kind === 'whole') return []
      if (d.kind === 'list') dirs.add(d.dir)
    }
  return [...dirs]
}

/** The image's lines of its context, or why the whole context is the input after all. */
export function reachLines(reach: NarrowedReach, view: ReachView): ReachLines {
  const lines = new Map<string, TrackedFile>()
  const listed: Array<{ source: ReachSource; patterns: string[] }> = []
  const dirs = new Set<string>()
  const fullDirs = new Set<string>()
  const wanted = new Map<string, TreeWanted>()
  const prune = (dir: string, oid: string) => {
    const pruned = prunedLines(reach, dir, oid, view)
    if ('wanted' in pruned) for (const w of pruned.wanted) wanted.set(w.path, w)
    else {
      for (const line of pruned.lines) lines.set(treeLine(line), line)
      for (const d of pruned.fullDirs) fullDirs.add(d)
    }
  }
  for (const source of reach.sources) {
    const patterns: string[] = []
    for (const pattern of source.patterns) {
      const d = decide(reach, source, pattern, view)
      if (d.kind === 'whole') return { whole: d.reason, line: d.line }
      if (d.kind === 'line') lines.set(treeLine(d.line), d.line)
      else if (d.kind === 'prune') prune(d.dir, d.oid)
      else if (d.kind === 'glob') {
        const found = globMatches(source, pattern, d.anchor, d.oid, view, wanted)
        if ('whole' in found) return found
        for (const m of found.matches) {
          if (m.mode !== TREE_MODE) {
            if (source.bind || reach.keep(m.path)) lines.set(treeLine(m), m)
          } else if (source.bind || !reach.scope(m.path).mayExclude) lines.set(treeLine(m), m)
          else prune(m.path, m.oid)
        }
      } else if (d.kind === 'list') {
        patterns.push(pattern)
        dirs.add(d.dir)
      }
    }
    if (patterns.length > 0) listed.push({ source, patterns })
  }
  if (wanted.size > 0) return { wanted: [...wanted.values()] }
  if (listed.length > 0) {
    const selected = selectListed(reach, listed, outermost([...dirs]), view)
    if ('whole' in selected) return selected
    for (const line of selected.lines) lines.set(treeLine(line), line)
    for (const dir of selected.fullDirs) fullDirs.add(dir)
  }
  return { lines: [...lines.values()].sort(byPath), fullDirs }
}

/**
 * What a wildcard pattern names, matched one segment at a time down the trees from its fixed
 * directory (as the builders match: a segment never spans a '/'): the files and directories it
 * names, which the source copies whole. A link it names or passes through makes the whole context
 * the input (a builder would follow it). A directory not read yet joins wanted.
 */
function globMatches(
  source: ReachSource,
  pattern: string,
  anchor: string,
  oid: string,
  view: ReachView,
  wanted: Map<string, TreeWanted>
):
  | { matches: Array<{ path: string; mode: string; oid: string }> }
  | { whole: string; line: number } {
  const segments = pattern.split('/')
  const start = anchor === '' ? 0 : anchor.split('/').length
  const matchers = segments.map(segmentMatcher)
  const matches: Array<{ path: string; mode: string; oid: string }> = []
  let frontier = [{ path: anchor, oid }]
  for (let i = start; i < segments.length; i++) {
    const next: Array<{ path: string; oid: string }> = []
    for (const dir of frontier) {
      const entries = view.entries(dir.path)
      if (entries === undefined) {
        wanted.set(dir.path, { path: dir.path, oid: dir.oid, deep: false })
        continue
      }
      const matcher = matchers[i] as RegExp
      for (const e of entries) {
        if (!matcher.test(e.name)) continue
        const path = joinPath(dir.path, e.name)
        if (e.mode === SYMLINK_MODE)
          return {
            whole: `${source.step}: ${path} is a symbolic link the pattern names`,
            line: source.source.line
          }
        if (i === segments.length - 1) matches.push({ path, mode: e.mode, oid: e.oid })
        else if (e.mode === TREE_MODE) next.push({ path, oid: e.oid })
      }
    }
    frontier = next
  }
  return { matches }
}

/**
 * A copied directory an ignore line may reach into: every directory beneath with nothing excluded
 * is its tree id, every other file the build reads its blob, and a directory the copy makes with
 * nothing in it that the build reads is the empty tree (as selectContextFiles decides for a
 * listing). fullDirs: the directories that hold something the build reads. A directory no ignore
 * line can reach into is not walked (nor read); one the walk needs that is not read yet is wanted.
 */
function prunedLines(
  reach: NarrowedReach,
  dir: string,
  oid: string,
  view: ReachView
): { lines: TrackedFile[]; fullDirs: Set<string> } | { wanted: TreeWanted[] } {
  const lines: TrackedFile[] = []
  const fullDirs = new Set<string>()
  const wanted: TreeWanted[] = []
  /**
   * Appends the lines at and under path to lines; clean: nothing there is excluded (then the
   * caller replaces those lines by the directory's tree id); reads: something there is read.
   */
  const walk = (
    path: string,
    tree: string,
    scope: ReachScope
  ): { clean: boolean; reads: boolean } => {
    const entries = view.entries(path)
    if (entries === undefined) {
      wanted.push({ path, oid: tree, deep: true })
      return { clean: false, reads: false }
    }
    let clean = true
    let reads = false
    for (const e of entries) {
      const child = joinPath(path, e.name)
      const kept = scope.keep(child)
      if (e.mode === TREE_MODE) {
        const inner = scope.child(e.name)
        const start = lines.length
        const sub = inner.mayExclude || !kept ? walk(child, e.oid, inner) : CLEAN
        if (sub.clean && kept) {
          lines.length = start
          lines.push({ path: child, mode: TREE_MODE, oid: e.oid })
          fullDirs.add(child)
          reads = true
          continue
        }
        clean = false
        reads ||= sub.reads
      } else if (kept) {
        lines.push({ path: child, mode: e.mode, oid: e.oid })
        reads = true
      } else clean = false
    }
    if (reads) fullDirs.add(path)
    // Made by the copy, with nothing in it the build reads.
    else if (!clean && path !== '' && scope.keep(path))
      lines.push({ path, mode: TREE_MODE, oid: EMPTY_TREE })
    return { clean, reads }
  }
  const top = walk(dir, oid, reach.scope(dir))
  if (wanted.length > 0) return { wanted }
  if (top.clean && (dir === '' || reach.keep(dir)))
    return { lines: [{ path: dir || '.', mode: TREE_MODE, oid }], fullDirs }
  return { lines, fullDirs }
}

/** A directory no ignore line can reach into, not walked: all of it is read. */
const CLEAN = { clean: true, reads: true }

/** The files the listed sources reach, and the directories they make empty. */
function selectListed(
  reach: NarrowedReach,
  listed: Array<{ source: ReachSource; patterns: string[] }>,
  dirs: string[],
  view: ReachView
): Exclude<ReachLines, { wanted: TreeWanted[] }> {
  const context = reach.context
  const relative = (path: string) => (context === '' ? path : path.slice(context.length + 1))
  const absolute = (path: string) => joinPath(context, path)
  const files = new Map<string, TrackedFile>()
  for (const dir of dirs) for (const f of view.under(dir)) files.set(relative(f.path), f)
  const symlinks = new Set<string>()
  for (const [path, f] of files) if (isSymlink(f)) symlinks.add(path)
  const sources: Source[] = listed.map(({ source, patterns }) => ({
    ...source.source,
    patterns: patterns.map(p => relative(p) || '.')
  }))
  const selection = selectContextFiles(
    [...files.keys()],
    { kind: 'narrowed', sources, args: [] },
    path => reach.keep(absolute(path)),
    { symlinks }
  )
  if (selection.whole) {
    const line = selection.whole.line
    const source = listed.find(l => l.source.source.line === line)?.source
    return {
      whole: source ? `${source.step}: ${selection.whole.reason}` : selection.whole.reason,
      ...(line !== undefined ? { line } : {})
    }
  }
  // Listed files already stand at their root-relative paths.
  const lines: TrackedFile[] = selection.files.map(path => files.get(path)!)
  for (const dir of selection.emptyDirectories)
    lines.push({ path: absolute(dir), mode: TREE_MODE, oid: EMPTY_TREE })
  const fullDirs = new Set<string>()
  for (const line of lines)
    for (let cut = line.path.lastIndexOf('/'); cut > 0; cut = line.path.lastIndexOf('/', cut - 1))
      fullDirs.add(line.path.slice(0, cut))
  return { lines, fullDirs }
}
