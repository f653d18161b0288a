// The images of a run as the build command needs them: the plan's image nodes made into plain jobs
// (absolute paths, where each is pushed, its tags for this run), with every tag template rendered
// once before anything is built, so that a template that cannot make a valid tag is a located
// error up front. Pure: the caller gives the graph's directory and what names the run.
import * as path from 'node:path'
import { UserError, formatProblem } from './errors.js'
import type { Problem } from './errors.js'
import type { Graph, ImageNode } from './graph/model.js'
import { pathText } from './graph/positions.js'
import type { Segment } from './graph/positions.js'
import type { ImageJob, ImageTags, RenderedTag } from './image-steps.js'
import { inputsOf } from './graph/model.js'
import type { Plan } from './plan.js'
import { registryProblem, repositoryProblem } from './reference.js'
import {
  isFloating,
  parseTagTemplate,
  renderTag,
  tagTemplateMessage,
  templatesFor,
  versionFromRef
} from './tags.js'
import type { TagField, TagValues } from './tags.js'

/** What names this run, for the tag templates' fields. */
export interface RunNames {
  /** The commit built: on a pull request its head commit, never the merge commit. */
  commit: string
  /** The branch (a push's, or a pull request's head branch); absent on a tag push or detached. */
  branch?: string
  /** The pull request's number. */
  pr?: number
  /** The git ref pushed (`refs/tags/api/v1.2.3`): the version, through an image's tag-pattern. */
  ref?: string
  /** Input `version` / `--version`: the version of every image, whatever the ref. */
  version?: string
}

export interface ImageJobsRequest {
  plan: Plan
  /** Absolute path of the graph file's directory: contexts and Dockerfiles are relative to it. */
  root: string
  names: RunNames
  /** `registry` input or `--registry`; default the graph file's `registry:`. */
  registry?: string
  /** Input `tags` / `--tags`: the templates of every image without `tags` of its own. */
  tags?: readonly string[]
  /** How the run's tags are named in messages: `input 'tags'` or `--tags`. */
  tagsLabel: string
  registryLabel: string
}

export interface ImageJobs {
  jobs: ImageJob[]
  /** `host[:port]` of the registry, when the run has one. */
  registryHost?: string
  /** One line per template left out for want of a value in this run (`pr-{{pr}}` on a push). */
  notes: string[]
}

/** The highest {{seq}} a label may hold (build-images reads at most nine digits). */
const LONGEST_SEQ = 999_999_999

/** `host[:port][/path]` -> the host and the repository prefix under it. */
export function splitRegistry(registry: string): { host: string; prefix: string } {
  const slash = registry.indexOf('/')
  return slash < 0
    ? { host: registry, prefix: '' }
    : { host: registry.slice(0, slash), prefix: registry.slice(slash + 1).replace(/\/+$/, '') }
}

/** Where a template of an image comes from, to locate a problem with it. */
type TemplateSource = { segments: Segment[] } | { label: string; index: number }

/** The values of every field but {{seq}} (known only at build time) and {{key}}, {{image}}. */
function runValues(names: RunNames, node: ImageNode): TagValues {
  const values: TagValues = {
    sha: names.commit,
    short_sha: names.commit.slice(0, 7)
  }
  if (names.branch) values.branch = names.branch
  if (names.pr !== undefined) values.pr = names.pr
  const version =
    names.version !== undefined && names.version !== ''
      ? (versionFromRef(names.version) ?? { version: names.version.replace(/^v(?=\d)/, '') })
      : names.ref
        ? versionFromRef(names.ref, node.tagPattern)
        : undefined
  if (version) {
    values.version = version.version
    if ('major' in version) {
      values.major = version.major
      values.minor = version.minor
      values.patch = version.patch
    }
  }
  return values
}

/**
 * Every image of the plan as a job, its tags rendered and checked. Throws a UserError listing every
 * problem (a template that renders to an invalid tag, an invalid repository or registry), each
 * located in the graph file or naming the input, before anything is built.
 */
export function imageJobs(request: ImageJobsRequest): ImageJobs {
  const { plan, names } = request
  const graph = plan.graph
  const problems: string[] = []
  const notes: string[] = []
  const locate = (segments: Segment[], message: string): string => {
    const at = graph.positions.get(segments) ?? { line: 1, col: 1 }
    const problem: Problem = {
      file: graph.file,
      line: at.line,
      col: at.col,
      path: pathText(segments),
      message,
      severity: 'error'
    }
    return formatProblem(problem)
  }

  const registryText = request.registry || graph.registry
  let registry: { host: string; prefix: string } | undefined
  if (registryText) {
    registry = splitRegistry(registryText)
    const bad = registryProblem(registry.host)
    if (bad)
      problems.push(
        request.registry
          ? `${request.registryLabel}: ${bad}`
          : locate(['registry'], `${bad}; write host[:port][/path], e.g. ghcr.io/my-org`)
      )
  }

  const inputTags = request.tags && request.tags.length > 0 ? request.tags : undefined
  if (inputTags)
    inputTags.forEach((template, index) => {
      const parsed = parseTagTemplate(template)
      if ('problem' in parsed)
        problems.push(
          `${request.tagsLabel} (item ${index + 1}): ${tagTemplateMessage(template, parsed.problem)}`
        )
    })

  const jobs: ImageJob[] = []
  for (const name of plan.order) {
    const node = graph.nodes.get(name)!
    if (node.kind !== 'image') continue
    const planned = plan.nodes.get(name)!
    const repository = registry?.prefix ? `${registry.prefix}/${node.repository}` : node.repository
    const badRepository = repositoryProblem(repository)
    if (badRepository)
      problems.push(
        node.fields.includes('repository')
          ? locate(['images', name, 'repository'], badRepository)
          : locate(
              ['images', name],
              `${badRepository} (the image's name is its repository unless it sets repository:); set repository: to a valid name`
            )
      )
    const templates = templatesFor(graph, node, inputTags)
    const source = (index: number): TemplateSource =>
      node.tags !== undefined
        ? { segments: ['images', name, 'tags', index] }
        : inputTags
          ? { label: request.tagsLabel, index }
          : { segments: ['tags', index] }
    const values: TagValues = { ...runValues(names, node), key: planned.key, image: name }
    const kept: Array<{ template: string; usesSeq: boolean; floating: boolean }> = []
    templates.forEach((template, index) => {
      const parsed = parseTagTemplate(template)
      if ('problem' in parsed) return // input templates are reported above; the graph's on reading
      const usesSeq = parsed.parts.some(p => 'field' in p && p.field === 'seq')
      for (const seq of usesSeq ? [0, LONGEST_SEQ] : [undefined]) {
        const rendered = renderTag(parsed.parts, seq === undefined ? values : { ...values, seq })
        if ('tag' in rendered) continue
        if (rendered.problem.kind === 'missing-value') {
          notes.push(
            `image ${name}: tag '${template}' left out: ${missingValue(rendered.problem.field, node)}`
          )
          return
        }
        const message = `image ${name}: ${tagTemplateMessage(template, rendered.problem)}`
        const where = source(index)
        problems.push(
          'segments' in where
            ? locate(where.segments, message)
            : `${where.label} (item ${where.index + 1}): ${message}`
        )
        return
      }
      kept.push({ template, usesSeq, floating: isFloating(parsed.parts) })
    })
    const tags: ImageTags = {
      usesSeq: kept.some(k => k.usesSeq),
      render(seq: number | undefined): RenderedTag[] {
        const out: RenderedTag[] = []
        for (const k of kept) {
          if (k.usesSeq && seq === undefined) continue
          const rendered = renderTag(k.template, seq === undefined ? values : { ...values, seq })
          if ('tag' in rendered) out.push({ tag: rendered.tag, floating: k.floating })
        }
        return out
      }
    }
    const imageNeeds = inputsOf(node).filter(n => graph.nodes.get(n)?.kind === 'image')
    jobs.push({
      name,
      key: planned.key,
      repository,
      context: path.resolve(request.root, node.context),
      dockerfile: path.resolve(request.root, node.dockerfile),
      ...(node.target !== undefined ? { target: node.target } : {}),
      platforms: [...node.platforms],
      buildArgs: { ...planned.fileArgs, ...node.buildArgs },
      imageArgs: { ...node.imageArgs },
      needs: [...new Set([...imageNeeds, ...Object.values(node.imageArgs)])],
      affected: planned.affected,
      reasons: [...planned.reasons],
      tags
    })
  }
  if (problems.length > 0)
    throw new UserError(
      `${problems.length === 1 ? 'a tag or name is' : `${problems.length} tags or names are`} invalid; nothing was built:\n${problems.join('\n')}`
    )
  return { jobs, ...(registry ? { registryHost: registry.host } : {}), notes }
}

function missingValue(field: TagField, node: ImageNode): string {
  switch (field) {
    case 'pr':
      return 'this run is not for a pull request'
    case 'branch':
      return 'this run is not on a branch'
    case 'version':
    case 'major':
    case 'minor':
    case 'patch':
      return node.tagPattern
        ? `no version: the ref is not a tag matching ${node.tagPattern} and no version was given`
        : field === 'version'
          ? 'no version: the ref is not a version tag (v1.2.3) and no version was given'
          : `no {{${field}}}: the version is not semantic (1.2.3)`
    default:
      return `this run has no value for {{${field}}}`
  }
}

/**
 * The images that cannot be built because a process they read (directly, through other processes,
 * or implied by writing their context) failed or was skipped: image -> one line.
 */
export function blockedImages(
  graph: Graph,
  images: readonly string[],
  processProblems: ReadonlyMap<string, string>
): Record<string, string> {
  const blocked: Record<string, string> = {}
  if (processProblems.size === 0) return blocked
  for (const image of images) {
    const seen = new Set<string>()
    const found: string[] = []
    const visit = (name: string): void => {
      if (seen.has(name)) return
      seen.add(name)
      const node = graph.nodes.get(name)
      if (!node || node.kind !== 'process') return
      const problem = processProblems.get(name)
      if (problem !== undefined) found.push(`process ${name} ${problem}`)
      for (const input of inputsOf(node)) visit(input)
    }
    const node = graph.nodes.get(image)
    if (node) for (const input of inputsOf(node)) visit(input)
    if (found.length > 0) blocked[image] = found.join('; ')
  }
  return blocked
}
