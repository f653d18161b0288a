// Paths looked up in a commit's trees, the way the kernel would resolve them in a checkout: segment
// by segment, following every symlink as the commit records it. Tree objects are read in batches,
// one git call per directory level for all paths at once, and each tree once: a plan reads the
// trees on the way to what the graph names, never the rest of the repository.
import type { Git, GitObject } from '../adapters/ports.js'
import type { TrackedFile } from '../core/changes.js'
import { TREE_MODE, TreeObject } from '../core/git-tree.js'
import type { TreeEntry } from '../core/git-tree.js'
import { MAX_HOPS, SYMLINK_MODE, describeVia, isAbsoluteTarget } from '../core/links.js'
import { decodePaths } from '../core/utf8.js'

export interface PathAnswer {
  /** The path with every link on the way followed ('' is the root). */
  real: string
  /** The links on the way, in the order they were followed. */
  via: string[]
  /** What stands at the real path (a tree for a directory); null when nothing does. */
  entry: { mode: string; oid: string } | null
  /** Set when a link leads out of the root or the links loop: nothing is looked up. */
  error?: string
}

interface Walk {
  path: string
  queue: string[]
  out: string[]
  /** trees[i]: the tree id of the directory out[0..i). */
  trees: string[]
  via: string[]
  hops: number
}

type Step = { need: string } | { answer: PathAnswer }

/** The trees of one commit under a root directory ('' the repository's top). */
export class CommitTree {
  private readonly trees = new Map<string, TreeObject>()
  /** Every link met on the way, by its path under the root: its blob and its target. */
  readonly links = new Map<string, { oid: string; target: string }>()
  private readonly blobs = new Map<string, string>()
  /** Directories resolved with no link on the way: where a walk into them stands. */
  private readonly directories = new Map<string, { out: string[]; trees: string[] }>()
  private rootTree?: Promise<string | null>

  constructor(
    private readonly git: Git,
    readonly commit: string,
    readonly root: string
  ) {}

  /** Each path's answer, by path. */
  async resolve(paths: string[]): Promise<Map<string, PathAnswer>> {
    const answers = new Map<string, PathAnswer>()
    const rootTree = await this.root$()
    let pending: Walk[] = []
    for (const path of new Set(paths)) {
      if (rootTree === null) {
        answers.set(path, { real: path, via: [], entry: null })
        continue
      }
      // A path in a directory already resolved without a link starts there (a Dockerfile in its
      // context): the same state a walk from the root would reach, without the steps.
      const slash = path.lastIndexOf('/')
      const dir = slash === -1 ? undefined : this.directories.get(path.slice(0, slash))
      pending.push({
        path,
        via: [],
        hops: 0,
        ...(dir
          ? { queue: [path.slice(slash + 1)], out: [...dir.out], trees: [...dir.trees] }
          : { queue: path === '' ? [] : path.split('/'), out: [], trees: [rootTree] })
      })
    }
    while (pending.length > 0) {
      const needs = new Set<string>()
      const next: Walk[] = []
      for (const walk of pending) {
        const step = this.advance(walk)
        if ('answer' in step) answers.set(walk.path, step.answer)
        else {
          needs.add(step.need)
          next.push(walk)
        }
      }
      if (needs.size > 0) await this.read([...needs])
      pending = next
    }
    return answers
  }

  /**
   * Every file under some directories (paths under the root, each with its tree id), read tree by
   * tree in one request per level: what `git ls-tree -r` gives, without a process of its own or
   * pathspecs to match, in no particular order. linksOnly: only the symlinks (nothing else is
   * decoded).
   */
  async filesUnder(
    dirs: Array<{ path: string; tree: string }>,
    linksOnly = false
  ): Promise<TrackedFile[]> {
    const out: TrackedFile[] = []
    await this.levels(dirs, (prefix, tree, next) =>
      tree.forEach((kind, at, nul) => {
        if (kind === 'tree') next.push({ path: prefix + tree.name(at, nul), tree: tree.oid(nul) })
        else if (!linksOnly || kind === 'link')
          out.push({ path: prefix + tree.name(at, nul), mode: tree.mode(at), oid: tree.oid(nul) })
      })
    )
    return out
  }

  /**
   * The entries of every directory under some directories (paths under the root, each with its
   * tree id), by directory path: read tree by tree in one request per level. Not deep: the
   * directories' own entries only. descend: whether a directory beneath is read (all by default).
   */
  async entriesUnder(
    dirs: Array<{ path: string; tree: string }>,
    deep = true,
    descend: (path: string) => boolean = () => true
  ): Promise<Map<string, TreeEntry[]>> {
    const out = new Map<string, TreeEntry[]>()
    await this.levels(dirs, (prefix, tree, next, path) => {
      if (out.has(path)) return
      const entries: TreeEntry[] = []
      tree.forEach((kind, at, nul) => {
        const name = tree.name(at, nul)
        const oid = tree.oid(nul)
        entries.push({ name, mode: tree.mode(at), oid })
        if (deep && kind === 'tree' && descend(prefix + name))
          next.push({ path: prefix + name, tree: oid })
      })
      out.set(path, entries)
    })
    return out
  }

  /**
   * Visits directories level by level, each level's missing trees read in one request: visit
   * pushes onto next the directories of the level below.
   */
  private async levels(
    dirs: Array<{ path: string; tree: string }>,
    visit: (
      prefix: string,
      tree: TreeObject,
      next: Array<{ path: string; tree: string }>,
      path: string
    ) => void
  ): Promise<void> {
    let level = dirs
    while (level.length > 0) {
      const missing = [...new Set(level.map(d => d.tree).filter(t => !this.trees.has(t)))]
      if (missing.length > 0) await this.read(missing)
      const next: Array<{ path: string; tree: string }> = []
      for (const dir of level)
        visit(dir.path === '' ? '' : `${dir.path}/`, this.trees.get(dir.tree)!, next, dir.path)
      level = next
    }
  }

  /** What stands at path, a link there not followed (links above it are); null when nothing. */
  async entryAt(path: string): Promise<{ mode: string; oid: string } | null> {
    const slash = path.lastIndexOf('/')
    const parent = slash === -1 ? '' : path.slice(0, slash)
    const dir = (await this.resolve([parent])).get(parent)!
    if (dir.error || dir.entry?.mode !== TREE_MODE) return null
    if (!this.trees.has(dir.entry.oid)) await this.read([dir.entry.oid])
    return this.trees.get(dir.entry.oid)!.get(path.slice(slash + 1)) ?? null
  }

  /** The root directory's tree id, or null when the commit has no such directory. */
  private root$(): Promise<string | null> {
    this.rootTree ??= (async () => {
      const [commitTree] = await this.git.objects([`${this.commit}^{tree}`])
      if (!commitTree || commitTree.type !== 'tree') return null
      this.store(commitTree)
      let tree = commitTree.oid
      for (const segment of this.root === '' ? [] : this.root.split('/')) {
        if (!this.trees.has(tree)) await this.read([tree])
        const entry = this.trees.get(tree)?.get(segment)
        if (!entry || entry.mode !== TREE_MODE) return null
        tree = entry.oid
      }
      return tree
    })()
    return this.rootTree
  }

  /** Walks as far as the trees read so far allow; asks for the one object that is missing. */
  private advance(walk: Walk): Step {
    const { queue, out, trees, via } = walk
    const answer = (entry: PathAnswer['entry'], error?: string): Step => ({
      answer: {
        real: error ? walk.path : [...out, ...queue].join('/'),
        via: [...via],
        entry,
        ...(error ? { error } : {})
      }
    })
    if (queue.length === 0 && out.length === 0) return answer({ mode: TREE_MODE, oid: trees[0] })
    while (queue.length > 0) {
      const segment = queue[0]
      if (segment === '' || segment === '.') {
        queue.shift()
        if (queue.length === 0) return answer(this.entryOf(out, trees))
        continue
      }
      if (segment === '..') {
        if (out.length === 0)
          return answer(null, `${this.describe(via)}, which leads outside the repository`)
        queue.shift()
        out.pop()
        trees.pop()
        if (queue.length === 0) return answer(this.entryOf(out, trees))
        continue
      }
      const dir = trees[trees.length - 1]
      const entries = this.trees.get(dir)
      if (!entries) return { need: dir }
      const entry = entries.get(segment)
      if (!entry) return answer(null)
      if (entry.mode === SYMLINK_MODE) {
        const linkPath = [...out, segment].join('/')
        const target = this.blobs.get(entry.oid)
        if (target === undefined) return { need: entry.oid }
        this.links.set(linkPath, { oid: entry.oid, target })
        via.push(linkPath)
        if (++walk.hops > MAX_HOPS)
          return answer(null, `${this.describe(via.slice(0, 3))}, ..., which loop`)
        if (isAbsoluteTarget(target))
          return answer(null, `${this.describe(via)}, which leads outside the repository`)
        queue.shift()
        queue.unshift(...target.split('/'))
        continue
      }
      queue.shift()
      out.push(segment)
      if (queue.length === 0) {
        if (entry.mode === TREE_MODE && via.length === 0 && out.join('/') === walk.path)
          this.directories.set(walk.path, { out: [...out], trees: [...trees, entry.oid] })
        return answer({ mode: entry.mode, oid: entry.oid })
      }
      if (entry.mode !== TREE_MODE) {
        // A file where a directory should be: nothing is beneath it.
        return answer(null)
      }
      trees.push(entry.oid)
    }
    return answer(this.entryOf(out, trees))
  }

  /** The entry for the directory the walk stands in (after '.' or '..'). */
  private entryOf(out: string[], trees: string[]): PathAnswer['entry'] {
    return { mode: TREE_MODE, oid: trees[out.length] ?? trees[trees.length - 1] }
  }

  private describe(via: string[]): string {
    return describeVia(via, { get: link => this.links.get(link)?.target })
  }

  /** Reads objects into the caches: trees parsed, blobs (link targets) as text. */
  private async read(oids: string[]): Promise<void> {
    const objects = await this.git.objects(oids)
    objects.forEach((object, i) => {
      if (object === null) throw new Error(`git has no object ${oids[i]} (commit ${this.commit})`)
      this.store(object)
    })
  }

  private store(object: GitObject): void {
    if (object.type === 'tree')
      this.trees.set(object.oid, new TreeObject(object.data, object.oid.length / 2))
    else if (object.type === 'blob') this.blobs.set(object.oid, decodePaths(object.data))
  }
}
