// Content keys: a Merkle hash per node of everything that goes into what it produces.
//
// key = sha256(canonical JSON of {
//   schema:      KEY_SCHEMA, bumped whenever what goes into a key changes
//   kind, name:  the node ('image api')
//   definition:  the node's canonical definition (see canonicalDefinition; not `description`)
//   filesDigest: sha256 of one line per input file, "<mode> <git object id>\t<path>\n", sorted
//                by path: a config's matched files; an image's context files and Dockerfile
//   upstream:    [{ node: 'process render', key }] for every input, sorted by node
// })
// Nothing else: not the checkout path, the machine, mtimes or map order. The breakdown is kept
// beside the key so that `imagegraph why NODE --explain` can say why two keys differ.
import * as crypto from 'node:crypto'
import { treeLine } from './changes.js'
import type { TrackedFile } from './changes.js'
import type { Graph, GraphNode, NodeKind } from './config.js'
import { inputsOf } from './config.js'
import { dockerfileIgnoreFile } from './generated.js'
import { PathIndex, compilePattern } from './match.js'

export const KEY_SCHEMA = 'imagegraph-key/v1'

export interface KeyBreakdown {
  schema: string
  kind: NodeKind
  name: string
  definition: Record<string, unknown>
  /** One line per input file, "<mode> <oid>\t<path>", sorted by path. */
  files: string[]
  filesDigest: string
  upstream: Array<{ node: string; key: string }>
}

export interface ContentKey {
  key: string
  breakdown: KeyBreakdown
}

const hashOnce: (data: string) => string =
  typeof (crypto as { hash?: unknown }).hash === 'function'
    ? data => (crypto as unknown as { hash: (a: string, d: string) => string }).hash('sha256', data)
    : data => crypto.createHash('sha256').update(data).digest('hex')

export function sha256(data: string): string {
  return hashOnce(data)
}

/** JSON with object keys sorted at every level: the same value always gives the same text. */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`
  const obj = value as Record<string, unknown>
  const keys = Object.keys(obj)
    .filter(k => obj[k] !== undefined)
    .sort()
  return `{${keys.map(k => `${JSON.stringify(k)}:${stableStringify(obj[k])}`).join(',')}}`
}

function sortedRecord(r: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}

/**
 * What a node is, independent of how the YAML was written: lists whose order means nothing are
 * sorted, maps are sorted, `description` is left out (it changes no artifact). Keys are written in
 * sorted order (hashedJson relies on it).
 */
export function canonicalDefinition(node: GraphNode): Record<string, unknown> {
  switch (node.kind) {
    case 'config':
      return { paths: [...node.paths].sort() }
    case 'process':
      return {
        env: sortedRecord(node.env),
        inputs: [...node.inputs].sort(),
        outputs: [...node.outputs].sort(),
        run: node.run
      }
    case 'image':
      return {
        buildArgs: sortedRecord(node.buildArgs),
        context: node.context,
        dockerfile: node.dockerfile,
        inputs: [...node.inputs].sort(),
        platforms: [...node.platforms].sort(),
        target: node.target ?? null
      }
  }
}

export function nodeLabel(node: { kind: NodeKind; name: string }): string {
  return `${node.kind} ${node.name}`
}

/**
 * Which files belong to which node: a config's matched files; an image's context, Dockerfile and
 * that Dockerfile's own ignore file.
 */
export interface FileMembership {
  files: Map<string, TrackedFile[]>
  /** Images whose Dockerfile is among the files. */
  dockerfileFound: Set<string>
}

/** One node's share of the files, filled as the tracked files stream past. */
interface Slot {
  node: GraphNode
  files: TrackedFile[]
  /** Index of the last file given to this node: a node reached by two patterns takes a file once. */
  last: number
  excluded?: (path: string) => boolean
  dockerfileFound: boolean
}

/** Index the graph's file-owning nodes once; reuse it for tracked files and changed files. */
export class GraphFiles {
  private readonly index = new PathIndex<{ slot: Slot; dockerfile: boolean }>()
  private readonly slots: Slot[] = []

  constructor(readonly graph: Graph) {
    for (const node of graph.nodes.values()) {
      if (node.kind === 'process') continue
      const slot: Slot = { node, files: [], last: -1, dockerfileFound: false }
      this.slots.push(slot)
      if (node.kind === 'config') {
        const excluded: Array<(p: string) => boolean> = []
        for (const pattern of node.paths) {
          if (pattern.startsWith('!')) excluded.push(compilePattern(pattern.slice(1)))
          else this.index.addPattern(pattern, { slot, dockerfile: false })
        }
        if (excluded.length === 1) slot.excluded = excluded[0]
        else if (excluded.length > 1) slot.excluded = p => excluded.some(test => test(p))
      } else {
        this.index.addDirectory(node.context, { slot, dockerfile: false })
        this.index.addFile(node.dockerfile, { slot, dockerfile: true })
        // Decides what of the context is sent, wherever it lies; most images have none.
        this.index.addFile(dockerfileIgnoreFile(node.dockerfile), { slot, dockerfile: false })
      }
    }
  }

  /** Calls found once per node that owns path (and says whether it is that image's Dockerfile). */
  owners(path: string, found: (node: GraphNode, isDockerfile: boolean) => void): void {
    let seen: GraphNode[] | undefined
    this.index.match(path, ({ slot, dockerfile }) => {
      const node = slot.node
      if (slot.excluded?.(path)) return
      if (dockerfile) {
        found(node, true)
        return
      }
      if (seen?.includes(node)) return
      ;(seen ??= []).push(node)
      found(node, false)
    })
  }

  /** Every node's files. The hot loop of a plan: one pass, candidates looked up per directory. */
  membership(tracked: TrackedFile[]): FileMembership {
    for (const slot of this.slots) {
      slot.files = []
      slot.last = -1
      slot.dockerfileFound = false
    }
    // Indexed loops, not for...of: this runs once per file, cold, and an iterator per loop is
    // garbage the collector then has to chase.
    const walk = this.index.walk()
    const levels = walk.levels
    for (let i = 0; i < tracked.length; i++) {
      const file = tracked[i]
      const path = file.path
      walk.enter(path)
      for (let level = 0; level < walk.depth; level++) {
        const entries = levels[level]
        for (let k = 0; k < entries.length; k++) {
          const e = entries[k]
          if (e.test && !e.test(path)) continue
          const slot = e.target.slot
          if (slot.last === i || (slot.excluded && slot.excluded(path))) continue
          slot.last = i
          slot.files.push(file)
        }
      }
      const own = walk.own(path)
      if (own === undefined) continue
      for (let k = 0; k < own.length; k++) {
        const e = own[k]
        if (e.test && !e.test(path)) continue
        const slot = e.target.slot
        if (e.target.dockerfile) slot.dockerfileFound = true
        if (slot.last === i || (slot.excluded && slot.excluded(path))) continue
        slot.last = i
        slot.files.push(file)
      }
    }
    const files = new Map<string, TrackedFile[]>()
    const dockerfileFound = new Set<string>()
    for (const slot of this.slots) {
      files.set(slot.node.name, slot.files)
      if (slot.dockerfileFound) dockerfileFound.add(slot.node.name)
    }
    return { files, dockerfileFound }
  }
}

export function isUnder(path: string, dir: string): boolean {
  return dir === '' || path === dir || path.startsWith(`${dir}/`)
}

function byPath(a: TrackedFile, b: TrackedFile): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0
}

/** Files in path order; git already lists them so, and then nothing is sorted. */
function sortedByPath(files: TrackedFile[]): TrackedFile[] {
  for (let i = 1; i < files.length; i++)
    if (files[i - 1].path > files[i].path) return files.slice().sort(byPath)
  return files
}

/**
 * The text a key hashes: stableStringify of the breakdown without its file list. Built with every
 * object's keys already in sorted order, so the native JSON.stringify gives the same text fast.
 */
export function hashedJson(b: KeyBreakdown): string {
  return JSON.stringify({
    definition: b.definition,
    filesDigest: b.filesDigest,
    kind: b.kind,
    name: b.name,
    schema: b.schema,
    upstream: b.upstream.map(u => ({ key: u.key, node: u.node }))
  })
}

/** Every node's content key, inputs first. */
export function computeKeys(graph: Graph, membership: FileMembership): Map<string, ContentKey> {
  const keys = new Map<string, ContentKey>()
  for (const node of graph.order) {
    const lines = sortedByPath(membership.files.get(node.name) ?? []).map(treeLine)
    const upstream = inputsOf(node)
      .map(name => {
        const input = graph.nodes.get(name)!
        return { node: nodeLabel(input), key: keys.get(name)!.key }
      })
      .sort((a, b) => (a.node < b.node ? -1 : a.node > b.node ? 1 : 0))
    const breakdown: KeyBreakdown = {
      schema: KEY_SCHEMA,
      kind: node.kind,
      name: node.name,
      definition: canonicalDefinition(node),
      files: lines,
      filesDigest: sha256(lines.length === 0 ? '' : `${lines.join('\n')}\n`),
      upstream
    }
    keys.set(node.name, { key: sha256(hashedJson(breakdown)), breakdown })
  }
  return keys
}

/** Human-readable differences between two breakdowns of the same node. */
export function explainKeyDifference(
  before: KeyBreakdown | undefined,
  after: KeyBreakdown
): string[] {
  if (!before) return [`${nodeLabel(after)} did not exist before`]
  const out: string[] = []
  if (before.schema !== after.schema) out.push(`key schema: ${before.schema} -> ${after.schema}`)
  if (before.kind !== after.kind) out.push(`kind: ${before.kind} -> ${after.kind}`)
  const defBefore = before.definition
  const defAfter = after.definition
  for (const field of [...new Set([...Object.keys(defBefore), ...Object.keys(defAfter)])].sort()) {
    const a = stableStringify(defBefore[field])
    const b = stableStringify(defAfter[field])
    if (a !== b) out.push(`definition.${field}: ${a} -> ${b}`)
  }
  const filesBefore = new Map(before.files.map(l => [l.slice(l.indexOf('\t') + 1), l]))
  const filesAfter = new Map(after.files.map(l => [l.slice(l.indexOf('\t') + 1), l]))
  for (const [path, line] of filesAfter) {
    const old = filesBefore.get(path)
    if (old === undefined) out.push(`file added: ${path} (${line.slice(0, line.indexOf('\t'))})`)
    else if (old !== line)
      out.push(
        `file changed: ${path} (${old.slice(0, old.indexOf('\t'))} -> ${line.slice(0, line.indexOf('\t'))})`
      )
  }
  for (const path of filesBefore.keys())
    if (!filesAfter.has(path)) out.push(`file removed: ${path}`)
  const upBefore = new Map(before.upstream.map(u => [u.node, u.key]))
  const upAfter = new Map(after.upstream.map(u => [u.node, u.key]))
  for (const [node, key] of upAfter) {
    const old = upBefore.get(node)
    if (old === undefined) out.push(`input added: ${node} (${key.slice(0, 12)})`)
    else if (old !== key)
      out.push(`input key changed: ${node} (${old.slice(0, 12)} -> ${key.slice(0, 12)})`)
  }
  for (const node of upBefore.keys()) if (!upAfter.has(node)) out.push(`input removed: ${node}`)
  return out
}
