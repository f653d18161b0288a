// imagegraph.yml -> a validated Graph, or every problem at once with file:line:col and the node path.
// Structural rules here and in schema/imagegraph.schema.json are the same; __tests__/schema.test.ts
// holds them to it.
import { GraphError, Suggestions, didYouMean, sortProblems } from './errors.js'
import type { Problem } from './errors.js'
import { addImpliedInputs } from './generated.js'
import type { ImpliedInput } from './generated.js'
import { checkGlob, normalizeGlob } from './match.js'
import { OutputIndex } from './output-paths.js'
import { Locations, YamlNumber, isYamlMap, loadYaml } from './yaml.js'
import type { Locator, Position, Segment, Value, YamlMap, YamlReader } from './yaml.js'

export { YamlNumber } from './yaml.js'
export type { Position } from './yaml.js'
import { DEFAULT_TIMEOUT_SECONDS, parseDuration } from './duration.js'

export const GRAPH_VERSION = 1
export const DEFAULT_GRAPH_FILE = 'imagegraph.yml'

export type NodeKind = 'config' | 'process' | 'image'

interface NodeCommon {
  name: string
  /** The fields the file spells out (others have their defaults). */
  fields: string[]
  description?: string
}
export interface ConfigNode extends NodeCommon {
  kind: 'config'
  paths: string[]
  /** Matching no tracked file is fine (`allow-empty: true`); it changes no bytes, so no key. */
  allowEmpty?: boolean
}
export interface ProcessNode extends NodeCommon {
  kind: 'process'
  inputs: string[]
  run: string
  outputs: string[]
  env: Record<string, string>
  /** `timeout`, in seconds (default an hour): not in the key, it changes no output. */
  timeoutSeconds: number
  /** `pass-env`: variables passed from the caller's environment; names only, not in the key. */
  passEnv: string[]
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
  /** Processes it consumes without listing them: they write its context or Dockerfile. */
  implied?: { inputs: string[]; because: ImpliedInput[] }
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
const KIND_OF = new Map<string, NodeKind>([
  ['configs', 'config'],
  ['processes', 'process'],
  ['images', 'image']
])

type FieldType =
  | 'string'
  | 'boolean'
  | 'command'
  | 'globs'
  | 'names'
  | 'path'
  | 'file'
  | 'paths'
  | 'map'
  | 'platforms'
  | 'duration'
  | 'variables'
interface FieldSpec {
  type: FieldType
  required?: boolean
}
export const FIELDS: Record<NodeKind, Record<string, FieldSpec>> = {
  config: {
    paths: { type: 'globs', required: true },
    'allow-empty': { type: 'boolean' },
    description: { type: 'string' }
  },
  process: {
    inputs: { type: 'names' },
    run: { type: 'command', required: true },
    outputs: { type: 'paths' },
    env: { type: 'map' },
    'pass-env': { type: 'variables' },
    timeout: { type: 'duration' },
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
/** A path already in canonical form: no empty, `.` or `..` segment, no `\`, not absolute. */
const CANONICAL_PATH = /^(?!\.\.?(\/|$))[^/\\:]+(\/(?!\.\.?(\/|$))[^/\\]+)*$/

export function normalizeRepoPath(raw: string): { path: string } | { error: string } {
  if (CANONICAL_PATH.test(raw)) return { path: raw } // the common case, without splitting
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

/** Field positions by node path (`images.api.context`, `images.api.inputs[1]`), found lazily. */
export class Positions {
  constructor(
    private readonly locations: Locations,
    private readonly nodes: Map<string, GraphNode>
  ) {}

  private locator(path: string): Locator | undefined {
    const m = /^(configs|processes|images)\.(.+)$/.exec(path)
    if (!m) return undefined
    const [, section, rest] = m
    // Names may hold dots: take the longest prefix that is a node of this section.
    for (let cut = rest.length; cut > 0; cut = rest.lastIndexOf('.', cut - 1)) {
      const name = rest.slice(0, cut)
      const node = this.nodes.get(name)
      if (!node || SECTION_OF[node.kind] !== section) continue
      const tail = rest.slice(cut + 1)
      const segments: Segment[] = [section, name]
      if (tail) {
        const f = /^([^.[]+)(?:\[(\d+)\]|\.(.+))?$/.exec(tail)
        if (!f) return undefined
        segments.push(f[1])
        if (f[2] !== undefined) segments.push(Number(f[2]))
        if (f[3] !== undefined) segments.push(f[3])
        return { segments, at: 'value' }
      }
      return { segments, at: 'key' }
    }
    return undefined
  }

  /** Whether the file spells out what path names (a defaulted field is not there). */
  has(path: string): boolean {
    const loc = this.locator(path)
    return loc !== undefined && this.exists(loc)
  }

  private exists(loc: Locator): boolean {
    const [section, name, field, item] = loc.segments
    const node = this.nodes.get(String(name))
    if (!node || SECTION_OF[node.kind] !== section) return false
    if (field === undefined) return true
    return this.present(node, String(field), item)
  }

  /** Whether the file spells out a field (defaults do not count). */
  private present(node: GraphNode, field: string, item: Segment | undefined): boolean {
    const raw = node.fields
    if (!raw.includes(field)) return false
    if (item === undefined) return true
    const value = (node as unknown as Record<string, unknown>)[
      field === 'build-args' ? 'buildArgs' : field === 'pass-env' ? 'passEnv' : field
    ]
    return Array.isArray(value) ? typeof item === 'number' && item < value.length : true
  }

  get(path: string): Position | undefined {
    const loc = this.locator(path)
    if (!loc || !this.exists(loc)) return undefined
    return this.locations.locate(loc)
  }
}

const isMapValue = (v: Value | undefined): v is YamlMap => isYamlMap(v)
const isNumberValue = (v: Value | undefined): boolean =>
  typeof v === 'number' || v instanceof YamlNumber
const numberText = (v: Value | undefined): string =>
  v instanceof YamlNumber ? v.source : String(v)

function describe(v: Value | undefined): string {
  if (v === null || v === undefined) return 'nothing'
  if (Array.isArray(v)) return 'a list'
  if (isNumberValue(v)) return `number ${numberText(v)}`
  if (isMapValue(v)) return 'a mapping'
  if (typeof v === 'string') return `the string '${v}'`
  return `${typeof v} ${String(v)}`
}

class Reader {
  readonly problems: Array<{ loc: Locator; path: string; message: string }> = []

  error(segments: Segment[], at: 'key' | 'value', path: string, message: string): void {
    this.problems.push({ loc: { segments, at }, path, message })
  }
}

function readStringList(
  r: Reader,
  value: Value,
  segs: Segment[],
  path: string,
  what: string,
  check: (item: string, itemPath: string, itemSegs: Segment[]) => string | undefined
): string[] {
  if (!Array.isArray(value)) {
    r.error(segs, 'value', path, `expected a list of ${what}, got ${describe(value)}`)
    return []
  }
  const out: string[] = []
  value.forEach((item: Value, i) => {
    const itemPath = `${path}[${i}]`
    const itemSegs = [...segs, i]
    if (typeof item !== 'string') {
      r.error(
        itemSegs,
        'value',
        itemPath,
        `expected ${what.replace(/s$/, '')} as a string, got ${describe(item)}`
      )
      return
    }
    const checked = check(item, itemPath, itemSegs)
    if (checked !== undefined) out.push(checked)
  })
  return out
}

function readMap(r: Reader, value: Value, segs: Segment[], path: string): Record<string, string> {
  // No prototype: `__proto__: x` is a variable like any other, not a way to lose one.
  const out: Record<string, string> = Object.create(null)
  if (!isMapValue(value)) {
    r.error(segs, 'value', path, `expected a mapping of NAME: value, got ${describe(value)}`)
    return out
  }
  for (const key of Object.keys(value)) {
    const v = value[key]
    if (!ENV_NAME_PATTERN.test(key)) {
      r.error(
        [...segs, key],
        'key',
        `${path}.${key}`,
        `'${key}' is not a valid variable name (letters, digits, '_'; not starting with a digit)`
      )
      continue
    }
    if (isNumberValue(v)) out[key] = numberText(v)
    else if (typeof v === 'string' || typeof v === 'boolean') out[key] = String(v)
    else
      r.error(
        [...segs, key],
        'value',
        `${path}.${key}`,
        `expected a string, number or boolean, got ${describe(v)}`
      )
  }
  return out
}

function readField(
  r: Reader,
  type: FieldType,
  value: Value,
  segs: Segment[],
  path: string
): unknown {
  switch (type) {
    case 'boolean':
      if (typeof value !== 'boolean') {
        r.error(segs, 'value', path, `expected true or false, got ${describe(value)}`)
        return undefined
      }
      return value
    case 'string':
    case 'command': {
      if (typeof value !== 'string') {
        r.error(segs, 'value', path, `expected a string, got ${describe(value)}`)
        return undefined
      }
      if (type === 'command' && value.trim() === '')
        r.error(segs, 'value', path, 'the command is empty')
      return value
    }
    case 'path':
    case 'file': {
      if (typeof value !== 'string') {
        r.error(segs, 'value', path, `expected a repository-relative path, got ${describe(value)}`)
        return undefined
      }
      const n = normalizeRepoPath(value)
      if ('error' in n) {
        r.error(segs, 'value', path, n.error)
        return undefined
      }
      if (type === 'file' && n.path === '') {
        r.error(segs, 'value', path, `'${value}' is the repository root; name a file`)
        return undefined
      }
      return n.path
    }
    case 'paths':
      return readStringList(r, value, segs, path, 'paths', (s, itemPath, itemSegs) => {
        const n = normalizeRepoPath(s)
        if ('error' in n) return void r.error(itemSegs, 'value', itemPath, n.error)
        if (n.path === '')
          return void r.error(
            itemSegs,
            'value',
            itemPath,
            `'${s}' is the repository root; name a file or directory inside it`
          )
        return n.path
      })
    case 'globs':
      if (Array.isArray(value) && value.length === 0) {
        r.error(segs, 'value', path, 'lists no patterns; a config needs at least one')
        return []
      }
      return readStringList(r, value, segs, path, 'glob patterns', (s, itemPath, itemSegs) => {
        const problem = checkGlob(s)
        if (problem) return void r.error(itemSegs, 'value', itemPath, problem)
        return normalizeGlob(s)
      })
    case 'names':
      return readStringList(r, value, segs, path, 'node names', s => s)
    case 'platforms':
      return readStringList(r, value, segs, path, 'platforms', (s, itemPath, itemSegs) => {
        if (PLATFORM_PATTERN.test(s)) return s
        r.error(
          itemSegs,
          'value',
          itemPath,
          `'${s}' is not a platform; expected os/arch[/variant], e.g. linux/amd64 or linux/arm64/v8`
        )
        return undefined
      })
    case 'map':
      return readMap(r, value, segs, path)
    case 'duration': {
      if (typeof value !== 'string') {
        r.error(
          segs,
          'value',
          path,
          `expected a duration like 90s, 30m or 1h30m, got ${describe(value)}`
        )
        return undefined
      }
      const d = parseDuration(value)
      if ('error' in d) return void r.error(segs, 'value', path, d.error)
      return d.seconds
    }
    case 'variables': {
      const seen = new Set<string>()
      return readStringList(r, value, segs, path, 'variable names', (s, itemPath, itemSegs) => {
        if (!ENV_NAME_PATTERN.test(s))
          return void r.error(
            itemSegs,
            'value',
            itemPath,
            `'${s}' is not a valid variable name (letters, digits, '_'; not starting with a digit)`
          )
        if (seen.has(s)) return void r.error(itemSegs, 'value', itemPath, `'${s}' is listed twice`)
        seen.add(s)
        return s
      })
    }
  }
}

function readNode(
  r: Reader,
  kind: NodeKind,
  name: string,
  body: Value,
  segs: Segment[],
  path: string
): GraphNode | undefined {
  if (!isMapValue(body)) {
    r.error(
      segs,
      'value',
      path,
      `expected a mapping with ${Object.keys(FIELDS[kind]).join(', ')}, got ${describe(body)}`
    )
    return undefined
  }
  const spec = FIELDS[kind]
  const values: Record<string, unknown> = Object.create(null)
  const fields = Object.keys(body)
  for (const key of fields) {
    const fieldPath = `${path}.${key}`
    const field = Object.hasOwn(spec, key) ? spec[key] : undefined
    if (!field) {
      r.error(
        [...segs, key],
        'key',
        fieldPath,
        `unknown field '${key}'${didYouMean(key, Object.keys(spec))}; allowed: ${Object.keys(spec).join(', ')}`
      )
      continue
    }
    values[key] = readField(r, field.type, body[key], [...segs, key], fieldPath)
  }
  for (const [key, field] of Object.entries(spec)) {
    if (field.required && !Object.hasOwn(body, key))
      r.error(segs, 'key', path, `missing required field '${key}'`)
  }
  const description = values.description as string | undefined
  const common = { name, fields, ...(description !== undefined ? { description } : {}) }
  switch (kind) {
    case 'config': {
      const paths = (values.paths as string[] | undefined) ?? []
      if (paths.length > 0 && paths.every(p => p.startsWith('!'))) {
        r.error(
          [...segs, 'paths'],
          'value',
          `${path}.paths`,
          'has only exclusions (!...); add at least one pattern to include'
        )
      }
      const allowEmpty = values['allow-empty'] as boolean | undefined
      return { kind, ...common, paths, ...(allowEmpty !== undefined ? { allowEmpty } : {}) }
    }
    case 'process': {
      const env = (values.env as Record<string, string> | undefined) ?? Object.create(null)
      const passEnv = (values['pass-env'] as string[] | undefined) ?? []
      // One source per variable: a value in the file would silently lose to the caller's or win.
      passEnv.forEach((name, i) => {
        if (name in env)
          r.error(
            [...segs, 'pass-env', i],
            'value',
            `${path}.pass-env[${i}]`,
            `'${name}' is also set in env; a variable comes from env or from pass-env, not both`
          )
      })
      return {
        kind,
        ...common,
        inputs: (values.inputs as string[] | undefined) ?? [],
        run: (values.run as string | undefined) ?? '',
        outputs: (values.outputs as string[] | undefined) ?? [],
        env,
        timeoutSeconds: (values.timeout as number | undefined) ?? DEFAULT_TIMEOUT_SECONDS,
        passEnv
      }
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
        buildArgs:
          (values['build-args'] as Record<string, string> | undefined) ?? Object.create(null),
        platforms: (values.platforms as string[] | undefined) ?? [],
        ...(target !== undefined ? { target } : {})
      }
    }
  }
}

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
    r.error(
      [],
      'value',
      '',
      `expected a mapping with ${TOP_FIELDS.join(', ')}, got ${describe(root)}`
    )
    return { problems: located() }
  }
  for (const key of Object.keys(root)) {
    const value = root[key]
    if (key === 'version') {
      if (!(
        isNumberValue(value) &&
        Number(value instanceof YamlNumber ? value.value : value) === GRAPH_VERSION
      )) {
        r.error([key], 'value', 'version', versionProblem(value))
      }
      continue
    }
    const kind = KIND_OF.get(key)
    if (!kind) {
      r.error(
        [key],
        'key',
        key,
        `unknown field '${key}'${didYouMean(key, TOP_FIELDS)}; allowed: ${TOP_FIELDS.join(', ')}`
      )
      continue
    }
    if (value === null || value === undefined) continue // `images:` with nothing under it
    if (!isMapValue(value)) {
      r.error(
        [key],
        'value',
        key,
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
          path,
          `'${name}' is not a valid name; use lowercase letters, digits, '.', '_' and '-', starting with a letter or digit`
        )
        continue
      }
      const node = readNode(r, kind, name, value[name], [key, name], path)
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
          path,
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
      'version',
      `missing required field 'version'; add 'version: ${GRAPH_VERSION}'`
    )

  checkReferences(r, nodes)
  checkOutputs(r, nodes)
  addImpliedInputs(nodes)
  const order = r.problems.length === 0 ? topologicalOrder(r, nodes) : []
  const graph: Graph = {
    version: 1,
    file,
    nodes,
    order,
    positions: new Positions(locations, nodes)
  }
  return { graph, problems: r.problems.length > 0 ? located() : [] }
}

function versionProblem(value: Value): string {
  if (typeof value === 'string' && value.trim() === String(GRAPH_VERSION))
    return `version must be the number ${GRAPH_VERSION}, not the string '${value}'; write 'version: ${GRAPH_VERSION}' without quotes`
  return `unsupported version ${describe(value).replace(/^number /, '')}; supported: ${GRAPH_VERSION}`
}

function checkReferences(r: Reader, nodes: Map<string, GraphNode>): void {
  const suggestions = new Suggestions(nodes.keys())
  for (const node of nodes.values()) {
    if (node.kind === 'config') continue
    const path = `${SECTION_OF[node.kind]}.${node.name}`
    const seen = new Set<string>()
    node.inputs.forEach((input, i) => {
      const inputPath = `${path}.inputs[${i}]`
      const at: Segment[] = [SECTION_OF[node.kind], node.name, 'inputs', i]
      const target = nodes.get(input)
      if (!target) {
        r.error(at, 'value', inputPath, `unknown node '${input}'${suggestions.for(input)}`)
      } else if (input === node.name) {
        r.error(at, 'value', inputPath, `${node.kind} '${node.name}' cannot be its own input`)
      } else if (!ALLOWED_INPUTS[node.kind].includes(target.kind)) {
        r.error(
          at,
          'value',
          inputPath,
          `'${input}' is ${article(target.kind)} ${target.kind}; a ${node.kind} takes ${ALLOWED_INPUTS[node.kind].map(k => SECTION_OF[k]).join(' or ')}`
        )
      } else if (seen.has(input)) {
        r.error(at, 'value', inputPath, `'${input}' is listed twice`)
      }
      seen.add(input)
    })
  }
}

function article(kind: NodeKind): string {
  return kind === 'image' ? 'an' : 'a'
}

function checkOutputs(r: Reader, nodes: Map<string, GraphNode>): void {
  const outputs = new OutputIndex()
  for (const node of nodes.values()) {
    if (node.kind !== 'process') continue
    node.outputs.forEach((output, i) => {
      const clash = outputs.add({ path: output, process: node.name, index: i })
      if (clash) {
        r.error(
          ['processes', node.name, 'outputs', i],
          'value',
          `processes.${node.name}.outputs[${i}]`,
          `'${output}' overlaps '${clash.path}', an output of process '${clash.process}'; each output belongs to one process`
        )
      }
    })
  }
  checkOutputsInInputs(r, nodes, outputs)
}

/**
 * A process whose output is named by a config it consumes (directly or through other processes)
 * changes its own inputs by running: a cycle, refused where the output is listed.
 */
function checkOutputsInInputs(
  r: Reader,
  nodes: Map<string, GraphNode>,
  outputs: OutputIndex
): void {
  const reported = new Set<string>()
  for (const config of nodes.values()) {
    if (config.kind !== 'config') continue
    for (const pattern of config.paths) {
      if (pattern.startsWith('!')) continue
      for (const owner of outputs.namedBy(pattern)) {
        const id = `${owner.process}\0${owner.index}`
        if (reported.has(id) || !consumes(nodes, owner.process, config.name)) continue
        reported.add(id)
        r.error(
          ['processes', owner.process, 'outputs', owner.index],
          'value',
          `processes.${owner.process}.outputs[${owner.index}]`,
          `cycle: process '${owner.process}' writes '${owner.path}', which config '${config.name}' (an input of it) matches with '${pattern}'; a process cannot write its own inputs`
        )
      }
    }
  }
}

/** Whether node reaches target through its inputs. */
function consumes(nodes: Map<string, GraphNode>, node: string, target: string): boolean {
  const seen = new Set<string>()
  const stack = [node]
  while (stack.length > 0) {
    const n = nodes.get(stack.pop()!)
    if (!n || n.kind === 'config' || seen.has(n.name)) continue
    seen.add(n.name)
    for (const input of n.inputs) {
      if (input === target) return true
      stack.push(input)
    }
  }
  return false
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
          [SECTION_OF[first.kind], first.name, 'inputs'],
          'value',
          `${SECTION_OF[first.kind]}.${first.name}.inputs`,
          `cycle: ${cycle.join(' -> ')}`
        )
      }
      return
    }
    state.set(node.name, 'visiting')
    stack.push(node.name)
    for (const input of inputsOf(node)) visit(nodes.get(input)!)
    stack.pop()
    state.set(node.name, 'done')
    order.push(node)
  }
  for (const node of nodes.values()) visit(node)
  return order
}

/** The names of the nodes a node consumes, implied ones included (configs have none). */
export function inputsOf(node: GraphNode): string[] {
  if (node.kind === 'config') return []
  return node.kind === 'image' && node.implied ? node.implied.inputs : node.inputs
}
