// File ownership: which tracked files belong to which node (a config's matched files; an image's
// context, Dockerfile and that Dockerfile's own ignore file), through symlinks too, and which nodes
// own a changed path.
import type { TrackedFile } from './changes.js'
import type { ConfigNode, Graph, GraphNode } from './graph/model.js'
import { dockerfileIgnoreFile } from './generated.js'
import { TREE_MODE, modeOf, treeIdOf } from './git-tree.js'
import { wholePathLines, wholePathsByTrees } from './config-trees.js'
import type { WholePath } from './config-trees.js'
import { outputIndexOf } from './output-paths.js'
import type { OutputIndex } from './output-paths.js'
import { Symlinks, isSymlink, objectIdOf } from './links.js'
import { PathIndex, anchorOf, compilePattern } from './match.js'
import { reachAnchors, reachSteps } from './image-reach.js'
import { isUnder, overlaps } from './paths.js'
import type { ImageReach } from './image-reach.js'

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
  /**
   * What each image's build reads, once its Dockerfile is read (commands/image-inputs.ts); keys
   * then take an image's lines from keyFiles, and `files` keeps its whole context for the checks.
   */
  reach?: Map<string, ImageReach>
  keyFiles?: Map<string, TrackedFile[]>
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
  /** An image's paths named one by one: its Dockerfile, ignore files and the links on the way. */
  named?: Set<string>
  /** What of its context an image's build reads (image-reach.ts); all of it when unset. */
  reach?: ImageReach
}

/**
 * Whether a link added, retargeted or removed at one of paths may change what a node holds: at,
 * above or below a path it names. A narrowed image reads only what its instructions reach: below
 * its context, only a link at, above or below where a source starts counts.
 */
function linkMayChange(slot: Slot, paths: string[]): boolean {
  const reach = slot.reach
  if (reach?.kind !== 'narrowed') return slot.anchors.some(a => paths.some(p => overlaps(a, p)))
  if (slot.anchors.some(a => paths.some(p => isUnder(a, p)))) return true
  return reachAnchors(reach).some(anchor => paths.some(p => overlaps(anchor, p)))
}

/** Index the graph's file-owning nodes once; reuse it for tracked files and changed files. */
export class GraphFiles {
  private readonly index = new PathIndex<{ slot: Slot; dockerfile: boolean; context?: true }>()
  private readonly slots: Slot[] = []

  private readonly realContexts = new Map<string, string>()
  private outputs?: OutputIndex
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
        this.index.addDirectory(node.context, { slot, dockerfile: false, context: true })
        const context = this.follow(slot, node.context, 'context')
        if (context !== node.context) {
          this.index.addDirectory(context, { slot, dockerfile: false, context: true })
          this.realContexts.set(node.name, context)
        }
        const dockerfile = this.follow(slot, node.dockerfile, 'dockerfile')
        this.addNamed(slot, node.dockerfile, dockerfile === node.dockerfile)
        if (dockerfile !== node.dockerfile) this.addNamed(slot, dockerfile, true)
        // Decides what of the context is sent, wherever it lies; most images have none.
        for (const ignore of new Set([
          dockerfileIgnoreFile(node.dockerfile),
          dockerfileIgnoreFile(dockerfile)
        ])) {
          this.addNamed(slot, ignore, false)
          const real = this.follow(slot, ignore, 'dockerfile')
          if (real !== ignore) this.addNamed(slot, real, false)
        }
      }
    }
  }

  /**
   * What each image's build reads of its context, once its Dockerfile is read: a changed file
   * under a context is the image's only when an instruction reaches it. named: more paths each
   * image reads whole (the context's ignore files).
   */
  useReach(reach: Map<string, ImageReach>, named: Map<string, string[]>): void {
    for (const slot of this.slots) {
      const found = reach.get(slot.node.name)
      if (found) slot.reach = found
      for (const path of named.get(slot.node.name) ?? []) this.addNamed(slot, path, false)
    }
  }

  /** One path an image names (not a directory): it is one of the image's files when tracked. */
  private addNamed(slot: Slot, path: string, dockerfile: boolean): void {
    this.index.addFile(path, { slot, dockerfile })
    ;(slot.named ??= new Set()).add(path)
  }

  /** The real path of one an image names; the links on the way become its files. */
  private follow(slot: Slot, path: string, field: 'context' | 'dockerfile'): string {
    slot.anchors.push(path)
    const real = this.symlinks.resolve(path)
    for (const link of real.via) this.addNamed(slot, link, false)
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
   * Calls found once per node that owns path (and says whether it is that image's Dockerfile, and
   * through which steps a narrowed image reads it: `COPY src/ ./ (src/api/Dockerfile:4)`).
   * symlinkChange: path is, or was at the other end of the change, a symlink. contentOnly: the
   * change edits the file, neither adds nor removes it.
   */
  owners(
    path: string,
    found: (node: GraphNode, isDockerfile: boolean, steps?: string[]) => void,
    symlinkChange = false,
    contentOnly = false
  ): void {
    let seen: GraphNode[] | undefined
    const once = (node: GraphNode, steps?: string[]) => {
      if (seen?.includes(node)) return
      ;(seen ??= []).push(node)
      found(node, false, steps)
    }
    const names = this.holders(path, once, found, contentOnly)
    if (!symlinkChange && !this.symlinks.targets.has(path)) return
    // A link added, retargeted or removed at or above what a node names may change all it holds.
    if (symlinkChange || this.symlinks.targets.has(path)) {
      const paths = [path, ...names]
      for (const slot of this.slots) if (linkMayChange(slot, paths)) once(slot.node)
    }
  }

  /** The nodes that hold path, by its name and (configs) by every other name it has through links. */
  private holders(
    path: string,
    once: (node: GraphNode, steps?: string[]) => void,
    dockerfileOf: (node: GraphNode, isDockerfile: true) => void = node => once(node),
    contentOnly = false
  ): string[] {
    this.index.match(path, ({ slot, dockerfile, context }) => {
      if (slot.excluded?.(path)) return
      if (dockerfile) dockerfileOf(slot.node, true)
      else if (!context || !slot.reach || slot.named?.has(path)) once(slot.node)
      else if (slot.reach.kind === 'whole')
        once(slot.node, slot.reach.reason ? [`the whole context (${slot.reach.reason})`] : [])
      else {
        const steps = reachSteps(slot.reach, path, contentOnly)
        if (steps.length > 0) once(slot.node, steps)
      }
    })
    if (this.symlinks.size === 0) return []
    const names = this.symlinks.otherNames(path).map(n => n.path)
    for (const name of names)
      this.index.match(name, ({ slot }) => {
        if (slot.node.kind === 'config' && !slot.excluded?.(name)) once(slot.node)
      })
    return names
  }

  /**
   * Every node's files: a config's matched files; an image's context as one tree line (its tree id,
   * computed from the files beneath as git computes it) and the files it names one by one (see
   * imageFiles). One pass, candidates looked up per directory.
   */
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
    let linkFiles: Map<string, TrackedFile> | undefined
    // Images that share a context (every image built from the root) share its tree id.
    const contextTrees = new Map<string, string | undefined>()
    for (const slot of this.slots) {
      const node = slot.node
      let lines = slot.files
      if (node.kind === 'image')
        lines = imageFiles(
          lines,
          this.realContexts.get(node.name) ?? node.context,
          slot.named,
          contextTrees
        )
      else if (node.kind === 'config') {
        const whole = this.byTrees(node)
        if (whole) {
          linkFiles ??= new Map(tracked.filter(isSymlink).map(f => [f.path, f]))
          lines = wholePathLines(whole.map(path => this.wholePath(path, lines, linkFiles!)))
        }
      }
      files.set(node.name, lines)
      if (slot.dockerfileFound) dockerfileFound.add(slot.node.name)
      slot.seen = undefined
    }
    return { files, dockerfileFound, realContexts: this.realContexts, linkProblems }
  }

  /**
   * The paths a config names whole, when its content is their trees (config-trees.ts): none of
   * them goes through a link out, holds a link, or overlaps a process output.
   */
  byTrees(config: ConfigNode): string[] | undefined {
    this.outputs ??= outputIndexOf(this.graph)
    const whole = wholePathsByTrees(config, this.outputs, path => {
      const real = this.symlinks.resolve(path)
      return 'error' in real ? undefined : real.path
    })
    for (const path of whole ?? []) {
      const real = (this.symlinks.resolve(path) as { path: string }).path
      for (const link of this.symlinks.targets.keys())
        if (isUnder(link, real) && link !== real) return undefined
    }
    return whole
  }

  /** A path a config names whole, from a listing of its files: followed, with its tree id. */
  private wholePath(
    path: string,
    files: TrackedFile[],
    linkFiles: Map<string, TrackedFile>
  ): WholePath {
    const real = this.symlinks.resolve(path) as { path: string; via: string[] }
    const via = real.via.flatMap(link => {
      const file = linkFiles.get(link)
      return file ? [{ path: link, oid: objectIdOf(file) }] : []
    })
    const tree = treeIdOf(files, real.path)
    if (tree !== undefined) return { real: real.path, via, entry: { mode: TREE_MODE, oid: tree } }
    const file = files.find(f => f.path === real.path)
    return {
      real: real.path,
      via,
      entry: file ? { mode: modeOf(file), oid: objectIdOf(file) } : null
    }
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

/**
 * What an image's key holds of the repository: its context directory as one tree line (`040000
 * <tree id>\t<dir>`, '.' for the root), the files it names one by one (Dockerfile, ignore files,
 * the links on the way) and a file that stands where the context should be (an error to report).
 */
export function imageFiles(
  files: TrackedFile[],
  context: string,
  named: Set<string> = new Set(),
  trees: Map<string, string | undefined> = new Map()
): TrackedFile[] {
  const out: TrackedFile[] = []
  // The tree id depends only on the files under the context, which every slot of it holds.
  if (!trees.has(context)) trees.set(context, treeIdOf(files, context))
  const tree = trees.get(context)
  if (tree !== undefined) out.push({ path: context || '.', mode: TREE_MODE, oid: tree })
  for (const f of files) if (f.path === context || named.has(f.path)) out.push(f)
  return out
}
