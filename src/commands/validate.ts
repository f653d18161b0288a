// Use case: every problem of a graph file at once. The checks against the repository's files run on
// the nodes that parsed, even when others did not, so one run lists every mistake. `imagegraph
// validate` checks the working tree this way; a plan checks a head commit's graph the same way.
import type { Git } from '../adapters/ports.js'
import type { TrackedFile } from '../core/changes.js'
import { readGraph } from '../core/graph/read.js'
import type { Graph } from '../core/graph/model.js'
import { GraphError, sortProblems } from '../core/errors.js'
import type { Problem } from '../core/errors.js'
import { GraphFiles } from '../core/ownership.js'
import type { Symlinks } from '../core/links.js'
import { checkGraphAgainstFiles } from '../core/file-checks.js'
import { graphRoot, scopeTrackedFiles } from '../core/scope.js'
import { readSymlinks } from './files.js'

/** The problems of reading a graph, followed by those of checking it against the files. */
export function problemsWithFiles(
  graph: Graph,
  readProblems: Problem[],
  files: TrackedFile[],
  symlinks: Symlinks
): Problem[] {
  const membership = new GraphFiles(graph, symlinks).membership(files)
  return [...readProblems, ...checkGraphAgainstFiles(graph, membership)]
}

/** Throws every problem, sorted by position, when any of them is an error. */
export function throwOnErrors(problems: Problem[]): void {
  if (problems.some(problem => problem.severity === 'error'))
    throw new GraphError(sortProblems(problems))
}

export interface Validation {
  graph: Graph
  /** Problems that do not stop a plan. */
  warnings: Problem[]
}

/** The graph file's text checked against the working tree's files: tracked, and untracked ones. */
export async function validateWorkingGraph(
  git: Git,
  graphText: string,
  graphFile: string
): Promise<Validation> {
  const read = readGraph(graphText, graphFile)
  if (!read.graph) throw new GraphError(read.problems)
  const files = scopeTrackedFiles(await git.workingFiles(), graphRoot(graphFile))
  const problems = problemsWithFiles(
    read.graph,
    read.problems,
    files,
    await readSymlinks(git, files)
  )
  throwOnErrors(problems)
  return { graph: read.graph, warnings: problems }
}
