// The graph file as plain values, by either of two YAML readers that must agree: a fast one
// (js-yaml) that keeps no positions, and a position-keeping one (`yaml`) that runs when the fast
// one refuses the text or a problem needs a line. Both give the same values: mappings without a
// prototype (a user's `__proto__` or `constructor` is a name like any other), numbers that keep
// their spelling (`1.20` stays "1.20"), keys by their spelling. Merge keys (`<<`) are refused.
import jsyaml from 'js-yaml'
import type { Document, LineCounter, Node as YamlNode, Pair, Scalar, YAMLMap } from 'yaml'
import { GraphError, sortProblems } from '../errors.js'
import type { Problem } from '../errors.js'
import { positionParser } from './position-parser.js'
import type { PositionParser } from './position-parser.js'

// The position-keeping parser's functions, loaded only when called (a valid graph never calls them).
const isAlias = ((n: unknown) => positionParser().isAlias(n)) as PositionParser['isAlias']
const isMap = ((n: unknown) => positionParser().isMap(n)) as PositionParser['isMap']
const isScalar = ((n: unknown) => positionParser().isScalar(n)) as PositionParser['isScalar']
const isSeq = ((n: unknown) => positionParser().isSeq(n)) as PositionParser['isSeq']

export interface Position {
  line: number
  col: number
}

/** A YAML number with its spelling: `GO_VERSION: 1.20` means "1.20", not "1.2". */
export class YamlNumber {
  constructor(
    readonly value: number,
    readonly source: string
  ) {}

  /** A number used as a key is the key as spelled (js-yaml asks String() of a tagged object). */
  toString(): string {
    return this.source
  }

  get [Symbol.toStringTag](): string {
    return 'YamlNumber'
  }
}

/** A mapping of the user's names: no prototype, so no name is also a property of Object. */
export type YamlMap = { [name: string]: Value }
export type Value = null | boolean | string | YamlNumber | Value[] | YamlMap

export function isYamlMap(v: unknown): v is YamlMap {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof YamlNumber)
}

// YAML 1.2 core schema, numbers keeping their spelling, no timestamps, merge keys or other extras.
type JsType = jsyaml.Type & { resolve(d: string): boolean; construct(d: string): unknown }
const yamlTypes = (
  jsyaml as unknown as { types: Record<'null' | 'bool' | 'int' | 'float', JsType> }
).types
const numberType = (base: JsType) =>
  new jsyaml.Type('tag:yaml.org,2002:' + (base === yamlTypes.int ? 'int' : 'float'), {
    kind: 'scalar',
    resolve: (data: string) => base.resolve(data),
    construct: (data: string) => new YamlNumber(base.construct(data) as number, data),
    instanceOf: YamlNumber
  }) as JsType
/** The plain-scalar types, in the order both readers try them. */
const IMPLICIT: JsType[] = [
  yamlTypes.null,
  yamlTypes.bool,
  numberType(yamlTypes.int),
  numberType(yamlTypes.float)
]
const FAST_SCHEMA = jsyaml.FAILSAFE_SCHEMA.extend({ implicit: IMPLICIT })
const TAGGED = new Map<string, JsType>(
  IMPLICIT.map(t => [(t as unknown as { tag: string }).tag, t])
)

const MERGE_KEY_MESSAGE =
  "YAML merge keys ('<<') are not supported; write the fields out (an alias of a whole value, `*name`, is fine)"

/** Where a problem is, as the path to a value (or to a key) in the document. */
export type Segment = string | number
export interface Locator {
  segments: Segment[]
  at: 'key' | 'value'
}

const childPath = (path: string, segment: Segment) =>
  typeof segment === 'number' ? `${path}[${segment}]` : path ? `${path}.${segment}` : segment

/** A key as a name, the way js-yaml makes one: by its spelling; a list by its items. */
function keyText(key: Value): string {
  if (Array.isArray(key))
    return key.map(k => (isYamlMap(k) ? '[object Object]' : keyText(k))).join(',')
  if (isYamlMap(key)) return '[object Object]'
  return String(key)
}

/**
 * The values of a document read by the position-keeping parser, built to be exactly what the fast
 * reader gives for the same text; the problems it finds are located.
 */
class PositionalValues {
  readonly problems: Problem[] = []
  private readonly done = new Map<YamlNode, Value>()
  private readonly active = new Set<YamlNode>()

  constructor(
    private readonly doc: Document,
    private readonly lines: LineCounter,
    private readonly file: string
  ) {}

  private problem(node: YamlNode | null | undefined, path: string, message: string): void {
    this.problems.push({
      file: this.file,
      ...this.lines.linePos(node?.range?.[0] ?? 0),
      path,
      message,
      severity: 'error'
    })
  }

  value(node: unknown, path: string): Value {
    if (node === null || node === undefined) return null
    if (isAlias(node)) {
      const target = node.resolve(this.doc) as YamlNode | undefined
      if (!target) return null // syntaxProblems reports it
      if (this.active.has(target)) {
        this.problem(node, path, `the alias '*${node.source}' refers to a value that holds it`)
        return null
      }
      return this.value(target, path)
    }
    const yamlNode = node as YamlNode
    const known = this.done.get(yamlNode)
    if (known !== undefined) return known // an alias shares the value, as with the fast reader
    this.active.add(yamlNode)
    let out: Value
    if (isMap(node)) {
      const map: YamlMap = Object.create(null)
      for (const pair of node.items) {
        const keyNode = pair.key as YamlNode | null
        const name = keyText(this.value(keyNode, path))
        const at = childPath(path, name)
        if (name === '<<') this.problem(keyNode, at, MERGE_KEY_MESSAGE)
        else if (Object.hasOwn(map, name))
          this.problem(
            keyNode,
            at,
            `'${name}' appears twice in this mapping; each key may appear once`
          )
        map[name] = this.value(pair.value, at)
      }
      out = map
    } else if (isSeq(node)) {
      out = node.items.map((item, i) => this.value(item, childPath(path, i)))
    } else if (isScalar(node)) {
      out = this.scalar(node, path)
    } else out = null
    this.active.delete(yamlNode)
    this.done.set(yamlNode, out)
    return out
  }

  private scalar(node: Scalar, path: string): Value {
    const source = node.source ?? String(node.value ?? '')
    const tag = node.tag
    if (tag === undefined || tag === null) {
      if (node.type !== 'PLAIN') return source
      if (source === '') return null // `key:` with nothing after it
      for (const type of IMPLICIT) if (type.resolve(source)) return type.construct(source) as Value
      return source
    }
    if (tag === '!' || tag === 'tag:yaml.org,2002:str') return source
    const type = TAGGED.get(tag)
    if (!type) {
      this.problem(node, path, `unknown tag !<${tag}>`)
      return source
    }
    if (!type.resolve(source)) {
      this.problem(node, path, `cannot resolve a node with !<${tag}> explicit tag`)
      return source
    }
    return type.construct(source) as Value
  }
}

/** The fast reader's values with no prototypes, merge keys located; aliases stay shared. */
function withoutPrototypes(root: unknown, mergeKeys: Segment[][]): Value {
  const copies = new Map<object, Value>()
  const copy = (v: unknown, segments: Segment[]): Value => {
    if (v === undefined) return null
    if (v === null || typeof v !== 'object' || v instanceof YamlNumber) return v as Value
    const known = copies.get(v)
    if (known !== undefined) return known
    if (Array.isArray(v)) {
      const list: Value[] = []
      copies.set(v, list)
      v.forEach((item, i) => list.push(copy(item, [...segments, i])))
      return list
    }
    const map: YamlMap = Object.create(null)
    copies.set(v, map)
    const source = v as Record<string, unknown>
    for (const name of Object.keys(source)) {
      if (name === '<<') mergeKeys.push([...segments, name])
      map[name] = copy(source[name], [...segments, name])
    }
    return map
  }
  return copy(root, [])
}

/**
 * Positions are found only when they are needed: a valid graph is read by a fast parser that
 * keeps none, and the position-keeping parser runs on demand (problems, or a later question).
 */
export class Locations {
  private doc?: Document
  private lines?: LineCounter

  constructor(private readonly text: string) {}

  private parsed(): { doc: Document; lines: LineCounter } {
    if (!this.doc || !this.lines) {
      const { LineCounter, parseDocument } = positionParser()
      this.lines = new LineCounter()
      this.doc = parseDocument(this.text, {
        lineCounter: this.lines,
        prettyErrors: false,
        uniqueKeys: false
      })
    }
    return { doc: this.doc, lines: this.lines }
  }

  /** The document's values as the position-keeping parser reads them, and what it found wrong. */
  values(file: string): { value: Value; problems: Problem[] } {
    const syntax = this.syntaxProblems(file)
    if (syntax.length > 0) return { value: null, problems: syntax }
    const { doc, lines } = this.parsed()
    const reader = new PositionalValues(doc, lines, file)
    const value = reader.value(doc.contents, '')
    return { value, problems: sortProblems(reader.problems) }
  }

  /**
   * What the fast parser refused, as the position-keeping parser sees it: syntax errors and
   * aliases with no anchor. (Keys that appear twice are found by PositionalValues, by the names
   * the readers give them: `1.20` and `1.2` are two names, `1` and `"1"` one.)
   */
  syntaxProblems(file: string): Problem[] {
    const { doc, lines } = this.parsed()
    const problem = (offset: number, path: string, message: string): Problem => ({
      file,
      ...lines.linePos(offset),
      path,
      message,
      severity: 'error'
    })
    const problems: Problem[] = []
    walk(doc, doc.contents, '', (node, path) => {
      if (isAlias(node) && node.resolve(doc) === undefined) {
        problems.push(
          problem(
            node.range?.[0] ?? 0,
            path,
            `the alias '*${node.source}' has no anchor '&${node.source}' before it`
          )
        )
      }
    })
    for (const e of doc.errors)
      problems.push(
        problem(e.pos[0], '', e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''))
      )
    return sortProblems(problems)
  }

  /** Each mapping's pairs by key name, built once: a file with thousands of problems is located in linear time. */
  private readonly pairs = new WeakMap<YAMLMap, Map<string, Pair>>()

  private pairsOf(node: YAMLMap, deref: (n: unknown) => unknown): Map<string, Pair> {
    let byName = this.pairs.get(node)
    if (!byName) {
      byName = new Map()
      for (const pair of node.items) {
        const k = deref(pair.key)
        if (!isScalar(k)) continue
        const name = scalarKey(k)
        if (!byName.has(name)) byName.set(name, pair as Pair)
      }
      this.pairs.set(node, byName)
    }
    return byName
  }

  locate(loc: Locator): Position {
    const { doc, lines } = this.parsed()
    let node: unknown = doc.contents
    let offset = 0
    const deref = (n: unknown) => (isAlias(n) ? (n.resolve(doc) ?? n) : n)
    for (let i = 0; i < loc.segments.length; i++) {
      const segment = loc.segments[i]
      node = deref(node)
      const last = i === loc.segments.length - 1
      if (isMap(node)) {
        const pair = this.pairsOf(node, deref).get(String(segment))
        if (!pair) break
        const keyOffset = (deref(pair.key) as YamlNode).range?.[0] ?? offset
        if (last && loc.at === 'key') return lines.linePos(keyOffset)
        const value = deref(pair.value) as YamlNode | null
        offset = value?.range?.[0] ?? keyOffset
        node = value
      } else if (isSeq(node) && typeof segment === 'number' && node.items[segment] !== undefined) {
        node = deref(node.items[segment])
        offset = (node as YamlNode).range?.[0] ?? offset
      } else break
    }
    return lines.linePos(offset)
  }
}

/** A scalar key as the readers name it: numbers by their spelling. */
function scalarKey(k: Scalar): string {
  if (k.tag === undefined && k.type === 'PLAIN' && k.source !== undefined) {
    for (const type of IMPLICIT)
      if (type.resolve(k.source)) return keyText(type.construct(k.source) as Value)
    return k.source
  }
  return String(k.source ?? k.value)
}

/** Visit every node of a YAML document with its path (`images.api.inputs[0]`). */
function walk(
  doc: Document,
  node: unknown,
  path: string,
  visit: (node: unknown, path: string) => void
): void {
  visit(node, path)
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = pair.key as YamlNode | null
      const name = isScalar(key) ? scalarKey(key) : '?'
      walk(doc, pair.value, childPath(path, name), visit)
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => walk(doc, item, childPath(path, i), visit))
  }
}

export type YamlReader = 'fast' | 'positions'

/**
 * The document as plain values: the fast parser, or the position-keeping one when the fast one
 * refuses the text (or when asked: tests hold the two to the same values). Throws GraphError.
 */
export function loadYaml(
  text: string,
  file: string,
  locations: Locations,
  reader: YamlReader = 'fast'
): Value {
  let raw: unknown
  try {
    if (reader === 'fast') raw = jsyaml.load(text, { schema: FAST_SCHEMA, filename: file })
  } catch (e) {
    if (!(e instanceof jsyaml.YAMLException)) throw e
    reader = 'positions' // the parsers disagree, or the text is wrong: the located reading decides
  }
  if (reader === 'positions') {
    const { value, problems } = locations.values(file)
    if (problems.length > 0) throw new GraphError(problems)
    return value
  }
  const mergeKeys: Segment[][] = []
  const value = withoutPrototypes(raw, mergeKeys)
  if (mergeKeys.length > 0)
    throw new GraphError(
      sortProblems(
        mergeKeys.map(segments => ({
          file,
          ...locations.locate({ segments, at: 'key' }),
          path: segments.reduce<string>(childPath, ''),
          message: MERGE_KEY_MESSAGE,
          severity: 'error' as const
        }))
      )
    )
  return value
}
