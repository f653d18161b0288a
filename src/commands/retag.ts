// Use case: releases and rollbacks as retags. A tag is put on the exact manifest bytes an image's
// content tag (or a tag or digest the user names) holds, so the digest, and every signature and
// attestation made for it, stays the same; nothing is built, pulled or pushed but manifests.
// A retag moves the tags as told: the forward-only rule of floating tags is for builds, and a
// rollback moves backwards on purpose. Shared by `imagegraph retag` and the action's `mode: retag`.
import type { Git, Manifest, Registry } from '../adapters/ports.js'
import { UserError, didYouMean } from '../core/errors.js'
import { contentTag, keyOfContentTag } from '../core/image-names.js'
import type { ImageNode } from '../core/graph/model.js'
import { assertManifestReference, assertRepository, isDigest } from '../core/reference.js'
import {
  MissingImagesError,
  checkTargetTags,
  repositoryUnder,
  retagRegistry,
  unusableWords
} from '../core/retag.js'
import type {
  ImageRetag,
  ImageToRetag,
  MissingImage,
  RetagResult,
  RetagRevision,
  RetaggedImage,
  TagMove
} from '../core/retag.js'
import { planRepository } from './plan.js'

export interface RetagPorts {
  registry: Registry
}

export interface RetagRevisionRequest {
  /** Every image to retag, with its content key (from `imageKeysAt`). */
  images: ImageToRetag[]
  /** The tags to point at each image's content. */
  tags: string[]
  /** Retag the images that are present even when some are missing (they are reported). */
  partial?: boolean
  /** Where the keys come from, for messages and the summary. */
  revision?: RetagRevision
  /** Registry requests in flight at once; default the registry client's. */
  concurrency?: number
}

/**
 * Points `tags` at every image's content tag, all or nothing: each content tag must be usable
 * (manifest, platform manifests and blobs all answer) before any tag moves, unless `partial`.
 * Throws a MissingImagesError (a UserError) naming every missing image with its key otherwise.
 */
export async function retagRevision(
  request: RetagRevisionRequest,
  ports: RetagPorts
): Promise<RetagResult> {
  checkTargetTags(request.tags)
  const tags = [...new Set(request.tags)]
  const { registry } = ports
  const sources = request.images.map(i => ({ ...i, from: contentTag(i.key) }))
  sources.forEach(s => assertRepository(s.repository, `image ${s.image}: repository`))
  checkOneImagePerRepository(sources)
  const usability = await registry.usableMany(
    sources.map(s => ({ repository: s.repository, tag: s.from })),
    request.concurrency ? { concurrency: request.concurrency } : {}
  )
  const missing: MissingImage[] = []
  const present: Array<{ source: (typeof sources)[number]; manifest: Manifest }> = []
  sources.forEach((s, i) => {
    const u = usability[i]
    if (u.usable) present.push({ source: s, manifest: u.manifest })
    else missing.push({ status: 'missing', ...s, reason: u.reason })
  })
  const partial = request.partial ?? false
  if (missing.length > 0 && (!partial || present.length === 0))
    throw new MissingImagesError(missing, sources.length, request.revision, partial)
  const retagged = await putTags(
    registry,
    present.map(p => ({ ...p.source, manifest: p.manifest })),
    tags
  )
  const byImage = new Map<string, ImageRetag>([...retagged, ...missing].map(r => [r.image, r]))
  return {
    registry: registry.host,
    ...(request.revision ? { revision: request.revision } : {}),
    tags,
    partial,
    images: sources.map(s => byImage.get(s.image)!)
  }
}

/** Two images in one repository would fight over every tag: refuse before anything moves. */
function checkOneImagePerRepository(images: ImageToRetag[]): void {
  const owner = new Map<string, string>()
  for (const { image, repository } of images) {
    const other = owner.get(repository)
    if (other !== undefined && other !== image)
      throw new UserError(
        `retag: images ${other} and ${image} are both pushed to repository ${repository}, so a tag there can name only one of them; give each image its own repository`
      )
    owner.set(repository, image)
  }
}

export interface RetagOneRequest {
  /** The image's name, for messages (default its repository). */
  image?: string
  repository: string
  /** A tag or a `sha256:` digest in that repository. */
  from: string
  to: string[]
}

/** Points `to` at the manifest `from` names in one repository, if it is usable. */
export async function retagOne(request: RetagOneRequest, ports: RetagPorts): Promise<RetagResult> {
  const { registry } = ports
  const image = request.image ?? request.repository
  assertRepository(request.repository, `image ${image}: repository`)
  assertManifestReference(request.from, 'from')
  checkTargetTags(request.to, 'to')
  const to = [...new Set(request.to)]
  const reference = `${registry.host}/${request.repository}${isDigest(request.from) ? '@' : ':'}${request.from}`
  const usability = await registry.usability(request.repository, request.from)
  if (!usability.usable) {
    if (usability.reason.kind !== 'manifest-missing')
      throw new UserError(
        `retag ${image}: ${reference} cannot be pulled: ${unusableWords(usability.reason)}; nothing was moved`
      )
    throw new UserError(
      `retag ${image}: ${reference} is not in the registry${await hint(registry, request)}`
    )
  }
  const key = keyOfContentTag(request.from)
  const [retagged] = await putTags(
    registry,
    [
      {
        image,
        repository: request.repository,
        from: request.from,
        manifest: usability.manifest,
        ...(key !== undefined ? { key } : {})
      }
    ],
    to
  )
  return { registry: registry.host, tags: to, partial: false, images: [retagged] }
}

/** What the repository does have, for a `from` it does not. */
async function hint(registry: Registry, request: RetagOneRequest): Promise<string> {
  if (isDigest(request.from)) return '; name a digest or tag the repository has'
  const tags = await registry.listTags(request.repository)
  if (tags.length === 0) return `; repository ${request.repository} has no tags`
  const suggestion = didYouMean(request.from, tags)
  if (suggestion) return suggestion
  const named = tags.filter(t => keyOfContentTag(t) === undefined)
  return named.length > 0 && named.length <= 10
    ? `; its tags besides content tags: ${named.join(', ')}`
    : `; it has ${tags.length} other tags`
}

interface Source {
  image: string
  repository: string
  key?: string
  from: string
  manifest: Manifest
}

/**
 * Reads what each tag names now, then puts the exact manifest bytes under every tag that names
 * something else. All requests go at once: the registry client bounds them and keeps connections.
 */
async function putTags(registry: Registry, sources: Source[], tags: string[]) {
  const jobs = sources.flatMap(source => tags.map(tag => ({ source, tag })))
  const outcomes = await Promise.allSettled(
    jobs.map(async ({ source, tag }): Promise<TagMove> => {
      const before = (await registry.headManifest(source.repository, tag))?.digest ?? null
      if (before !== source.manifest.digest) {
        const digest = await registry.putManifest(source.repository, tag, source.manifest)
        if (digest !== source.manifest.digest)
          throw new Error(
            `registry ${registry.host}: ${source.repository}:${tag} got digest ${digest}, not ${source.manifest.digest}`
          )
      }
      return { tag, before }
    })
  )
  const failed = outcomes.flatMap((o, i) => (o.status === 'rejected' ? [{ o, job: jobs[i] }] : []))
  if (failed.length > 0) {
    // The registry has no transactions: say what moved, so that the same retag again finishes it.
    const done = outcomes.length - failed.length
    const first = failed[0]
    const reason = first.o.reason instanceof Error ? first.o.reason.message : String(first.o.reason)
    const failedNames = failed.map(f => `${f.job.source.repository}:${f.job.tag}`)
    const listed =
      failedNames.length > 10
        ? `${failedNames.slice(0, 10).join(', ')} and ${failedNames.length - 10} more`
        : failedNames.join(', ')
    const message = `retag: ${failed.length} of ${outcomes.length} tags could not be set (${listed}): ${reason}; ${done} were set; the same retag again sets the rest`
    throw first.o.reason instanceof UserError ? new UserError(message) : new Error(message)
  }
  return sources.map((source, s): RetaggedImage => {
    const moves = tags.map(
      (_, t) => (outcomes[s * tags.length + t] as PromiseFulfilledResult<TagMove>).value
    )
    return {
      status: 'retagged',
      image: source.image,
      repository: source.repository,
      ...(source.key !== undefined ? { key: source.key } : {}),
      from: source.from,
      digest: source.manifest.digest,
      mediaType: source.manifest.mediaType,
      tags: moves
    }
  })
}

export interface ImageKeysRequest {
  /** A commit, branch or tag. */
  rev: string
  /** The graph file, relative to the repository's top. */
  graphFile: string
  /** Only these images (graph names); default every image of the graph at `rev`. */
  images?: string[]
  /** The repository an image is pushed to (its `repository` field, default its name). */
  repositoryOf: (image: string, node: ImageNode) => string
}

/**
 * Every image's content key at a git revision, from the graph file as that revision has it, and
 * that file's `registry:` (the default registry of a retag).
 */
export async function imageKeysAt(
  git: Git,
  request: ImageKeysRequest
): Promise<{ revision: RetagRevision; images: ImageToRetag[]; registry?: string }> {
  const plan = await planRepository(git, {
    graphFile: request.graphFile,
    base: { kind: 'everything', head: request.rev, reason: 'retag' }
  })
  const revision = { rev: request.rev, commit: plan.head }
  const images = plan.order.filter(name => plan.nodes.get(name)!.kind === 'image')
  let chosen = images
  if (request.images && request.images.length > 0) {
    const known = new Set(images)
    for (const name of request.images) {
      if (known.has(name)) continue
      const node = plan.graph.nodes.get(name)
      throw new UserError(
        node
          ? `images: '${name}' is a ${node.kind} in ${request.graphFile} at ${request.rev}, not an image`
          : `images: no image '${name}' in ${request.graphFile} at ${request.rev}${didYouMean(name, images)}`
      )
    }
    const wanted = new Set(request.images)
    chosen = images.filter(name => wanted.has(name))
  }
  if (chosen.length === 0)
    throw new UserError(
      `${request.graphFile} at ${request.rev} declares no images: nothing to retag`
    )
  return {
    revision,
    ...(plan.graph.registry ? { registry: plan.graph.registry } : {}),
    images: chosen.map(name => ({
      image: name,
      repository: request.repositoryOf(name, plan.graph.nodes.get(name) as ImageNode),
      key: plan.nodes.get(name)!.key
    }))
  }
}

/** How the entry point names its options in messages, and how to fetch a revision it lacks. */
export interface RetagLabels {
  /** `--registry` or `input 'registry'`. */
  registry: string
  /** `--rev` or `input 'rev'`. */
  rev: string
  /** What to do when the revision is not in the repository (fetch it, fetch-depth: 0). */
  fetchHint: string
}

export interface RetagWiring {
  git: Git
  /** The registry client for a host; called once, when the registry is known. */
  registry: (host: string) => Registry
}

export interface RetagAtRequest {
  /** A commit, branch or tag. */
  rev: string
  /** The graph file, relative to the repository's top. */
  graphFile: string
  /** Only these images (graph names); default every image of the graph at `rev`. */
  images?: string[]
  tags: string[]
  partial?: boolean
  /** `host[:port][/path]`; default the graph file's `registry:` at `rev`. */
  registry?: string
  labels: RetagLabels
}

/**
 * `retag --rev` and the action's `mode: retag` with `rev`: every image's key at the revision, each
 * image at `<registry path>/<its repository>`, then `retagRevision` (all or nothing unless partial).
 */
export async function retagAtRevision(
  request: RetagAtRequest,
  wiring: RetagWiring
): Promise<RetagResult> {
  checkTargetTags(request.tags)
  await resolveRevision(wiring.git, request.rev, request.labels)
  const at = await imageKeysAt(wiring.git, {
    rev: request.rev,
    graphFile: request.graphFile,
    ...(request.images ? { images: request.images } : {}),
    repositoryOf: (_, node) => node.repository
  })
  const registry = retagRegistry(request.registry, at.registry, {
    label: request.labels.registry,
    graphFile: request.graphFile,
    rev: request.rev
  })
  return retagRevision(
    {
      images: at.images.map(i => ({ ...i, repository: repositoryUnder(registry, i.repository) })),
      tags: request.tags,
      ...(request.partial !== undefined ? { partial: request.partial } : {}),
      revision: at.revision
    },
    { registry: wiring.registry(registry.host) }
  )
}

export interface RetagImageRequest {
  /** An image of the graph file at `rev`. */
  image: string
  /** A tag or a `sha256:` digest in the image's repository. */
  from: string
  to: string[]
  /** Where the graph file is read for the image's repository; default HEAD. */
  rev?: string
  graphFile: string
  /** `host[:port][/path]`; default the graph file's `registry:`. */
  registry?: string
  labels: Pick<RetagLabels, 'registry'>
}

/**
 * `retag IMAGE --from --to` and the action's `mode: retag` with `from`: the image's repository from
 * the graph file (at HEAD), then `retagOne`.
 */
export async function retagImage(
  request: RetagImageRequest,
  wiring: RetagWiring
): Promise<RetagResult> {
  checkTargetTags(request.to, 'to')
  assertManifestReference(request.from, 'from')
  const rev = request.rev ?? 'HEAD'
  const at = await imageKeysAt(wiring.git, {
    rev,
    graphFile: request.graphFile,
    images: [request.image],
    repositoryOf: (_, node) => node.repository
  })
  const registry = retagRegistry(request.registry, at.registry, {
    label: request.labels.registry,
    graphFile: request.graphFile,
    rev
  })
  const [image] = at.images
  return retagOne(
    {
      image: image.image,
      repository: repositoryUnder(registry, image.repository),
      from: request.from,
      to: request.to
    },
    { registry: wiring.registry(registry.host) }
  )
}

/** A revision the repository lacks is the user's to fetch: say how, before any plan is made. */
async function resolveRevision(git: Git, rev: string, labels: RetagLabels): Promise<string> {
  try {
    return await git.resolveCommit(rev)
  } catch (e) {
    if (!(e instanceof UserError)) throw e
    // Not a revision name at all (an option, a control character): git's own check says why.
    if (!e.message.startsWith('unknown revision'))
      throw new UserError(`${labels.rev}: ${e.message}`)
    throw new UserError(`${labels.rev}: no revision '${rev}' in ${git.dir}; ${labels.fetchHint}`)
  }
}
