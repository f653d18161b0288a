// A config that names whole directories (`config/app/**`, `scripts`) holds exactly what their
// trees hold, so its key names each by git's tree id instead of listing every file beneath:
// nothing to list at plan time. Only when the tree id would not say everything does the config
// keep its file lines: a negation or a wildcard in a file name selects files; a link inside leads
// to files elsewhere that are the config's too; a process output inside (or around) it needs the
// check that the config holds no file the process writes.
import { byPath } from './changes.js'
import type { TrackedFile } from './changes.js'
import type { ConfigNode } from './graph/model.js'
import { TREE_MODE } from './git-tree.js'
import { SYMLINK_MODE } from './links.js'
import { wholePathOf } from './match.js'
import type { OutputIndex } from './output-paths.js'

/** The paths a config names whole, or undefined when one of its patterns selects files. */
function wholePathsOf(config: ConfigNode): string[] | undefined {
  const out: string[] = []
  for (const pattern of config.paths) {
    if (pattern.startsWith('!')) return undefined
    const whole = wholePathOf(pattern)
    if (whole === undefined) return undefined
    out.push(whole)
  }
  return out
}

/** Whether a process output lies at, under or above path. */
function overlapsOutput(outputs: OutputIndex, path: string): boolean {
  return outputs.producerOf(path) !== undefined || outputs.outputsUnder(path).length > 0
}

/**
 * The paths a config names whole, when only a link inside them could still keep its content from
 * being their trees: each one resolves (realOf gives undefined for a link that leads out) and no
 * process output overlaps it, as named or as resolved. Both ways of reading a commit's files ask
 * this, so that they name the same configs by trees.
 */
export function wholePathsByTrees(
  config: ConfigNode,
  outputs: OutputIndex,
  realOf: (path: string) => string | undefined
): string[] | undefined {
  const whole = wholePathsOf(config)
  if (!whole) return undefined
  for (const path of whole) {
    const real = realOf(path)
    if (real === undefined || overlapsOutput(outputs, path) || overlapsOutput(outputs, real))
      return undefined
  }
  return whole
}

/** A path named whole (a config's directory, an image's context or Dockerfile), followed through links. */
export interface WholePath {
  /** The real path ('' the root), or undefined when a link on the way leads out. */
  real: string | undefined
  /** The links on the way, each with its object id. */
  via: Array<{ path: string; oid: string }>
  /** What stands at the real path: a tree (a directory), a file, or nothing. */
  entry: { mode: string; oid: string } | null
}

/**
 * The key lines of paths named whole (a whole-path config's; an image's context and files): the
 * links on the way, then each path's tree or file line, once each, in path order.
 */
export function wholePathLines(paths: WholePath[]): TrackedFile[] {
  const lines = new Map<string, TrackedFile>()
  for (const p of paths) {
    for (const link of p.via)
      if (!lines.has(link.path))
        lines.set(link.path, { path: link.path, mode: SYMLINK_MODE, oid: link.oid })
    if (p.real === undefined || p.entry === null) continue
    const path = p.entry.mode === TREE_MODE ? p.real || '.' : p.real
    if (!lines.has(path)) lines.set(path, { path, mode: p.entry.mode, oid: p.entry.oid })
  }
  return [...lines.values()].sort(byPath)
}
