// Use case: the whole job after the plan, the one way `imagegraph run` and the action's
// `mode: build` do it. The images become jobs (tags rendered and checked before anything runs),
// the registry says which content keys it holds, the processes the builds need are restored or
// run, then the images are built, pushed, reused and tagged.
import type {
  Builder,
  Cache,
  GitAncestry,
  LayerCache,
  ProcessRunner,
  Registry,
  RegistryConnection,
  Reporter
} from '../adapters/ports.js'
import { blockedImages, imageJobs } from '../core/image-jobs.js'
import type { ImageJobs, RunNames } from '../core/image-jobs.js'
import type { ImagesRun } from '../core/image-results.js'
import type { Plan } from '../core/plan.js'
import type { ProcessesRun } from '../core/process-results.js'
import { selectImages } from '../core/image-selection.js'
import { buildImages, decideImages } from './build-images.js'
import { runProcesses } from './run-processes.js'

export interface RunRequest {
  plan: Plan
  /** Absolute path of the repository's top (the workspace). */
  repository: string
  /** Absolute path of the graph file's directory. */
  root: string
  /** What names the run: commit, branch, pull request, ref, version (tag templates, labels). */
  names: RunNames
  /** Registry given by the caller (`host[:port][/path]`); default the graph file's. */
  registry?: string
  /** Templates given by the caller (input `tags`, `--tags`); default the graph file's. */
  tags?: readonly string[]
  /** How the caller's options are named in messages (`input 'tags'`, `--tags`). */
  labels: { tags: string; registry: string; images: string }
  /** Push builds and set tags: the caller has applied the trust rules already. */
  push: boolean
  rebuildMissing?: boolean
  retagUnaffected?: boolean
  /** A matrix leg's images; empty or absent: every image. */
  images?: readonly string[]
  /** At most this many processes, and this many builds, at once. */
  parallel?: number
  /** Whether the process cache may be written (trust rules applied by the caller). */
  saveCache: boolean
  /** `pass-env` values and the runner's variables for processes. */
  callerEnv: Readonly<Record<string, string | undefined>>
  /** The created label (RFC 3339): the caller reads the clock. */
  created: string
  /** The source label: the repository's URL. */
  source?: string
  /** How builders reach the registry, besides its host (TLS, credentials). */
  connection?: Omit<RegistryConnection, 'host'>
  layerCache?: LayerCache
}

export interface RunPorts {
  cache: Cache
  runner: ProcessRunner
  reporter: Reporter
  /** Detected on first use only: a run with nothing to build needs no builder. */
  builder: () => Promise<{ builder: Builder; reason: string }>
  /** The registry client for a host; called once, when the run has a registry. */
  registry: (host: string) => Registry
  git: GitAncestry
}

export interface JobRun {
  processes: ProcessesRun
  images: ImagesRun
  /** Tags left out for want of a value in this run, one line each. */
  notes: string[]
}

type JobsRequest = Pick<RunRequest, 'plan' | 'root' | 'names' | 'registry' | 'tags' | 'labels'>

/** The images as jobs, every tag rendered and every name checked (throws before anything runs). */
function jobsOf(request: JobsRequest): ImageJobs {
  return imageJobs({
    plan: request.plan,
    root: request.root,
    names: request.names,
    ...(request.registry ? { registry: request.registry } : {}),
    ...(request.tags ? { tags: request.tags } : {}),
    tagsLabel: request.labels.tags,
    registryLabel: request.labels.registry
  })
}

/**
 * The images a build run would build (affected, or with rebuild-missing any whose key the
 * registry lacks, and the bases they need), asked of the registry without building: the plan's
 * waves come from this list when the run has a registry, so a matrix leg exists for every image
 * the legs will build. Undefined when there is no registry (then the affected images are the list).
 */
export async function imagesToBuildFor(
  request: JobsRequest & Pick<RunRequest, 'rebuildMissing'>,
  ports: Pick<RunPorts, 'registry' | 'reporter'>
): Promise<string[] | undefined> {
  const { jobs, registryHost } = jobsOf(request)
  if (registryHost === undefined) return undefined
  const decision = await decideImages(
    {
      jobs,
      commit: request.names.commit,
      created: '',
      push: false,
      ...(request.rebuildMissing !== undefined ? { rebuildMissing: request.rebuildMissing } : {})
    },
    { registry: ports.registry(registryHost), reporter: ports.reporter }
  )
  return decision.toBuild
}

export async function runJob(request: RunRequest, ports: RunPorts): Promise<JobRun> {
  const { plan } = request
  const { reporter } = ports
  const images =
    request.images && request.images.length > 0
      ? selectImages(request.images, plan.graph, request.labels.images)
      : undefined
  // Every tag rendered and every name checked before the registry is asked or a process runs.
  const { jobs, registryHost, notes } = jobsOf(request)
  for (const note of notes) reporter.info(note)
  const registry = registryHost !== undefined ? ports.registry(registryHost) : undefined
  const input = {
    jobs,
    commit: request.names.commit,
    created: request.created,
    ...(request.source ? { source: request.source } : {}),
    ...(request.names.version ? { version: request.names.version } : {}),
    push: request.push,
    ...(request.rebuildMissing !== undefined ? { rebuildMissing: request.rebuildMissing } : {}),
    ...(request.retagUnaffected !== undefined ? { retagUnaffected: request.retagUnaffected } : {}),
    ...(images ? { images } : {}),
    ...(request.parallel !== undefined ? { parallel: request.parallel } : {}),
    ...(registryHost !== undefined
      ? { connection: { ...request.connection, host: registryHost } }
      : {}),
    ...(request.layerCache ? { layerCache: request.layerCache } : {})
  }
  const buildPorts = {
    ...(registry ? { registry } : {}),
    reporter,
    builder: ports.builder,
    git: ports.git
  }
  const decision = await decideImages(input, buildPorts)
  const processes = await runProcesses(
    {
      plan,
      imagesToBuild: decision.toBuild,
      repository: request.repository,
      saveCache: request.saveCache,
      ...(request.parallel !== undefined ? { parallel: request.parallel } : {}),
      callerEnv: request.callerEnv
    },
    { cache: ports.cache, runner: ports.runner, reporter }
  )
  const problems = new Map<string, string>()
  for (const p of processes.processes)
    if (p.outcome === 'failed' || p.outcome === 'skipped')
      problems.set(p.name, p.outcome === 'failed' ? 'failed' : 'was skipped')
  const blocked = blockedImages(plan.graph, decision.toBuild, problems)
  const built = await buildImages(
    { ...input, ...(Object.keys(blocked).length > 0 ? { blocked } : {}) },
    buildPorts,
    decision
  )
  return { processes, images: built, notes }
}
