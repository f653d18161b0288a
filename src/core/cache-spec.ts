// Which cache backend a run uses: the `cache` input / `--cache` flag (`gha | local:DIR | none`), or
// the default for where it runs. Pure: the environment is passed in.
import * as path from 'node:path'
import { UserError } from './errors.js'

export type CacheSpec = { kind: 'gha' } | { kind: 'local'; dir: string } | { kind: 'none' }

/** Parse `gha`, `local:DIR` or `none`; `source` names the input or flag for the error message. */
export function parseCacheSpec(value: string, source: string): CacheSpec {
  const v = value.trim()
  if (v === 'gha') return { kind: 'gha' }
  if (v === 'none') return { kind: 'none' }
  if (v.startsWith('local:')) {
    const dir = v.slice('local:'.length)
    if (dir === '')
      throw new UserError(`${source}: 'local:' needs a directory, e.g. local:/var/cache/imagegraph`)
    return { kind: 'local', dir }
  }
  throw new UserError(
    `${source}: ${JSON.stringify(value)} is not a cache backend; use gha, local:DIR or none`
  )
}

export function formatCacheSpec(spec: CacheSpec): string {
  return spec.kind === 'local' ? `local:${spec.dir}` : spec.kind
}

type Env = Record<string, string | undefined>

/** True when the runner provides the Actions cache service that `@actions/cache` talks to. */
export function hasActionsCacheService(env: Env): boolean {
  if (!env.ACTIONS_RUNTIME_TOKEN) return false
  return env.ACTIONS_CACHE_SERVICE_V2 ? !!env.ACTIONS_RESULTS_URL : !!env.ACTIONS_CACHE_URL
}

/** The per-user cache directory of the platform (XDG on Linux), or undefined when unknown. */
export function userCacheDir(env: Env, platform: string): string | undefined {
  if (platform === 'win32') return env.LOCALAPPDATA || undefined
  if (platform === 'darwin') return env.HOME ? path.join(env.HOME, 'Library', 'Caches') : undefined
  if (env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME)) return env.XDG_CACHE_HOME
  return env.HOME ? path.join(env.HOME, '.cache') : undefined
}

/**
 * The backend when none is asked for: the Actions cache when the runner provides it; otherwise the
 * CLI keeps entries under the user's cache directory, and the action caches nothing.
 */
export function defaultCacheSpec(
  env: Env,
  caller: 'action' | 'cli',
  platform: string
): { spec: CacheSpec; reason: string } {
  if (hasActionsCacheService(env))
    return { spec: { kind: 'gha' }, reason: 'the runner provides the Actions cache service' }
  if (caller === 'cli') {
    const dir = userCacheDir(env, platform)
    if (dir)
      return {
        spec: { kind: 'local', dir: path.join(dir, 'imagegraph') },
        reason: "the user's cache directory"
      }
    return { spec: { kind: 'none' }, reason: 'no user cache directory (HOME is not set)' }
  }
  return {
    spec: { kind: 'none' },
    reason:
      'the runner provides no Actions cache service (ACTIONS_RUNTIME_TOKEN, ACTIONS_RESULTS_URL)'
  }
}

/** The backend asked for (by input or flag, named `source`), else the default for the caller. */
export function chooseCacheSpec(
  value: string | undefined,
  source: string,
  env: Env,
  caller: 'action' | 'cli',
  platform: string
): { spec: CacheSpec; reason: string } {
  if (!value) return defaultCacheSpec(env, caller, platform)
  const spec = parseCacheSpec(value, source)
  if (spec.kind === 'gha' && !hasActionsCacheService(env))
    throw new UserError(
      `${source}: gha needs the Actions cache service (ACTIONS_RUNTIME_TOKEN with ACTIONS_RESULTS_URL or ACTIONS_CACHE_URL), which this run does not have; use local:DIR or none`
    )
  return { spec, reason: source }
}
