// What an image's build reads of the repository (issue 13): with `context-inputs: dockerfile` (the
// default), the context files its Dockerfile's COPY, ADD and bind mounts reach, minus what the
// ignore file excludes; the whole context when the graph asks for it or when the Dockerfile cannot
// be read with certainty (then with the reason). Pure: the texts come from the caller.
import { DockerfileParser } from 'dockerfile-ast'
import { ignoreFileFor, ignoreRules } from './dockerfile/ignore.js'
import type { Builder, IgnoreRules, IgnoreScope } from './dockerfile/ignore.js'
import { dockerfileInputs } from './dockerfile/inputs.js'
import type { DockerfileInputs, DockerfileOptions, Source } from './dockerfile/model.js'
import { compilePattern } from './dockerfile/reach.js'
import { parseArgDeclarations } from './dockerfile/words.js'
import type { ImageNode } from './graph/model.js'
import { isUnder, joinPath } from './paths.js'

/** The texts an image's reading needs, at the commit planned; null where no file is. */
export interface ImageTexts {
  dockerfile: string | null
  /**
   * The ignore files the builders may read (dockerfile/ignore.ts ignoreFileFor), by path under the
   * root: `<Dockerfile>.dockerignore`, `<context>/.dockerignore`, `<context>/.containerignore`.
   */
  ignores: ReadonlyMap<string, string | null>
  /** The values of the image's `build-args-file`, when it has one. */
  argsFile?: Record<string, string>
}

/**
 * What the images of one plan share: an ignore file compiled once however many images it applies
 * to (its filter keeps its answers, so a path is judged once); a Dockerfile read once for each set
 * of build arguments it is given (many images may build one template).
 */
export class ReachMemo {
  private readonly ignores = new Map<string, IgnoreRules>()
  private readonly read = new Map<string, DockerfileInputs>()
  private readonly names = new Map<string, Set<string>>()

  inputs(text: string, options: DockerfileOptions): DockerfileInputs {
    const key = `${JSON.stringify([options.buildArgs, options.unknownArgs, options.target, options.file])}\n${text}`
    let found = this.read.get(key)
    if (!found) this.read.set(key, (found = dockerfileInputs(text, options)))
    return found
  }

  declared(text: string): Set<string> {
    let found = this.names.get(text)
    if (!found) this.names.set(text, (found = declaredArgs(text)))
    return found
  }

  rules(text: string): IgnoreRules {
    let found = this.ignores.get(text)
    if (!found) this.ignores.set(text, (found = ignoreRules(text)))
    return found
  }
}

/** One source of a context-reading instruction, its patterns under the graph's root. */
export interface ReachSource {
  source: Source
  /** Root-relative patterns ('' is the root); wildcards as the builders read them. */
  patterns: string[]
  /** `RUN --mount=type=bind`: buildah binds the context as it is on disk, ignore file not applied. */
  bind: boolean
  /** Whether a pattern names the root-relative path or a directory above it. */
  reaches(path: string): boolean
  /** `COPY src/ ./ (src/api/Dockerfile:4)`: the step a reason names. */
  step: string
}

export type ImageReach = NarrowedReach | WholeReach

export interface NarrowedReach {
  kind: 'narrowed'
  declared: ReadonlySet<string> | null
  /** The context's real directory under the root ('' is the root). */
  context: string
  sources: ReachSource[]
  /** Whether a build sends the root-relative path under the context (the ignore files). */
  keep(path: string): boolean
  /**
   * keep as a walk down the root-relative directory sees it, and whether an ignore line may
   * exclude the directory or something beneath it (ReachScope.mayExclude).
   */
  scope(dir: string): ReachScope
  /** Values from the build-args-file for the ARGs the Dockerfile declares (and build-args does not set). */
  fileArgs: Record<string, string>
  /**
   * The directories that hold a file the build reads, among those listed for the key
   * (reach-lines.ts): adding or removing an ignored file elsewhere may make or empty one.
   */
  fullDirs?: ReadonlySet<string>
}

export interface WholeReach {
  kind: 'whole'
  /** The ARGs the Dockerfile declares (null: not known, so the build-args-file gives every value). */
  declared: ReadonlySet<string> | null
  /** Why every context file is an input, when the graph did not ask for it (`context-inputs: whole`). */
  reason?: string
  fileArgs: Record<string, string>
}

/**
 * The image's reach. context: its real directory under the root; texts: the files as the commit
 * holds them.
 */
export function imageReach(
  node: ImageNode,
  context: string,
  texts: ImageTexts,
  memo: ReachMemo = new ReachMemo()
): ImageReach {
  // Only a build-args-file needs the declared names (a second reading of the Dockerfile).
  const declared =
    texts.dockerfile === null || texts.argsFile === undefined
      ? null
      : memo.declared(texts.dockerfile)
  const fileArgs = argsFromFile(node, texts.argsFile, declared)
  const whole = (reason?: string): WholeReach => ({
    kind: 'whole',
    declared,
    ...(reason !== undefined ? { reason } : {}),
    fileArgs
  })
  if (node.contextInputs === 'whole') return whole()
  if (texts.dockerfile === null) return whole(`${node.dockerfile} is not a file in the commit`)
  const inputs = memo.inputs(texts.dockerfile, {
    buildArgs: { ...fileArgs, ...node.buildArgs },
    // An image-args ARG holds another image's digest, known only when the build runs.
    unknownArgs: Object.keys(node.imageArgs).sort(),
    ...(node.target !== undefined ? { target: node.target } : {}),
    file: node.dockerfile
  })
  if (inputs.kind === 'whole') return whole(inputs.reason)
  const relative = (path: string) => (context === '' ? path : path.slice(context.length + 1))
  const sources: ReachSource[] = inputs.sources.map(source => {
    const patterns = source.patterns.map(p => joinPath(context, p === '.' ? '' : p))
    const tests = source.patterns.map(compilePattern)
    return {
      source,
      patterns,
      bind: source.instruction === 'RUN --mount',
      reaches: path => isUnder(path, context) && tests.some(t => t(relative(path) || '.')),
      step: `${source.text} (${node.dockerfile}:${source.line})`
    }
  })
  // Each builder reads the first of its ignore files that exists; a file either sends is an input.
  const applied = BUILDERS.map(builder =>
    ignoreFileFor(node.dockerfile, context, builder)
      .map(path => texts.ignores.get(path) ?? null)
      .find(text => text !== null)
  )
  // Either builder sending everything sends what any rule excludes.
  const rules = applied.includes(undefined)
    ? []
    : [...new Set(applied as string[])].map(text => memo.rules(text))
  return {
    kind: 'narrowed',
    declared,
    context,
    sources,
    keep: rules.length === 0 ? () => true : path => rules.some(r => r.keep(relative(path))),
    scope: dir =>
      reachScope(
        rules.map(r => r.scope(relative(dir))),
        relative
      ),
    fileArgs
  }
}

/** Where a walk down a copied directory stands: ReachScope.keep is NarrowedReach.keep there. */
export interface ReachScope {
  /** Whether a file at or beneath the directory may be one the build does not see. */
  readonly mayExclude: boolean
  keep(path: string): boolean
  child(name: string): ReachScope
}

const KEEP_ALL: ReachScope = { mayExclude: false, keep: () => true, child: () => KEEP_ALL }

/** The scopes of the ignore files that apply, together: a file either builder sends is an input. */
function reachScope(scopes: IgnoreScope[], relative: (path: string) => string): ReachScope {
  if (scopes.length === 0 || scopes.some(s => !s.mayExclude)) return KEEP_ALL
  return {
    mayExclude: true,
    keep: path => {
      const p = relative(path)
      return scopes.some(s => s.keep(p))
    },
    child: name =>
      reachScope(
        scopes.map(s => s.child(name)),
        relative
      )
  }
}

const BUILDERS: readonly Builder[] = ['docker', 'buildah']
const WILDCARD = /[*?[\\]/

/**
 * Where a source pattern starts: its path before the first segment with a wildcard (the pattern
 * itself when it has none; '' is the root). Every path it reaches is at or under it.
 */
export function sourceAnchor(pattern: string): string {
  if (!WILDCARD.test(pattern)) return pattern
  const fixed: string[] = []
  for (const segment of pattern.split('/')) {
    if (WILDCARD.test(segment)) break
    fixed.push(segment)
  }
  return fixed.join('/')
}

/** Where the image's source patterns start (sourceAnchor), each once. */
export function reachAnchors(reach: NarrowedReach): string[] {
  return [...new Set(reach.sources.flatMap(s => s.patterns.map(sourceAnchor)))]
}

/**
 * The values a build-args-file gives: those of the ARGs the Dockerfile declares that build-args
 * does not set. A Dockerfile that is not there declares nothing known: every value is passed.
 */
export function argsFromFile(
  node: ImageNode,
  file: Record<string, string> | undefined,
  declared: ReadonlySet<string> | null
): Record<string, string> {
  const out: Record<string, string> = {}
  if (!file) return out
  for (const name of Object.keys(file).sort())
    if ((declared === null || declared.has(name)) && !Object.hasOwn(node.buildArgs, name))
      out[name] = file[name]
  return out
}

/** Every name an ARG instruction of the Dockerfile declares, in any stage. */
export function declaredArgs(text: string): Set<string> {
  const names = new Set<string>()
  const dockerfile = DockerfileParser.parse(text)
  const escape = dockerfile.getEscapeCharacter()
  for (const ins of dockerfile.getInstructions())
    if (ins.getKeyword().toUpperCase() === 'ARG')
      for (const [name] of parseArgDeclarations(ins.getArgumentsContent() ?? '', escape))
        names.add(name)
  return names
}

/**
 * The steps that say how a changed path reaches a narrowed image (`COPY src/ ./ (Dockerfile:4)`),
 * one per instruction; none when no instruction reaches it. contentOnly: the change only edits the
 * file, so an ignored file is no input (adding or removing one can make or empty a directory the
 * build copies).
 */
export function reachSteps(reach: NarrowedReach, path: string, contentOnly: boolean): string[] {
  const steps: string[] = []
  const kept = reach.keep(path)
  for (const s of reach.sources) {
    if (!s.reaches(path)) continue
    if (s.bind || kept || (!contentOnly && makesDirectory(reach, s, path))) steps.push(s.step)
  }
  return steps
}

/**
 * Whether adding or removing the ignored file at path may make or empty a directory the source
 * copies: one of its directories the source reaches holds no file the build reads.
 */
function makesDirectory(reach: NarrowedReach, source: ReachSource, path: string): boolean {
  if (!reach.fullDirs) return true
  for (let cut = path.lastIndexOf('/'); cut > 0; cut = path.lastIndexOf('/', cut - 1)) {
    const dir = path.slice(0, cut)
    if (!source.reaches(dir)) break
    if (!reach.fullDirs.has(dir)) return true
  }
  return false
}

/**
 * How the build-args-file's values the image takes differ between two commits, one origin each
 * (`.env: AGENT_VERSION changed`). before: the file's values at the base (null: no file there).
 */
export function fileArgChanges(
  node: ImageNode,
  reach: ImageReach,
  before: Record<string, string> | null
): string[] {
  const old = argsFromFile(node, before ?? {}, reach.declared)
  const now = reach.fileArgs
  const out: string[] = []
  for (const name of [...new Set([...Object.keys(old), ...Object.keys(now)])].sort()) {
    const what = !(name in old)
      ? 'added'
      : !(name in now)
        ? 'removed'
        : old[name] !== now[name]
          ? 'changed'
          : ''
    if (what) out.push(`${node.buildArgsFile}: ${name} ${what}`)
  }
  return out
}

/** What an image reads of its context, for `why --explain`: each instruction and its paths. */
export type ContextReads =
  { whole: string } | { instructions: Array<{ step: string; paths: string[] }> }

/**
 * The instructions of a narrowed image and the key lines each reaches (a directory as one path,
 * `dir/`), or why the whole context is read. lines: the image's key lines.
 */
export function contextReads(
  reach: ImageReach,
  lines: ReadonlyArray<{ path: string; directory: boolean }>
): ContextReads {
  if (reach.kind === 'whole')
    return { whole: reach.reason ?? 'context-inputs: whole in the graph file' }
  return {
    instructions: reach.sources.map(s => ({
      step: s.step,
      paths: lines
        .filter(l => s.reaches(l.path === '.' ? reach.context : l.path))
        .map(l => (l.directory ? `${l.path}/` : l.path))
    }))
  }
}
