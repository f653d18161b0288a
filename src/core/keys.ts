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
import { encodePaths } from './utf8.js'
import { dockerfileIgnoreFile } from './generated.js'
import { Symlinks, isSymlink } from './links.js'
import { PathIndex, anchorOf, compilePattern } from './match.js'

export const KEY_SCHEMA = 'imagegraph-key/v2'

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
  // A path that is not UTF-8 holds escaped bytes (lone surrogates): hash the bytes git gave.
  return isWellFormed(data) ? hashOnce(data) : hashBytes(encodePaths(data))
}

const isWellFormed = (s: string): boolean =>
  (s as unknown as { isWellFormed(): boolean }).isWellFormed()
const hashBytes = (data: Buffer) => crypto.createHash('sha256').update(data).digest('hex')

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
  /** Images whose context is reached through a symlink: the directory it leads to. */
  realContexts: Map<string, string>
  /** Paths that go through a symlink out of the repository (or round in a loop). */
  linkProblems: LinkProblem[]
}

export interface LinkProblem {
  node: string
  field: 'context' | 'dockerfile' | 'paths'
  message: string
}

/** One node's share of the files, filled as the tracked files stream past. */
interface Slot {
  node: GraphNode
  files: TrackedFile[]
  /** Index of the last file given to this node: a node reached by two patterns takes a file once. */
  last: number
  excluded?: (path: string) => boolean
  dockerfileFound: boolean
  /**
   * The paths the node names, as written and as resolved: a symlink changed at or above one of
   * them may change what the node holds.
   */
  anchors: string[]
  /** The paths of files, once files are added out of the path-ordered stream. */
  seen?: Set<string>
}

function overlaps(a: string, b: string): boolean {
  return isUnder(a, b) || isUnder(b, a)
}

/** Index the graph's file-owning nodes once; reuse it for tracked files and changed files. */
export class GraphFiles {
  private readonly index = new PathIndex<{ slot: Slot; dockerfile: boolean }>()
  private readonly slots: Slot[] = []

  private readonly realContexts = new Map<string, string>()
  private readonly linkProblems: LinkProblem[] = []

  /**
   * symlinks: the links of the same tree as the files to come. A context, Dockerfile or config
   * path that goes through a link owns what the link leads to, and the links on the way.
   */
  constructor(
    readonly graph: Graph,
    private readonly symlinks = new Symlinks(new Map())
  ) {
    for (const node of graph.nodes.values()) {
      if (node.kind === 'process') continue
      const slot: Slot = { node, files: [], last: -1, dockerfileFound: false, anchors: [] }
      this.slots.push(slot)
      if (node.kind === 'config') {
        const excluded: Array<(p: string) => boolean> = []
        for (const pattern of node.paths) {
          if (pattern.startsWith('!')) excluded.push(compilePattern(pattern.slice(1)))
          else {
            this.index.addPattern(pattern, { slot, dockerfile: false })
            const anchor = anchorOf(pattern)
            slot.anchors.push(anchor)
            // Files reached through links are found per file (membership); here only the error.
            const real = this.symlinks.resolve(anchor)
            if ('error' in real)
              this.linkProblems.push({
                node: node.name,
                field: 'paths',
                message: `'${pattern}' goes through ${real.error}; a config's files must be in it`
              })
          }
        }
        if (excluded.length === 1) slot.excluded = excluded[0]
        else if (excluded.length > 1) slot.excluded = p => excluded.some(test => test(p))
      } else {
        this.index.addDirectory(node.context, { slot, dockerfile: false })
        const context = this.follow(slot, node.context, 'context')
        if (context !== node.context) {
          this.index.addDirectory(context, { slot, dockerfile: false })
          this.realContexts.set(node.name, context)
        }
        const dockerfile = this.follow(slot, node.dockerfile, 'dockerfile')
        this.index.addFile(node.dockerfile, { slot, dockerfile: dockerfile === node.dockerfile })
        if (dockerfile !== node.dockerfile)
          this.index.addFile(dockerfile, { slot, dockerfile: true })
        // Decides what of the context is sent, wherever it lies; most images have none.
        for (const ignore of new Set([
          dockerfileIgnoreFile(node.dockerfile),
          dockerfileIgnoreFile(dockerfile)
        ])) {
          this.index.addFile(ignore, { slot, dockerfile: false })
          const real = this.follow(slot, ignore, 'dockerfile')
          if (real !== ignore) this.index.addFile(real, { slot, dockerfile: false })
        }
      }
    }
  }

  /** The real path of one an image names; the links on the way become its files. */
  private follow(slot: Slot, path: string, field: 'context' | 'dockerfile'): string {
    slot.anchors.push(path)
    const real = this.symlinks.resolve(path)
    for (const link of real.via) this.index.addFile(link, { slot, dockerfile: false })
    if ('error' in real) {
      // One mistake, said once: the context's link is usually the Dockerfile's too.
      if (!this.linkProblems.some(p => p.node === slot.node.name))
        this.linkProblems.push({
          node: slot.node.name,
          field,
          message: `'${path || '.'}' goes through ${real.error}; ${field === 'context' ? 'a context' : 'a Dockerfile'} must be in it`
        })
      return path
    }
    slot.anchors.push(real.path)
    return real.path
  }

  /**
   * Calls found once per node that owns path (and says whether it is that image's Dockerfile).
   * symlinkChange: path is, or was at the other end of the change, a symlink.
   */
  owners(
    path: string,
    found: (node: GraphNode, isDockerfile: boolean) => void,
    symlinkChange = false
  ): void {
    let seen: GraphNode[] | undefined
    const once = (node: GraphNode) => {
      if (seen?.includes(node)) return
      ;(seen ??= []).push(node)
      found(node, false)
    }
    const names = this.holders(path, once, found)
    if (!symlinkChange && !this.symlinks.targets.has(path)) return
    // A link added, retargeted or removed at or above what a node names may change all it holds.
    if (symlinkChange || this.symlinks.targets.has(path)) {
      const paths = [path, ...names]
      for (const slot of this.slots)
        if (slot.anchors.some(a => paths.some(p => overlaps(a, p)))) once(slot.node)
    }
  }

  /** The nodes that hold path, by its name and (configs) by every other name it has through links. */
  private holders(
    path: string,
    once: (node: GraphNode) => void,
    dockerfileOf: (node: GraphNode, isDockerfile: true) => void = once
  ): string[] {
    this.index.match(path, ({ slot, dockerfile }) => {
      if (slot.excluded?.(path)) return
      if (dockerfile) dockerfileOf(slot.node, true)
      else once(slot.node)
    })
    if (this.symlinks.size === 0) return []
    const names = this.symlinks.otherNames(path).map(n => n.path)
    for (const name of names)
      this.index.match(name, ({ slot }) => {
        if (slot.node.kind === 'config' && !slot.excluded?.(name)) once(slot.node)
      })
    return names
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
    const linkProblems = [...this.linkProblems]
    if (this.symlinks.size > 0) this.filesThroughLinks(tracked, linkProblems)
    const files = new Map<string, TrackedFile[]>()
    const dockerfileFound = new Set<string>()
    for (const slot of this.slots) {
      files.set(slot.node.name, slot.files)
      if (slot.dockerfileFound) dockerfileFound.add(slot.node.name)
      slot.seen = undefined
    }
    return { files, dockerfileFound, realContexts: this.realContexts, linkProblems }
  }

  /**
   * A config's files by the names they have through links (`cfglink/a.yaml` for `cfgreal/a.yaml`),
   * with the links on the way; a link it holds that leads out of the repository is an error. An
   * image is not given these: a build copies the links in its context as links.
   */
  private filesThroughLinks(tracked: TrackedFile[], problems: LinkProblem[]): void {
    const links = new Map<string, TrackedFile>()
    for (const file of tracked) if (isSymlink(file)) links.set(file.path, file)
    const add = (slot: Slot, file: TrackedFile) => {
      slot.seen ??= new Set(slot.files.map(f => f.path))
      if (slot.seen.has(file.path)) return
      slot.seen.add(file.path)
      slot.files.push(file)
    }
    for (const file of tracked) {
      for (const name of this.symlinks.otherNames(file.path)) {
        this.index.match(name.path, ({ slot }) => {
          if (slot.node.kind !== 'config' || slot.excluded?.(name.path)) return
          add(slot, file)
          for (const link of name.via) {
            const linkFile = links.get(link)
            if (linkFile) add(slot, linkFile)
          }
        })
      }
    }
    for (const path of this.symlinks.targets.keys()) {
      const real = this.symlinks.resolve(path)
      if (!('error' in real)) continue
      const reported = new Set<GraphNode>()
      this.holders(path, node => {
        if (node.kind === 'config' && !reported.has(node) && reported.add(node))
          problems.push({
            node: node.name,
            field: 'paths',
            message: `holds ${real.error}; a config's files must be in the repository`
          })
      })
    }
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
