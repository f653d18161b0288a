// What git says changed, and what is tracked, in the core's terms.

export type ChangeStatus =
  | 'added'
  | 'modified'
  | 'deleted'
  | 'renamed'
  | 'copied'
  | 'type-changed'
  | 'submodule'
  | 'unmerged'
  | 'unknown'

export interface ChangedFile {
  path: string
  status: ChangeStatus
  /** The path before a rename or the source of a copy. */
  oldPath?: string
  /** Set when the path is a symbolic link on either side: what lies behind it may change too. */
  symlink?: true
}

/**
 * A file in a tree (or the index): git's mode and object id serve as its content identity. Readers
 * of git give the line a content key hashes, `<mode> <oid>\t<path>`, as it stands in git's output
 * (no more pieces are cut out of it: 100,000 files make every allocation count); a hand-made file
 * may give mode and oid instead.
 */
export type TrackedFile =
  { path: string; line: string } | { path: string; mode: string; oid: string }

/** Orders anything with a path by that path (as git lists files: a run per directory). */
export function byPath(a: { path: string }, b: { path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0
}

/** The line a file contributes to a content key: `<mode> <object id>\t<path>`. */
export function treeLine(f: TrackedFile): string {
  return 'line' in f ? f.line : `${f.mode} ${f.oid}\t${f.path}`
}

/** Each path a change touches, with how to name it in a reason: a rename counts at both ends. */
export function touchedPaths(change: ChangedFile): Array<{ path: string; origin: string }> {
  switch (change.status) {
    case 'renamed':
      return [
        { path: change.oldPath!, origin: `${change.oldPath} (renamed to ${change.path})` },
        { path: change.path, origin: `${change.path} (renamed from ${change.oldPath})` }
      ]
    case 'copied':
      return [{ path: change.path, origin: `${change.path} (copied from ${change.oldPath})` }]
    case 'modified':
      return [{ path: change.path, origin: change.path }]
    default:
      return [{ path: change.path, origin: `${change.path} (${change.status})` }]
  }
}
