// Where the repository and the graph file are, from what the user named (the CLI's --repo and
// --graph, the action's working-directory and graph): one clear line for each way it can be wrong.
import { existsSync, lstatSync, readlinkSync, realpathSync, statSync } from 'node:fs'
import * as path from 'node:path'
import { Git } from './adapters/git.js'
import { normalizeRepoPath } from './core/graph/fields.js'
import { DEFAULT_GRAPH_FILE } from './core/graph/model.js'
import { UserError } from './core/errors.js'

export interface GraphLocation {
  git: Git
  /** The repository's top directory. */
  repo: string
  /** The graph file, relative to the repository's top ('/'-separated). */
  graphFile: string
}

/** dir, with symlinks resolved, when it is an existing directory; else what is wrong, named by label. */
export function existingDirectory(dir: string, label: string): string {
  let stat
  try {
    stat = statSync(dir)
  } catch {
    throw new UserError(`${label}: ${dir} does not exist`)
  }
  if (!stat.isDirectory()) throw new UserError(`${label}: ${dir} is not a directory`)
  return realpathSync(dir)
}

/** An absolute path with its existing directories' symlinks resolved (git reports real paths). */
function realPath(p: string): string {
  const parent = path.dirname(p)
  if (parent === p) return p
  try {
    return path.join(realpathSync(parent), path.basename(p))
  } catch {
    return path.join(realPath(parent), path.basename(p))
  }
}

/** The nearest DEFAULT_GRAPH_FILE from dir up to the repository's top; the top's when none. */
function nearestGraphFile(dir: string, repo: string): string {
  for (let d = dir; ; d = path.dirname(d)) {
    const candidate = path.join(d, DEFAULT_GRAPH_FILE)
    if (existsSync(candidate)) return candidate
    if (d === repo || path.dirname(d) === d) return path.join(repo, DEFAULT_GRAPH_FILE)
  }
}

export interface LocateRequest {
  /** The directory the user named (or the current one), absolute. */
  dir: string
  /** How the user named it: `--repo`, `input 'working-directory'`. */
  dirLabel: string
  /** The graph file as the user named it; undefined: the nearest imagegraph.yml from dir up. */
  graph?: string
  /** What `graph` is relative to, absolute. */
  graphFrom: string
  /** How the user named the graph file: `--graph`, `input 'graph'`. */
  graphLabel: string
}

export async function locateGraph(r: LocateRequest): Promise<GraphLocation> {
  const dir = existingDirectory(r.dir, r.dirLabel)
  const repo = realpathSync(await Git.toplevel(dir))
  const file =
    r.graph === undefined
      ? nearestGraphFile(dir, repo)
      : realPath(path.resolve(r.graphFrom, r.graph))
  const named = r.graph === undefined ? path.relative(r.graphFrom, file) : r.graph
  const relative = path.relative(repo, file)
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative))
    throw new UserError(
      `${r.graphLabel} '${named}': ${file} is ${relative === '' ? 'the repository itself' : 'outside the repository'} ${repo}; name a graph file inside it`
    )
  const n = normalizeRepoPath(relative.split(path.sep).join('/'))
  if ('error' in n) throw new UserError(`${r.graphLabel} '${named}': ${n.error}`)
  let stat
  try {
    stat = lstatSync(file)
  } catch {
    stat = undefined // not in the working tree: the commit may still have it, which the plan says
  }
  if (stat?.isDirectory())
    throw new UserError(
      `${r.graphLabel} '${named}' is a directory; name the graph file in it (${path.posix.join(n.path, DEFAULT_GRAPH_FILE)})`
    )
  if (stat?.isSymbolicLink()) throw symlinkedGraph(n.path, readlinkSync(file))
  return { git: new Git(repo), repo, graphFile: n.path }
}

/**
 * A graph file that is a symbolic link: its paths would be relative to the link's directory or the
 * target's, and git holds only the link. Named once, the same way in the CLI and the action.
 */
export function symlinkedGraph(graphFile: string, target: string, commit?: string): UserError {
  return new UserError(
    `${graphFile} is a symbolic link (to '${target}')${commit ? ` in commit ${commit.slice(0, 12)}` : ''}; a graph file must be a regular file: name the file it points to instead`
  )
}
