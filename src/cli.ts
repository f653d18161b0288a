// The imagegraph CLI: parse the arguments, build the adapters, run the command. What each command
// does is in src/commands/, shared with the action. A command is one row of COMMANDS: its options,
// its arguments and what it runs.
// Exit status: 0 success, 1 the user's error (one line per problem on stderr), 2 an internal error.
import * as path from 'node:path'
import { parseArgs } from 'node:util'
import { locateGraph, readWorkingGraph } from './adapters/working-tree.js'
import { loadYamlPackage } from './adapters/yaml-package.js'
import { changedTreeFiles, keyBreakdownsAt, planLocatedGraph } from './commands/plan.js'
import { validateWorkingGraph } from './commands/validate.js'
import { UserError, didYouMean, formatProblem } from './core/errors.js'
import { usePositionParser } from './core/graph/position-parser.js'
import { parseGraph } from './core/graph/read.js'
import { planToJson } from './core/plan.js'
import { counted } from './core/render/text.js'
import { graphDot, graphJson, graphMermaid, planText, whyText } from './core/report.js'
import { namedRevisions } from './cli/call.js'
import type { CommandCall, Io, ParsedArgs } from './cli/call.js'

export type { ParsedArgs } from './cli/call.js'

usePositionParser(loadYamlPackage)

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
    // run and retag bring the builders and the registry client: loaded when they are the command.
    run: async call => (await import('./cli/run.js')).runCommand(call)
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
    run: async call => (await import('./cli/retag.js')).retagCommand(call)
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
