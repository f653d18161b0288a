// Version tags from templates (`{{major}}.{{minor}}`, `pr-{{pr}}`, `latest`): parsing, which ones
// float, rendering to a valid OCI tag, and the values they are filled with. Pure: the graph reader
// checks templates with it, the build renders them. Problems are data; tagTemplateMessage words them.
// One function of semver, not its whole index: the graph reader loads this file on every start.
import parseSemver from 'semver/functions/parse.js'
import { closestWord } from './errors.js'
import type { Graph, ImageNode } from './graph/model.js'
import { tagProblem } from './reference.js'

export const TAG_FIELDS = [
  'version',
  'major',
  'minor',
  'patch',
  'sha',
  'short_sha',
  'branch',
  'pr',
  'key',
  'image',
  'seq'
] as const
export type TagField = (typeof TAG_FIELDS)[number]

/**
 * The fields that name one build or one release: a template with none of them floats (`latest`,
 * `{{branch}}`, `{{major}}.{{minor}}`) and moves from one build to the next.
 */
const PINNING_FIELDS: ReadonlySet<TagField> = new Set<TagField>([
  'key',
  'sha',
  'short_sha',
  'seq',
  'version',
  'patch'
])

export type TagPart = { text: string } | { field: TagField }

export type TagTemplateProblem =
  | { kind: 'empty' }
  | { kind: 'unknown-field'; field: string; suggestion?: string }
  | { kind: 'malformed'; at: number }
  | { kind: 'bad-character'; character: string }
  | { kind: 'bad-start'; character: string }
  | { kind: 'too-long'; length: number }

export type TagRenderProblem =
  | TagTemplateProblem
  | { kind: 'missing-value'; field: TagField }
  | { kind: 'invalid-tag'; tag: string; reason: string }

const TAG_CHARACTER = /[A-Za-z0-9_.-]/
const MAX_TAG_LENGTH = 128
const FIELD = /^\{\{\s*([^{}\s]*)\s*\}\}/

/** A template's parts, or why it cannot make a tag whatever its values. */
export function parseTagTemplate(
  text: string
): { parts: TagPart[] } | { problem: TagTemplateProblem } {
  if (text === '') return { problem: { kind: 'empty' } }
  const parts: TagPart[] = []
  let staticLength = 0
  let i = 0
  while (i < text.length) {
    if (text.startsWith('{{', i)) {
      const m = FIELD.exec(text.slice(i))
      if (!m || m[1] === '') return { problem: { kind: 'malformed', at: i } }
      const name = m[1]
      if (!(TAG_FIELDS as readonly string[]).includes(name)) {
        const suggestion = closestWord(name, TAG_FIELDS)
        return {
          problem: { kind: 'unknown-field', field: name, ...(suggestion ? { suggestion } : {}) }
        }
      }
      parts.push({ field: name as TagField })
      i += m[0].length
      continue
    }
    const c = text[i]
    if (c === '{' || c === '}') return { problem: { kind: 'malformed', at: i } }
    if (!TAG_CHARACTER.test(c)) return { problem: { kind: 'bad-character', character: c } }
    if (i === 0 && (c === '.' || c === '-')) return { problem: { kind: 'bad-start', character: c } }
    const last = parts[parts.length - 1]
    if (last && 'text' in last) last.text += c
    else parts.push({ text: c })
    staticLength++
    i++
  }
  if (staticLength > MAX_TAG_LENGTH) return { problem: { kind: 'too-long', length: staticLength } }
  return { parts }
}

/** What is wrong with a template, in words (for the located error of the graph reader). */
export function tagTemplateMessage(template: string, problem: TagRenderProblem): string {
  const fields = TAG_FIELDS.map(f => `{{${f}}}`).join(' ')
  switch (problem.kind) {
    case 'empty':
      return 'the tag template is empty'
    case 'unknown-field':
      return `'${template}': unknown field '{{${problem.field}}}'${problem.suggestion ? ` (did you mean '{{${problem.suggestion}}}'?)` : ''}; allowed: ${fields}`
    case 'malformed':
      return `'${template}': a brace at character ${problem.at + 1} is not part of a field; write fields as {{name}}, e.g. {{version}}`
    case 'bad-character':
      return `'${template}' contains ${JSON.stringify(problem.character)}; outside fields a tag holds only letters, digits, '_', '.' and '-'`
    case 'bad-start':
      return `'${template}' starts with '${problem.character}'; a tag starts with a letter, digit, '_' or a field`
    case 'too-long':
      return `'${template}' has ${problem.length} characters besides its fields; a tag has at most ${MAX_TAG_LENGTH}`
    case 'missing-value':
      return `'${template}' needs {{${problem.field}}}, which this run has no value for`
    case 'invalid-tag':
      return `'${template}' renders to an invalid tag: ${problem.reason}`
  }
}

/**
 * Whether tags made from the template move from build to build: none of {{key}}, {{sha}},
 * {{short_sha}}, {{seq}}, {{version}}, {{patch}}. A floating tag only moves forward. A template
 * that does not parse counts as floating: the careful side.
 */
export function isFloating(template: string | TagPart[]): boolean {
  const parsed = typeof template === 'string' ? parseTagTemplate(template) : { parts: template }
  if ('problem' in parsed) return true
  return !parsed.parts.some(p => 'field' in p && PINNING_FIELDS.has(p.field))
}

export type TagValues = Partial<Record<TagField, string | number>>

/**
 * The tag a template makes with these values. {{branch}} is sanitised (sanitizeBranch) and cut so
 * that the whole tag fits in 128 characters; every other value is used as it is.
 */
export function renderTag(
  template: string | TagPart[],
  values: TagValues
): { tag: string } | { problem: TagRenderProblem } {
  const parsed = typeof template === 'string' ? parseTagTemplate(template) : { parts: template }
  if ('problem' in parsed) return parsed
  const rendered: string[] = []
  const branchAt: number[] = []
  for (const part of parsed.parts) {
    if ('text' in part) {
      rendered.push(part.text)
      continue
    }
    const value = values[part.field]
    if (value === undefined || value === '')
      return { problem: { kind: 'missing-value', field: part.field } }
    if (part.field === 'branch') {
      const branch = sanitizeBranch(String(value))
      if (branch === '') return { problem: { kind: 'missing-value', field: 'branch' } }
      branchAt.push(rendered.length)
      rendered.push(branch)
    } else rendered.push(String(value))
  }
  // A long branch name gives way: the rest of the template is what the tag is for.
  let over = rendered.join('').length - MAX_TAG_LENGTH
  for (let k = branchAt.length - 1; k >= 0 && over > 0; k--) {
    const text = rendered[branchAt[k]]
    const keep = Math.max(1, text.length - over)
    rendered[branchAt[k]] = text.slice(0, keep).replace(/[.-]+$/, '') || text[0]
    over -= text.length - rendered[branchAt[k]].length
  }
  const tag = rendered.join('')
  const reason = tagProblem(tag)
  if (reason) return { problem: { kind: 'invalid-tag', tag, reason } }
  return { tag }
}

/**
 * A branch name as a tag's text: `refs/heads/` dropped, each run of characters a tag cannot hold
 * replaced by '-', no '.' or '-' at either end, at most max characters. Case is kept. '' when
 * nothing is left.
 */
export function sanitizeBranch(name: string, max = MAX_TAG_LENGTH): string {
  const short = name.startsWith('refs/heads/') ? name.slice('refs/heads/'.length) : name
  return short
    .replace(/[^A-Za-z0-9_.-]+/g, '-')
    .replace(/^[.-]+/, '')
    .slice(0, max)
    .replace(/[.-]+$/, '')
}

export interface RefVersion {
  /** The semantic version without a leading 'v', prerelease kept: `1.2.3`, `2.0.0-rc.1`. */
  version: string
  major: number
  minor: number
  patch: number
}

/**
 * The version a git tag names: `v1.2.3` or `1.2.3` (a ref `refs/tags/...` too). With the image's
 * tag-pattern (`api/v*`), only a tag the pattern matches, and the version is what its first
 * wildcard matched (`api/v1.2.3` -> 1.2.3). Undefined for a tag that names no version.
 */
export function versionFromRef(ref: string, tagPattern?: string): RefVersion | undefined {
  const tag = ref.startsWith('refs/tags/') ? ref.slice('refs/tags/'.length) : ref
  let text = tag
  if (tagPattern !== undefined) {
    const m = patternRegExp(tagPattern).exec(tag)
    if (!m) return undefined
    text = m[1] ?? ''
  }
  if (/\s/.test(text)) return undefined
  const parsed = parseSemver(text)
  if (!parsed) return undefined
  return {
    version: parsed.version,
    major: parsed.major,
    minor: parsed.minor,
    patch: parsed.patch
  }
}

/** A tag-pattern as a regular expression: `*` any run within one `/` segment, `?` one character. */
function patternRegExp(pattern: string): RegExp {
  let source = ''
  for (const c of pattern) {
    if (c === '*') source += '([^/]*)'
    else if (c === '?') source += '[^/]'
    else source += c.replace(/[\\^$.|+()[\]{}]/g, '\\$&')
  }
  return new RegExp(`^${source}$`)
}

/** Why a tag-pattern cannot select an image's version tags, or undefined when it can. */
export function tagPatternProblem(pattern: string): string | undefined {
  if (pattern === '') return 'the tag pattern is empty'
  if (!pattern.includes('*'))
    return `'${pattern}' has no '*'; the version is what the first '*' matches, e.g. api/v*`
  const bad = [...pattern].find(c => !/[A-Za-z0-9_.\-/*?]/.test(c))
  if (bad !== undefined)
    return `'${pattern}' contains ${JSON.stringify(bad)}; a tag pattern holds letters, digits, '_', '.', '-', '/', '*' and '?'`
  return undefined
}

/**
 * The tag templates of an image: its own `tags` when it sets them; otherwise the run's (input
 * `tags`, CLI `--tags`) when given, which replace the graph's top-level `tags`; otherwise those.
 * An image's own list is the most specific word and wins over the run's.
 */
export function templatesFor(
  graph: Pick<Graph, 'tags'>,
  image: Pick<ImageNode, 'tags'>,
  inputTags?: readonly string[]
): string[] {
  if (image.tags !== undefined) return [...image.tags]
  if (inputTags !== undefined && inputTags.length > 0) return [...inputTags]
  return [...(graph.tags ?? [])]
}

/** Tag templates: one per line or separated by commas, blanks dropped, each once, in order. */
export function parseTagList(text: string): string[] {
  const tags = text
    .split(/[\n,]/)
    .map(t => t.trim())
    .filter(t => t !== '')
  return [...new Set(tags)]
}
