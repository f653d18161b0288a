// The imagegraph CLI: parse the arguments, build the adapters, run the command. What each command
// does is in src/commands/, shared with the action. A command is one row of COMMANDS: its options,
// its arguments and what it runs.
// Exit status: 0 success, 1 the user's error (one line per problem on stderr), 2 an internal error.
import * as path from 'node:path'
import { parseArgs } from 'node:util'
import type { Reporter } from './adapters/ports.js'
import { BashProcessRunner } from './adapters/process-runner.js'
import { locateGraph, readWorkingGraph } from './adapters/working-tree.js'
import type { GraphLocation } from './adapters/working-tree.js'
import { changedTreeFiles, keyBreakdownsAt, namedRange, planLocatedGraph } from './commands/plan.js'
import { runJob } from './commands/run.js'
import { retagAtRevision, retagImage } from './commands/retag.js'
import { retagDigests, retagText, retagToJson } from './core/render/retag.js'
import { BUILDER_CHOICES, lazyBuilder } from './adapters/builders/detect.js'
import type { BuilderChoice } from './adapters/builders/detect.js'
import { openRegistry } from './adapters/registry.js'
import { parseImageList } from './core/image-selection.js'
import { imagesFailed } from './core/image-results.js'
import { imagesText, imagesToJson } from './core/render/images.js'
import { parseTagList } from './core/tags.js'
import { validateWorkingGraph } from './commands/validate.js'
import type { ResolvedBase } from './core/base.js'
import { chooseCacheSpec, formatCacheSpec } from './core/cache-spec.js'
import { parseGraph } from './core/graph/read.js'
import { UserError, didYouMean, formatProblem } from './core/errors.js'
import { planToJson } from './core/plan.js'
import { processesFailed, processesToJson } from './core/process-results.js'
import { processesText } from './core/render/processes.js'
import { counted } from './core/render/text.js'
import { graphDot, graphJson, graphMermaid, planText, whyText } from './core/report.js'

export const VERSION = '0.1.0'

const USAGE = `imagegraph ${VERSION}: build container images incrementally in monorepos

Usage:
  imagegraph validate [--graph FILE]
  imagegraph plan --base REV [--head REV] [--json]
  imagegraph run --base REV [--head REV] [--cache gha|local:DIR|none] [--parallel N] [--json]
                 [--builder auto|buildx|docker|podman|buildah] [--registry HOST[/PATH]]
                 [--insecure-registry] [--registry-ca-file PEM] [--push] [--tags T1,T2]
                 [--images NAME,...] [--version V] [--no-rebuild-missing] [--retag-unaffected]
  imagegraph retag --rev REV --tags TAG[,TAG] [--images NAME,...] [--partial] [--json]
                 [--registry HOST[/PATH]] [--insecure-registry] [--registry-ca-file PEM]
  imagegraph retag IMAGE --from TAG_OR_DIGEST --to TAG[,TAG] [--json] [--registry ...]
  imagegraph why NODE --base REV [--head REV] [--explain]
  imagegraph graph [--format mermaid|dot|json]

retag builds nothing: it points tags at manifests already in the registry, moving them
backwards or forwards as told. With --rev, every image's content key at REV (a commit, branch
or tag); all or nothing unless --partial. With IMAGE (an image of the graph file at HEAD; a
repository that is no image there is refused), the manifest TAG_OR_DIGEST names. The registry defaults to the graph file's registry:; credentials
come from the docker config (docker login).

Options (every command):
  --repo DIR     the repository, or a directory in it (default: the current directory)
  --graph FILE   the graph file (default: the nearest imagegraph.yml from DIR up to the
                 repository's top); its paths are relative to its own directory
  --head REV     default HEAD
  --help, --version
`

type OptionTable = Record<string, { type: 'string' | 'boolean' }>

export interface ParsedArgs {
  command: string
  positional: string[]
  flags: Record<string, string | boolean>
}

interface Io {
  cwd: string
  out: (text: string) => void
  err: (text: string) => void
}

/** What a command's run gets: its arguments, the terminal, and where the graph file is. */
interface CommandCall {
  args: ParsedArgs
  io: Io
  location: GraphLocation
}

interface Command {
  /** The command's own options; every command also takes COMMON_OPTIONS. */
  options: OptionTable
  /**
   * Its arguments after the options: none, or how many and what they are; `optional`: none is
   * fine too (the command then does something else).
   */
  arguments?: { count: number; what: string; optional?: boolean }
  /** The exit status. */
  run(call: CommandCall): Promise<number>
}

const COMMON_OPTIONS: OptionTable = {
  repo: { type: 'string' },
  graph: { type: 'string' },
  help: { type: 'boolean' }
}
const VALUE = { type: 'string' } as const
const SWITCH = { type: 'boolean' } as const
/** The revisions a plan compares. */
const RANGE_OPTIONS: OptionTable = { base: VALUE, head: VALUE }
/** Where the images are and how to reach it. */
const REGISTRY_OPTIONS: OptionTable = {
  registry: VALUE,
  'insecure-registry': SWITCH,
  'registry-ca-file': VALUE
}

const COMMANDS: Record<string, Command> = {
  validate: { options: {}, run: validateCommand },
  plan: { options: { ...RANGE_OPTIONS, json: SWITCH }, run: planCommand },
  run: {
    options: {
      ...RANGE_OPTIONS,
      json: SWITCH,
      cache: VALUE,
      parallel: VALUE,
      builder: VALUE,
      ...REGISTRY_OPTIONS,
      push: SWITCH,
      tags: VALUE,
      images: VALUE,
      version: VALUE,
      'no-rebuild-missing': SWITCH,
      'retag-unaffected': SWITCH
    },
    run: runCommand
  },
  retag: {
    options: {
      rev: VALUE,
      tags: VALUE,
      images: VALUE,
      partial: SWITCH,
      from: VALUE,
      to: VALUE,
      json: SWITCH,
      ...REGISTRY_OPTIONS
    },
    arguments: { count: 1, what: 'an image name', optional: true },
    run: retagCommand
  },
  why: {
    options: { ...RANGE_OPTIONS, explain: SWITCH, json: SWITCH },
    arguments: { count: 1, what: 'a node name' },
    run: whyCommand
  },
  graph: { options: { format: VALUE }, run: graphCommand }
}

/**
 * The command line, checked strictly against the command's option table: an unknown option (with a
 * did-you-mean), a value given to a switch, or an option where a value belongs is the user's error.
 */
export function parseCommandLine(argv: string[]): ParsedArgs {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    return { command: 'help', positional: [], flags: {} }
  }
  if (argv[0] === '--version') return { command: 'version', positional: [], flags: {} }
  const [command, ...rest] = argv
  const spec = COMMANDS[command]
  if (!spec)
    throw new UserError(
      `unknown command '${command}'${didYouMean(command, Object.keys(COMMANDS))}; commands: ${Object.keys(COMMANDS).join(', ')}`
    )
  const options = { ...COMMON_OPTIONS, ...spec.options }
  const { tokens } = parseArgs({
    args: rest,
    options,
    strict: false,
    allowPositionals: true,
    tokens: true
  })
  for (const token of tokens) if (token.kind === 'option') checkOption(command, options, token)
  // Every token is known and well formed: the strict parse cannot refuse what is left.
  const { values, positionals } = parseArgs({
    args: rest,
    options,
    strict: true,
    allowPositionals: true
  })
  const flags = values as Record<string, string | boolean>
  const expected = spec.arguments?.count ?? 0
  const none = spec.arguments?.optional === true && positionals.length === 0
  if (!flags.help && !none && positionals.length !== expected) {
    throw new UserError(
      expected === 0
        ? `${command}: unexpected argument '${positionals[0]}'`
        : `${command}: expected ${spec.arguments!.optional ? 'at most ' : ''}${expected} argument (${spec.arguments!.what}), got ${positionals.length}`
    )
  }
  return { command, positional: positionals, flags }
}

function checkOption(
  command: string,
  options: OptionTable,
  token: { name: string; rawName: string; value?: string; inlineValue?: boolean }
): void {
  const { name, value } = token
  const option = Object.hasOwn(options, name) ? options[name] : undefined
  if (!option || token.rawName !== `--${name}`) {
    const known = Object.keys(options).map(o => `--${o}`)
    throw new UserError(
      `${command}: unknown option '${token.rawName}'${didYouMean(token.rawName, known)}; options: ${known.join(', ')}`
    )
  }
  if (option.type === 'boolean') {
    if (value !== undefined) throw new UserError(`${command}: --${name} takes no value`)
    return
  }
  if (value === undefined || value === '')
    throw new UserError(`${command}: --${name} needs a value`)
  // `--base --json` is a forgotten value, not a revision named --json.
  if (!token.inlineValue && value.startsWith('-'))
    throw new UserError(
      `${command}: --${name} needs a value, got the option '${value}' (write --${name}=${value} if the value really starts with -)`
    )
}

/** The revisions `--base` and `--head` name; --base is required. */
function namedRevisions(args: ParsedArgs): ResolvedBase {
  const base = args.flags.base
  if (typeof base !== 'string') throw new UserError(`${args.command}: --base REV is required`)
  return namedRange(base, typeof args.flags.head === 'string' ? args.flags.head : 'HEAD')
}

async function validateCommand({ io, location }: CommandCall): Promise<number> {
  const { git, repo, graphFile } = location
  const { graph, warnings } = await validateWorkingGraph(
    git,
    readWorkingGraph(repo, graphFile),
    graphFile
  )
  for (const warning of warnings) io.err(`${formatProblem(warning)}\n`)
  const count = (kind: string) => [...graph.nodes.values()].filter(n => n.kind === kind).length
  io.out(
    `${graphFile}: valid (${counted(count('config'), 'config')}, ${counted(count('process'), 'process', 'processes')}, ${counted(count('image'), 'image')})\n`
  )
  return 0
}

async function graphCommand({ args, io, location }: CommandCall): Promise<number> {
  const graph = parseGraph(readWorkingGraph(location.repo, location.graphFile), location.graphFile)
  const format = typeof args.flags.format === 'string' ? args.flags.format : 'mermaid'
  if (format === 'mermaid') io.out(graphMermaid(graph))
  else if (format === 'dot') io.out(graphDot(graph))
  else if (format === 'json') io.out(`${JSON.stringify(graphJson(graph), null, 2)}\n`)
  else throw new UserError(`graph: --format ${format} is not supported; use mermaid, dot or json`)
  return 0
}

async function planCommand({ args, io, location }: CommandCall): Promise<number> {
  const plan = await planLocatedGraph(location, namedRevisions(args))
  if (args.flags.json) io.out(`${JSON.stringify(planToJson(plan, formatProblem), null, 2)}\n`)
  else io.out(planText(plan))
  return 0
}

/** A list flag (`--tags a,b`, `--images a,b`) read by its parser; undefined when not given. */
function listFlag(
  args: ParsedArgs,
  name: string,
  parse: (text: string) => string[]
): string[] | undefined {
  const value = args.flags[name]
  return typeof value === 'string' ? parse(value) : undefined
}

/**
 * `imagegraph run`: the whole job on a workstation: the images' keys checked in the registry, the
 * processes the builds need restored or run, the images built, and with --push pushed and tagged.
 */
async function runCommand({ args, io, location }: CommandCall): Promise<number> {
  const revisions = namedRevisions(args)
  const plan = await planLocatedGraph(location, revisions)
  const env = process.env
  const { spec } = chooseCacheSpec(
    typeof args.flags.cache === 'string' ? args.flags.cache : undefined,
    '--cache',
    env,
    'cli',
    process.platform
  )
  let parallel: number | undefined
  if (typeof args.flags.parallel === 'string') {
    parallel = Number(args.flags.parallel)
    if (!Number.isInteger(parallel) || parallel < 1)
      throw new UserError(
        `run: --parallel ${args.flags.parallel} is not a whole number of at least 1`
      )
  }
  const builder = typeof args.flags.builder === 'string' ? args.flags.builder : 'auto'
  if (!(BUILDER_CHOICES as readonly string[]).includes(builder))
    throw new UserError(
      `run: --builder ${builder} is not a builder; use ${BUILDER_CHOICES.join(', ')}`
    )
  const reporter: Reporter = {
    info: message => io.err(`${message}\n`),
    warning: message => io.err(`warning: ${message}\n`),
    debug: () => undefined,
    group: (name, lines) => io.err([`== ${name}`, ...lines, ''].join('\n')),
    mask: () => undefined,
    processLine: (name, line) => io.err(`[${name}] ${line}\n`)
  }
  reporter.info(`cache: ${formatCacheSpec(spec)}`)
  const headRev = revisions.head
  const named = await location.git.refNamed(headRev)
  const { insecure, caFile } = registryConnection(args, io)
  const registry = typeof args.flags.registry === 'string' ? args.flags.registry : undefined
  const push = args.flags.push === true
  const tags = listFlag(args, 'tags', parseTagList)
  const images = listFlag(args, 'images', parseImageList)
  // Loaded here only: the Actions cache library is most of the bundle, and no other command needs it.
  const { createCache } = await import('./adapters/cache/factory.js')
  const job = await runJob(
    {
      plan,
      repository: location.repo,
      root: path.join(location.repo, path.dirname(location.graphFile)),
      names: {
        commit: plan.head,
        ...(named.branch ? { branch: named.branch } : {}),
        ...(named.tagRef ? { ref: named.tagRef } : {}),
        ...(typeof args.flags.version === 'string' ? { version: args.flags.version } : {})
      },
      ...(registry ? { registry } : {}),
      ...(tags ? { tags } : {}),
      labels: { tags: '--tags', registry: '--registry', images: '--images' },
      push,
      rebuildMissing: args.flags['no-rebuild-missing'] !== true,
      retagUnaffected: args.flags['retag-unaffected'] === true,
      ...(images ? { images } : {}),
      ...(parallel !== undefined ? { parallel } : {}),
      // A workstation is trusted with its own cache directory.
      saveCache: true,
      callerEnv: env,
      created: new Date().toISOString(),
      connection: { ...(insecure ? { insecure } : {}), ...(caFile ? { caFile } : {}) }
    },
    {
      cache: createCache(spec, { cwd: io.cwd }),
      runner: new BashProcessRunner(),
      reporter,
      builder: lazyBuilder(builder as BuilderChoice),
      registry: host => openRegistry({ host, insecure, ...(caFile ? { caFile } : {}), env }),
      git: location.git
    }
  )
  if (args.flags.json)
    io.out(
      `${JSON.stringify(
        {
          processes: processesToJson(job.processes),
          images: imagesToJson(job.images),
          digests: job.images.digests
        },
        null,
        2
      )}\n`
    )
  else io.out(`${processesText(job.processes)}${imagesText(job.images)}`)
  return processesFailed(job.processes).length > 0 || imagesFailed(job.images).length > 0 ? 1 : 0
}

/** --insecure-registry and --registry-ca-file (relative to the current directory). */
function registryConnection(args: ParsedArgs, io: Io): { insecure: boolean; caFile?: string } {
  const caFile = args.flags['registry-ca-file']
  return {
    insecure: args.flags['insecure-registry'] === true,
    ...(typeof caFile === 'string' ? { caFile: path.resolve(io.cwd, caFile) } : {})
  }
}

/** The value of a string option, or undefined. */
function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const value = args.flags[name]
  return typeof value === 'string' ? value : undefined
}

/**
 * `imagegraph retag`: a release or a rollback, built from nothing. `--rev`: every image at once;
 * `IMAGE --from --to`: one image. The options of one form are refused with the other.
 */
async function retagCommand({ args, io, location }: CommandCall): Promise<number> {
  const image = args.positional[0]
  const given = (names: string[]) => names.filter(n => args.flags[n] !== undefined)
  const [form, required, foreign] =
    image === undefined
      ? ['retag --rev', ['rev', 'tags'], ['from', 'to']]
      : [`retag ${image}`, ['from', 'to'], ['rev', 'tags', 'images', 'partial']]
  const missing = required.filter(n => args.flags[n] === undefined)
  if (missing.length > 0)
    throw new UserError(
      image === undefined
        ? `retag: give --rev REV and --tags TAG[,TAG] (every image), or IMAGE --from TAG_OR_DIGEST --to TAG (one image); missing ${missing.map(n => `--${n}`).join(', ')}`
        : `${form}: --from TAG_OR_DIGEST and --to TAG[,TAG] are required; missing ${missing.map(n => `--${n}`).join(', ')}`
    )
  const extra = given(foreign)
  if (extra.length > 0)
    throw new UserError(
      `${form}: ${extra.map(n => `--${n}`).join(', ')} ${extra.length === 1 ? 'belongs' : 'belong'} to ${image === undefined ? 'the one-image form (retag IMAGE --from --to)' : 'the every-image form (retag --rev REV --tags TAG)'}`
    )
  const { insecure, caFile } = registryConnection(args, io)
  const images = listFlag(args, 'images', parseImageList)
  const opened: Array<{ close(): void }> = []
  const wiring = {
    git: location.git,
    registry: (host: string) => {
      const client = openRegistry({
        host,
        insecure,
        ...(caFile ? { caFile } : {}),
        env: process.env
      })
      opened.push(client)
      return client
    }
  }
  const registry = stringFlag(args, 'registry')
  const common = {
    graphFile: location.graphFile,
    ...(registry ? { registry } : {}),
    labels: {
      registry: '--registry',
      rev: '--rev',
      fetchHint: 'fetch it first (git fetch origin tag NAME, or git fetch --unshallow)'
    }
  }
  try {
    const result =
      image === undefined
        ? await retagAtRevision(
            {
              ...common,
              rev: String(args.flags.rev),
              tags: parseTagList(String(args.flags.tags)),
              ...(images ? { images } : {}),
              partial: args.flags.partial === true
            },
            wiring
          )
        : await retagImage(
            {
              ...common,
              image,
              from: String(args.flags.from),
              to: parseTagList(String(args.flags.to))
            },
            wiring
          )
    if (args.flags.json)
      io.out(
        `${JSON.stringify({ images: retagToJson(result), digests: retagDigests(result) }, null, 2)}
`
      )
    else io.out(retagText(result))
    return 0
  } finally {
    for (const client of opened) client.close()
  }
}

async function whyCommand({ args, io, location }: CommandCall): Promise<number> {
  const name = args.positional[0]
  const plan = await planLocatedGraph(location, namedRevisions(args))
  const node = plan.nodes.get(name)
  if (!node)
    throw new UserError(`why: unknown node '${name}'${didYouMean(name, plan.nodes.keys())}`)
  const atBase = args.flags.explain
    ? await keyBreakdownsAt(location.git, plan.base, location.graphFile)
    : undefined
  if (args.flags.json) {
    const baseBreakdown = atBase === undefined ? undefined : (atBase?.get(name) ?? null)
    io.out(
      `${JSON.stringify({ ...node, ...(baseBreakdown !== undefined ? { baseBreakdown } : {}) }, null, 2)}\n`
    )
  } else
    io.out(
      whyText(
        plan,
        node,
        atBase,
        atBase === undefined ? undefined : await changedTreeFiles(location.git, plan, atBase)
      )
    )
  return 0
}

export async function runCli(argv: string[], io: Io): Promise<number> {
  try {
    const args = parseCommandLine(argv)
    if (args.command === 'help' || args.flags.help) {
      io.out(USAGE)
      return 0
    }
    if (args.command === 'version') {
      io.out(`${VERSION}\n`)
      return 0
    }
    const repo = typeof args.flags.repo === 'string' ? args.flags.repo : undefined
    const location = await locateGraph({
      dir: path.resolve(io.cwd, repo ?? '.'),
      dirLabel: repo === undefined ? 'the current directory' : '--repo',
      ...(typeof args.flags.graph === 'string' ? { graph: args.flags.graph } : {}),
      graphFrom: io.cwd,
      graphLabel: '--graph'
    })
    return await COMMANDS[args.command].run({ args, io, location })
  } catch (e) {
    if (e instanceof UserError) {
      io.err(`${e.message}\n`)
      return 1
    }
    io.err(`imagegraph: internal error: ${(e as Error).stack ?? String(e)}\n`)
    return 2
  }
}

export async function main(): Promise<void> {
  // `imagegraph plan | head` closes the pipe early: that is the reader's choice, not a crash.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0)
    throw e
  })
  const code = await runCli(process.argv.slice(2), {
    cwd: process.cwd(),
    out: t => process.stdout.write(t),
    err: t => process.stderr.write(t)
  })
  process.exitCode = code
}

// dist/cli.js is the bin; `import` of this module from tests does not run it.
if (process.argv[1] && /(^|[\\/])(cli\.(js|ts)|imagegraph)$/.test(process.argv[1])) void main()
