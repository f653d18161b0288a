// Which images a run builds, reuses, retags or leaves alone: the images of the run (affected or
// not, with their reasons) plus what the registry answered for their content tags -> one step each.
// The registry, not the diff, is the final word: a key already there is never rebuilt, a key missing
// is built when the run needs it (rebuild-missing, or an image a build stands on).

/** A rendered tag; a floating tag moves only forward (see build-images). */
export interface RenderedTag {
  tag: string
  floating: boolean
}

/** The version tags of one image for this run, from its templates. */
export interface ImageTags {
  /** Whether a template uses {{seq}}: the number is then read from the registry or a label. */
  usesSeq: boolean
  /**
   * The tags for this run; `seq` is the image's number, undefined when it has none (content built
   * before it used {{seq}}): tags that need it are then left out.
   */
  render(seq: number | undefined): RenderedTag[]
}

/** One image of the run, as the command needs it: plain data, not a graph node. */
export interface ImageJob {
  name: string
  /** Its content key (64 hex): the content tag is contentTag(key). */
  key: string
  /** The repository within the registry (`team/api`). */
  repository: string
  /** Absolute paths. */
  context: string
  dockerfile: string
  target?: string
  platforms: string[]
  buildArgs: Record<string, string>
  /** Build arg -> the image whose reference by digest it receives (`FROM ${BASE}`). */
  imageArgs: Record<string, string>
  /** Images it builds on: its image inputs and the images of imageArgs. */
  needs: string[]
  affected: boolean
  /** Why it is affected, one line each (file -> config -> process -> image); the first is a label. */
  reasons: string[]
  tags: ImageTags
}

/** What the registry said about an image's content tag; absent from the map: not asked. */
export type KeyAnswer = 'usable' | 'missing'

export interface ImageStepOptions {
  /** A registry is configured: keys are checked in it and reuse is possible. */
  registry: boolean
  /** Also build unaffected images whose key is not in the registry (default true). */
  rebuildMissing?: boolean
  /** Put the run's version tags on unaffected images' existing manifests. */
  retagUnaffected?: boolean
  /** A matrix leg: only these images (plus any image they build on whose key is missing). */
  images?: readonly string[]
}

/**
 * build: build it (and push when the run pushes). reuse: the run needs it and its content tag is
 * usable: the run's tags go on that manifest. retag: not needed, but retag-unaffected puts the
 * run's tags on it. unchanged: nothing to do.
 */
export type ImageAction = 'build' | 'reuse' | 'retag' | 'unchanged'

export interface ImageStep {
  name: string
  action: ImageAction
  /** Why: the job's reasons, and for a build of an unaffected image what made it needed. */
  reasons: string[]
  /** The registry's answer for its key, when it was asked. */
  key?: KeyAnswer
}

export interface ImageSteps {
  /** One step per image in scope (all images, or a leg's images and what they stand on), in job order. */
  steps: ImageStep[]
  /** Names of the images to build, for the processes they need. */
  toBuild: string[]
}

export const REASON_KEY_MISSING = 'key not in the registry'

function byName(jobs: readonly ImageJob[]): Map<string, ImageJob> {
  const map = new Map<string, ImageJob>()
  for (const job of jobs) map.set(job.name, job)
  for (const job of jobs)
    for (const need of job.needs)
      if (!map.has(need)) throw new Error(`image ${job.name} builds on unknown image ${need}`)
  return map
}

function unknownSelection(jobs: Map<string, ImageJob>, images: readonly string[]): void {
  const unknown = images.filter(name => !jobs.has(name))
  if (unknown.length > 0) throw new Error(`images: unknown image ${unknown.join(', ')}`)
}

/** The images in scope: all, or the selected ones and every image they build on, transitively. */
export function imagesInScope(jobs: readonly ImageJob[], images?: readonly string[]): string[] {
  const map = byName(jobs)
  if (images === undefined) return jobs.map(j => j.name)
  unknownSelection(map, images)
  const seen = new Set<string>()
  const visit = (name: string): void => {
    if (seen.has(name)) return
    seen.add(name)
    for (const need of map.get(name)!.needs) visit(need)
  }
  images.forEach(visit)
  return jobs.filter(j => seen.has(j.name)).map(j => j.name)
}

/**
 * The images whose content tag the registry is asked about: none without a registry; else every
 * image in scope that the run may build, reuse or retag, and every image those build on (a build
 * needs its bases' digests, or builds them when they are missing).
 */
export function imagesToCheck(jobs: readonly ImageJob[], options: ImageStepOptions): string[] {
  if (!options.registry) return []
  const rebuildMissing = options.rebuildMissing ?? true
  const scope = imagesInScope(jobs, options.images)
  // A leg checks all of its scope: its images, and the bases it builds itself when missing.
  if (options.images !== undefined || rebuildMissing || options.retagUnaffected) return scope
  const map = byName(jobs)
  const wanted = new Set<string>()
  const visit = (name: string): void => {
    if (wanted.has(name)) return
    wanted.add(name)
    for (const need of map.get(name)!.needs) visit(need)
  }
  for (const name of scope) if (map.get(name)!.affected) visit(name)
  return scope.filter(name => wanted.has(name))
}

/**
 * One step per image in scope. `answers` holds the registry's word on each checked key (see
 * imagesToCheck); an image a build stands on whose key is missing (or cannot be taken from a
 * registry) is built first, whether affected or not: a build never stands on a stale or absent base.
 */
export function imageSteps(
  jobs: readonly ImageJob[],
  answers: ReadonlyMap<string, KeyAnswer>,
  options: ImageStepOptions
): ImageSteps {
  const map = byName(jobs)
  const rebuildMissing = options.rebuildMissing ?? true
  const scope = imagesInScope(jobs, options.images)
  const selected = new Set(options.images ?? scope)
  const steps = new Map<string, ImageStep>()

  for (const name of scope) {
    const job = map.get(name)!
    const key = answers.get(name)
    const step: ImageStep = { name, action: 'unchanged', reasons: [...job.reasons] }
    if (key !== undefined) step.key = key
    if (selected.has(name)) {
      if (job.affected) step.action = key === 'usable' ? 'reuse' : 'build'
      else if (key === 'usable') step.action = options.retagUnaffected ? 'retag' : 'unchanged'
      else if (key === 'missing' && rebuildMissing) {
        step.action = 'build'
        step.reasons.push(REASON_KEY_MISSING)
      }
    }
    steps.set(name, step)
  }

  // What the builds stand on: a base that is not usable in the registry is built by this run too.
  // Dependents come after their bases in no particular order, so walk from each build upwards.
  const needsBuild = (name: string, by: string): void => {
    const step = steps.get(name)!
    if (step.action === 'build' || step.key === 'usable') return
    step.action = 'build'
    step.reasons.push(
      options.registry
        ? `${REASON_KEY_MISSING}; ${by} builds on it`
        : `${by} builds on it, and there is no registry to take it from`
    )
    for (const need of map.get(name)!.needs) needsBuild(need, name)
  }
  for (const name of scope) {
    if (steps.get(name)!.action !== 'build') continue
    for (const need of map.get(name)!.needs) needsBuild(need, name)
  }

  const ordered = scope.map(name => steps.get(name)!)
  return { steps: ordered, toBuild: ordered.filter(s => s.action === 'build').map(s => s.name) }
}

/**
 * The images in dependency order (every image after those it builds on), for the run's scheduling
 * and messages. Throws on a cycle: the graph checks reject one before a run.
 */
export function dependencyOrder(jobs: readonly ImageJob[]): string[] {
  const map = byName(jobs)
  const order: string[] = []
  const state = new Map<string, 'visiting' | 'done'>()
  const visit = (name: string): void => {
    const s = state.get(name)
    if (s === 'done') return
    if (s === 'visiting') throw new Error(`images build on each other in a cycle through ${name}`)
    state.set(name, 'visiting')
    for (const need of map.get(name)!.needs) visit(need)
    state.set(name, 'done')
    order.push(name)
  }
  for (const job of jobs) visit(job.name)
  return order
}
