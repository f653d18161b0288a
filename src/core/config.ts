// imagegraph.yml -> a validated Graph, or every problem at once with file:line:col and the node path.
// Structural rules here and in schema/imagegraph.schema.json are the same; __tests__/schema.test.ts
// holds them to it.
import { LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument } from 'yaml'
import type { Document, Node as YamlNode, Pair, Scalar } from 'yaml'
import { GraphError, didYouMean } from './errors.js'
import type { Problem } from './errors.js'
import { checkGlob, normalizeGlob } from './match.js'

export const GRAPH_VERSION = 1
export const DEFAULT_GRAPH_FILE = 'imagegraph.yml'

export type NodeKind = 'config' | 'process' | 'image'

export interface Position {
  line: number
  col: number
}

interface NodeCommon {
  name: string
  /** Where the node's name stands in the graph file. */
  pos: Position
  description?: string
}
export interface ConfigNode extends NodeCommon {
  kind: 'config'
  paths: string[]
}
export interface ProcessNode extends NodeCommon {
  kind: 'process'
  inputs: string[]
  run: string
  outputs: string[]
  env: Record<string, string>
}
export interface ImageNode extends NodeCommon {
  kind: 'image'
  /** Repository-relative directory; '' is the repository root. */
  context: string
  dockerfile: string
  inputs: string[]
  buildArgs: Record<string, string>
  platforms: string[]
  target?: string
}
export type GraphNode = ConfigNode | ProcessNode | ImageNode

export interface Graph {
  version: 1
  file: string
  /** Every node by name (names are unique across sections), in file order. */
  nodes: Map<string, GraphNode>
  /** Inputs before the nodes that consume them; ties keep file order. */
  order: GraphNode[]
  /** Position of every field, by node path (`images.api.context`), for later problems. */
  positions: Positions
}

export const SECTION_OF: Record<NodeKind, 'configs' | 'processes' | 'images'> = {
  config: 'configs',
  process: 'processes',
  image: 'images'
}
const KIND_OF: Record<string, NodeKind> = {
  configs: 'config',
  processes: 'process',
  images: 'image'
}

type FieldType =
  'string' | 'command' | 'globs' | 'names' | 'path' | 'file' | 'paths' | 'map' | 'platforms'
interface FieldSpec {
  type: FieldType
  required?: boolean
}
export const FIELDS: Record<NodeKind, Record<string, FieldSpec>> = {
  config: {
    paths: { type: 'globs', required: true },
    description: { type: 'string' }
  },
  process: {
    inputs: { type: 'names' },
    run: { type: 'command', required: true },
    outputs: { type: 'paths' },
    env: { type: 'map' },
    description: { type: 'string' }
  },
  image: {
    context: { type: 'path', required: true },
    dockerfile: { type: 'file' },
    inputs: { type: 'names' },
    'build-args': { type: 'map' },
    platforms: { type: 'platforms' },
    target: { type: 'string' },
    description: { type: 'string' }
  }
}
const TOP_FIELDS = ['version', 'configs', 'processes', 'images']
/** Which kinds each kind may consume. */
export const ALLOWED_INPUTS: Record<NodeKind, NodeKind[]> = {
  config: [],
  process: ['config', 'process'],
  image: ['config', 'process', 'image']
}
export const NAME_PATTERN = /^[a-z0-9][a-z0-9._-]*$/
const PLATFORM_PATTERN = /^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/
const ENV_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/

/**
 * A repository-relative path in canonical form ('' for the root), or an error message.
 * Never lets a path leave the repository.
 */
export function normalizeRepoPath(raw: string): { path: string } | { error: string } {
  if (raw === '') return { error: 'empty path' }
  if (raw.includes('\\')) return { error: `'${raw}' uses '\\'; write paths with '/'` }
  if (raw.startsWith('/') || /^[A-Za-z]:/.test(raw)) {
    return { error: `'${raw}' is absolute; paths are relative to the repository root` }
  }
  const parts: string[] = []
  for (const segment of raw.split('/')) {
    if (segment === '' || segment === '.') continue
    if (segment === '..') {
      if (parts.length === 0) return { error: `'${raw}' is outside the repository` }
      parts.pop()
    } else parts.push(segment)
  }
  return { path: parts.join('/') }
}

/** An offset into the file (turned into line:col only when asked) or a position already known. */
type Where = number | Position

/** Field positions by node path, resolved to line:col lazily: a valid graph never needs them. */
export class Positions {
  private readonly offsets = new Map<string, Where>()
  constructor(private readonly lines: LineCounter) {}

  set(path: string, at: Where): void {
    this.offsets.set(path, at)
  }

  has(path: string): boolean {
    return this.offsets.has(path)
  }

  get(path: string): Position | undefined {
    const at = this.offsets.get(path)
    return at === undefined ? undefined : typeof at === 'number' ? this.lines.linePos(at) : at
  }
}

class Reader {
  readonly problems: Problem[] = []
  readonly positions: Positions
  private readonly lines: LineCounter

  constructor(
    readonly file: string,
    lines: LineCounter,
    private readonly doc: Document
  ) {
    this.lines = lines
    this.positions = new Positions(lines)
  }

  /** What a node stands for: `*name` reads as the `&name` value, as in every other YAML reader. */
  deref(node: unknown): YamlNode {
    return (isAlias(node) ? (node.resolve(this.doc) ?? node) : node) as YamlNode
  }

  pos(node: YamlNode | null | undefined, fallback?: Where): Where {
    const offset = node?.range?.[0]
    return offset === undefined ? (fallback ?? 0) : offset
  }

  position(at: Where): Position {
    return typeof at === 'number' ? this.lines.linePos(at) : at
  }

  error(at: Where, path: string, message: string): void {
    this.problems.push({ file: this.file, ...this.position(at), path, message, severity: 'error' })
  }
}

function describe(node: unknown): string {
  if (node === null || node === undefined) return 'nothing'
  if (isAlias(node)) return `the alias '*${node.source}' with no anchor '&${node.source}' before it`
  if (isMap(node)) return 'a mapping'
  if (isSeq(node)) return 'a list'
  if (isScalar(node)) {
    const v = node.value
    if (v === null) return 'nothing'
    if (typeof v === 'string') return `the string '${v}'`
    return `${typeof v} ${String(v)}`
  }
  return 'an unknown value'
}

function scalarString(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined
  const v = node.value
  return typeof v === 'string' ? v : undefined
}

/** Keys of a YAML mapping with their (alias-resolved) values; reports keys that are not plain strings. */
function entries(
  r: Reader,
  map: YamlNode,
  path: string
): Array<{ key: string; pair: Pair; value: YamlNode }> {
  const out: Array<{ key: string; pair: Pair; value: YamlNode }> = []
  if (!isMap(map)) return out
  // Checked here rather than by the parser's uniqueKeys, which is quadratic in a mapping's size.
  const seen = new Set<string>()
  for (const pair of map.items) {
    const keyNode = r.deref(pair.key)
    const key = isScalar(keyNode) ? keyNode.value : undefined
    if (typeof key !== 'string' && typeof key !== 'number') {
      r.error(r.pos(keyNode), path, `keys must be plain names, got ${describe(keyNode)}`)
      continue
    }
    const name = String(key)
    if (seen.has(name)) {
      r.error(
        r.pos(keyNode),
        path ? `${path}.${name}` : name,
        `'${name}' appears twice in this mapping; each key may appear once`
      )
      continue
    }
    seen.add(name)
    out.push({ key: name, pair, value: r.deref(pair.value) })
  }
  return out
}

function readStringList(
  r: Reader,
  node: YamlNode,
  path: string,
  what: string,
  check: (item: string, itemPath: string, at: Where) => string | undefined
): string[] {
  if (!isSeq(node)) {
    r.error(r.pos(node), path, `expected a list of ${what}, got ${describe(node)}`)
    return []
  }
  const out: string[] = []
  node.items.forEach((raw, i) => {
    const item = r.deref(raw)
    const itemPath = `${path}[${i}]`
    const at = r.pos(item)
    r.positions.set(itemPath, at)
    const s = scalarString(item)
    if (s === undefined) {
      r.error(at, itemPath, `expected ${what.replace(/s$/, '')} as a string, got ${describe(item)}`)
      return
    }
    const value = check(s, itemPath, at)
    if (value !== undefined) out.push(value)
  })
  return out
}

function readMap(r: Reader, node: YamlNode, path: string): Record<string, string> {
  const out: Record<string, string> = {}
  if (!isMap(node)) {
    r.error(r.pos(node), path, `expected a mapping of NAME: value, got ${describe(node)}`)
    return out
  }
  for (const { key, pair, value } of entries(r, node, path)) {
    if (!ENV_NAME_PATTERN.test(key)) {
      r.error(
        r.pos(pair.key as YamlNode),
        `${path}.${key}`,
        `'${key}' is not a valid variable name (letters, digits, '_'; not starting with a digit)`
      )
      continue
    }
    const v = isScalar(value) ? value.value : undefined
    // A number keeps its spelling: `GO_VERSION: 1.20` means "1.20", not "1.2".
    if (typeof v === 'number') out[key] = (value as Scalar).source ?? String(v)
    else if (typeof v === 'string' || typeof v === 'boolean') out[key] = String(v)
    else
      r.error(
        r.pos(value, r.pos(pair.key as YamlNode)),
        `${path}.${key}`,
        `expected a string, number or boolean, got ${describe(value)}`
      )
  }
  return out
}

function readNode(
  r: Reader,
  kind: NodeKind,
  name: string,
  body: YamlNode,
  namePos: Position,
  path: string
): GraphNode | undefined {
  if (!isMap(body)) {
    r.error(
      r.pos(body, namePos),
      path,
      `expected a mapping with ${Object.keys(FIELDS[kind]).join(', ')}, got ${describe(body)}`
    )
    return undefined
  }
  const spec = FIELDS[kind]
  const values: Record<string, unknown> = {}
  const seen = new Set<string>()
  for (const { key, pair, value } of entries(r, body, path)) {
    const fieldPath = `${path}.${key}`
    const keyPos = r.pos(pair.key as YamlNode)
    const field = spec[key]
    if (!field) {
      r.error(
        keyPos,
        fieldPath,
        `unknown field '${key}'${didYouMean(key, Object.keys(spec))}; allowed: ${Object.keys(spec).join(', ')}`
      )
      continue
    }
    seen.add(key)
    const at = r.pos(value, keyPos)
    r.positions.set(fieldPath, at)
    values[key] = readField(r, field.type, value, fieldPath, at)
  }
  for (const [key, field] of Object.entries(spec)) {
    if (field.required && !seen.has(key)) r.error(namePos, path, `missing required field '${key}'`)
  }
  const description = values.description as string | undefined
  const common = { name, pos: namePos, ...(description !== undefined ? { description } : {}) }
  switch (kind) {
    case 'config': {
      const paths = (values.paths as string[] | undefined) ?? []
      if (seen.has('paths') && paths.length > 0 && paths.every(p => p.startsWith('!'))) {
        r.error(
          r.positions.get(`${path}.paths`) ?? namePos,
          `${path}.paths`,
          'has only exclusions (!...); add at least one pattern to include'
        )
      }
      return { kind, ...common, paths }
    }
    case 'process':
      return {
        kind,
        ...common,
        inputs: (values.inputs as string[] | undefined) ?? [],
        run: (values.run as string | undefined) ?? '',
        outputs: (values.outputs as string[] | undefined) ?? [],
        env: (values.env as Record<string, string> | undefined) ?? {}
      }
    case 'image': {
      const context = (values.context as string | undefined) ?? ''
      const dockerfile =
        (values.dockerfile as string | undefined) ??
        (context ? `${context}/Dockerfile` : 'Dockerfile')
      const target = values.target as string | undefined
      return {
        kind,
        ...common,
        context,
        dockerfile,
        inputs: (values.inputs as string[] | undefined) ?? [],
        buildArgs: (values['build-args'] as Record<string, string> | undefined) ?? {},
        platforms: (values.platforms as string[] | undefined) ?? [],
        ...(target !== undefined ? { target } : {})
      }
    }
  }
}

function readField(r: Reader, type: FieldType, value: YamlNode, path: string, at: Where): unknown {
  switch (type) {
    case 'string':
    case 'command': {
      const s = scalarString(value)
      if (s === undefined) {
        r.error(at, path, `expected a string, got ${describe(value)}`)
        return undefined
      }
      if (type === 'command' && s.trim() === '') r.error(at, path, 'the command is empty')
      return s
    }
    case 'path':
    case 'file': {
      const s = scalarString(value)
      if (s === undefined) {
        r.error(at, path, `expected a repository-relative path, got ${describe(value)}`)
        return undefined
      }
      const n = normalizeRepoPath(s)
      if ('error' in n) {
        r.error(at, path, n.error)
        return undefined
      }
      if (type === 'file' && n.path === '') {
        r.error(at, path, `'${s}' is the repository root; name a file`)
        return undefined
      }
      return n.path
    }
    case 'paths':
      return readStringList(r, value, path, 'paths', (s, itemPath, itemAt) => {
        const n = normalizeRepoPath(s)
        if ('error' in n) return void r.error(itemAt, itemPath, n.error)
        if (n.path === '')
          return void r.error(
            itemAt,
            itemPath,
            `'${s}' is the repository root; name a file or directory inside it`
          )
        return n.path
      })
    case 'globs':
      if (isSeq(value) && value.items.length === 0) {
        r.error(at, path, 'lists no patterns; a config needs at least one')
        return []
      }
      return readStringList(r, value, path, 'glob patterns', (s, itemPath, itemAt) => {
        const problem = checkGlob(s)
        if (problem) return void r.error(itemAt, itemPath, problem)
        return normalizeGlob(s)
      })
    case 'names':
      return readStringList(r, value, path, 'node names', s => s)
    case 'platforms':
      return readStringList(r, value, path, 'platforms', (s, itemPath, itemAt) => {
        if (PLATFORM_PATTERN.test(s)) return s
        r.error(
          itemAt,
          itemPath,
          `'${s}' is not a platform; expected os/arch[/variant], e.g. linux/amd64 or linux/arm64/v8`
        )
        return undefined
      })
    case 'map':
      return readMap(r, value, path)
  }
}

/**
 * Parse and validate a graph file: structure, names, references, cycles, paths that stay in the
 * repository. Checks against the repository's files (missing context, globs that match nothing)
 * are in checkGraphAgainstFiles. Throws GraphError with every problem.
 */
export function parseGraph(text: string, file = DEFAULT_GRAPH_FILE): Graph {
  const lines = new LineCounter()
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false })
  const r = new Reader(file, lines, doc)
  for (const e of [...doc.errors]) {
    const at = lines.linePos(e.pos[0])
    r.error(at, '', e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''))
  }
  if (r.problems.length > 0) throw new GraphError(r.problems)

  const root = r.deref(doc.contents)
  if (!isMap(root)) {
    r.error(
      r.pos(root),
      '',
      `expected a mapping with ${TOP_FIELDS.join(', ')}, got ${describe(root)}`
    )
    throw new GraphError(r.problems)
  }

  const nodes = new Map<string, GraphNode>()
  const nodePaths = new Map<string, string>()
  let versionSeen = false
  for (const { key, pair, value } of entries(r, root, '')) {
    const keyPos = r.pos(pair.key as YamlNode)
    if (key === 'version') {
      versionSeen = true
      const v = isScalar(value) ? value.value : undefined
      if (v !== GRAPH_VERSION)
        r.error(
          r.pos(value, keyPos),
          'version',
          `unsupported version ${describe(value).replace(/^number /, '')}; supported: ${GRAPH_VERSION}`
        )
      continue
    }
    const kind = KIND_OF[key]
    if (!kind) {
      r.error(
        keyPos,
        key,
        `unknown field '${key}'${didYouMean(key, TOP_FIELDS)}; allowed: ${TOP_FIELDS.join(', ')}`
      )
      continue
    }
    if (isScalar(value) && value.value === null) continue // `images:` with nothing under it
    if (!isMap(value)) {
      r.error(
        r.pos(value, keyPos),
        key,
        `expected a mapping of ${kind} names to ${kind} definitions, got ${describe(value)}`
      )
      continue
    }
    for (const entry of entries(r, value, key)) {
      const name = entry.key
      const namePos = r.position(r.pos(entry.pair.key as YamlNode))
      const path = `${key}.${name}`
      if (!NAME_PATTERN.test(name)) {
        r.error(
          namePos,
          path,
          `'${name}' is not a valid name; use lowercase letters, digits, '.', '_' and '-', starting with a letter or digit`
        )
        continue
      }
      const node = readNode(r, kind, name, entry.value, namePos, path)
      if (!node) continue
      const earlier = nodePaths.get(name)
      if (earlier) {
        const first = nodes.get(name)!
        r.error(
          namePos,
          path,
          `name '${name}' is already used by ${earlier} at ${file}:${first.pos.line}:${first.pos.col}; names are unique across configs, processes and images`
        )
        continue
      }
      nodes.set(name, node)
      nodePaths.set(name, path)
    }
  }
  if (!versionSeen)
    r.error(
      { line: 1, col: 1 },
      'version',
      `missing required field 'version'; add 'version: ${GRAPH_VERSION}'`
    )

  checkReferences(r, nodes)
  checkOutputs(r, nodes)
  const order = r.problems.length === 0 ? topologicalOrder(r, nodes) : []
  if (r.problems.length > 0) throw new GraphError(sortProblems(r.problems))
  return { version: 1, file, nodes, order, positions: r.positions }
}

function checkReferences(r: Reader, nodes: Map<string, GraphNode>): void {
  for (const node of nodes.values()) {
    if (node.kind === 'config') continue
    const path = `${SECTION_OF[node.kind]}.${node.name}`
    const seen = new Set<string>()
    node.inputs.forEach((input, i) => {
      const inputPath = `${path}.inputs[${i}]`
      const itemAt = r.positions.get(inputPath) ?? node.pos
      const target = nodes.get(input)
      if (!target) {
        r.error(itemAt, inputPath, `unknown node '${input}'${didYouMean(input, nodes.keys())}`)
      } else if (input === node.name) {
        r.error(itemAt, inputPath, `${node.kind} '${node.name}' cannot be its own input`)
      } else if (!ALLOWED_INPUTS[node.kind].includes(target.kind)) {
        r.error(
          itemAt,
          inputPath,
          `'${input}' is ${article(target.kind)} ${target.kind}; a ${node.kind} takes ${ALLOWED_INPUTS[node.kind].map(k => SECTION_OF[k]).join(' or ')}`
        )
      } else if (seen.has(input)) {
        r.error(itemAt, inputPath, `'${input}' is listed twice`)
      }
      seen.add(input)
    })
  }
}

function article(kind: NodeKind): string {
  return kind === 'image' ? 'an' : 'a'
}

function checkOutputs(r: Reader, nodes: Map<string, GraphNode>): void {
  const owners: Array<{ path: string; process: string }> = []
  for (const node of nodes.values()) {
    if (node.kind !== 'process') continue
    node.outputs.forEach((output, i) => {
      const clash = owners.find(
        o => o.path === output || o.path.startsWith(`${output}/`) || output.startsWith(`${o.path}/`)
      )
      if (clash) {
        const at = r.positions.get(`processes.${node.name}.outputs[${i}]`) ?? node.pos
        r.error(
          at,
          `processes.${node.name}.outputs[${i}]`,
          `'${output}' overlaps '${clash.path}', an output of process '${clash.process}'; each output belongs to one process`
        )
      }
      owners.push({ path: output, process: node.name })
    })
  }
}

function topologicalOrder(r: Reader, nodes: Map<string, GraphNode>): GraphNode[] {
  const order: GraphNode[] = []
  const state = new Map<string, 'visiting' | 'done'>()
  const stack: string[] = []
  const reported = new Set<string>()
  const visit = (node: GraphNode): void => {
    const s = state.get(node.name)
    if (s === 'done') return
    if (s === 'visiting') {
      const cycle = [...stack.slice(stack.indexOf(node.name)), node.name]
      const id = [...cycle].slice(0, -1).sort().join(' ')
      if (!reported.has(id)) {
        reported.add(id)
        const first = nodes.get(cycle[0])!
        r.error(
          r.positions.get(`${SECTION_OF[first.kind]}.${first.name}.inputs`) ?? first.pos,
          `${SECTION_OF[first.kind]}.${first.name}.inputs`,
          `cycle: ${cycle.join(' -> ')}`
        )
      }
      return
    }
    state.set(node.name, 'visiting')
    stack.push(node.name)
    if (node.kind !== 'config') for (const input of node.inputs) visit(nodes.get(input)!)
    stack.pop()
    state.set(node.name, 'done')
    order.push(node)
  }
  for (const node of nodes.values()) visit(node)
  return order
}

function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.line - b.line || a.col - b.col)
}

/** The names of the nodes a node consumes (configs have none). */
export function inputsOf(node: GraphNode): string[] {
  return node.kind === 'config' ? [] : node.inputs
}
