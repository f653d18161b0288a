// Registry credentials as `docker login` and docker/login-action leave them: the docker config file
// (`$DOCKER_CONFIG/config.json` or `~/.docker/config.json`) with its `auths` entries, and the
// credential helpers it names (`credHelpers` per registry, `credsStore` for all), run as
// `docker-credential-<name> get` with the server address on stdin.
import { readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import * as path from 'node:path'
import { UserError } from '../core/errors.js'
import { exec, SpawnError } from './exec.js'

export interface RegistryCredentials {
  username?: string
  password?: string
  /** An OAuth2 refresh token (`identitytoken`), exchanged at the token realm for access tokens. */
  identityToken?: string
}

export interface DockerAuthEntry extends RegistryCredentials {
  /** The key as written in `auths` (may carry a scheme or path). */
  serverAddress: string
}

export interface DockerConfig {
  auths: DockerAuthEntry[]
  credHelpers: Record<string, string>
  credsStore?: string
}

const DOCKER_HUB = ['docker.io', 'index.docker.io', 'registry-1.docker.io']

/**
 * `example.com:5000` from any way an `auths` key or helper entry may spell the registry:
 * `https://example.com:5000/v2/`, `http://example.com:5000`, `example.com:5000`.
 */
export function registryHostOf(address: string): string {
  const withoutScheme = address.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
  const host = withoutScheme.split('/')[0].toLowerCase()
  // Docker Hub is written three ways; `docker login` stores it as https://index.docker.io/v1/.
  return DOCKER_HUB.includes(host) ? 'docker.io' : host
}

/** Reads a docker config file's text; `file` names it in errors. Pure. */
export function parseDockerConfig(text: string, file: string): DockerConfig {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (e) {
    throw new UserError(`${file}: not valid JSON (${(e as Error).message})`)
  }
  if (!json || typeof json !== 'object' || Array.isArray(json))
    throw new UserError(`${file}: expected a JSON object`)
  const raw = json as Record<string, unknown>
  const auths: DockerAuthEntry[] = []
  const rawAuths = raw.auths ?? {}
  if (typeof rawAuths !== 'object' || Array.isArray(rawAuths))
    throw new UserError(`${file}: "auths" must be an object keyed by registry`)
  for (const [serverAddress, value] of Object.entries(rawAuths as Record<string, unknown>)) {
    if (!value || typeof value !== 'object') continue
    const v = value as Record<string, unknown>
    const entry: DockerAuthEntry = { serverAddress }
    if (typeof v.auth === 'string' && v.auth !== '') {
      const decoded = Buffer.from(v.auth, 'base64').toString('utf8')
      const colon = decoded.indexOf(':')
      if (colon < 0)
        throw new UserError(
          `${file}: auths["${serverAddress}"].auth is not base64 of "username:password"`
        )
      entry.username = decoded.slice(0, colon)
      entry.password = decoded.slice(colon + 1)
    }
    if (typeof v.username === 'string' && v.username !== '') entry.username = v.username
    if (typeof v.password === 'string' && v.password !== '') entry.password = v.password
    if (typeof v.identitytoken === 'string' && v.identitytoken !== '')
      entry.identityToken = v.identitytoken
    auths.push(entry)
  }
  const credHelpers: Record<string, string> = {}
  if (raw.credHelpers && typeof raw.credHelpers === 'object') {
    for (const [host, helper] of Object.entries(raw.credHelpers as Record<string, unknown>))
      if (typeof helper === 'string' && helper !== '') credHelpers[registryHostOf(host)] = helper
  }
  const config: DockerConfig = { auths, credHelpers }
  if (typeof raw.credsStore === 'string' && raw.credsStore !== '')
    config.credsStore = raw.credsStore
  return config
}

/** The `auths` entry for a registry host, matching however its key spells the host. */
export function authEntryFor(config: DockerConfig, host: string): DockerAuthEntry | undefined {
  const wanted = registryHostOf(host)
  return config.auths.find(a => registryHostOf(a.serverAddress) === wanted)
}

/** Which helper holds a registry's credentials: its own in `credHelpers`, else `credsStore`. */
export function helperFor(config: DockerConfig, host: string): string | undefined {
  return config.credHelpers[registryHostOf(host)] ?? config.credsStore
}

/** A helper's `get` answer (`{"ServerURL","Username","Secret"}`) as credentials. Pure. */
export function parseHelperAnswer(stdout: string, helper: string): RegistryCredentials {
  let json: Record<string, unknown>
  try {
    json = JSON.parse(stdout) as Record<string, unknown>
  } catch {
    throw new UserError(`docker-credential-${helper} get: answered something that is not JSON`)
  }
  const username = typeof json.Username === 'string' ? json.Username : ''
  const secret = typeof json.Secret === 'string' ? json.Secret : ''
  // Docker's convention: the user name `<token>` marks the secret as an identity token.
  if (username === '<token>') return { identityToken: secret }
  return { username, password: secret }
}

export function dockerConfigPath(env: NodeJS.ProcessEnv): string {
  const dir = env.DOCKER_CONFIG || path.join(env.HOME || homedir(), '.docker')
  return path.join(dir, 'config.json')
}

/** The docker config in effect, or an empty one when there is no file. */
export function readDockerConfig(env: NodeJS.ProcessEnv = process.env): DockerConfig {
  const file = dockerConfigPath(env)
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { auths: [], credHelpers: {} }
    throw new UserError(`${file}: cannot read the docker config (${(e as Error).message})`)
  }
  return parseDockerConfig(text, file)
}

async function runHelper(
  helper: string,
  serverAddress: string,
  env: NodeJS.ProcessEnv
): Promise<RegistryCredentials | undefined> {
  const command = `docker-credential-${helper}`
  let result
  try {
    result = await exec(command, ['get'], { input: serverAddress, env, timeoutMs: 30000 })
  } catch (e) {
    if (e instanceof SpawnError)
      throw new UserError(
        `the docker config names credential helper '${helper}', but ${command} cannot be run (${e.code ?? e.message}); install it or remove it from the docker config`
      )
    throw e
  }
  const stdout = result.stdout.toString('utf8').trim()
  if (result.code !== 0) {
    // The helper protocol's answer for "nothing stored for this registry".
    if (/credentials not found/i.test(stdout + result.stderr.toString('utf8'))) return undefined
    const detail = (result.stderr.toString('utf8').trim() || stdout).split('\n')[0]
    throw new UserError(
      `${command} get failed for ${serverAddress} (exit ${result.code ?? result.signal}): ${detail}`
    )
  }
  return parseHelperAnswer(stdout, helper)
}

/**
 * The credentials the docker config holds for `host`, or undefined (anonymous). A helper is asked
 * first, with the address as the `auths` key spells it when there is one; when it has nothing, the
 * `auths` entry's own fields are used.
 */
export async function dockerCredentials(
  host: string,
  env: NodeJS.ProcessEnv = process.env
): Promise<RegistryCredentials | undefined> {
  const config = readDockerConfig(env)
  const entry = authEntryFor(config, host)
  const helper = helperFor(config, host)
  if (helper) {
    const fromHelper = await runHelper(helper, entry?.serverAddress ?? host, env)
    if (fromHelper) return fromHelper
  }
  if (!entry) return undefined
  const { serverAddress: _, ...credentials } = entry
  return credentials.username || credentials.identityToken ? credentials : undefined
}
