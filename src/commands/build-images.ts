// Use case: build, push, reuse and tag the images of a run. First ask the registry which content
// keys it already holds (decideImages: the processes the builds need are handled between the two
// calls), then buildImages: in dependency order, independent images in parallel, each build handed
// its bases by digest (or the local image this run made), tags set by putting the exact manifest
// bytes, floating tags moved only forward. Shared by the action (`mode: build`) and `imagegraph run`.
import { performance } from 'node:perf_hooks'
import { Slots, defaultParallel } from './slots.js'
import type {
  Builder,
  GitAncestry,
  LayerCache,
  LocalImage,
  Manifest,
  Registry,
  RegistryConnection,
  Reporter
} from '../adapters/ports.js'
import { UserError } from '../core/errors.js'
import { LABELS, contentTag } from '../core/image-names.js'
import { BUILD_FAILURE_TAIL_LINES } from '../core/image-results.js'
import type { ImageResult, ImagesRun } from '../core/image-results.js'
import { dependencyOrder, imageSteps, imagesToCheck } from '../core/image-steps.js'
import type { ImageJob, ImageStep, KeyAnswer, RenderedTag } from '../core/image-steps.js'

export interface BuildImagesInput {
  /** Every image of the graph (plain data; see ImageJob), in graph order. */
  jobs: ImageJob[]
  /** The commit built: the revision label, and what a floating tag must descend from to move. */
  commit: string
  /** The created label (RFC 3339), given by the caller: the core reads no clock. */
  created: string
  /** The source label: the repository's URL. */
  source?: string
  /**
   * The version label. Default: the image's first version tag that is not floating, else its
   * content tag.
   */
  version?: string
  /**
   * Push the builds and set tags. The caller decides from `push` and the trust rules: an untrusted
   * event never pushes. Needs a registry.
   */
  push: boolean
  /** Also build unaffected images whose key is not in the registry (default true). */
  rebuildMissing?: boolean
  /** Put the run's version tags on unaffected images' existing manifests (with push). */
  retagUnaffected?: boolean
  /** A matrix leg: only these images, plus any image they build on whose key is missing. */
  images?: string[]
  /** How many images build at once; default the number of CPUs. */
  parallel?: number
  /**
   * How the builder reaches the registry (pull bases, push); default with a registry: its host,
   * TLS verified, the builder's own credentials.
   */
  connection?: RegistryConnection
  /** The builder's layer cache, when configured. */
  layerCache?: LayerCache
  /** Images that cannot be built because something they read failed: image -> one line. */
  blocked?: Record<string, string>
}

export interface BuildImagesPorts {
  /** Detected on first use only (builders/detect.ts lazyBuilder): no build, no detection. */
  builder: () => Promise<{ builder: Builder; reason: string }>
  /** Absent: no registry configured; nothing is checked and builds stay local. */
  registry?: Registry
  git: GitAncestry
  reporter: Reporter
}

/** What the registry answered, and so what each image's step is. */
export interface ImageDecision {
  steps: ImageStep[]
  /** The images to build: the run's processes must put their inputs in place first. */
  toBuild: string[]
  /** The content tag's manifest of each image whose key is usable in the registry. */
  manifests: Map<string, Manifest>
}

function checkInput(input: BuildImagesInput, ports: Pick<BuildImagesPorts, 'registry'>): void {
  if (input.push && !ports.registry)
    throw new UserError('push: pushing images needs a registry; set registry (CLI: --registry)')
}

/** Asks the registry for every content key the run may build on, reuse or retag (concurrently). */
export async function decideImages(
  input: BuildImagesInput,
  ports: Pick<BuildImagesPorts, 'registry' | 'reporter'>
): Promise<ImageDecision> {
  checkInput(input, ports)
  const options = {
    registry: ports.registry !== undefined,
    rebuildMissing: input.rebuildMissing,
    retagUnaffected: input.retagUnaffected,
    images: input.images
  }
  const jobs = new Map(input.jobs.map(j => [j.name, j]))
  const checked = imagesToCheck(input.jobs, options)
  const answers = new Map<string, KeyAnswer>()
  const manifests = new Map<string, Manifest>()
  if (ports.registry && checked.length > 0) {
    const usability = await ports.registry.usableMany(
      checked.map(name => ({
        repository: jobs.get(name)!.repository,
        tag: contentTag(jobs.get(name)!.key)
      }))
    )
    checked.forEach((name, i) => {
      const u = usability[i]
      answers.set(name, u.usable ? 'usable' : 'missing')
      if (u.usable) manifests.set(name, u.manifest)
      else if (u.reason.kind !== 'manifest-missing')
        ports.reporter.info(
          `${name}: ${contentTag(jobs.get(name)!.key)} is in the registry but not usable (${u.reason.kind} ${'digest' in u.reason ? u.reason.digest : ''}); building it`
        )
    })
    ports.reporter.info(
      `registry ${ports.registry.host}: ${manifests.size} of ${checked.length} content keys present`
    )
  }
  const decided = imageSteps(input.jobs, answers, options)
  return { ...decided, manifests }
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}

/** Lines of a build kept for the action's log group (the summary keeps only the tail). */
const LOG_GROUP_LINES = 20000

/** An image's outcome, with what its dependents need from it. */
interface Outcome {
  result: ImageResult
  /** What made this one fail or skip, for its dependents' messages (`image base failed`). */
  causes: string[]
  /** `registry/repository@sha256:...`, when it is in the registry. */
  byDigest?: string
  /** This run's build, when not pushed. */
  local?: LocalImage
}

/** The seq label's value as a number, or undefined when it is not a whole number. */
function seqOf(labels: Record<string, string> | undefined): number | undefined {
  const text = labels?.[LABELS.seq]
  return text !== undefined && /^(0|[1-9][0-9]{0,8})$/.test(text) ? Number(text) : undefined
}

/** One run of buildImages: the ports, the input, and what is shared between images. */
class ImagesJob {
  private builderPromise?: Promise<{ builder: Builder; reason: string }>
  builderReason?: string
  /** Per repository: the last {{seq}} number handed out in this run. */
  private readonly seqs = new Map<string, Promise<number>>()

  constructor(
    private readonly input: BuildImagesInput,
    private readonly ports: BuildImagesPorts,
    private readonly decision: ImageDecision
  ) {}

  ref(job: ImageJob): string {
    return this.ports.registry ? `${this.ports.registry.host}/${job.repository}` : job.repository
  }

  private builder(): Promise<{ builder: Builder; reason: string }> {
    this.builderPromise ??= this.ports.builder().then(chosen => {
      this.builderReason = `${chosen.builder.description}: ${chosen.reason}`
      this.ports.reporter.info(`builder ${this.builderReason}`)
      return chosen
    })
    return this.builderPromise
  }

  /**
   * The next {{seq}} number of a repository: one more than the highest seq label among its content
   * tags (labels, not tag names: a template may mix {{seq}} with fields that change every run), 0
   * for the first. Numbers handed out in this run count too, so parallel builds never share one.
   */
  private nextSeq(repository: string): Promise<number> {
    const registry = this.ports.registry!
    const previous =
      this.seqs.get(repository) ??
      (async () => {
        const tags = (await registry.listTags(repository)).filter(t => /^key-[0-9a-f]{64}$/.test(t))
        const labels = await Promise.all(tags.map(t => registry.labels(repository, t)))
        return labels.reduce((max, l) => Math.max(max, seqOf(l) ?? -1), -1)
      })()
    const next = previous.then(n => n + 1)
    this.seqs.set(repository, next)
    return next
  }

  /**
   * Puts `manifest` under each tag (the exact bytes: the digest stays). A floating tag moves only
   * when the commit built descends from the one it names now (its revision label); otherwise it
   * stays, with a notice. Returns the tags set and the notices.
   */
  private async setTags(
    job: ImageJob,
    manifest: Manifest,
    tags: RenderedTag[]
  ): Promise<{ set: string[]; notices: string[] }> {
    const registry = this.ports.registry!
    const set: string[] = []
    const notices: string[] = []
    for (const { tag, floating } of tags) {
      if (floating) {
        const head = await registry.headManifest(job.repository, tag)
        if (head && head.digest !== manifest.digest) {
          const labels = await registry.labels(job.repository, tag)
          const at = labels?.[LABELS.revision]
          const stay = await this.floatingStays(at, tag)
          if (stay) {
            notices.push(stay)
            this.ports.reporter.info(`${job.name}: ${stay}`)
            continue
          }
        }
        if (head?.digest === manifest.digest) {
          set.push(tag)
          continue
        }
      }
      await registry.putManifest(job.repository, tag, manifest)
      set.push(tag)
    }
    return { set, notices }
  }

  /** Why a floating tag now at `at` stays where it is; undefined when it may move to the commit. */
  private async floatingStays(at: string | undefined, tag: string): Promise<string | undefined> {
    const commit = this.input.commit
    if (at === undefined)
      return `${tag} stays: the image it names has no ${LABELS.revision} label, so this build cannot tell whether it is newer (move it with imagegraph retag)`
    if (at === commit) return undefined
    const descends = await this.ports.git.isAncestor(at, commit)
    if (descends === true) return undefined
    if (descends === false)
      return `${tag} stays at ${at}: ${commit} does not descend from it (floating tags only move forward; move it with imagegraph retag)`
    return `${tag} stays at ${at}: that commit is not in the local history, so this build cannot tell whether ${commit} descends from it (fetch more history: actions/checkout fetch-depth: 0)`
  }

  /** The version tags this run gives an image; the content tag is always set apart. */
  private versionTags(job: ImageJob, seq: number | undefined): RenderedTag[] {
    const content = contentTag(job.key)
    const seen = new Set<string>([content])
    return job.tags.render(seq).filter(t => !seen.has(t.tag) && seen.add(t.tag))
  }

  private labels(job: ImageJob, tags: RenderedTag[], seq: number | undefined) {
    const version = this.input.version ?? tags.find(t => !t.floating)?.tag ?? contentTag(job.key)
    const labels: Record<string, string> = {
      [LABELS.revision]: this.input.commit,
      [LABELS.version]: version,
      [LABELS.created]: this.input.created,
      [LABELS.title]: job.name,
      [LABELS.key]: job.key
    }
    if (this.input.source) labels[LABELS.source] = this.input.source
    if (job.reasons.length > 0) labels[LABELS.reason] = job.reasons[0]
    if (seq !== undefined) labels[LABELS.seq] = String(seq)
    return labels
  }

  /** Builds one image whose bases are done; pushes and tags it when the run pushes. */
  async build(job: ImageJob, step: ImageStep, bases: Map<string, Outcome>): Promise<Outcome> {
    const started = performance.now()
    const result: ImageResult = {
      name: job.name,
      status: 'failed',
      ref: this.ref(job),
      tags: [],
      key: job.key,
      reasons: step.reasons,
      seconds: 0
    }
    const finish = (outcome: Omit<Outcome, 'result' | 'causes'> = {}): Outcome => {
      result.seconds = Math.round((performance.now() - started) / 100) / 10
      const failed = result.status === 'failed'
      return { result, causes: failed ? [`image ${job.name} failed`] : [], ...outcome }
    }
    const fail = (error: string, logTail?: string[]): Outcome => {
      result.status = 'failed'
      result.error = error
      if (logTail) result.logTail = logTail.slice(-BUILD_FAILURE_TAIL_LINES)
      this.ports.reporter.info(`${job.name}: failed: ${error}`)
      return finish()
    }

    const buildArgs = { ...job.buildArgs }
    const localBases: LocalImage[] = []
    for (const [arg, image] of Object.entries(job.imageArgs)) {
      const base = bases.get(image)
      if (base?.byDigest) buildArgs[arg] = base.byDigest
      else if (base?.local) {
        buildArgs[arg] = base.local.ref
        localBases.push(base.local)
      } else
        return fail(
          `no reference for ${arg}: image ${image} is neither in the registry nor built by this run`
        )
    }

    const push = this.input.push
    const registry = this.ports.registry
    let seq: number | undefined
    try {
      if (push && job.tags.usesSeq) seq = await this.nextSeq(job.repository)
    } catch (e) {
      return fail(`reading the {{seq}} numbers of ${this.ref(job)}: ${errorText(e)}`)
    }
    const tags = this.versionTags(job, seq)

    let builder: Builder
    try {
      builder = (await this.builder()).builder
    } catch (e) {
      return fail(errorText(e))
    }
    const content = contentTag(job.key)
    const live = this.ports.reporter.processLine?.bind(this.ports.reporter)
    const lines: string[] = []
    let dropped = 0
    this.ports.reporter.info(`${job.name}: building (${step.reasons[0] ?? 'needed'})`)
    const built = await builder.build({
      image: job.name,
      key: job.key,
      context: job.context,
      dockerfile: job.dockerfile,
      ...(job.target !== undefined ? { target: job.target } : {}),
      platforms: job.platforms,
      buildArgs,
      labels: this.labels(job, tags, seq),
      // The content tag only: version tags are put on the manifest the registry then holds.
      tags: push ? [`${this.ref(job)}:${content}`] : [],
      push,
      // Default: the registry's host over verified TLS, credentials from the builder's own config.
      ...(this.input.connection || registry
        ? { registry: this.input.connection ?? { host: registry!.host } }
        : {}),
      ...(this.input.layerCache ? { cache: this.input.layerCache } : {}),
      ...(localBases.length > 0 ? { localBases } : {}),
      onLine: line => {
        if (live) return live(job.name, line)
        lines.push(line)
        if (lines.length > LOG_GROUP_LINES) {
          lines.shift()
          dropped++
        }
      }
    })
    if (!live) {
      if (dropped > 0) lines.unshift(`[imagegraph: ${dropped} earlier lines were not kept]`)
      this.ports.reporter.group(
        `${job.name}: ${built.ok ? 'built' : `failed (${built.error ?? 'build failed'})`}`,
        lines
      )
    }
    if (!built.ok) return fail(built.error ?? 'the build failed', built.logTail)
    if (!push || !registry) {
      result.status = 'built'
      if (built.imageId) result.imageId = built.imageId
      return finish(built.local ? { local: built.local } : {})
    }

    // The digest is the registry's word, not the builder's.
    try {
      const head = await registry.headManifest(job.repository, content)
      if (!head) return fail(`pushed, but ${this.ref(job)}:${content} is not in the registry`)
      result.digest = head.digest
      result.tags = [content]
      if (tags.length > 0) {
        const manifest = await registry.getManifest(job.repository, head.digest)
        if (!manifest)
          return fail(`pushed, but ${this.ref(job)}@${head.digest} is not in the registry`)
        const { set, notices } = await this.setTags(job, manifest, tags)
        result.tags.push(...set)
        if (notices.length > 0) result.notices = notices
      }
    } catch (e) {
      return fail(`pushed, but tagging failed: ${errorText(e)}`)
    }
    result.status = 'pushed'
    this.ports.reporter.info(`${job.name}: pushed ${this.ref(job)}@${result.digest}`)
    return finish({ byDigest: `${this.ref(job)}@${result.digest}` })
  }

  /** An image whose content tag is usable: the run's tags go on that manifest when it pushes. */
  async reuse(job: ImageJob, step: ImageStep): Promise<Outcome> {
    const started = performance.now()
    const manifest = this.decision.manifests.get(job.name)!
    const content = contentTag(job.key)
    const result: ImageResult = {
      name: job.name,
      status: step.action === 'reuse' ? 'reused' : 'unchanged',
      ref: this.ref(job),
      digest: manifest.digest,
      tags: [content],
      key: job.key,
      reasons: step.reasons,
      seconds: 0
    }
    try {
      if (step.action === 'retag' && !this.input.push) return this.unchanged(job, step)
      // Labels give where a reuse was built from, and the number of a {{seq}} tag.
      const labels =
        step.action === 'reuse' || job.tags.usesSeq
          ? await this.ports.registry!.labels(job.repository, content)
          : undefined
      const from = labels?.[LABELS.revision]
      if (step.action === 'reuse' && from) result.builtFrom = from
      if (this.input.push) {
        const tags = this.versionTags(job, job.tags.usesSeq ? seqOf(labels) : undefined)
        const { set, notices } = await this.setTags(job, manifest, tags)
        result.tags.push(...set)
        if (notices.length > 0) result.notices = notices
      }
    } catch (e) {
      result.status = 'failed'
      result.error = `tagging the existing ${content} failed: ${errorText(e)}`
    }
    result.seconds = Math.round((performance.now() - started) / 100) / 10
    if (result.status !== 'failed')
      this.ports.reporter.info(
        `${job.name}: ${result.status === 'reused' ? 'reused' : 'tagged'} ${content}${result.builtFrom ? ` (built from ${result.builtFrom})` : ''}${result.tags.length > 1 ? `; tags ${result.tags.slice(1).join(', ')}` : ''}`
      )
    return {
      result,
      causes: result.status === 'failed' ? [`image ${job.name} failed`] : [],
      byDigest: `${this.ref(job)}@${manifest.digest}`
    }
  }

  unchanged(job: ImageJob, step: ImageStep): Outcome {
    const manifest = this.decision.manifests.get(job.name)
    const result: ImageResult = {
      name: job.name,
      status: 'unchanged',
      ref: this.ref(job),
      ...(manifest ? { digest: manifest.digest } : {}),
      tags: manifest ? [contentTag(job.key)] : [],
      key: job.key,
      reasons: step.reasons,
      seconds: 0
    }
    return {
      result,
      causes: [],
      ...(manifest ? { byDigest: `${this.ref(job)}@${manifest.digest}` } : {})
    }
  }

  skipped(job: ImageJob, step: ImageStep, causes: string[]): Outcome {
    const error = `skipped: ${causes.join('; ')}`
    this.ports.reporter.info(`${job.name}: ${error}`)
    return {
      result: {
        name: job.name,
        status: 'skipped',
        ref: this.ref(job),
        tags: [],
        key: job.key,
        reasons: step.reasons,
        seconds: 0,
        error
      },
      causes
    }
  }
}

/**
 * Builds, reuses and tags the images of the run (decideImages first, or pass its decision when the
 * processes were handled in between). A failed build skips the images built on it and nothing
 * else; the caller fails the step when any failed (imagesFailed).
 */
export async function buildImages(
  input: BuildImagesInput,
  ports: BuildImagesPorts,
  decision?: ImageDecision
): Promise<ImagesRun> {
  checkInput(input, ports)
  const parallel = input.parallel ?? defaultParallel()
  if (!Number.isInteger(parallel) || parallel < 1)
    throw new UserError(`parallel: ${parallel} is not allowed; give a whole number of at least 1`)
  const decided = decision ?? (await decideImages(input, ports))
  const run = new ImagesJob(input, ports, decided)
  const jobs = new Map(input.jobs.map(j => [j.name, j]))
  const steps = new Map(decided.steps.map(s => [s.name, s]))
  const slots = new Slots(parallel)
  const outcomes = new Map<string, Promise<Outcome>>()

  for (const name of dependencyOrder(input.jobs)) {
    const step = steps.get(name)
    if (!step) continue // not in this leg's scope
    const job = jobs.get(name)!
    outcomes.set(
      name,
      (async (): Promise<Outcome> => {
        const needs = job.needs.filter(n => outcomes.has(n))
        const bases = new Map<string, Outcome>()
        for (const need of needs) bases.set(need, await outcomes.get(need)!)
        if (step.action !== 'build') {
          return step.action === 'unchanged' ? run.unchanged(job, step) : run.reuse(job, step)
        }
        const causes = [...new Set([...bases.values()].flatMap(b => b.causes))]
        const blocked = input.blocked?.[name]
        if (blocked !== undefined) causes.unshift(blocked)
        if (causes.length > 0) return run.skipped(job, step, causes)
        await slots.take()
        try {
          return await run.build(job, step, bases)
        } catch (e) {
          return {
            result: {
              name,
              status: 'failed',
              ref: run.ref(job),
              tags: [],
              key: job.key,
              reasons: step.reasons,
              seconds: 0,
              error: errorText(e)
            },
            causes: [`image ${name} failed`]
          }
        } finally {
          slots.give()
        }
      })()
    )
  }

  const images: ImageResult[] = []
  for (const step of decided.steps) images.push((await outcomes.get(step.name)!).result)
  const digests: Record<string, string> = {}
  for (const image of images) if (image.digest) digests[image.name] = `${image.ref}@${image.digest}`
  return {
    ...(ports.registry ? { registry: ports.registry.host } : {}),
    push: input.push,
    ...(run.builderReason ? { builder: run.builderReason } : {}),
    images,
    digests
  }
}
