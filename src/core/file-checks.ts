// The graph against the repository's files: an image's context that is a file or holds no tracked
// file, a Dockerfile that is not tracked, a path through a symlink out of the repository; a config
// that matches nothing (a typo there means the config never changes, so it is an error unless a
// process writes what it names or it says `allow-empty: true`), and a consumed file that lies
// inside the consuming process's output.
import type { Problem } from './errors.js'
import { SECTION_OF } from './graph/model.js'
import type { ConfigNode, Graph, GraphNode } from './graph/model.js'
import type { Segment } from './graph/positions.js'
import { pathText } from './graph/positions.js'
import { isTree } from './git-tree.js'
import { isSymlink } from './links.js'
import { isUnder } from './paths.js'
import type { FileMembership } from './ownership.js'
import { outputIndexOf } from './output-paths.js'

/** A problem at segments, or at its node when the file does not spell that field out. */
function problemAt(graph: Graph, segments: Segment[], message: string): Problem {
  return {
    file: graph.file,
    ...(graph.positions.get(segments) ??
      graph.positions.get(segments.slice(0, 2)) ?? { line: 1, col: 1 }),
    path: pathText(segments),
    message,
    severity: 'error'
  }
}

/** Problems that need the repository's files: empty or file contexts, missing Dockerfiles, idle globs. */
export function checkGraphAgainstFiles(graph: Graph, membership: FileMembership): Problem[] {
  const problems: Problem[] = configProblems(graph, membership)
  const at = (node: GraphNode, field: string): Segment[] => [
    SECTION_OF[node.kind],
    node.name,
    field
  ]
  for (const p of membership.linkProblems) {
    const node = graph.nodes.get(p.node)!
    problems.push(problemAt(graph, at(node, p.field), p.message))
  }
  for (const node of graph.nodes.values()) {
    const files = membership.files.get(node.name) ?? []
    if (node.kind === 'image') {
      // A symlink to a directory is followed (links.ts); only a real file is not a context.
      if (
        node.context !== '' &&
        files.some(f => f.path === node.context && !isSymlink(f) && !isTree(f))
      ) {
        problems.push(
          problemAt(
            graph,
            at(node, 'context'),
            `'${node.context}' is a file; the context must be a directory`
          )
        )
        continue
      }
      // A context is a directory with files, wherever the Dockerfile is: a build sends it. Only
      // a process's output may be one that git does not hold.
      const implied = node.implied?.because ?? []
      const context = membership.realContexts.get(node.name) ?? node.context
      const hasContextFiles =
        files.some(f => isUnder(f.path, context)) ||
        membership.linkProblems.some(p => p.node === node.name && p.field === 'context') ||
        implied.some(i => i.what === 'context')
      // A Dockerfile a process writes is no more tracked than the rest of its output.
      const dockerfileMade = implied.some(i => i.what === 'Dockerfile')
      if (!hasContextFiles) {
        problems.push(
          problemAt(
            graph,
            at(node, 'context'),
            `'${node.context || '.'}' has no tracked files; the context must be a directory in the repository`
          )
        )
      }
      // A missing default Dockerfile in a missing context is the same mistake: said once.
      const linkProblem = membership.linkProblems.some(p => p.node === node.name)
      if (
        !membership.dockerfileFound.has(node.name) &&
        !dockerfileMade &&
        !linkProblem &&
        (hasContextFiles || !isUnder(node.dockerfile, node.context))
      ) {
        const field = graph.positions.has(at(node, 'dockerfile')) ? 'dockerfile' : 'context'
        problems.push(
          problemAt(
            graph,
            at(node, field),
            `Dockerfile '${node.dockerfile}' is not a tracked file${field === 'context' ? ' (set dockerfile: to use another path)' : ''}`
          )
        )
      }
    }
  }
  return problems
}

/** Configs that match nothing, and consumed files inside the consuming process's output. */
function configProblems(graph: Graph, membership: FileMembership): Problem[] {
  const problems: Problem[] = []
  const outputs = outputIndexOf(graph)
  const consumers = consumersOf(graph)
  for (const node of graph.nodes.values()) {
    if (node.kind !== 'config') continue
    const files = membership.files.get(node.name) ?? []
    if (files.length === 0 && !node.allowEmpty && !namesAnOutput(node, graph)) {
      problems.push(
        problemAt(
          graph,
          ['configs', node.name, 'paths'],
          `matches no tracked file (${node.paths.join(', ')}); check the patterns, or set 'allow-empty: true' if that is meant`
        )
      )
    }
    if (!outputs.isEmpty()) {
      const reported = new Set<string>()
      for (const file of files) {
        const owner = outputs.producerOf(file.path)
        if (!owner || reported.has(owner.process)) continue
        if (!(consumers.get(node.name) ?? []).some(p => reaches(graph, p, owner.process))) continue
        reported.add(owner.process)
        problems.push(
          problemAt(
            graph,
            ['processes', owner.process, 'outputs', owner.index],
            `cycle: process '${owner.process}' writes '${owner.path}', which holds '${file.path}' of config '${node.name}' (an input of it); a process cannot write its own inputs`
          )
        )
      }
    }
  }
  return problems
}

/** Whether a pattern of the config names a process's output (or something inside one). */
function namesAnOutput(config: ConfigNode, graph: Graph): boolean {
  const outputs = outputIndexOf(graph)
  return config.paths.some(p => !p.startsWith('!') && outputs.namedBy(p).length > 0)
}

/** For each node, the processes that list it as an input. */
function consumersOf(graph: Graph): Map<string, string[]> {
  const out = new Map<string, string[]>()
  for (const node of graph.nodes.values()) {
    if (node.kind !== 'process') continue
    for (const input of node.inputs) {
      const list = out.get(input)
      if (list) list.push(node.name)
      else out.set(input, [node.name])
    }
  }
  return out
}

/** Whether from is target or feeds it through process inputs. */
function reaches(graph: Graph, from: string, target: string): boolean {
  if (from === target) return true
  const seen = new Set<string>()
  const stack: GraphNode[] = [graph.nodes.get(target)!]
  while (stack.length > 0) {
    const n = stack.pop()!
    if (n.kind === 'config' || seen.has(n.name)) continue
    seen.add(n.name)
    for (const input of n.inputs) {
      if (input === from) return true
      const next = graph.nodes.get(input)
      if (next) stack.push(next)
    }
  }
  return false
}
