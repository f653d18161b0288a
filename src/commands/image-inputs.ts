// What each image's build reads of the commit (issue 13): its Dockerfile, ignore files and
// build-args-file are read from git's objects, the Dockerfile's sources looked up in the commit's
// trees (core/image-reach.ts, core/reach-lines.ts), and the image's key lines made from what they
// reach. Every image is read at once: one batch of lookups per step for the whole graph.
import * as dotenv from 'dotenv'
import type { Git } from '../adapters/ports.js'
import { byPath, touchedPaths } from '../core/changes.js'
import type { ChangedFile, TrackedFile } from '../core/changes.js'
import { GraphError } from '../core/errors.js'
import { pathText } from '../core/graph/positions.js'
import { ignoreFileFor } from '../core/dockerfile/ignore.js'
import { TREE_MODE } from '../core/git-tree.js'
import type { TreeEntry } from '../core/git-tree.js'
import type { Graph, ImageNode } from '../core/graph/model.js'
import { ReachMemo, fileArgChanges, imageReach, reachAnchors } from '../core/image-reach.js'
import type { ImageReach, ImageTexts, NarrowedReach } from '../core/image-reach.js'
import { outputIndexOf } from '../core/output-paths.js'
import { filesAtOrUnder, joinPath, outermost, underAny } from '../core/paths.js'
import { reachLines, reachListings } from '../core/reach-lines.js'
import type { PathEntry, TreeWanted } from '../core/reach-lines.js'
import type { CommitTree, PathAnswer } from './tree-lookup.js'

export interface ImageInputs {
  /** What each image's build reads. */
  reach: Map<string, ImageReach>
  /** The lines of each image whose inputs are narrowed, for its key (without its named files). */
  lines: Map<string, TrackedFile[]>
  /** The paths each image reads whole besides its context: its context's ignore files. */
  named: Map<string, string[]>
  /** What stands at each of those paths (and at each build-args-file), as looked up. */
  namedAnswers: Map<string, PathAnswer>
}

const decoder = new TextDecoder()

/** How many rounds of tree reads the lines may take: a wildcard's depth, and one more. */
const MAX_READ_ROUNDS = 64

/**
 * Reads every image's Dockerfile and ignore files at the tree's commit. answers: the lookups of
 * every image's context, Dockerfile and `<Dockerfile>.dockerignore` (commitFiles made them);
 * early: blobs already asked for (dockerfileBlobs), by object id.
 */
export async function imageInputs(
  git: Git,
  tree: CommitTree,
  graph: Graph,
  answers: Map<string, PathAnswer>,
  early: Promise<Map<string, string>> = Promise.resolve(new Map())
): Promise<ImageInputs> {
  const images = [...graph.nodes.values()].flatMap(n => (n.kind === 'image' ? [n] : []))
  const out: ImageInputs = {
    reach: new Map(),
    lines: new Map(),
    named: new Map(),
    namedAnswers: new Map()
  }
  const contexts = new Map<string, string>()
  /** Each image's ignore files, both builders' (context: its real directory). */
  const ignoreFiles = new Map<string, string[]>()
  const wanted: string[] = []
  for (const node of images) {
    const context = answers.get(node.context)!
    // A context that is not a directory is an error the checks report.
    if (context.error || context.entry?.mode !== TREE_MODE) continue
    if (!readsDockerfile(node)) {
      out.reach.set(node.name, { kind: 'whole', declared: null, fileArgs: {} })
      continue
    }
    contexts.set(node.name, context.real)
    ignoreFiles.set(node.name, ignoreFilesOf(node, context.real))
    // The context's own: buildah's and podman's list (BuildKit's first is beside the Dockerfile).
    const named = ignoreFileFor(node.dockerfile, context.real, 'buildah')
    out.named.set(node.name, named)
    wanted.push(...named)
    if (node.buildArgsFile !== undefined) wanted.push(node.buildArgsFile)
  }
  out.namedAnswers = await tree.resolve(wanted)
  const answerOf = (path: string) => answers.get(path) ?? out.namedAnswers.get(path)!
  const blobs = await early
  for (const [oid, text] of await readBlobs(
    git,
    images.flatMap(node => {
      if (!contexts.has(node.name)) return []
      const paths = [node.dockerfile, ...ignoreFiles.get(node.name)!]
      if (node.buildArgsFile !== undefined) paths.push(node.buildArgsFile)
      return paths.map(answerOf)
    }),
    blobs
  ))
    blobs.set(oid, text)
  const textOf = (path: string): string | null => {
    const answer = answerOf(path)
    if (answer.error || !answer.entry || answer.entry.mode === TREE_MODE) return null
    return blobs.get(answer.entry.oid) ?? null
  }
  const outputs = outputIndexOf(graph)
  const memo = new ReachMemo()
  for (const node of images) {
    const context = contexts.get(node.name)
    if (context === undefined || out.reach.has(node.name)) continue
    const texts: ImageTexts = {
      dockerfile: textOf(node.dockerfile),
      ignores: new Map(ignoreFiles.get(node.name)!.map(path => [path, textOf(path)])),
      ...(node.buildArgsFile !== undefined
        ? { argsFile: argsFileValues(graph, node, textOf(node.buildArgsFile)) }
        : {})
    }
    let reach = imageReach(node, context, texts, memo)
    // What a process writes is not in the commit: its Dockerfile or ignore file is not known yet.
    const written = [node.dockerfile, ...ignoreFiles.get(node.name)!]
      .map(path => ({ path, holder: outputs.producerOf(path) }))
      .find(w => w.holder)
    if (reach.kind === 'narrowed' && written)
      reach = {
        kind: 'whole',
        reason: `${written.path} is written by process ${written.holder!.process}, so what the build copies is known only after it runs`,
        fileArgs: reach.fileArgs,
        declared: reach.declared
      }
    out.reach.set(node.name, reach)
  }
  await narrowedLines(tree, out)
  return out
}

/**
 * Whether the plan reads the image's Dockerfile: `context-inputs: whole` asks for the whole
 * context, so none, unless a build-args-file needs the ARGs it declares.
 */
function readsDockerfile(node: ImageNode): boolean {
  return node.contextInputs !== 'whole' || node.buildArgsFile !== undefined
}

/** Every ignore file a builder may read for the image (context: its real directory). */
function ignoreFilesOf(node: ImageNode, context: string): string[] {
  return [
    ...new Set([
      ...ignoreFileFor(node.dockerfile, context, 'docker'),
      ...ignoreFileFor(node.dockerfile, context, 'buildah')
    ])
  ]
}

/**
 * The Dockerfiles' blobs, asked for as soon as the lookups have found them: git reads them (50–80
 * ms for 2,000 of them on the large bench shapes, where they lie apart in a large pack) while the
 * plan does other work, and imageInputs takes them from here.
 */
export function dockerfileBlobs(
  git: Git,
  images: ImageNode[],
  answers: Map<string, PathAnswer>
): Promise<Map<string, string>> {
  const wanted = images.flatMap(node =>
    readsDockerfile(node) ? [answers.get(node.dockerfile)!] : []
  )
  // Many: a git process of its own, whose output (more than a pipe holds) waits in a file.
  const read = readBlobs(git, wanted, new Map(), READ_ASIDE_FROM)
  // Awaited by imageInputs; a failure is reported there, not as an unhandled rejection first.
  read.catch(() => undefined)
  return read
}

/**
 * From this many Dockerfile blobs on, they are read aside (Git.objectsAside): a process costs
 * more than it saves for a few, whose text fits in a pipe anyway.
 */
const READ_ASIDE_FROM = 200

/**
 * The blobs behind the answers that name files (but those in have), as text, by object id; read
 * aside when there are asideFrom or more.
 */
async function readBlobs(
  git: Git,
  answers: PathAnswer[],
  have: ReadonlyMap<string, string> = new Map(),
  asideFrom = Infinity
): Promise<Map<string, string>> {
  const oids = new Set<string>()
  for (const a of answers)
    if (!a.error && a.entry && a.entry.mode !== TREE_MODE && a.entry.mode !== '160000')
      if (!have.has(a.entry.oid)) oids.add(a.entry.oid)
  const list = [...oids]
  const objects =
    list.length === 0
      ? []
      : await (list.length >= asideFrom ? git.objectsAside(list) : git.objects(list))
  const texts = new Map<string, string>()
  objects.forEach((object, i) => {
    if (object?.type === 'blob') texts.set(list[i], decoder.decode(object.data))
  })
  return texts
}

/**
 * The values of an image's build-args-file; a file that is not in the commit is the user's mistake,
 * reported where the graph file names it (the image's field, or the top level's).
 */
function argsFileValues(
  graph: Graph,
  node: ImageNode,
  text: string | null
): Record<string, string> {
  if (text !== null) return parseArgsFile(text)
  const own = node.fields.includes('build-args-file')
  const segments = own ? ['images', node.name, 'build-args-file'] : ['build-args-file']
  throw new GraphError([
    {
      file: graph.file,
      ...(graph.positions.get(segments) ?? { line: 1, col: 1 }),
      path: pathText(segments),
      message: `image ${node.name}: '${node.buildArgsFile}' is not a file in the commit; commit it, or drop build-args-file`,
      severity: 'error'
    }
  ])
}

/** A dotenv file's values, as the `dotenv` package reads them (no `${...}` expansion). */
export function parseArgsFile(text: string): Record<string, string> {
  return dotenv.parse(text)
}

/** Every narrowed image's lines: anchors looked up in one batch, directories listed in another. */
async function narrowedLines(commitTree: CommitTree, inputs: ImageInputs): Promise<void> {
  const narrowed = [...inputs.reach].flatMap(([name, reach]) =>
    reach.kind === 'narrowed' ? [{ name, reach }] : []
  )
  const anchors = await commitTree.resolve([
    ...new Set(narrowed.flatMap(n => reachAnchors(n.reach)))
  ])
  const at = (path: string): PathEntry => {
    const answer = anchors.get(path)!
    return answer.error ? { entry: null } : { real: answer.real, entry: answer.entry }
  }
  // Every directory a `**` pattern starts in is listed, in one walk of the outermost ones.
  const dirs = [...new Set(narrowed.flatMap(n => reachListings(n.reach, { at })))]
  const listed = (
    await commitTree.filesUnder(outermost(dirs).map(path => ({ path, tree: at(path).entry!.oid })))
  ).sort(byPath)
  // The trees the lines need are read in rounds, every image's at once: the directories a
  // wildcard steps through one level a round, a copied directory an ignore line may reach into
  // with everything beneath.
  const entries = new Map<string, TreeEntry[]>()
  const view = {
    at,
    under: (dir: string) => filesAtOrUnder(listed, dir),
    entries: (dir: string) => entries.get(dir)
  }
  let pending = narrowed
  for (let round = 0; pending.length > 0; round++) {
    if (round > MAX_READ_ROUNDS)
      throw new Error(
        `the trees under the images' sources needed more than ${MAX_READ_ROUNDS} rounds`
      )
    const wanted = new Map<string, TreeWanted>()
    // Beneath a copied directory only the trees an ignore line of an image that copies it may
    // reach into are read (prunedLines walks no others).
    const readers = new Map<string, NarrowedReach[]>()
    const unanswered: typeof pending = []
    for (const { name, reach } of pending) {
      const result = reachLines(reach, view)
      if ('wanted' in result) {
        for (const w of result.wanted) {
          if (!wanted.get(w.path)?.deep) wanted.set(w.path, w)
          if (w.deep) readers.set(w.path, [...(readers.get(w.path) ?? []), reach])
        }
        unanswered.push({ name, reach })
      } else if ('whole' in result)
        inputs.reach.set(name, {
          kind: 'whole',
          reason: result.whole,
          fileArgs: reach.fileArgs,
          declared: reach.declared
        })
      else {
        inputs.lines.set(name, result.lines)
        reach.fullDirs = result.fullDirs
      }
    }
    const deep = outermost([...wanted.values()].filter(w => w.deep).map(w => w.path))
    const deepSet = new Set(deep)
    const shallow = [...wanted.values()].filter(w => !w.deep && !underAny(deepSet, w.path))
    const tree = (path: string) => ({ path, tree: wanted.get(path)!.oid })
    // A lookup per level of the directory, not per image: thousands of images may read deep.
    const descend = (dir: string): boolean => {
      for (let at = dir; ; at = at.slice(0, Math.max(at.lastIndexOf('/'), 0))) {
        if (readers.get(at)?.some(reach => reach.scope(dir).mayExclude)) return true
        if (at === '') return false
      }
    }
    const read = await Promise.all([
      commitTree.entriesUnder(deep.map(tree), true, descend),
      commitTree.entriesUnder(
        shallow.map(w => tree(w.path)),
        false
      )
    ])
    for (const got of read) for (const [dir, list] of got) entries.set(dir, list)
    pending = unanswered
  }
}

/**
 * The build-args-file values that changed since the base, per image (`.env: AGENT_VERSION
 * changed`): only the values an image takes count, so an edit to the rest of the file affects none.
 * root: the graph's directory in the repository.
 */
export async function argChangesSince(
  git: Git,
  graph: Graph,
  reach: ReadonlyMap<string, ImageReach>,
  changed: ChangedFile[],
  base: string,
  root: string
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>()
  const touched = new Set(changed.flatMap(c => touchedPaths(c).map(t => t.path)))
  const images = [...graph.nodes.values()].flatMap(n =>
    n.kind === 'image' && n.buildArgsFile !== undefined && touched.has(n.buildArgsFile) ? [n] : []
  )
  if (images.length === 0) return out
  const files = [...new Set(images.map(n => n.buildArgsFile!))]
  const bytes = await git.fileBytesAt(
    files.map(path => ({ rev: base, path: joinPath(root, path) }))
  )
  const before = new Map(
    files.map((file, i) => [
      file,
      bytes[i] === null ? null : parseArgsFile(decoder.decode(bytes[i]!))
    ])
  )
  for (const node of images) {
    const r = reach.get(node.name)
    const origins = r ? fileArgChanges(node, r, before.get(node.buildArgsFile!)!) : []
    if (origins.length > 0) out.set(node.name, origins)
  }
  return out
}
