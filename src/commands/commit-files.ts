// A graph's files at a commit, read from git's trees: what each node holds, for its key and the
// checks, at a cost that grows with what the graph names, not with the repository.
// - An image's context is one tree id (looked up, never listed): a build copies the links inside
//   it as links, so the tree id is exactly what it reads. Its Dockerfile and ignore files are
//   looked up one by one, and every link on the way to them is followed.
// - A config whose patterns name whole paths (`config/app/**`) is their tree ids too, once a scan
//   of the trees beneath has found no link inside (config-trees.ts).
// - Any other config's files are listed under its patterns' fixed directories only, tree by tree:
//   its negations and file-name wildcards select files, and a link inside leads to files that are
//   its too (they are listed in turn). A pattern with no fixed directory (`**/*.go`) lists the
//   whole root.
// The same commit gives the same lines as a listing of every file would (GraphFiles.membership):
// keys do not depend on how the files were found.
import type { Git } from '../adapters/ports.js'
import { byPath } from '../core/changes.js'
import type { TrackedFile } from '../core/changes.js'
import { dockerfileIgnoreFile, narrowImpliedInputs } from '../core/generated.js'
import { TREE_MODE } from '../core/git-tree.js'
import type { Graph, GraphNode } from '../core/graph/model.js'
import { SYMLINK_MODE, Symlinks, isSymlink } from '../core/links.js'
import { scopeTrackedFiles } from '../core/scope.js'
import { anchorOf } from '../core/match.js'
import { GraphFiles } from '../core/ownership.js'
import { filesAtOrUnder, isUnder, joinPath, outermost, underAny } from '../core/paths.js'
import type { FileMembership } from '../core/ownership.js'
import { wholePathLines, wholePathsByTrees } from '../core/config-trees.js'
import type { WholePath } from '../core/config-trees.js'
import { outputIndexOf } from '../core/output-paths.js'
import { CommitTree } from './tree-lookup.js'
import { dockerfileBlobs, imageInputs } from './image-inputs.js'
import type { PathAnswer } from './tree-lookup.js'

/** Above this many config directories, git lists them in a process of its own. */
const PRELIST_ABOVE = 32

/** How many times links inside configs lead to more directories to list before it is a loop. */
const MAX_LINK_ROUNDS = 8

export interface CommitFiles {
  membership: FileMembership
  /** The links met on the way to what the graph names, with their targets. */
  symlinks: Symlinks
  /** The index of the graph's paths, for finding which nodes own a changed path. */
  graphFiles: GraphFiles
}

/** The graph's files at the tree's commit, under its root (the graph's directory). */
export async function commitFiles(git: Git, tree: CommitTree, graph: Graph): Promise<CommitFiles> {
  const { commit, root } = tree
  const images = [...graph.nodes.values()].flatMap(n => (n.kind === 'image' ? [n] : []))
  const configAnchors = anchorsOf(graph.nodes.values())
  // Many configs: git lists their directories (as named) in a process of its own while the trees
  // are walked (two processes, two cores). A few: their trees are walked too, which costs less
  // than starting a process. A directory reached through a link is always walked.
  const prelisted = new Prelisted(
    configAnchors.size > PRELIST_ABOVE ? outermost([...configAnchors]) : []
  )
  const listing = git
    .filesUnder(
      commit,
      prelisted.dirs.map(d => joinPath(root, d))
    )
    .then(files => prelisted.fill(scopeTrackedFiles(files, root)))
  listing.catch(() => undefined)
  // Contexts first: a Dockerfile in its context is then one step from there.
  const answers = await tree.resolve([...images.map(n => n.context), ...configAnchors])
  for (const [path, answer] of await tree.resolve(
    images.flatMap(n => [n.dockerfile, dockerfileIgnoreFile(n.dockerfile)])
  ))
    answers.set(path, answer)
  // A Dockerfile reached through a link has the real file's ignore file too.
  const realIgnores = images.flatMap(n => {
    const real = answers.get(n.dockerfile)!
    return real.error || real.real === n.dockerfile ? [] : [dockerfileIgnoreFile(real.real)]
  })
  for (const [path, answer] of await tree.resolve(realIgnores)) answers.set(path, answer)

  // Configs named by their trees, unless a link inside one says otherwise (config-trees.ts).
  const outputs = outputIndexOf(graph)
  const byTrees = new Map<string, PathAnswer[]>()
  for (const node of graph.nodes.values()) {
    if (node.kind !== 'config') continue
    const whole = wholePathsByTrees(node, outputs, path => {
      const answer = answers.get(path)!
      return answer.error ? undefined : answer.real
    })
    if (whole)
      byTrees.set(
        node.name,
        whole.map(path => answers.get(path)!)
      )
  }
  await listing
  const dirs = outermostAnswers([...byTrees.values()].flat())
  const linksInside = [
    ...prelisted.links,
    ...(await tree.filesUnder(
      dirs.filter(d => !prelisted.covers(d.path)),
      true
    ))
  ].map(f => f.path)
  for (const [name, paths] of byTrees)
    if (linksInside.some(link => paths.some(a => link !== a.real && isUnder(link, a.real))))
      byTrees.delete(name)
  const listedAnchors = anchorsOf([...graph.nodes.values()].filter(n => !byTrees.has(n.name)))

  const configFiles = await configListing(
    tree,
    [...listedAnchors].map(a => answers.get(a)!),
    prelisted
  )
  // Git reads the Dockerfiles while the files are matched to the nodes.
  const early = dockerfileBlobs(git, images, answers)
  const targets = new Map<string, string>()
  for (const [path, link] of tree.links) targets.set(path, link.target)
  const symlinks = new Symlinks(targets)
  const graphFiles = new GraphFiles(graph, symlinks)
  const membership = graphFiles.membership(configFiles)
  for (const [name, paths] of byTrees)
    membership.files.set(name, wholePathLines(paths.map(a => wholePath(tree, a))))
  const inputs = await imageInputs(git, tree, graph, answers, early)
  const keyFiles = new Map<string, TrackedFile[]>()
  for (const node of images) {
    const named = [node.dockerfile, dockerfileIgnoreFile(node.dockerfile)]
    const dockerfile = answers.get(node.dockerfile)!
    if (!dockerfile.error && dockerfile.real !== node.dockerfile)
      named.push(dockerfileIgnoreFile(dockerfile.real))
    const namedAnswers = named.map(p => answers.get(p)!)
    const context = answers.get(node.context)!
    membership.files.set(node.name, imageLines(tree, context, namedAnswers))
    const narrowed = inputs.lines.get(node.name)
    if (narrowed) {
      // The context's ignore files decide what is sent: read whole, as the Dockerfile is.
      const ignores = inputs.named.get(node.name)!.map(p => inputs.namedAnswers.get(p)!)
      const own = imageLines(tree, null, [...namedAnswers, ...ignores], context.via)
      keyFiles.set(node.name, [...own, ...narrowed].sort(byPath))
    }
    if (!dockerfile.error && dockerfile.entry && dockerfile.entry.mode !== TREE_MODE)
      membership.dockerfileFound.add(node.name)
    else membership.dockerfileFound.delete(node.name)
  }
  narrowImpliedInputs(graph, inputs.reach)
  membership.reach = inputs.reach
  membership.keyFiles = keyFiles
  graphFiles.useReach(inputs.reach, inputs.named)
  return { membership, symlinks, graphFiles }
}

/**
 * An image's lines, as GraphFiles.membership gives them from a full listing: the context's tree
 * (or the file that stands in its place), each named file at its real path, every link on the way.
 */
function imageLines(
  tree: CommitTree,
  context: PathAnswer | null,
  named: PathAnswer[],
  contextVia: string[] = []
): TrackedFile[] {
  return wholePathLines([
    // Narrowed (context null): the links on the way to the context still lead the build there.
    context
      ? wholePath(tree, context)
      : wholePath(tree, { real: '', via: contextVia, entry: null }),
    // A Dockerfile or ignore file that is a directory is no file of the image.
    ...named.map(a => ({
      ...wholePath(tree, a),
      ...(a.entry?.mode === TREE_MODE ? { entry: null } : {})
    }))
  ])
}

/** An answer as config-trees.ts takes it: the links on the way with their object ids. */
function wholePath(tree: CommitTree, answer: PathAnswer): WholePath {
  return {
    real: answer.error ? undefined : answer.real,
    via: answer.via.map(link => ({ path: link, oid: tree.links.get(link)!.oid })),
    entry: answer.entry
  }
}

/** The fixed directories of the configs' patterns (their negations aside). */
function anchorsOf(configs: Iterable<GraphNode>): Set<string> {
  const anchors = new Set<string>()
  for (const node of configs)
    if (node.kind === 'config')
      for (const pattern of node.paths) if (!pattern.startsWith('!')) anchors.add(anchorOf(pattern))
  return anchors
}

/**
 * The files under the configs' fixed directories (as their real paths), and under whatever the
 * links among them lead to, in path order; the links' targets join tree.links.
 */
async function configListing(
  tree: CommitTree,
  anchors: PathAnswer[],
  prelisted: Prelisted
): Promise<TrackedFile[]> {
  const listed = new Set<string>()
  const found = new Map<string, TrackedFile>()
  let wanted = anchors
  for (let round = 0; wanted.length > 0; round++) {
    const fresh = wanted.filter(a => !a.error && a.entry && !underAny(listed, a.real))
    if (fresh.length === 0) break
    if (round === MAX_LINK_ROUNDS)
      throw new Error(`links inside configs lead on more than ${MAX_LINK_ROUNDS} times`)
    const dirs = outermostAnswers(fresh)
    for (const d of dirs) listed.add(d.path)
    const parts: TrackedFile[][] = []
    const walked: typeof dirs = []
    for (const d of dirs)
      if (prelisted.covers(d.path)) parts.push(prelisted.under(d.path))
      else walked.push(d)
    // Joined, not spread into push: a listing can hold a million files.
    parts.push(await tree.filesUnder(walked))
    const files = parts.flat()
    // A pattern that names a file: the file itself.
    for (const a of fresh)
      if (a.entry!.mode !== TREE_MODE && !underAny(listed, a.real))
        files.push({ path: a.real, mode: a.entry!.mode, oid: a.entry!.oid })
    const newLinks: TrackedFile[] = []
    for (const f of files) {
      if (found.has(f.path)) continue
      found.set(f.path, f)
      if (isSymlink(f) && !tree.links.has(f.path)) newLinks.push(f)
    }
    // Links inside a config are followed (resolving one reads its target): what they lead to is
    // listed next.
    wanted = [...(await tree.resolve(newLinks.map(l => l.path))).values()]
  }
  // The links on the way to the configs' directories are theirs too, as in a full listing.
  for (const [path, link] of tree.links)
    if (!found.has(path)) found.set(path, { path, mode: SYMLINK_MODE, oid: link.oid })
  return [...found.values()].sort(byPath)
}

/** What git listed under some directories, by path. */
class Prelisted {
  private files: TrackedFile[] = []
  /** The symlinks among them. */
  links: TrackedFile[] = []

  private readonly dirSet: Set<string>

  constructor(readonly dirs: string[]) {
    this.dirSet = new Set(dirs)
  }

  fill(files: TrackedFile[]): void {
    this.files = files.sort(byPath)
    this.links = files.filter(isSymlink)
  }

  covers(path: string): boolean {
    return underAny(this.dirSet, path)
  }

  /** The files at or under path. */
  under(path: string): TrackedFile[] {
    return filesAtOrUnder(this.files, path)
  }
}

/** The directories (with their trees) among answers, none under another. */
function outermostAnswers(answers: PathAnswer[]): Array<{ path: string; tree: string }> {
  const trees = new Map<string, string>()
  for (const a of answers)
    if (!a.error && a.entry?.mode === TREE_MODE) trees.set(a.real, a.entry.oid)
  return outermost([...trees.keys()]).map(path => ({ path, tree: trees.get(path)! }))
}
