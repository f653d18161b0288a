// What happened to each image of a run, as data: the build-images command fills it, the renderers
// show it, the action's `results` output is its JSON (render/images.ts imagesToJson).

/**
 * built: built by this run, not pushed. pushed: built and pushed. reused: the run needed it and its
 * content tag was usable in the registry (the run's tags went on that manifest; nothing built).
 * unchanged: the run did not need it. failed: its build (or a push or tag) failed. skipped: an
 * image it builds on (or a process it reads) failed.
 */
export type ImageStatus = 'built' | 'pushed' | 'reused' | 'unchanged' | 'failed' | 'skipped'

export const IMAGE_STATUSES: readonly ImageStatus[] = [
  'built',
  'pushed',
  'reused',
  'unchanged',
  'failed',
  'skipped'
]

/** How many lines of a failed build's output the results keep. */
export const BUILD_FAILURE_TAIL_LINES = 30

export interface ImageResult {
  name: string
  status: ImageStatus
  /** `registry/repository` (or the repository alone when there is no registry). */
  ref: string
  /** The manifest digest, read from the registry; absent for a local build and when not checked. */
  digest?: string
  /** Tags this run put in the registry (the content tag first), or that a reuse found there. */
  tags: string[]
  /** The content key. */
  key: string
  /** Why it was built or needed (file -> config -> process -> image), one line each. */
  reasons: string[]
  /** Wall time of its build, push and tags. */
  seconds: number
  /** On failed and skipped: one line saying what failed. */
  error?: string
  /** On failed: the last BUILD_FAILURE_TAIL_LINES lines of the builder's output. */
  logTail?: string[]
  /** On reused: the commit it was built from (its revision label). */
  builtFrom?: string
  /** The image id of a build that was not pushed (the local image). */
  imageId?: string
  /** Things a person should know that failed nothing (a floating tag left where it was). */
  notices?: string[]
}

export interface ImagesRun {
  /** `host[:port]` of the registry, when one was configured. */
  registry?: string
  /** Whether the run pushed (the caller's decision from `push` and the trust rules). */
  push: boolean
  /** The builder that ran and why, when one was needed. */
  builder?: string
  /** The images in scope, in graph order. */
  images: ImageResult[]
  /** `{image: registry/repository@sha256:...}` for every image whose digest is known. */
  digests: Record<string, string>
}

export function imagesFailed(run: ImagesRun): string[] {
  return run.images.filter(i => i.status === 'failed').map(i => i.name)
}
