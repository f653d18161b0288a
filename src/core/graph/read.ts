// imagegraph.yml -> a validated Graph, or every problem at once with file:line:col and the node path.
// Structural rules here and in schema/imagegraph.schema.json are the same; __tests__/schema.test.ts
// holds them to it. The trip: YAML (yaml.ts), each node's fields (fields.ts), the checks that span
// nodes (checks.ts).
import { GraphError, didYouMean, sortProblems } from '../errors.js'
import type { Problem } from '../errors.js'
import { addImpliedInputs } from '../generated.js'
import {
  addImageArgInputs,
  checkImageArgs,
  checkOutputs,
  checkReferences,
  topologicalOrder
} from './checks.js'
import {
  Reader,
  TOP_FIELDS,
  TOP_FIELD_TYPES,
  describe,
  isMapValue,
  isNumberValue,
  readField,
  readNode
} from './fields.js'
import { DEFAULT_GRAPH_FILE, GRAPH_VERSION, KIND_OF, NAME_PATTERN, SECTION_OF } from './model.js'
import type { ContextInputs, Graph, GraphNode } from './model.js'
import { Positions } from './positions.js'
import { Locations, YamlNumber, loadYaml } from './yaml.js'
import type { Value, YamlReader } from './yaml.js'

/**
 * Parse and validate a graph file: structure, names, references, cycles, paths that stay in the
 * repository. Checks against the repository's files (missing context, globs that match nothing)
 * are in checkGraphAgainstFiles. Throws GraphError with every problem.
 */
export function parseGraph(text: string, file = DEFAULT_GRAPH_FILE): Graph {
  const { graph, problems } = readGraph(text, file)
  if (problems.length > 0 || !graph) throw new GraphError(problems)
  return graph
}

/**
 * Every problem of a graph file, and the graph made of the nodes that are fine in themselves (no
 * graph when not even the document can be read), so that a checker can go on to the problems
 * that need the repository's files and report them all at once.
 */
export function readGraph(
  text: string,
  file = DEFAULT_GRAPH_FILE,
  /** reader: which YAML reader to start with (tests hold both to the same graph). */
  options: { reader?: YamlReader } = {}
): { graph?: Graph; problems: Problem[] } {
  const locations = new Locations(text)
  let root: Value
  try {
    root = loadYaml(text, file, locations, options.reader)
  } catch (e) {
    if (e instanceof GraphError) return { problems: e.problems }
    throw e
  }
  const r = new Reader()
  const nodes = new Map<string, GraphNode>()
  const nodePaths = new Map<string, string>()
  const top: Record<string, unknown> = Object.create(null)
  const located = (): Problem[] =>
    sortProblems(
      r.problems.map(p => ({
        file,
        ...locations.locate(p.loc),
        path: p.path,
        message: p.message,
        severity: 'error' as const
      }))
    )

  if (!isMapValue(root)) {
    r.error([], 'value', `expected a mapping with ${TOP_FIELDS.join(', ')}, got ${describe(root)}`)
    return { problems: located() }
  }
  for (const key of Object.keys(root)) {
    const value = root[key]
    if (key === 'version') {
      if (!(
        isNumberValue(value) &&
        Number(value instanceof YamlNumber ? value.value : value) === GRAPH_VERSION
      )) {
        r.error([key], 'value', versionProblem(value))
      }
      continue
    }
    if (Object.hasOwn(TOP_FIELD_TYPES, key)) {
      top[key] = readField(r, TOP_FIELD_TYPES[key], value, [key])
      continue
    }
    const kind = KIND_OF.get(key)
    if (!kind) {
      r.error(
        [key],
        'key',
        `unknown field '${key}'${didYouMean(key, TOP_FIELDS)}; allowed: ${TOP_FIELDS.join(', ')}`
      )
      continue
    }
    if (value === null || value === undefined) continue // `images:` with nothing under it
    if (!isMapValue(value)) {
      r.error(
        [key],
        'value',
        `expected a mapping of ${kind} names to ${kind} definitions, got ${describe(value)}`
      )
      continue
    }
    for (const name of Object.keys(value)) {
      const path = `${key}.${name}`
      if (!NAME_PATTERN.test(name)) {
        r.error(
          [key, name],
          'key',
          `'${name}' is not a valid name; use lowercase letters, digits, '.', '_' and '-', starting with a letter or digit`
        )
        continue
      }
      const node = readNode(r, kind, name, value[name], [key, name])
      if (!node) continue
      const earlier = nodePaths.get(name)
      if (earlier) {
        const first = locations.locate({
          segments: [SECTION_OF[nodes.get(name)!.kind], name],
          at: 'key'
        })
        r.error(
          [key, name],
          'key',
          `name '${name}' is already used by ${earlier} at ${file}:${first.line}:${first.col}; names are unique across configs, processes and images`
        )
        continue
      }
      nodes.set(name, node)
      nodePaths.set(name, path)
    }
  }
  if (!Object.hasOwn(root, 'version'))
    r.error(
      [],
      'value',
      `missing required field 'version'; add 'version: ${GRAPH_VERSION}'`,
      'version'
    )

  applyTopDefaults(nodes, top)
  checkReferences(r, nodes)
  checkImageArgs(r, nodes)
  checkOutputs(r, nodes)
  addImpliedInputs(nodes)
  addImageArgInputs(nodes)
  const order = r.problems.length === 0 ? topologicalOrder(r, nodes) : []
  const graph: Graph = {
    file,
    nodes,
    order,
    ...(typeof top.registry === 'string' ? { registry: top.registry } : {}),
    ...(Array.isArray(top.tags) ? { tags: top.tags as string[] } : {}),
    positions: new Positions(locations, nodes, Object.keys(root))
  }
  return { graph, problems: r.problems.length > 0 ? located() : [] }
}

function versionProblem(value: Value): string {
  if (typeof value === 'string' && value.trim() === String(GRAPH_VERSION))
    return `version must be the number ${GRAPH_VERSION}, not the string '${value}'; write 'version: ${GRAPH_VERSION}' without quotes`
  return `unsupported version ${describe(value).replace(/^number /, '')}; supported: ${GRAPH_VERSION}`
}

/** `context-inputs` and `build-args-file` at the top level: every image's that sets none itself. */
function applyTopDefaults(nodes: Map<string, GraphNode>, top: Record<string, unknown>): void {
  const contextInputs = top['context-inputs'] as ContextInputs | undefined
  const buildArgsFile = top['build-args-file'] as string | undefined
  if (contextInputs === undefined && buildArgsFile === undefined) return
  for (const node of nodes.values()) {
    if (node.kind !== 'image') continue
    if (contextInputs !== undefined && !node.fields.includes('context-inputs'))
      node.contextInputs = contextInputs
    if (buildArgsFile !== undefined && !node.fields.includes('build-args-file'))
      node.buildArgsFile = buildArgsFile
  }
}
