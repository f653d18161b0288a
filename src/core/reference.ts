// Image references as registries read them: `registry/repository[:tag][@digest]`, with the rules of
// the OCI distribution spec for repository names, tags and digests, and errors that say what is
// allowed. Pure: the registry client and the graph checks both use it.
import { UserError } from './errors.js'

export interface ImageReference {
  /** `host[:port]`; absent when the text names none (the caller supplies its registry). */
  registry?: string
  /** `/`-separated lowercase path components, e.g. `team/api`. */
  repository: string
  tag?: string
  /** `algorithm:hex`, e.g. `sha256:...`. */
  digest?: string
}

const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/
const COMPONENT = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*$/
/** Known digest algorithms and the length of their hex encoding. */
const DIGEST_HEX_LENGTH: Record<string, number> = { sha256: 64, sha512: 128 }
const DOMAIN_COMPONENT = /^(?:[A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9])$/
/** Docker's limit on `registry/repository`. */
export const MAX_NAME_LENGTH = 255

/** Why `tag` is not a valid tag, or undefined when it is one. */
export function tagProblem(tag: string): string | undefined {
  if (TAG.test(tag)) return undefined
  if (tag === '') return 'tag is empty'
  if (tag.length > 128)
    return `tag '${tag}' is ${tag.length} characters long; at most 128 are allowed`
  if (/^[.-]/.test(tag))
    return `tag '${tag}' starts with '${tag[0]}'; a tag starts with a letter, digit or '_'`
  const bad = [...tag].find(c => !/[A-Za-z0-9_.-]/.test(c))!
  return `tag '${tag}' contains ${JSON.stringify(bad)}; a tag holds only letters, digits, '_', '.' and '-'`
}

/** Why `repository` is not a valid repository name, or undefined when it is one. */
export function repositoryProblem(repository: string): string | undefined {
  if (repository === '') return 'repository name is empty'
  if (repository.length > MAX_NAME_LENGTH)
    return `repository '${repository}' is ${repository.length} characters long; at most ${MAX_NAME_LENGTH} are allowed`
  const components = repository.split('/')
  for (const c of components) {
    if (COMPONENT.test(c)) continue
    const what = `repository '${repository}'`
    if (c === '') return `${what} has an empty path component (a leading, trailing or double '/')`
    if (/[A-Z]/.test(c))
      return `${what} has uppercase letters in '${c}'; repository names are lowercase`
    const bad = [...c].find(ch => !/[a-z0-9._-]/.test(ch))
    if (bad !== undefined)
      return `${what} contains ${JSON.stringify(bad)} in '${c}'; a path component holds lowercase letters, digits and the separators '.', '_', '__', '-'`
    return `${what} has a misplaced separator in '${c}'; '.', '_', '__' or '-' may only stand between letters or digits`
  }
  return undefined
}

/** Why `digest` is not a digest this tool accepts, or undefined when it is one. */
export function digestProblem(digest: string): string | undefined {
  const colon = digest.indexOf(':')
  if (colon < 0) return `digest '${digest}' has no algorithm; write it as 'sha256:<64 hex digits>'`
  const algorithm = digest.slice(0, colon)
  const hex = digest.slice(colon + 1)
  const length = DIGEST_HEX_LENGTH[algorithm]
  if (length === undefined)
    return `digest '${digest}' uses algorithm '${algorithm}'; allowed: ${Object.keys(DIGEST_HEX_LENGTH).join(', ')}`
  if (hex.length !== length || !/^[a-f0-9]+$/.test(hex))
    return `digest '${digest}': a ${algorithm} digest is ${length} lowercase hex digits`
  return undefined
}

/** Why `registry` is not a `host[:port]`, or undefined when it is one. */
export function registryProblem(registry: string): string | undefined {
  const m = /^(\[[0-9A-Fa-f:.]+\]|[^:/]+)(?::(\d+))?$/.exec(registry)
  const what = `registry '${registry}'`
  if (!m) return `${what} is not host[:port] (no scheme, no path)`
  const [, host, port] = m
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535))
    return `${what} has port ${port}; a port is 1 to 65535`
  if (host.startsWith('[')) return undefined
  if (!host.split('.').every(c => DOMAIN_COMPONENT.test(c)))
    return `${what}: '${host}' is not a host name or IPv4 address`
  return undefined
}

export function isDigest(reference: string): boolean {
  return digestProblem(reference) === undefined
}

/** A reference's first component names a registry when it looks like a host, as Docker decides. */
function looksLikeRegistry(component: string): boolean {
  return component.includes('.') || component.includes(':') || component === 'localhost'
}

/**
 * Reads `[registry/]repository[:tag][@digest]`. Throws a UserError naming `what` (e.g. `--from`) and
 * the first rule the text breaks.
 */
export function parseReference(text: string, what = 'image reference'): ImageReference {
  const fail = (problem: string): never => {
    throw new UserError(`${what} '${text}': ${problem}`)
  }
  if (text.trim() !== text || text === '') fail('is empty or has surrounding spaces')
  let rest = text
  let digest: string | undefined
  const at = rest.indexOf('@')
  if (at >= 0) {
    digest = rest.slice(at + 1)
    rest = rest.slice(0, at)
    const p = digestProblem(digest)
    if (p) fail(p)
  }
  let tag: string | undefined
  const lastSlash = rest.lastIndexOf('/')
  const colon = rest.indexOf(':', lastSlash + 1)
  if (colon >= 0) {
    tag = rest.slice(colon + 1)
    rest = rest.slice(0, colon)
    const p = tagProblem(tag)
    if (p) fail(p)
  }
  let registry: string | undefined
  const firstSlash = rest.indexOf('/')
  if (firstSlash >= 0 && looksLikeRegistry(rest.slice(0, firstSlash))) {
    registry = rest.slice(0, firstSlash)
    rest = rest.slice(firstSlash + 1)
    const p = registryProblem(registry)
    if (p) fail(p)
  }
  const p = repositoryProblem(rest)
  if (p) fail(p)
  const full = registry ? `${registry}/${rest}` : rest
  if (full.length > MAX_NAME_LENGTH)
    fail(`the name is ${full.length} characters long; at most ${MAX_NAME_LENGTH} are allowed`)
  const reference: ImageReference = { repository: rest }
  if (registry !== undefined) reference.registry = registry
  if (tag !== undefined) reference.tag = tag
  if (digest !== undefined) reference.digest = digest
  return reference
}

/** `registry/repository[:tag][@digest]`, the form builders and `skopeo` read. */
export function formatReference(reference: ImageReference): string {
  let text = reference.registry
    ? `${reference.registry}/${reference.repository}`
    : reference.repository
  if (reference.tag !== undefined) text += `:${reference.tag}`
  if (reference.digest !== undefined) text += `@${reference.digest}`
  return text
}

/** Throws a UserError when `tag` is not a valid tag; `what` names where it came from. */
export function assertTag(tag: string, what = 'tag'): void {
  const p = tagProblem(tag)
  if (p) throw new UserError(`${what}: ${p}`)
}

/** Throws a UserError when `repository` is not a valid repository name. */
export function assertRepository(repository: string, what = 'repository'): void {
  const p = repositoryProblem(repository)
  if (p) throw new UserError(`${what}: ${p}`)
}

/** A manifest reference is a tag or a digest; throws a UserError when it is neither. */
export function assertManifestReference(reference: string, what = 'reference'): void {
  if (reference.includes(':')) {
    const p = digestProblem(reference)
    if (p) throw new UserError(`${what}: ${p}`)
  } else assertTag(reference, what)
}
