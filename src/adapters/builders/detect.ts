// Which builder runs: the one asked for, or with `auto` the first that works here, in the order
// buildx, docker, podman, buildah, with one line saying why. Called only when an image is to be
// built (`lazyBuilder`), so a run with nothing to build needs no builder at all.
import type { Builder, BuilderName } from '../ports.js'
import { UserError } from '../../core/errors.js'
import { SpawnError, exec } from '../exec.js'
import { BuildxBuilder, type BuildxOptions } from './buildx.js'
import { ContainersToolBuilder, type ContainersToolOptions } from './containers-tools.js'
import { DockerBuilder, type DockerOptions } from './docker.js'

export type BuilderChoice = BuilderName | 'auto'
export const BUILDER_CHOICES: readonly BuilderChoice[] = [
  'auto',
  'buildx',
  'docker',
  'podman',
  'buildah'
]
export const AUTO_ORDER: readonly BuilderName[] = ['buildx', 'docker', 'podman', 'buildah']

export interface BuilderOptions {
  buildx?: BuildxOptions
  docker?: DockerOptions
  podman?: ContainersToolOptions
  buildah?: ContainersToolOptions
}

/** What probing one builder found: usable or not, and in a few words why. */
export interface ProbeResult {
  name: BuilderName
  usable: boolean
  /** `docker not found`, `docker found but no daemon reachable (...)`, `buildah 1.28.2`. */
  note: string
  /** buildx: the driver of the builder that would run (`docker`, `docker-container`, ...). */
  driver?: string
}

/** The first usable builder in `AUTO_ORDER` and the line that explains the choice (pure). */
export function chooseBuilder(
  probes: ProbeResult[]
): { name: BuilderName; reason: string } | undefined {
  const chosen = probes.find(p => p.usable)
  if (!chosen) return undefined
  return {
    name: chosen.name,
    reason: `${chosen.name}: ${joinNotes(probes.slice(0, probes.indexOf(chosen) + 1))}`
  }
}

/** The probes' notes in order, each said once (buildx and docker both find no `docker`). */
function joinNotes(probes: ProbeResult[]): string {
  return [...new Set(probes.map(p => p.note))].join(', ')
}

/** ` (first line of stderr)`, or nothing when the command said nothing. */
function said(line: string): string {
  return line ? ` (${line})` : ''
}

async function run(command: string, args: string[], env?: NodeJS.ProcessEnv) {
  try {
    const r = await exec(command, args, { env, timeoutMs: 30000, maxBuffer: 1 << 16 })
    const firstErr = r.stderr.toString('utf8').trim().split('\n')[0] ?? ''
    return { found: true, ok: r.code === 0, stdout: r.stdout.toString('utf8'), firstErr }
  } catch (e) {
    if (e instanceof SpawnError) return { found: false, ok: false, stdout: '', firstErr: '' }
    throw e
  }
}

function dockerEnv(host?: string): NodeJS.ProcessEnv {
  return host ? { ...process.env, DOCKER_HOST: host } : process.env
}

function storageArgs(o: ContainersToolOptions = {}): string[] {
  const args: string[] = []
  if (o.root) args.push('--root', o.root)
  if (o.runroot) args.push('--runroot', o.runroot)
  if (o.storageDriver) args.push('--storage-driver', o.storageDriver)
  return args
}

/** Probes one builder with real commands (a version, then whether it can work). */
export async function probeBuilder(
  name: BuilderName,
  options: BuilderOptions = {}
): Promise<ProbeResult> {
  switch (name) {
    case 'buildx': {
      const o = options.buildx ?? {}
      const docker = o.command ?? 'docker'
      const env = dockerEnv(o.host)
      const version = await run(docker, ['buildx', 'version'], env)
      if (!version.found) return { name, usable: false, note: 'docker not found' }
      if (!version.ok) return { name, usable: false, note: 'docker buildx not installed' }
      const inspect = await run(
        docker,
        ['buildx', 'inspect', ...(o.builder ? [o.builder] : [])],
        env
      )
      const driver = /^Driver:\s*(\S+)/m.exec(inspect.stdout)?.[1]
      const status = /^Status:\s*(\S+)/m.exec(inspect.stdout)?.[1]
      if (!inspect.ok || status === 'error') {
        return {
          name,
          usable: false,
          note: `buildx found but its builder is not usable${said(inspect.firstErr || status || '')}`
        }
      }
      const v = version.stdout.trim().split(/\s+/)[1] ?? ''
      return {
        name,
        usable: true,
        driver,
        note: `docker buildx ${v} (driver ${driver ?? 'unknown'})`
      }
    }
    case 'docker': {
      const o = options.docker ?? {}
      const r = await run(
        o.command ?? 'docker',
        ['version', '--format', '{{.Server.Version}}'],
        dockerEnv(o.host)
      )
      if (!r.found) return { name, usable: false, note: 'docker not found' }
      if (!r.ok)
        return {
          name,
          usable: false,
          note: `docker found but no daemon reachable${said(r.firstErr)}`
        }
      return { name, usable: true, note: `docker daemon ${r.stdout.trim()}` }
    }
    case 'podman':
    case 'buildah': {
      const o = options[name] ?? {}
      const command = o.command ?? name
      // `info` opens the storage: a podman that cannot (no user namespaces, bad driver) is not usable.
      const args =
        name === 'podman'
          ? [...storageArgs(o), 'info', '--format', '{{.Store.GraphDriverName}}']
          : [...storageArgs(o), 'info']
      const r = await run(command, args)
      if (!r.found) return { name, usable: false, note: `${name} not found` }
      if (!r.ok)
        return {
          name,
          usable: false,
          note: `${name} found but \`${name} info\` failed${said(r.firstErr)}`
        }
      return { name, usable: true, note: `${name} found` }
    }
  }
}

/** The builder asked for, or with `auto` the first in `AUTO_ORDER` that works (UserError if none). */
export async function detectBuilder(
  choice: BuilderChoice,
  options: BuilderOptions = {}
): Promise<{ builder: Builder; reason: string }> {
  if (choice !== 'auto')
    return {
      builder: makeBuilder(choice, options),
      reason: `${choice}: chosen by the builder setting`
    }
  const probes: ProbeResult[] = []
  for (const name of AUTO_ORDER) {
    const probe = await probeBuilder(name, options)
    probes.push(probe)
    if (probe.usable) break
  }
  const chosen = chooseBuilder(probes)
  if (!chosen) {
    throw new UserError(
      `no image builder works here: ${joinNotes(probes)}; install docker (with buildx), podman or buildah, or set the builder`
    )
  }
  const buildx = probes.find(p => p.name === 'buildx')
  const withDriver: BuilderOptions =
    chosen.name === 'buildx' && options.buildx?.localOutput === undefined
      ? {
          ...options,
          buildx: {
            ...options.buildx,
            localOutput: buildx?.driver === 'docker' ? 'load' : 'oci-layout'
          }
        }
      : options
  return { builder: makeBuilder(chosen.name, withDriver), reason: chosen.reason }
}

export function makeBuilder(name: BuilderName, options: BuilderOptions = {}): Builder {
  switch (name) {
    case 'buildx':
      return new BuildxBuilder(options.buildx)
    case 'docker':
      return new DockerBuilder(options.docker)
    case 'podman':
      return new ContainersToolBuilder('podman', options.podman)
    case 'buildah':
      return new ContainersToolBuilder('buildah', options.buildah)
  }
}

/** Detection deferred to the first call and done once: call it only when an image is to be built. */
export function lazyBuilder(
  choice: BuilderChoice,
  options: BuilderOptions = {}
): () => Promise<{ builder: Builder; reason: string }> {
  let detected: Promise<{ builder: Builder; reason: string }> | undefined
  return () => (detected ??= detectBuilder(choice, options))
}
