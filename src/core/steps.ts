// Which processes a run handles, and in what order: the plan plus the images the run will build
// -> processes to restore or run, in levels (every process after the processes it reads).
import { UserError } from './errors.js'
import type { ProcessNode } from './graph/model.js'
import { inputsOf } from './graph/model.js'
import { KEY_SCHEMA } from './keys.js'
import type { Plan } from './plan.js'

export interface ProcessStep {
  name: string
  /** The process's content key. */
  key: string
  /** The cache entry that holds its outputs: processCacheKey(name, key). */
  cacheKey: string
  affected: boolean
  /** Images this run builds that read its outputs (directly or through other processes). */
  neededBy: string[]
  /** Handled processes whose outputs it reads: they are in place before it starts. */
  after: string[]
  /** 0 for a process that reads no other handled process; otherwise one more than its inputs. */
  level: number
  node: ProcessNode
}

export interface ProcessSteps {
  /** Every handled process, level by level; graph order within a level. */
  levels: ProcessStep[][]
  /** The graph's other processes: neither affected on their own nor needed by a build. */
  notNeeded: string[]
}

/** `imagegraph-key/v1` -> `v1`: entries of another key schema are never read. */
const KEY_SCHEMA_VERSION = KEY_SCHEMA.slice(KEY_SCHEMA.lastIndexOf('/') + 1)

/** The cache entry key of a process's outputs, e.g. `imagegraph-v1-process-render-<key>`. */
export function processCacheKey(name: string, key: string): string {
  return `imagegraph-${KEY_SCHEMA_VERSION}-process-${name}-${key}`
}

/**
 * The processes to handle: the upstream processes of every image the run builds (affected or not:
 * an image needs its inputs' outputs in place), the affected processes that feed no image at all,
 * and the upstream processes of those (a process runs with its inputs' outputs in place). Nothing
 * else: an affected process that feeds only images this run does not build is left alone.
 */
export function processSteps(plan: Plan, imagesToBuild: readonly string[]): ProcessSteps {
  const graph = plan.graph
  for (const name of imagesToBuild) {
    const node = graph.nodes.get(name)
    if (!node || node.kind !== 'image')
      throw new UserError(`images to build: '${name}' is not an image of ${plan.graphFile}`)
  }
  const neededBy = new Map<string, Set<string>>()
  const handled = new Set<string>()
  const addUpstream = (name: string, image?: string): void => {
    const node = graph.nodes.get(name)!
    if (node.kind !== 'process') return
    if (image) {
      const set = neededBy.get(name) ?? new Set()
      if (set.has(image)) return
      set.add(image)
      neededBy.set(name, set)
    } else if (handled.has(name)) return
    handled.add(name)
    for (const input of node.inputs) addUpstream(input, image)
  }
  for (const image of imagesToBuild) {
    const node = graph.nodes.get(image)!
    // An image input is built by this run (its processes come with it) or already exists.
    if (node.kind === 'image') for (const input of inputsOf(node)) addUpstream(input, image)
  }

  // Whether a process's outputs reach any image, through other processes or directly.
  const feedsImage = new Map<string, boolean>()
  for (const node of graph.nodes.values())
    if (node.kind === 'process') feedsImage.set(node.name, false)
  // Consumers before their inputs, so that a process is decided before the processes it reads.
  for (const name of [...plan.order].reverse()) {
    const node = graph.nodes.get(name)!
    if (node.kind === 'config') continue
    const reaches = node.kind === 'image' || feedsImage.get(name) === true
    if (!reaches) continue
    for (const input of inputsOf(node)) if (feedsImage.has(input)) feedsImage.set(input, true)
  }
  for (const [name, feeds] of feedsImage)
    if (!feeds && plan.nodes.get(name)!.affected) addUpstream(name)

  const levelOf = new Map<string, number>()
  const levels: ProcessStep[][] = []
  const notNeeded: string[] = []
  for (const name of plan.order) {
    const node = graph.nodes.get(name)!
    if (node.kind !== 'process') continue
    if (!handled.has(name)) {
      notNeeded.push(name)
      continue
    }
    const after = node.inputs.filter(input => handled.has(input))
    const level = after.reduce((l, input) => Math.max(l, levelOf.get(input)! + 1), 0)
    levelOf.set(name, level)
    const planned = plan.nodes.get(name)!
    ;(levels[level] ??= []).push({
      name,
      key: planned.key,
      cacheKey: processCacheKey(name, planned.key),
      affected: planned.affected,
      neededBy: imagesToBuild.filter(image => neededBy.get(name)?.has(image)),
      after,
      level,
      node
    })
  }
  return { levels, notNeeded }
}
