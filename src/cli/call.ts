// What every CLI command gets, and the option readers more than one command shares. Apart from
// src/cli.ts so that the commands loaded on demand (run, retag) need not import the command table.
import * as path from 'node:path'
import type { GraphLocation } from '../adapters/working-tree.js'
import { namedRange } from '../commands/plan.js'
import type { ResolvedBase } from '../core/base.js'
import { UserError } from '../core/errors.js'

export interface ParsedArgs {
  command: string
  positional: string[]
  flags: Record<string, string | boolean>
}

export interface Io {
  cwd: string
  out: (text: string) => void
  err: (text: string) => void
}

/** What a command's run gets: its arguments, the terminal, and where the graph file is. */
export interface CommandCall {
  args: ParsedArgs
  io: Io
  location: GraphLocation
}

/** The revisions `--base` and `--head` name; --base is required. */
export function namedRevisions(args: ParsedArgs): ResolvedBase {
  const base = args.flags.base
  if (typeof base !== 'string') throw new UserError(`${args.command}: --base REV is required`)
  return namedRange(base, typeof args.flags.head === 'string' ? args.flags.head : 'HEAD')
}

/** A list flag (`--tags a,b`, `--images a,b`) read by its parser; undefined when not given. */
export function listFlag(
  args: ParsedArgs,
  name: string,
  parse: (text: string) => string[]
): string[] | undefined {
  const value = args.flags[name]
  return typeof value === 'string' ? parse(value) : undefined
}

/** The value of a string option, or undefined. */
export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const value = args.flags[name]
  return typeof value === 'string' ? value : undefined
}

/** --insecure-registry and --registry-ca-file (relative to the current directory). */
export function registryConnection(
  args: ParsedArgs,
  io: Io
): { insecure: boolean; caFile?: string } {
  const caFile = args.flags['registry-ca-file']
  return {
    insecure: args.flags['insecure-registry'] === true,
    ...(typeof caFile === 'string' ? { caFile: path.resolve(io.cwd, caFile) } : {})
  }
}
