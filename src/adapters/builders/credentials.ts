// Registry credentials for builders without putting a password on a command line (where `ps` and
// logs would show it): a private temp dir (0700) holding an auth file (0600), removed after the build.
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { homedir, tmpdir } from 'node:os'
import * as path from 'node:path'
import type { RegistryConnection } from '../ports.js'

/** A temp dir only this user can read, for auth files, id and digest files; `remove()` when done. */
export function privateWorkDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'imagegraph-build-'))
  chmodSync(dir, 0o700)
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

function basicAuth(username: string, password: string): string {
  return Buffer.from(`${username}:${password}`, 'utf8').toString('base64')
}

function writePrivate(file: string, json: unknown): void {
  writeFileSync(file, JSON.stringify(json, null, 2) + '\n', { mode: 0o600 })
  chmodSync(file, 0o600)
}

/**
 * For buildah and podman (`--authfile`): the user's auth file when given, else one written into
 * `dir` from the username and password, else none (their default auth file applies).
 */
export function containersAuthFile(dir: string, registry?: RegistryConnection): string | undefined {
  if (registry?.username !== undefined && registry.password !== undefined) {
    const file = path.join(dir, 'auth.json')
    writePrivate(file, {
      auths: { [registry.host]: { auth: basicAuth(registry.username, registry.password) } }
    })
    return file
  }
  return registry?.authFile
}

/**
 * For docker and buildx (`DOCKER_CONFIG`): when the request brings credentials, a config dir in `dir`
 * whose `config.json` is the user's (or the given auth file) with this registry's entry added and
 * any credential store for it removed (a `credsStore` would be asked before `auths`); the rest of the
 * user's config dir (buildx builders, CLI plugins, contexts) is linked in so buildx keeps its builder.
 * Undefined when there is nothing to add: the user's own config applies unchanged.
 */
export function dockerConfigDir(
  dir: string,
  registry: RegistryConnection | undefined,
  userConfigDir = process.env.DOCKER_CONFIG || path.join(homedir(), '.docker')
): string | undefined {
  const hasPassword = registry?.username !== undefined && registry.password !== undefined
  if (!registry || (!hasPassword && !registry.authFile)) return undefined
  const configDir = path.join(dir, 'docker-config')
  const base = registry.authFile ?? path.join(userConfigDir, 'config.json')
  let config: Record<string, unknown> = {}
  if (existsSync(base)) config = JSON.parse(readFileSync(base, 'utf8')) as Record<string, unknown>
  if (hasPassword) {
    const auths = { ...((config.auths as Record<string, unknown>) ?? {}) }
    auths[registry.host] = { auth: basicAuth(registry.username!, registry.password!) }
    const helpers = { ...((config.credHelpers as Record<string, string>) ?? {}) }
    delete helpers[registry.host]
    const { credsStore: _dropped, ...rest } = config
    config = { ...rest, auths, credHelpers: helpers }
  }
  mkdirSync(configDir, { mode: 0o700 })
  writePrivate(path.join(configDir, 'config.json'), config)
  if (existsSync(userConfigDir)) {
    for (const entry of readdirSync(userConfigDir)) {
      if (entry === 'config.json') continue
      symlinkSync(path.join(userConfigDir, entry), path.join(configDir, entry))
    }
  }
  return configDir
}
