// The working tree on disk: where the repository and the graph file are, from what the user named
// (the CLI's --repo and --graph, the action's working-directory and graph), with one clear line for
// each way it can be wrong; and the graph file's text as the working tree has it.
import { isUtf8 } from 'node:buffer'
import { existsSync, lstatSync, readFileSync, readlinkSync, realpathSync, statSync } from 'node:fs'
import * as path from 'node:path'
import { normalizeRepoPath } from '../core/graph/fields.js'
import { DEFAULT_GRAPH_FILE } from '../core/graph/model.js'
import { UserError } from '../core/errors.js'
import { shortId } from '../core/render/text.js'
import { decodeGraphText } from '../core/utf8.js'
import { GitCommandLine } from './git.js'
import type { Git } from './ports.js'

export interface GraphLocation {
  git: Git
  /** The repository's top directory. */
  repo: string
  /** The graph file, relative to the repository's top ('/'-separated). */
  graphFile: string
}

/** dir, with symlinks resolved, when it is an existing directory; else what is wrong, named by label. */
function existingDirectory(dir: string, label: string): string {
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

export async function locateGraph(request: LocateRequest): Promise<GraphLocation> {
  const dir = existingDirectory(request.dir, request.dirLabel)
  const repo = realpathSync(await GitCommandLine.toplevel(dir))
  const file =
    request.graph === undefined
      ? nearestGraphFile(dir, repo)
      : realPath(path.resolve(request.graphFrom, request.graph))
  const named = request.graph === undefined ? path.relative(request.graphFrom, file) : request.graph
  const relative = path.relative(repo, file)
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative))
    throw new UserError(
      `${request.graphLabel} '${named}': ${file} is ${relative === '' ? 'the repository itself' : 'outside the repository'} ${repo}; name a graph file inside it`
    )
  const normalized = normalizeRepoPath(relative.split(path.sep).join('/'))
  if ('error' in normalized)
    throw new UserError(`${request.graphLabel} '${named}': ${normalized.error}`)
  let stat
  try {
    stat = lstatSync(file)
  } catch {
    stat = undefined // not in the working tree: the commit may still have it, which the plan says
  }
  if (stat?.isDirectory())
    throw new UserError(
      `${request.graphLabel} '${named}' is a directory; name the graph file in it (${path.posix.join(normalized.path, DEFAULT_GRAPH_FILE)})`
    )
  if (stat?.isSymbolicLink()) throw symlinkedGraph(normalized.path, readlinkSync(file))
  return { git: new GitCommandLine(repo), repo, graphFile: normalized.path }
}

/**
 * A graph file that is a symbolic link: its paths would be relative to the link's directory or the
 * target's, and git holds only the link. Named once, the same way in the CLI and the action.
 */
export function symlinkedGraph(graphFile: string, target: string, commit?: string): UserError {
  return new UserError(
    `${graphFile} is a symbolic link (to '${target}')${commit ? ` in commit ${shortId(commit)}` : ''}; a graph file must be a regular file: name the file it points to instead`
  )
}

/** A file of the working tree, read when asked; null when it cannot be (it is only a head start). */
export function workingFile(repo: string, file: string): () => string | null {
  return () => {
    try {
      const bytes = readFileSync(path.join(repo, file))
      // Not UTF-8: no head start; the committed text is read and its error located.
      return isUtf8(bytes) ? bytes.toString('utf8') : null
    } catch {
      return null
    }
  }
}

/** The graph file as the working tree has it, for checking a work in progress. */
export function readWorkingGraph(repo: string, graphFile: string): string {
  let bytes: Buffer
  try {
    bytes = readFileSync(path.join(repo, graphFile))
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'ENOENT')
      throw new UserError(`${graphFile}: not found in ${repo}; create it or pass --graph FILE`)
    throw new UserError(`${graphFile}: cannot be read (${code ?? (e as Error).message})`)
  }
  return decodeGraphText(bytes, graphFile)
}
