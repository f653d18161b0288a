// The plan of a repository between two revisions: git in, core plan out. Shared by the CLI and
// the action.
import type { Git } from './adapters/git.js'
import { parseGraph, readGraph } from './core/config.js'
import { GraphError, UserError, sortProblems } from './core/errors.js'
import { GraphFiles, computeKeys } from './core/keys.js'
import type { KeyBreakdown } from './core/keys.js'
import { checkGraphAgainstFiles, plan } from './core/plan.js'
import type { Plan } from './core/plan.js'

export interface PlanRequest {
  graphFile: string
  /** null when there is no usable base: every node is affected for `everythingBecause`. */
  base: string | null
  head: string
  everythingBecause?: string
}

export async function planRepository(git: Git, request: PlanRequest): Promise<Plan> {
  const [head, base = null] = await git.resolveCommits(
    request.base === null ? [request.head] : [request.head, request.base]
  )
  // Every git call at once; the graph is parsed while git still lists the tree.
  const graphTexts = git.filesAt([
    { rev: head, path: request.graphFile },
    ...(base ? [{ rev: base, path: request.graphFile }] : [])
  ])
  const changes = base === null ? Promise.resolve([]) : git.changedFiles(base, head)
  const tracked = git.trackedFilesAt(head)
  // Nothing is left unhandled if the graph turns out invalid and we throw before awaiting these.
  changes.catch(() => undefined)
  tracked.catch(() => undefined)
  const [graphText, baseGraphText = null] = await graphTexts
  if (graphText === null) {
    throw new UserError(
      `${request.graphFile} is not in commit ${head.slice(0, 12)} of ${git.dir}; commit it or pass --graph FILE`
    )
  }
  const read = readGraph(graphText, request.graphFile)
  if (!read.graph) throw new GraphError(read.problems)
  if (read.problems.length > 0) {
    // Report the problems that need the files too, so that one run lists every mistake.
    const membership = new GraphFiles(read.graph).membership(await tracked)
    throw new GraphError(
      sortProblems([...read.problems, ...checkGraphAgainstFiles(read.graph, membership)])
    )
  }
  const graph = read.graph
  const everythingBecause =
    base === null ? (request.everythingBecause ?? 'no base revision') : request.everythingBecause
  return plan({
    graph,
    graphText,
    graphFile: request.graphFile,
    baseGraphText,
    base: base ?? '',
    head,
    changedFiles: await changes,
    trackedFiles: await tracked,
    ...(everythingBecause ? { everythingBecause } : {})
  })
}

/** Every node's key breakdown at another revision (null when the graph is not there or not valid). */
export async function keyBreakdownsAt(
  git: Git,
  rev: string,
  graphFile: string
): Promise<Map<string, KeyBreakdown> | null> {
  const [text, tracked] = await Promise.all([git.fileAt(rev, graphFile), git.trackedFiles(rev)])
  if (text === null) return null
  let graph
  try {
    graph = parseGraph(text, graphFile)
  } catch (e) {
    if (e instanceof UserError) return null
    throw e
  }
  const keys = computeKeys(graph, new GraphFiles(graph).membership(tracked))
  return new Map([...keys].map(([name, k]) => [name, k.breakdown]))
}
