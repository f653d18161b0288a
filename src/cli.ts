// The imagegraph CLI: the same core as the action, with git and the terminal as adapters.
// Exit status: 0 success, 1 the user's error (one line per problem on stderr), 2 an internal error.
import { readFileSync } from 'node:fs'
import * as path from 'node:path'
import { parseGraph, readGraph } from './core/graph/read.js'
import { GraphError, UserError, didYouMean, formatProblem, sortProblems } from './core/errors.js'
import { GraphFiles } from './core/ownership.js'
import { checkGraphAgainstFiles } from './core/file-checks.js'
import { planToJson } from './core/plan.js'
import { decodeGraphText } from './core/utf8.js'
import { graphDot, graphJson, graphMermaid, planText, whyText } from './core/report.js'
import { graphRoot, scopeTrackedFiles } from './core/scope.js'
import { locateGraph } from './locate.js'
import { keyBreakdownsAt, planRepository, readSymlinks, workingFile } from './planner.js'

import { createCache } from './adapters/cache/factory.js'
import type { Reporter } from './adapters/ports.js'
import { BashProcessRunner } from './adapters/process-runner.js'
import { runProcesses } from './commands/run-processes.js'
import { chooseCacheSpec, formatCacheSpec } from './core/cache-spec.js'
import { affectedImages } from './core/plan.js'
import type { Plan } from './core/plan.js'
import { processesFailed, processesToJson } from './core/process-results.js'
import type { ProcessesRun } from './core/process-results.js'
import { processesText } from './core/render/processes.js'

export const VERSION = '0.1.0'

const USAGE = `imagegraph ${VERSION}: build container images incrementally in monorepos

Usage:
  imagegraph validate [--graph FILE]
  imagegraph plan --base REV [--head REV] [--json]
  imagegraph run --base REV [--head REV] [--cache gha|local:DIR|none] [--parallel N] [--json]
  imagegraph why NODE --base REV [--head REV] [--explain]
  imagegraph graph [--format mermaid|dot|json]

Options (every command):
  --repo DIR     the repository, or a directory in it (default: the current directory)
  --graph FILE   the graph file (default: the nearest imagegraph.yml from DIR up to the
                 repository's top); its paths are relative to its own directory
  --head REV     default HEAD
  --help, --version
`

interface CommandSpec {
  positional: number
  flags: Record<string, 'value' | 'boolean'>
}
const COMMON: CommandSpec['flags'] = { repo: 'value', graph: 'value', help: 'boolean' }
const COMMANDS: Record<string, CommandSpec> = {
  validate: { positional: 0, flags: { ...COMMON } },
  plan: { positional: 0, flags: { ...COMMON, base: 'value', head: 'value', json: 'boolean' } },
  run: {
    positional: 0,
    flags: {
      ...COMMON,
      base: 'value',
      head: 'value',
      json: 'boolean',
      cache: 'value',
      parallel: 'value'
    }
  },
  why: {
    positional: 1,
    flags: { ...COMMON, base: 'value', head: 'value', explain: 'boolean', json: 'boolean' }
  },
  graph: { positional: 0, flags: { ...COMMON, format: 'value' } }
}

export interface ParsedArgs {
  command: string
  positional: string[]
  flags: Record<string, string | boolean>
}

export function parseArgs(argv: string[]): ParsedArgs {
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
  const positional: string[] = []
  const flags: Record<string, string | boolean> = {}
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]
    if (!arg.startsWith('--')) {
      positional.push(arg)
      continue
    }
    const eq = arg.indexOf('=')
    const name = arg.slice(2, eq === -1 ? undefined : eq)
    const kind = spec.flags[name]
    if (!kind)
      throw new UserError(
        `${command}: unknown option '--${name}'${didYouMean(
          `--${name}`,
          Object.keys(spec.flags).map(f => `--${f}`)
        )}; options: ${Object.keys(spec.flags)
          .map(f => `--${f}`)
          .join(', ')}`
      )
    if (kind === 'boolean') {
      if (eq !== -1) throw new UserError(`${command}: --${name} takes no value`)
      flags[name] = true
    } else {
      const value = eq !== -1 ? arg.slice(eq + 1) : rest[++i]
      if (value === undefined || value === '')
        throw new UserError(`${command}: --${name} needs a value`)
      // `--base --json` is a forgotten value, not a revision named --json.
      if (eq === -1 && value.startsWith('--'))
        throw new UserError(
          `${command}: --${name} needs a value, got the option '${value}' (write --${name}=${value} if the value really starts with --)`
        )
      flags[name] = value
    }
  }
  if (!flags.help && positional.length !== spec.positional) {
    throw new UserError(
      spec.positional === 0
        ? `${command}: unexpected argument '${positional[0]}'`
        : `${command}: expected ${spec.positional} argument (a node name), got ${positional.length}`
    )
  }
  return { command, positional, flags }
}

interface Io {
  cwd: string
  out: (text: string) => void
  err: (text: string) => void
}

function locate(flags: ParsedArgs['flags'], io: Io) {
  const repo = typeof flags.repo === 'string' ? flags.repo : undefined
  return locateGraph({
    dir: path.resolve(io.cwd, repo ?? '.'),
    dirLabel: repo === undefined ? 'the current directory' : '--repo',
    ...(typeof flags.graph === 'string' ? { graph: flags.graph } : {}),
    graphFrom: io.cwd,
    graphLabel: '--graph'
  })
}

function readWorkingGraph(repo: string, graphFile: string): string {
  let bytes: Buffer
  try {
    bytes = readFileSync(path.join(repo, graphFile))
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'ENOENT')
      throw new UserError(`${graphFile}: not found in ${repo}; create it or pass --graph FILE`)
    throw new UserError(`${graphFile}: cannot be read (${code ?? (e as Error).message})`)
  }
  return decodeGraphText(bytes, graphFile)
}

function requireString(flags: ParsedArgs['flags'], name: string, command: string): string {
  const v = flags[name]
  if (typeof v !== 'string') throw new UserError(`${command}: --${name} REV is required`)
  return v
}

/** `imagegraph run`: restore or run the processes the affected images need (builds come next). */
async function runProcessesCli(
  p: Plan,
  repo: string,
  flags: ParsedArgs['flags'],
  io: Io
): Promise<ProcessesRun> {
  const env = process.env
  const { spec } = chooseCacheSpec(
    typeof flags.cache === 'string' ? flags.cache : undefined,
    '--cache',
    env,
    'cli',
    process.platform
  )
  let parallel: number | undefined
  if (typeof flags.parallel === 'string') {
    parallel = Number(flags.parallel)
    if (!Number.isInteger(parallel) || parallel < 1)
      throw new UserError(`run: --parallel ${flags.parallel} is not a whole number of at least 1`)
  }
  const reporter: Reporter = {
    info: m => io.err(`${m}\n`),
    warning: m => io.err(`warning: ${m}\n`),
    debug: () => undefined,
    group: (name, lines) => io.err([`== ${name}`, ...lines, ''].join('\n')),
    mask: () => undefined,
    processLine: (name, line) => io.err(`[${name}] ${line}\n`)
  }
  reporter.info(`cache: ${formatCacheSpec(spec)}`)
  return runProcesses(
    {
      plan: p,
      imagesToBuild: affectedImages(p).map(n => n.name),
      repository: repo,
      // A workstation is trusted with its own cache directory.
      saveCache: true,
      ...(parallel !== undefined ? { parallel } : {}),
      callerEnv: env
    },
    {
      cache: createCache(spec, { cwd: io.cwd }),
      runner: new BashProcessRunner(),
      reporter
    }
  )
}

export async function runCli(argv: string[], io: Io): Promise<number> {
  try {
    const args = parseArgs(argv)
    if (args.command === 'help' || args.flags.help) {
      io.out(USAGE)
      return 0
    }
    if (args.command === 'version') {
      io.out(`${VERSION}\n`)
      return 0
    }
    const { git, repo, graphFile } = await locate(args.flags, io)
    switch (args.command) {
      case 'validate': {
        // Every problem at once: the file checks run on the nodes that parsed, even when others did not.
        const read = readGraph(readWorkingGraph(repo, graphFile), graphFile)
        if (!read.graph) throw new GraphError(read.problems)
        const graph = read.graph
        const files = scopeTrackedFiles(await git.workingFiles(), graphRoot(graphFile))
        const membership = new GraphFiles(graph, await readSymlinks(git, files)).membership(files)
        const problems = [...read.problems, ...checkGraphAgainstFiles(graph, membership)]
        const errors = problems.filter(p => p.severity === 'error')
        if (errors.length > 0) {
          throw new GraphError(sortProblems(problems))
        }
        for (const w of problems) io.err(`${formatProblem(w)}\n`)
        const count = (kind: string) =>
          [...graph.nodes.values()].filter(n => n.kind === kind).length
        io.out(
          `${graphFile}: valid (${count('config')} configs, ${count('process')} processes, ${count('image')} images)\n`
        )
        return 0
      }
      case 'graph': {
        const graph = parseGraph(readWorkingGraph(repo, graphFile), graphFile)
        const format = (args.flags.format as string | undefined) ?? 'mermaid'
        if (format === 'mermaid') io.out(graphMermaid(graph))
        else if (format === 'dot') io.out(graphDot(graph))
        else if (format === 'json') io.out(`${JSON.stringify(graphJson(graph), null, 2)}\n`)
        else
          throw new UserError(
            `graph: --format ${format} is not supported; use mermaid, dot or json`
          )
        return 0
      }
      case 'plan': {
        const p = await planRepository(git, {
          graphFile,
          base: requireString(args.flags, 'base', 'plan'),
          head: (args.flags.head as string | undefined) ?? 'HEAD',
          workingGraphText: workingFile(repo, graphFile)
        })
        if (args.flags.json) io.out(`${JSON.stringify(planToJson(p, formatProblem), null, 2)}\n`)
        else io.out(planText(p))
        return 0
      }
      case 'run': {
        const p = await planRepository(git, {
          graphFile,
          base: requireString(args.flags, 'base', 'run'),
          head: (args.flags.head as string | undefined) ?? 'HEAD',
          workingGraphText: workingFile(repo, graphFile)
        })
        const run = await runProcessesCli(p, repo, args.flags, io)
        if (args.flags.json) io.out(`${JSON.stringify(processesToJson(run), null, 2)}\n`)
        else io.out(processesText(run))
        return processesFailed(run).length > 0 ? 1 : 0
      }
      case 'why': {
        const name = args.positional[0]
        const p = await planRepository(git, {
          graphFile,
          base: requireString(args.flags, 'base', 'why'),
          head: (args.flags.head as string | undefined) ?? 'HEAD',
          workingGraphText: workingFile(repo, graphFile)
        })
        const node = p.nodes.get(name)
        if (!node)
          throw new UserError(`why: unknown node '${name}'${didYouMean(name, p.nodes.keys())}`)
        const base = args.flags.explain ? await keyBreakdownsAt(git, p.base, graphFile) : undefined
        if (args.flags.json) {
          const baseBreakdown = base === undefined ? undefined : (base?.get(name) ?? null)
          io.out(
            `${JSON.stringify({ ...node, ...(baseBreakdown !== undefined ? { baseBreakdown } : {}) }, null, 2)}\n`
          )
        } else io.out(whyText(p, node, base))
        return 0
      }
    }
    return 2
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
