// The images to build, grouped by dependency level into waves: one matrix job per wave, each after
// the one before, so that an image is built after every image it is built on (issue 11, fan-out).
import { inputsOf } from './graph/model.js'
import type { Graph } from './graph/model.js'
import { UserError } from './errors.js'
import { MAX_MATRIX_JOBS, MAX_PLAN_OUTPUT } from './outputs.js'

/** Waves of the reusable workflow: one job each. Deeper images all go to the last one. */
export const MAX_WAVES = 8

/**
 * One wave as `strategy.matrix` takes it: one leg per entry of `image`. An entry is one image's
 * name, or several names joined by commas when the wave has more images than a matrix has legs
 * (the input `images` takes that list as it is). `{"image":[]}` is the empty wave: a job whose
 * wave is empty must be skipped with `if:`, since GitHub rejects a matrix without values.
 */
export interface WaveMatrix {
  image: string[]
}

export interface WavesInput {
  /** The images to build, in build order (inputs first). */
  build: readonly string[]
  /**
   * The images each image is built on, for every image of the graph (built or not): an image
   * missing here has none.
   */
  upstream: ReadonlyMap<string, readonly string[]>
}

export interface WaveOptions {
  /** At most this many waves (1 to MAX_WAVES). */
  maxWaves?: number
  /** At most this many legs per wave (GitHub's matrix limit, or input matrix-max-jobs). */
  maxJobs?: number
}

/**
 * The images every image of the graph is built on: its image inputs, and the images of its
 * `image-args` mapping when the graph has that field (each of them is an input, listed or not).
 */
export function upstreamImages(graph: Graph): Map<string, string[]> {
  const out = new Map<string, string[]>()
  for (const node of graph.nodes.values()) {
    if (node.kind !== 'image') continue
    const imageArgs = (node as { imageArgs?: Record<string, string> }).imageArgs ?? {}
    const names = new Set([...inputsOf(node), ...Object.values(imageArgs)])
    out.set(
      node.name,
      [...names].filter(n => graph.nodes.get(n)?.kind === 'image')
    )
  }
  return out
}

/**
 * How many images to build lie below each image on its longest path of images built on images:
 * 0 for an image on nothing that is being built. An image that is not built passes its depth on
 * unchanged, so an image on an unbuilt image on a built one still comes after the built one.
 */
export function buildDepths(input: WavesInput): Map<string, number> {
  const building = new Set(input.build)
  const depth = new Map<string, number>()
  const visiting = new Set<string>()
  // The depth an image hands to the images built on it.
  const below = (name: string): number => {
    const own = depthOf(name)
    return building.has(name) ? own + 1 : own
  }
  const depthOf = (name: string): number => {
    const known = depth.get(name)
    if (known !== undefined) return known
    // The graph reader rejects cycles; one here is a caller's bug, not a user's mistake.
    if (visiting.has(name)) throw new Error(`waves: a cycle of images through '${name}'`)
    visiting.add(name)
    let d = 0
    for (const up of input.upstream.get(name) ?? []) d = Math.max(d, below(up))
    visiting.delete(name)
    depth.set(name, d)
    return d
  }
  const out = new Map<string, number>()
  for (const name of input.build) out.set(name, depthOf(name))
  return out
}

/**
 * The images to build as waves: wave n holds the images at depth n, in build order; images deeper
 * than the last wave go to the last wave, where each leg builds what its images need that is not
 * in the registry yet (legs are self-sufficient), so correctness never depends on the waves.
 * Nothing to build: no waves. A wave with more images than maxJobs shares legs among consecutive
 * images.
 */
export function wavesOf(input: WavesInput, options: WaveOptions = {}): WaveMatrix[] {
  const maxWaves = options.maxWaves ?? MAX_WAVES
  const maxJobs = options.maxJobs ?? MAX_MATRIX_JOBS
  if (!Number.isInteger(maxWaves) || maxWaves < 1 || maxWaves > MAX_WAVES)
    throw new Error(`waves: maxWaves ${maxWaves} is not from 1 to ${MAX_WAVES}`)
  if (!Number.isInteger(maxJobs) || maxJobs < 1)
    throw new Error(`waves: maxJobs ${maxJobs} is not a whole number of at least 1`)
  const depths = buildDepths(input)
  const levels: string[][] = []
  const seen = new Set<string>()
  for (const name of input.build) {
    if (seen.has(name)) continue
    seen.add(name)
    const level = Math.min(depths.get(name)!, maxWaves - 1)
    while (levels.length <= level) levels.push([])
    levels[level].push(name)
  }
  // Depths are contiguous (an image at depth n has one at n - 1 below it): no wave is empty.
  return levels.map(names => ({ image: legsOf(names, maxJobs) }))
}

/** Names as at most maxJobs legs: consecutive names share a leg, comma-joined, when they must. */
function legsOf(names: string[], maxJobs: number): string[] {
  if (names.length <= maxJobs) return names
  const perLeg = Math.ceil(names.length / maxJobs)
  const legs: string[] = []
  for (let i = 0; i < names.length; i += perLeg) legs.push(names.slice(i, i + perLeg).join(','))
  return legs
}

/**
 * The `waves` output: one line of JSON within GitHub's output limit. Its names cannot be cut (a
 * missing name is a missed build), so a plan whose names alone exceed it is an error.
 */
export function wavesOutput(waves: readonly WaveMatrix[], limit = MAX_PLAN_OUTPUT): string {
  const text = JSON.stringify(waves)
  const size = Buffer.byteLength(text, 'utf8')
  if (size > limit)
    throw new UserError(
      `The waves output would be ${size} bytes, over GitHub's output limit (${limit}): too many image names to hand to a workflow`
    )
  return text
}
