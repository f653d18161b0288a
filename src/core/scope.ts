// A graph file's directory is its root, as a compose file's is: every path in the graph is relative
// to it, and only what lies under it can change a node. git speaks of the whole repository; these
// turn its answers into the graph's terms.
import type { ChangedFile, TrackedFile } from './changes.js'

/** The directory that holds a repository-relative graph file: '' for the repository's top. */
export function graphRoot(graphFile: string): string {
  const slash = graphFile.lastIndexOf('/')
  return slash === -1 ? '' : graphFile.slice(0, slash)
}

/** A repository-relative path made relative to root, or undefined when it lies outside root. */
export function underRoot(repoPath: string, root: string): string | undefined {
  if (root === '') return repoPath
  return repoPath.startsWith(`${root}/`) ? repoPath.slice(root.length + 1) : undefined
}

/** The tracked files under root, with paths relative to it (a key hashes those paths). */
export function scopeTrackedFiles(files: TrackedFile[], root: string): TrackedFile[] {
  if (root === '') return files
  const out: TrackedFile[] = []
  for (const f of files) {
    const p = underRoot(f.path, root)
    if (p === undefined) continue
    // A key line ends with the path (`<mode> <oid>\t<path>`): the same line, the shorter path.
    out.push(
      'line' in f
        ? { path: p, line: f.line.slice(0, f.line.length - f.path.length) + p }
        : { ...f, path: p }
    )
  }
  return out
}

/**
 * The changes under root, with paths relative to it. A rename across root's edge is a change
 * inside: a file renamed out of it is deleted there, one renamed or copied in is added.
 */
export function scopeChangedFiles(changes: ChangedFile[], root: string): ChangedFile[] {
  if (root === '') return changes
  const out: ChangedFile[] = []
  for (const c of changes) {
    const to = underRoot(c.path, root)
    const from = c.oldPath === undefined ? undefined : underRoot(c.oldPath, root)
    if (c.oldPath === undefined) {
      if (to !== undefined) out.push({ ...c, path: to })
    } else if (to !== undefined && from !== undefined) out.push({ ...c, path: to, oldPath: from })
    else if (to !== undefined) out.push({ path: to, status: 'added' })
    else if (from !== undefined && c.status === 'renamed')
      out.push({ path: from, status: 'deleted' })
  }
  return out
}
