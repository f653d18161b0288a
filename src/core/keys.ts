// Content keys: a Merkle hash per node of everything that goes into what it produces.
//
// key = sha256(canonical JSON of {
//   schema:      KEY_SCHEMA, bumped whenever what goes into a key changes
//   kind:        config, process or image
//   definition:  the node's canonical definition (see canonicalDefinition; no names, no
//                `description`, `repository`, `tags`, `tag-pattern`, timeouts or passed variables)
//   filesDigest: sha256 of one line per input, "<mode> <git object id>\t<path>\n", sorted by
//                path: a config's matched files (blob ids); an image's context directory as one
//                line with git's tree id ("040000 <tree id>\t<dir>", '.' for the root), which
//                changes exactly when a file beneath it does, then its Dockerfile and ignore files
//                (blob ids) and the symlinks on the way to them
//   upstream:    the keys of every input, sorted
// })
// Nothing else: not the node's name or its inputs' names (two nodes with the same definition and
// inputs have one key: a rename rebuilds nothing), not the checkout path, the machine, mtimes or
// map order. The breakdown is kept beside the key, with the names as labels that are not hashed,
// so that `imagegraph why NODE --explain` can say why two keys differ.
import * as crypto from 'node:crypto'
import { byPath, treeLine } from './changes.js'
import type { TrackedFile } from './changes.js'
import type { Graph, GraphNode, NodeKind } from './graph/model.js'
import { inputsOf } from './graph/model.js'
import type { FileMembership } from './ownership.js'
import { encodePaths } from './utf8.js'

export const KEY_SCHEMA = 'imagegraph-key/v5'

export interface KeyBreakdown {
  schema: string
  kind: NodeKind
  /** A label for explanations; not hashed. */
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
 * What a node is, independent of how the YAML was written and of names: lists whose order means
 * nothing are sorted, maps are sorted; what changes no artifact is left out (`description`,
 * `repository`, `tags`, `tag-pattern`, `timeout`, `pass-env`); inputs are in the key as upstream
 * keys, and `image-args` as ARG -> the upstream image's key (keyOf). Keys are written in sorted
 * order (hashedJson relies on it).
 */
export function canonicalDefinition(
  node: GraphNode,
  keyOf: (name: string) => string,
  fileArgs: Record<string, string> = {}
): Record<string, unknown> {
  switch (node.kind) {
    case 'config':
      return { paths: [...node.paths].sort() }
    case 'process':
      return {
        env: sortedRecord(node.env),
        outputs: [...node.outputs].sort(),
        run: node.run
      }
    case 'image': {
      const imageArgs: Record<string, string> = {}
      for (const arg of Object.keys(node.imageArgs).sort())
        imageArgs[arg] = keyOf(node.imageArgs[arg])
      return {
        // What the builder is given: build-args, and the build-args-file's values of the ARGs the
        // Dockerfile declares (the same value either way is the same build).
        buildArgs: sortedRecord({ ...fileArgs, ...node.buildArgs }),
        context: node.context,
        dockerfile: node.dockerfile,
        imageArgs,
        platforms: [...node.platforms].sort(),
        target: node.target ?? null
      }
    }
  }
}

/**
 * A node's definition as the graph file writes it, names included (its inputs, the images of its
 * image-args): when it differs between two commits the node is affected, even where its key would
 * only change through an input (a new input that did not change itself).
 */
export function writtenDefinition(node: GraphNode): Record<string, unknown> {
  const definition = canonicalDefinition(node, name => name)
  if (node.kind === 'config') return definition
  if (node.kind === 'process') return { ...definition, inputs: [...node.inputs].sort() }
  return {
    ...definition,
    buildArgsFile: node.buildArgsFile ?? null,
    contextInputs: node.contextInputs,
    inputs: [...node.inputs].sort()
  }
}

export function nodeLabel(node: { kind: NodeKind; name: string }): string {
  return `${node.kind} ${node.name}`
}

/** Files in path order; git already lists them so, and then nothing is sorted. */
function sortedByPath(files: TrackedFile[]): TrackedFile[] {
  for (let i = 1; i < files.length; i++)
    if (files[i - 1].path > files[i].path) return files.slice().sort(byPath)
  return files
}

/**
 * The text a key hashes: stableStringify of the breakdown without its file list and its labels
 * (the node's name, its inputs' names), the upstream keys sorted. Built with every object's keys
 * already in sorted order, so the native JSON.stringify gives the same text fast.
 */
export function hashedJson(b: KeyBreakdown): string {
  return JSON.stringify({
    definition: b.definition,
    filesDigest: b.filesDigest,
    kind: b.kind,
    schema: b.schema,
    upstream: b.upstream.map(u => u.key).sort()
  })
}

/** Every node's content key, inputs first. */
export function computeKeys(graph: Graph, membership: FileMembership): Map<string, ContentKey> {
  const keys = new Map<string, ContentKey>()
  for (const node of graph.order) {
    const files = membership.keyFiles?.get(node.name) ?? membership.files.get(node.name) ?? []
    const lines = sortedByPath(files).map(treeLine)
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
      definition: canonicalDefinition(
        node,
        name => keys.get(name)!.key,
        membership.reach?.get(node.name)?.fileArgs
      ),
      files: lines,
      filesDigest: sha256(lines.length === 0 ? '' : `${lines.join('\n')}\n`),
      upstream
    }
    keys.set(node.name, { key: sha256(hashedJson(breakdown)), breakdown })
  }
  return keys
}
