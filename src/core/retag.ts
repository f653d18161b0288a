// A retag as data: which image's manifest each tag was put on, what the tag named before, and
// which images could not be retagged and why. The retag use case fills it in; renderers and error
// messages read it. Pure.
import type { UnusableReason } from '../adapters/ports.js'
import { UserError } from './errors.js'
import { keyOfContentTag } from './image-names.js'
import { splitRegistry } from './image-jobs.js'
import { registryProblem, tagProblem } from './reference.js'

/** One image to retag from its content tag: its graph name, repository and content key. */
export interface ImageToRetag {
  image: string
  repository: string
  key: string
}

/** The git revision the keys were computed at: as the user named it, and its commit. */
export interface RetagRevision {
  rev: string
  commit: string
}

/** One tag on one image: what it named before the retag (a digest, or null when it was new). */
export interface TagMove {
  tag: string
  before: string | null
}

export type ImageRetag = RetaggedImage | MissingImage

export interface RetaggedImage {
  status: 'retagged'
  image: string
  repository: string
  /** The content key, when the source was a content tag. */
  key?: string
  /** The reference read: the content tag, or the tag or digest the user named. */
  from: string
  /** The manifest's digest: every tag now names exactly it. */
  digest: string
  mediaType: string
  tags: TagMove[]
}

export interface MissingImage {
  status: 'missing'
  image: string
  repository: string
  key?: string
  from: string
  reason: UnusableReason
}

export interface RetagResult {
  /** `host[:port]`. */
  registry: string
  /** The revision the keys come from (`retag --rev`); absent for a retag of one image. */
  revision?: RetagRevision
  /** The tags asked for, in order. */
  tags: string[]
  /** Missing images were allowed (`--partial`): the others were retagged. */
  partial: boolean
  /** In the order asked. */
  images: ImageRetag[]
}

/** Whether a tag was moved by the retag (it named another digest, or nothing, before). */
export function moved(image: RetaggedImage, move: TagMove): boolean {
  return move.before !== image.digest
}

/**
 * Throws a UserError when a tag cannot be a retag's target: not a valid tag, or a content tag
 * (it names one build's exact inputs, so only a build of those inputs may write it).
 */
export function checkTargetTags(tags: string[], what = 'tags'): void {
  if (tags.length === 0) throw new UserError(`${what}: no tag given; name at least one tag to set`)
  for (const tag of tags) {
    const problem = tagProblem(tag)
    if (problem) throw new UserError(`${what}: ${problem}`)
    if (keyOfContentTag(tag) !== undefined)
      throw new UserError(
        `${what}: '${tag}' is a content tag: it names the inputs of one build, and only that build writes it; choose another tag`
      )
  }
}

/** Why a reference cannot be used, in the user's words. */
export function unusableWords(reason: UnusableReason): string {
  switch (reason.kind) {
    case 'manifest-missing':
      return 'not in the registry'
    case 'platform-manifest-missing':
      return `its index names platform manifest ${reason.digest}, which is gone`
    case 'blob-missing':
      return `blob ${reason.digest} of manifest ${reason.manifest} is gone`
  }
}

/** `api (key 0123456789ab, not in the registry)`: one missing image, short enough for a list. */
export function missingWords(m: MissingImage): string {
  const source = m.key !== undefined ? `key ${m.key.slice(0, 12)}` : m.from
  return `${m.image} (${source}, ${unusableWords(m.reason)})`
}

/** `at v1.4.0 (0123456789ab)`, or '' when the retag names no revision. */
export function revisionWords(revision: RetagRevision | undefined): string {
  if (!revision) return ''
  const short = revision.commit.slice(0, 12)
  return revision.rev === revision.commit || revision.rev === short
    ? ` at ${short}`
    : ` at ${revision.rev} (${short})`
}

/**
 * Some images have no usable content tag: nothing was moved. Carries the images, so a caller can
 * show them in full (the summary) while the message stays one line.
 */
export class MissingImagesError extends UserError {
  constructor(
    readonly missing: MissingImage[],
    readonly total: number,
    revision: RetagRevision | undefined,
    partial: boolean
  ) {
    const what =
      missing.length === total
        ? `none of the ${total} image${total === 1 ? '' : 's'} was built`
        : `${missing.length} of ${total} images were never built (or lost their content)`
    const advice = partial
      ? 'build them first'
      : 'build them first, or allow a partial retag (--partial) to move the others'
    super(
      `retag${revisionWords(revision)}: ${what}, so no tag was moved: ${missing.map(missingWords).join('; ')}; ${advice}`
    )
    this.name = 'MissingImagesError'
  }
}

/** Where a retag's images are: the registry's host and the repository prefix under it. */
export interface RetagRegistry {
  host: string
  prefix: string
}

/**
 * The registry a retag reads and writes: the one the user named (`--registry`, input `registry`),
 * else the graph file's `registry:` at the revision. Throws a UserError when there is none or it is
 * not `host[:port][/path]`.
 */
export function retagRegistry(
  given: string | undefined,
  graphRegistry: string | undefined,
  where: { label: string; graphFile: string; rev: string }
): RetagRegistry {
  const text = given || graphRegistry
  if (!text)
    throw new UserError(
      `retag: no registry: give ${where.label}, or set registry: in ${where.graphFile} (it has none at ${where.rev})`
    )
  const registry = splitRegistry(text)
  const problem = registryProblem(registry.host)
  if (problem)
    throw new UserError(
      given
        ? `${where.label}: ${problem}; write host[:port][/path], e.g. ghcr.io/my-org`
        : `${where.graphFile} at ${where.rev}: registry: ${problem}`
    )
  return registry
}

/** An image's repository under the registry's path prefix (`my-org/api` for `ghcr.io/my-org`). */
export function repositoryUnder(registry: RetagRegistry, repository: string): string {
  return registry.prefix ? `${registry.prefix}/${repository}` : repository
}
