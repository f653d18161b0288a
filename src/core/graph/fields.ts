// Reading one node's fields: each field's type, its checks and its default, with problems at the
// field's path segments. Checks that span nodes are in checks.ts.
import { didYouMean } from '../errors.js'
import { registryProblem, repositoryProblem } from '../reference.js'
import { parseTagTemplate, tagPatternProblem, tagTemplateMessage } from '../tags.js'
import { checkGlob, normalizeGlob } from '../match.js'
import { DEFAULT_TIMEOUT_SECONDS, parseDuration } from '../duration.js'
import { CONTEXT_INPUTS } from './model.js'
import type { ContextInputs, GraphNode, NodeKind } from './model.js'
import { pathText } from './positions.js'
import { YamlNumber, isYamlMap } from './yaml.js'
import type { Locator, Segment, Value, YamlMap } from './yaml.js'

type FieldType =
  | 'string'
  | 'boolean'
  | 'command'
  | 'globs'
  | 'names'
  | 'path'
  | 'file'
  | 'paths'
  | 'map'
  | 'platforms'
  | 'duration'
  | 'variables'
  | 'image-args'
  | 'repository'
  | 'registry'
  | 'tag-templates'
  | 'tag-pattern'
  | 'context-inputs'
interface FieldSpec {
  type: FieldType
  required?: boolean
}
export const FIELDS: Record<NodeKind, Record<string, FieldSpec>> = {
  config: {
    paths: { type: 'globs', required: true },
    'allow-empty': { type: 'boolean' },
    description: { type: 'string' }
  },
  process: {
    inputs: { type: 'names' },
    run: { type: 'command', required: true },
    outputs: { type: 'paths' },
    env: { type: 'map' },
    'pass-env': { type: 'variables' },
    timeout: { type: 'duration' },
    description: { type: 'string' }
  },
  image: {
    context: { type: 'path', required: true },
    dockerfile: { type: 'file' },
    inputs: { type: 'names' },
    'build-args': { type: 'map' },
    platforms: { type: 'platforms' },
    target: { type: 'string' },
    'image-args': { type: 'image-args' },
    repository: { type: 'repository' },
    tags: { type: 'tag-templates' },
    'tag-pattern': { type: 'tag-pattern' },
    'context-inputs': { type: 'context-inputs' },
    'build-args-file': { type: 'file' },
    description: { type: 'string' }
  }
}
export const TOP_FIELDS = [
  'version',
  'configs',
  'processes',
  'images',
  'registry',
  'tags',
  'context-inputs',
  'build-args-file'
]
/** The top-level fields that are read like a node's: what type each is. */
export const TOP_FIELD_TYPES: Record<string, FieldType> = {
  registry: 'registry',
  tags: 'tag-templates',
  'context-inputs': 'context-inputs',
  'build-args-file': 'file'
}
const PLATFORM_PATTERN = /^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/
const ENV_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/

/** A path already in canonical form: no empty, `.` or `..` segment, no `\`, not absolute. */
const CANONICAL_PATH = /^(?!\.\.?(\/|$))[^/\\:]+(\/(?!\.\.?(\/|$))[^/\\]+)*$/

/**
 * A repository-relative path in canonical form ('' for the root), or an error message.
 * Never lets a path leave the repository.
 */
export function normalizeRepoPath(raw: string): { path: string } | { error: string } {
  if (CANONICAL_PATH.test(raw)) return { path: raw } // the common case, without splitting
  if (raw === '') return { error: 'empty path' }
  if (raw.includes('\\')) return { error: `'${raw}' uses '\\'; write paths with '/'` }
  if (raw.startsWith('/') || /^[A-Za-z]:/.test(raw)) {
    return { error: `'${raw}' is absolute; paths are relative to the repository root` }
  }
  const parts: string[] = []
  for (const segment of raw.split('/')) {
    if (segment === '' || segment === '.') continue
    if (segment === '..') {
      if (parts.length === 0) return { error: `'${raw}' is outside the repository` }
      parts.pop()
    } else parts.push(segment)
  }
  return { path: parts.join('/') }
}

export const isMapValue = (v: Value | undefined): v is YamlMap => isYamlMap(v)
export const isNumberValue = (v: Value | undefined): boolean =>
  typeof v === 'number' || v instanceof YamlNumber
export const numberText = (v: Value | undefined): string =>
  v instanceof YamlNumber ? v.source : String(v)

export function describe(v: Value | undefined): string {
  if (v === null || v === undefined) return 'nothing'
  if (Array.isArray(v)) return 'a list'
  if (isNumberValue(v)) return `number ${numberText(v)}`
  if (isMapValue(v)) return 'a mapping'
  if (typeof v === 'string') return `the string '${v}'`
  return `${typeof v} ${String(v)}`
}

/** Collects the problems of a reading, each at its path segments. */
export class Reader {
  readonly problems: Array<{ loc: Locator; path: string; message: string }> = []

  /** path: how the message names the place, when not its segments (a missing top-level field). */
  error(
    segments: Segment[],
    at: 'key' | 'value',
    message: string,
    path = pathText(segments)
  ): void {
    this.problems.push({ loc: { segments, at }, path, message })
  }
}

function readStringList(
  r: Reader,
  value: Value,
  segs: Segment[],
  what: string,
  check: (item: string, itemSegs: Segment[]) => string | undefined
): string[] {
  if (!Array.isArray(value)) {
    r.error(segs, 'value', `expected a list of ${what}, got ${describe(value)}`)
    return []
  }
  const out: string[] = []
  value.forEach((item: Value, i) => {
    const itemSegs = [...segs, i]
    if (typeof item !== 'string') {
      r.error(
        itemSegs,
        'value',
        `expected ${what.replace(/s$/, '')} as a string, got ${describe(item)}`
      )
      return
    }
    const checked = check(item, itemSegs)
    if (checked !== undefined) out.push(checked)
  })
  return out
}

function readMap(r: Reader, value: Value, segs: Segment[]): Record<string, string> {
  // No prototype: `__proto__: x` is a variable like any other, not a way to lose one.
  const out: Record<string, string> = Object.create(null)
  if (!isMapValue(value)) {
    r.error(segs, 'value', `expected a mapping of NAME: value, got ${describe(value)}`)
    return out
  }
  for (const key of Object.keys(value)) {
    const v = value[key]
    if (!ENV_NAME_PATTERN.test(key)) {
      r.error(
        [...segs, key],
        'key',
        `'${key}' is not a valid variable name (letters, digits, '_'; not starting with a digit)`
      )
      continue
    }
    if (isNumberValue(v)) out[key] = numberText(v)
    else if (typeof v === 'string' || typeof v === 'boolean') out[key] = String(v)
    else
      r.error([...segs, key], 'value', `expected a string, number or boolean, got ${describe(v)}`)
  }
  return out
}

export function readField(r: Reader, type: FieldType, value: Value, segs: Segment[]): unknown {
  switch (type) {
    case 'boolean':
      if (typeof value !== 'boolean') {
        r.error(segs, 'value', `expected true or false, got ${describe(value)}`)
        return undefined
      }
      return value
    case 'string':
    case 'command': {
      if (typeof value !== 'string') {
        r.error(segs, 'value', `expected a string, got ${describe(value)}`)
        return undefined
      }
      if (type === 'command' && value.trim() === '') r.error(segs, 'value', 'the command is empty')
      return value
    }
    case 'path':
    case 'file': {
      if (typeof value !== 'string') {
        r.error(segs, 'value', `expected a repository-relative path, got ${describe(value)}`)
        return undefined
      }
      const n = normalizeRepoPath(value)
      if ('error' in n) {
        r.error(segs, 'value', n.error)
        return undefined
      }
      if (type === 'file' && n.path === '') {
        r.error(segs, 'value', `'${value}' is the repository root; name a file`)
        return undefined
      }
      return n.path
    }
    case 'paths':
      return readStringList(r, value, segs, 'paths', (s, itemSegs) => {
        const n = normalizeRepoPath(s)
        if ('error' in n) return void r.error(itemSegs, 'value', n.error)
        if (n.path === '')
          return void r.error(
            itemSegs,
            'value',
            `'${s}' is the repository root; name a file or directory inside it`
          )
        return n.path
      })
    case 'globs':
      if (Array.isArray(value) && value.length === 0) {
        r.error(segs, 'value', 'lists no patterns; a config needs at least one')
        return []
      }
      return readStringList(r, value, segs, 'glob patterns', (s, itemSegs) => {
        const problem = checkGlob(s)
        if (problem) return void r.error(itemSegs, 'value', problem)
        return normalizeGlob(s)
      })
    case 'names':
      return readStringList(r, value, segs, 'node names', s => s)
    case 'platforms':
      return readStringList(r, value, segs, 'platforms', (s, itemSegs) => {
        if (PLATFORM_PATTERN.test(s)) return s
        r.error(
          itemSegs,
          'value',
          `'${s}' is not a platform; expected os/arch[/variant], e.g. linux/amd64 or linux/arm64/v8`
        )
        return undefined
      })
    case 'map':
      return readMap(r, value, segs)
    case 'duration': {
      if (typeof value !== 'string') {
        r.error(segs, 'value', `expected a duration like 90s, 30m or 1h30m, got ${describe(value)}`)
        return undefined
      }
      const d = parseDuration(value)
      if ('error' in d) return void r.error(segs, 'value', d.error)
      return d.seconds
    }
    case 'variables': {
      const seen = new Set<string>()
      return readStringList(r, value, segs, 'variable names', (s, itemSegs) => {
        if (!ENV_NAME_PATTERN.test(s))
          return void r.error(
            itemSegs,
            'value',
            `'${s}' is not a valid variable name (letters, digits, '_'; not starting with a digit)`
          )
        if (seen.has(s)) return void r.error(itemSegs, 'value', `'${s}' is listed twice`)
        seen.add(s)
        return s
      })
    }
    case 'image-args':
      return readImageArgs(r, value, segs)
    case 'context-inputs':
      if (typeof value !== 'string' || !(CONTEXT_INPUTS as readonly string[]).includes(value)) {
        r.error(
          segs,
          'value',
          `expected ${CONTEXT_INPUTS.join(' or ')}, got ${describe(value)}${typeof value === 'string' ? didYouMean(value, [...CONTEXT_INPUTS]) : ''}`
        )
        return undefined
      }
      return value
    case 'repository':
    case 'registry':
    case 'tag-pattern': {
      if (typeof value !== 'string') {
        r.error(segs, 'value', `expected a string, got ${describe(value)}`)
        return undefined
      }
      const problem =
        type === 'repository'
          ? repositoryProblem(value)
          : type === 'registry'
            ? registryWithPathProblem(value)
            : tagPatternProblem(value)
      if (problem) return void r.error(segs, 'value', problem)
      return value
    }
    case 'tag-templates': {
      const seen = new Set<string>()
      return readStringList(r, value, segs, 'tag templates', (s, itemSegs) => {
        const parsed = parseTagTemplate(s)
        if ('problem' in parsed)
          return void r.error(itemSegs, 'value', tagTemplateMessage(s, parsed.problem))
        if (seen.has(s)) return void r.error(itemSegs, 'value', `'${s}' is listed twice`)
        seen.add(s)
        return s
      })
    }
  }
}

export function readNode(
  r: Reader,
  kind: NodeKind,
  name: string,
  body: Value,
  segs: Segment[]
): GraphNode | undefined {
  if (!isMapValue(body)) {
    r.error(
      segs,
      'value',
      `expected a mapping with ${Object.keys(FIELDS[kind]).join(', ')}, got ${describe(body)}`
    )
    return undefined
  }
  const spec = FIELDS[kind]
  const values: Record<string, unknown> = Object.create(null)
  const fields = Object.keys(body)
  for (const key of fields) {
    const field = Object.hasOwn(spec, key) ? spec[key] : undefined
    if (!field) {
      r.error(
        [...segs, key],
        'key',
        `unknown field '${key}'${didYouMean(key, Object.keys(spec))}; allowed: ${Object.keys(spec).join(', ')}`
      )
      continue
    }
    values[key] = readField(r, field.type, body[key], [...segs, key])
  }
  for (const [key, field] of Object.entries(spec)) {
    if (field.required && !Object.hasOwn(body, key))
      r.error(segs, 'key', `missing required field '${key}'`)
  }
  const description = values.description as string | undefined
  const common = { name, fields, ...(description !== undefined ? { description } : {}) }
  switch (kind) {
    case 'config': {
      const paths = (values.paths as string[] | undefined) ?? []
      if (paths.length > 0 && paths.every(p => p.startsWith('!'))) {
        r.error(
          [...segs, 'paths'],
          'value',
          'has only exclusions (!...); add at least one pattern to include'
        )
      }
      const allowEmpty = values['allow-empty'] as boolean | undefined
      return { kind, ...common, paths, ...(allowEmpty !== undefined ? { allowEmpty } : {}) }
    }
    case 'process': {
      const env = (values.env as Record<string, string> | undefined) ?? Object.create(null)
      const passEnv = (values['pass-env'] as string[] | undefined) ?? []
      // One source per variable: a value in the file would silently lose to the caller's or win.
      passEnv.forEach((name, i) => {
        if (name in env)
          r.error(
            [...segs, 'pass-env', i],
            'value',
            `'${name}' is also set in env; a variable comes from env or from pass-env, not both`
          )
      })
      return {
        kind,
        ...common,
        inputs: (values.inputs as string[] | undefined) ?? [],
        run: (values.run as string | undefined) ?? '',
        outputs: (values.outputs as string[] | undefined) ?? [],
        env,
        timeoutSeconds: (values.timeout as number | undefined) ?? DEFAULT_TIMEOUT_SECONDS,
        passEnv
      }
    }
    case 'image': {
      const context = (values.context as string | undefined) ?? ''
      const dockerfile =
        (values.dockerfile as string | undefined) ??
        (context ? `${context}/Dockerfile` : 'Dockerfile')
      const target = values.target as string | undefined
      const buildArgs =
        (values['build-args'] as Record<string, string> | undefined) ?? Object.create(null)
      const imageArgs =
        (values['image-args'] as Record<string, string> | undefined) ?? Object.create(null)
      // One source per ARG: the build would get one of the two values, and the key could not say which.
      for (const arg of Object.keys(imageArgs))
        if (Object.hasOwn(buildArgs, arg))
          r.error(
            [...segs, 'image-args', arg],
            'key',
            `'${arg}' is also set in build-args; an ARG comes from build-args or from image-args, not both`
          )
      const tags = values.tags as string[] | undefined
      const tagPattern = values['tag-pattern'] as string | undefined
      const buildArgsFile = values['build-args-file'] as string | undefined
      return {
        kind,
        ...common,
        context,
        dockerfile,
        inputs: (values.inputs as string[] | undefined) ?? [],
        buildArgs,
        imageArgs,
        platforms: (values.platforms as string[] | undefined) ?? [],
        ...(target !== undefined ? { target } : {}),
        repository: (values.repository as string | undefined) ?? name,
        ...(tags !== undefined ? { tags } : {}),
        ...(tagPattern !== undefined ? { tagPattern } : {}),
        // The top level's value, when the image has none, is filled in by the reader (read.ts).
        contextInputs: (values['context-inputs'] as ContextInputs | undefined) ?? 'dockerfile',
        ...(buildArgsFile !== undefined ? { buildArgsFile } : {})
      }
    }
  }
}

/** `image-args: { ARG: image }`: ARG names as build-args have them; the images are checked later. */
function readImageArgs(r: Reader, value: Value, segs: Segment[]): Record<string, string> {
  const out: Record<string, string> = Object.create(null)
  if (!isMapValue(value)) {
    r.error(segs, 'value', `expected a mapping of ARG: image name, got ${describe(value)}`)
    return out
  }
  for (const arg of Object.keys(value)) {
    const image = value[arg]
    if (!ENV_NAME_PATTERN.test(arg))
      r.error(
        [...segs, arg],
        'key',
        `'${arg}' is not a valid build-arg name (letters, digits, '_'; not starting with a digit)`
      )
    else if (typeof image !== 'string')
      r.error([...segs, arg], 'value', `expected the name of an image, got ${describe(image)}`)
    else out[arg] = image
  }
  return out
}

/** `host[:port]`, optionally followed by a `/path` prefix for every repository under it. */
function registryWithPathProblem(registry: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(registry))
    return `registry '${registry}' has a scheme; write host[:port][/path] without it, e.g. ghcr.io/my-org`
  const slash = registry.indexOf('/')
  const host = slash < 0 ? registry : registry.slice(0, slash)
  const hostProblem = registryProblem(host)
  if (hostProblem)
    return `${hostProblem}; a registry is host[:port] with an optional /path prefix, e.g. ghcr.io/my-org`
  if (slash < 0) return undefined
  const pathProblem = repositoryProblem(registry.slice(slash + 1))
  return pathProblem
    ? `registry '${registry}': the path after the host must be a repository prefix (${pathProblem})`
    : undefined
}
