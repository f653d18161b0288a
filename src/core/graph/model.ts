// What a graph file describes, once read: configs, processes and images, and the graph they form.
import type { ImpliedInput } from '../generated.js'
import type { Positions } from './positions.js'

export const GRAPH_VERSION = 1
export const DEFAULT_GRAPH_FILE = 'imagegraph.yml'

export type NodeKind = 'config' | 'process' | 'image'
export type ContextInputs = 'dockerfile' | 'whole'
export const CONTEXT_INPUTS: readonly ContextInputs[] = ['dockerfile', 'whole']

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
  /** `image-args`: build ARG -> the name of another image, handed to the build by digest. */
  imageArgs: Record<string, string>
  platforms: string[]
  target?: string
  /** `repository`: where it is pushed under the registry; the image's name unless set. */
  repository: string
  /** `tags`: the image's own tag templates, as written, replacing the graph's list; only when set. */
  tags?: string[]
  /** `tag-pattern`: a glob over git tags selecting the image's own version series (`api/v*`). */
  tagPattern?: string
  /**
   * `context-inputs`: `dockerfile` (the default) counts the context files the Dockerfile's COPY,
   * ADD and bind mounts reach, after the ignore file; `whole` counts every file of the context.
   */
  contextInputs: ContextInputs
  /**
   * `build-args-file`: a dotenv file (root-relative) whose values the ARGs the Dockerfile declares
   * take, read at the commit planned.
   */
  buildArgsFile?: string
  /**
   * Inputs it consumes without listing them in `inputs`: processes that write its context or
   * Dockerfile (each with `because`), and images named only in `image-args`.
   */
  implied?: { inputs: string[]; because: ImpliedInput[] }
}
export type GraphNode = ConfigNode | ProcessNode | ImageNode

export interface Graph {
  file: string
  /** Every node by name (names are unique across sections), in file order. */
  nodes: Map<string, GraphNode>
  /** Inputs before the nodes that consume them; ties keep file order. */
  order: GraphNode[]
  /** `registry`: `host[:port][/path]` the images are pushed under, when the file sets one. */
  registry?: string
  /** `tags`: the tag templates of every image that has no `tags` of its own, as written. */
  tags?: string[]
  /** Position of every field the file spells out, by its path segments. */
  positions: Positions
}

export const SECTION_OF: Record<NodeKind, 'configs' | 'processes' | 'images'> = {
  config: 'configs',
  process: 'processes',
  image: 'images'
}
export const KIND_OF = new Map<string, NodeKind>([
  ['configs', 'config'],
  ['processes', 'process'],
  ['images', 'image']
])

/** Which kinds each kind may consume. */
export const ALLOWED_INPUTS: Record<NodeKind, NodeKind[]> = {
  config: [],
  process: ['config', 'process'],
  image: ['config', 'process', 'image']
}
export const NAME_PATTERN = /^[a-z0-9][a-z0-9._-]*$/

/** The names of the nodes a node consumes, implied ones included (configs have none). */
export function inputsOf(node: GraphNode): string[] {
  if (node.kind === 'config') return []
  return node.kind === 'image' && node.implied ? node.implied.inputs : node.inputs
}
