// Where things are in the graph file, by path segments (['images', 'api', 'inputs', 1]), found
// lazily: a valid graph is read without positions, and only a later problem asks for one.
import type { GraphNode } from './model.js'
import { SECTION_OF } from './model.js'
import type { Locations, Position, Segment } from './yaml.js'

export type { Position, Segment } from './yaml.js'

/** A location as people read it: `images.api.inputs[1]` (for messages only; nothing parses it). */
export function pathText(segments: readonly Segment[]): string {
  let out = ''
  for (const s of segments)
    out = typeof s === 'number' ? `${out}[${s}]` : out === '' ? String(s) : `${out}.${s}`
  return out
}

/** The node property a field of the file is read into (`build-args` -> `buildArgs`). */
const propertyOf = (field: string): string =>
  field.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())

export class Positions {
  constructor(
    private readonly locations: Locations,
    private readonly nodes: Map<string, GraphNode>,
    /** The top-level fields the file spells out. */
    private readonly topFields: readonly string[]
  ) {}

  /** Whether the file spells out what segments name (a defaulted field is not there). */
  has(segments: readonly Segment[]): boolean {
    const [section, name, field, item] = segments
    if (section === undefined) return true
    if (!this.topFields.includes(String(section))) return false
    if (section !== 'configs' && section !== 'processes' && section !== 'images') return true
    if (name === undefined) return true
    const node = this.nodes.get(String(name))
    if (!node || SECTION_OF[node.kind] !== section) return false
    if (field === undefined) return true
    if (!node.fields.includes(String(field))) return false
    if (item === undefined) return true
    const value = (node as unknown as Record<string, unknown>)[propertyOf(String(field))]
    return Array.isArray(value) ? typeof item === 'number' && item < value.length : true
  }

  /** The position of a node (its name) or of a field's value; undefined when not in the file. */
  get(segments: readonly Segment[]): Position | undefined {
    if (!this.has(segments)) return undefined
    const isNode = segments.length === 2 && SECTION_OF_SET.has(String(segments[0]))
    return this.locations.locate({ segments: [...segments], at: isNode ? 'key' : 'value' })
  }
}

const SECTION_OF_SET = new Set<string>(Object.values(SECTION_OF))
