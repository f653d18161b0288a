// What a config's tracked files say about the graph: a config that matches nothing (a typo there
// means the config never changes, so it is an error unless a process writes what it names or it
// says `allow-empty: true`), and a consumed file that lies inside the consuming process's output.
import type { Problem } from './errors.js'
import type { ConfigNode, Graph, GraphNode } from './config.js'
import type { FileMembership } from './keys.js'
import { outputIndexOf } from './output-paths.js'

export function configProblems(graph: Graph, membership: FileMembership): Problem[] {
  const problems: Problem[] = []
  const outputs = outputIndexOf(graph)
  const at = (path: string) =>
    graph.positions.get(path) ??
    graph.positions.get(path.replace(/\.[^.]+$/, '')) ?? { line: 1, col: 1 }
  const problem = (path: string, message: string): Problem => ({
    file: graph.file,
    ...at(path),
    path,
    message,
    severity: 'error'
  })
  const consumers = consumersOf(graph)
  for (const node of graph.nodes.values()) {
    if (node.kind !== 'config') continue
    const files = membership.files.get(node.name) ?? []
    const path = `configs.${node.name}.paths`
    if (files.length === 0 && !node.allowEmpty && !namesAnOutput(node, graph)) {
      problems.push(
        problem(
          path,
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
          problem(
            `processes.${owner.process}.outputs[${owner.index}]`,
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
