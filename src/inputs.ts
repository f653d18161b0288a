// Every input of action.yml, read once and validated into a typed object named by the inputs.
import * as core from '@actions/core'
import { UserError } from './core/errors.js'
import { parseImageList } from './core/image-selection.js'
import { parseTagList } from './core/tags.js'
import { MAX_MATRIX_JOBS } from './core/outputs.js'

export const MODES = ['plan', 'build', 'comment', 'report', 'retag'] as const
export const SAVE_CACHE = ['auto', 'always', 'never'] as const
export const PUSH = ['false', 'true', 'always'] as const
export const BUILDERS = ['auto', 'buildx', 'docker', 'podman', 'buildah'] as const
export type Mode = (typeof MODES)[number]

export interface Inputs {
  graph: string
  base: string
  head: string
  'tag-pattern': string
  token: string
  comment: boolean
  'comment-body': string
  'working-directory': string
  mode: Mode
  'matrix-max-jobs': number
  /** `gha | local:DIR | none`; empty: the default for the runner (see core/cache-spec.ts). */
  cache: string
  'save-cache': (typeof SAVE_CACHE)[number]
  /** At most this many processes at once; undefined: the number of CPUs. */
  parallel: number | undefined
  /**
   * Only these images (a matrix leg's): names as given, comma or newline separated, each once;
   * empty: every image the plan builds. Checked against the graph once it is read (selectImages).
   */
  images: string[]
  /** With mode `report`: the directory of the legs' results files (`*.json`). */
  'results-dir': string
  builder: (typeof BUILDERS)[number]
  /** `host[:port][/path]`; empty: the graph file's `registry:`, else none. */
  registry: string
  'registry-insecure': boolean
  'registry-username': string
  'registry-password': string
  /** A PEM file of CAs the registry's certificate is checked against, besides the system's. */
  'registry-ca-file': string
  /** `true`: push on trusted events but pull requests; `always`: trusted pull requests too. */
  push: (typeof PUSH)[number]
  /** Tag templates, one per line or separated by commas; empty: the graph file's. */
  tags: string[]
  version: string
  'rebuild-missing': boolean
  'retag-unaffected': boolean
  /** `auto` (the Actions cache for buildx on GitHub), `none`, or a registry reference. */
  'layer-cache': string
  /** Mode `retag`: the revision whose content keys every image's tags go to. */
  rev: string
  /** Mode `retag`: the tag or digest the one image (input `images`) is retagged from. */
  from: string
  /** Mode `retag`: retag the present images even when some keys are missing. */
  partial: boolean
}

function invalid(name: string, value: string, allowed: string): UserError {
  return new UserError(
    `Input '${name}' is set to invalid value '${value}'. Valid values: ${allowed}`
  )
}

export function getInputs(get: (name: string) => string = name => core.getInput(name)): Inputs {
  const bool = (name: string, fallback: boolean): boolean => {
    const v = get(name).trim().toLowerCase()
    if (v === '') return fallback
    if (['true', 'yes', 'on', '1'].includes(v)) return true
    if (['false', 'no', 'off', '0'].includes(v)) return false
    throw invalid(name, v, 'true, false')
  }
  const mode = get('mode').trim() || 'plan'
  if (!(MODES as readonly string[]).includes(mode)) throw invalid('mode', mode, MODES.join(', '))
  const maxJobsText = get('matrix-max-jobs').trim() || String(MAX_MATRIX_JOBS)
  const maxJobs = Number(maxJobsText)
  if (!Number.isInteger(maxJobs) || maxJobs < 1 || maxJobs > MAX_MATRIX_JOBS) {
    throw invalid('matrix-max-jobs', maxJobsText, `a whole number from 1 to ${MAX_MATRIX_JOBS}`)
  }
  const commentBody = get('comment-body')
  if (mode === 'comment' && commentBody.trim() === '')
    throw new UserError(
      "Input 'comment-body' is required with mode 'comment': pass the output comment-body of a plan run"
    )
  const saveCache = get('save-cache').trim() || 'auto'
  if (!(SAVE_CACHE as readonly string[]).includes(saveCache))
    throw invalid('save-cache', saveCache, SAVE_CACHE.join(', '))
  const parallelText = get('parallel').trim()
  const parallel = parallelText === '' ? undefined : Number(parallelText)
  if (parallel !== undefined && (!Number.isInteger(parallel) || parallel < 1))
    throw invalid('parallel', parallelText, 'a whole number of at least 1')
  const resultsDir = get('results-dir').trim()
  if (mode === 'report' && resultsDir === '')
    throw new UserError(
      "Input 'results-dir' is required with mode 'report': the directory the legs' results files were downloaded to"
    )
  const push = get('push').trim().toLowerCase() || 'false'
  if (!(PUSH as readonly string[]).includes(push)) throw invalid('push', push, PUSH.join(', '))
  const builder = get('builder').trim() || 'auto'
  if (!(BUILDERS as readonly string[]).includes(builder))
    throw invalid('builder', builder, BUILDERS.join(', '))
  const rev = get('rev').trim()
  const from = get('from').trim()
  const tags = parseTagList(get('tags'))
  const images = parseImageList(get('images'))
  if (mode === 'retag') checkRetagInputs({ rev, from, tags, images })
  return {
    rev,
    from,
    partial: bool('partial', false),
    builder: builder as Inputs['builder'],
    registry: get('registry').trim(),
    'registry-insecure': bool('registry-insecure', false),
    'registry-username': get('registry-username').trim(),
    'registry-password': get('registry-password'),
    'registry-ca-file': get('registry-ca-file').trim(),
    push: push as Inputs['push'],
    tags,
    version: get('version').trim(),
    'rebuild-missing': bool('rebuild-missing', true),
    'retag-unaffected': bool('retag-unaffected', false),
    'layer-cache': get('layer-cache').trim() || 'auto',
    images,
    'results-dir': resultsDir,
    cache: get('cache').trim(),
    'save-cache': saveCache as Inputs['save-cache'],
    parallel,
    graph: get('graph').trim() || 'imagegraph.yml',
    base: get('base').trim(),
    head: get('head').trim(),
    'tag-pattern': get('tag-pattern').trim(),
    token: get('token').trim(),
    comment: bool('comment', false),
    'comment-body': commentBody,
    'working-directory': get('working-directory').trim() || '.',
    mode: mode as Mode,
    'matrix-max-jobs': maxJobs
  }
}

/** Mode `retag` is either every image at a revision (`rev`) or one image from a tag (`from`). */
function checkRetagInputs(given: {
  rev: string
  from: string
  tags: string[]
  images: string[]
}): void {
  const { rev, from, tags, images } = given
  if (rev !== '' && from !== '')
    throw new UserError(
      "Inputs 'rev' and 'from' are both set with mode 'retag': give 'rev' to retag every image at a revision, or 'from' (with 'images' naming one image) to retag one image"
    )
  if (rev === '' && from === '')
    throw new UserError(
      "Input 'rev' or 'from' is required with mode 'retag': 'rev' (a commit, branch or release tag) retags every image to its content at that revision; 'from' (a tag or digest, with 'images' naming one image) retags one image"
    )
  if (from !== '' && images.length !== 1)
    throw new UserError(
      `Input 'images' must name exactly one image with 'from' (mode 'retag'); it names ${images.length === 0 ? 'none' : `${images.length}: ${images.join(', ')}`}`
    )
  if (tags.length === 0)
    throw new UserError(
      "Input 'tags' is required with mode 'retag': the tags to point at the images (e.g. production)"
    )
}
