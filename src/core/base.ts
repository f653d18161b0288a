// Which base to compare against for each event GitHub sends, decided from the payload alone.
// Resolving it (fetching commits, finding merge-bases and tags) is src/commands/resolve-base.ts's job.

// semver's functions one by one, not its whole index (ranges and all), which every start would load.
import compareSemver from 'semver/functions/compare.js'
import compareSemverBuild from 'semver/functions/compare-build.js'
import parseSemver from 'semver/functions/parse.js'
import type { SemVer } from 'semver'
import { shortId } from './render/text.js'

export const ZERO_SHA = /^0+$/

export interface EventInfo {
  eventName: string
  // The event payload, as in GITHUB_EVENT_PATH.
  payload: Record<string, unknown>
  /** GITHUB_SHA. */
  sha: string
  /** GITHUB_REF. */
  ref: string
  /** Input `base`: overrides everything. */
  inputBase?: string
  /** Input `head`: plan this revision instead of the event's head commit. */
  inputHead?: string
  /** Set when there is no payload (GITHUB_EVENT_PATH unset): why; no base can come from it. */
  payloadMissing?: string
}

export type BaseStrategy =
  /** Compare two commits as trees. `base` may be a revision name (input `base`). */
  | { kind: 'range'; base: string; head: string; why: string }
  /** Compare the merge-base of `base` and `head` with head; a `base` that is not a sha is a branch. */
  | { kind: 'merge-base'; base: string; head: string; why: string }
  /** Compare with the previous tag of the same series. */
  | { kind: 'previous-tag'; tag: string; head: string; why: string }
  /** No base: every node is affected. */
  | { kind: 'everything'; head: string; why: string }
  /** Nothing to build: the event removes what it is about (a deleted branch or tag). */
  | { kind: 'nothing'; head: string; why: string }

/** The two commits a plan compares, or why there is no base and every node is affected. */
export type ResolvedBase =
  /** Compare base with head; `why` says how the base was chosen. */
  | { kind: 'range'; base: string; head: string; why: string }
  /** No base by design (a first push, an event that names none): every node is affected. */
  | { kind: 'everything'; head: string; reason: string }
  /** A base was wanted (`why`) but could not be had (`missing`): every node is affected. */
  | { kind: 'base-unavailable'; head: string; why: string; missing: string }

/** The base's story in one line (output `base-reason`, the summary's first line). */
export function baseReason(resolved: ResolvedBase): string {
  switch (resolved.kind) {
    case 'range':
      return resolved.why
    case 'everything':
      return resolved.reason
    case 'base-unavailable':
      return `base unavailable: ${resolved.missing}`
  }
}

/** Why every node is affected, or undefined when there is a base to compare with. */
export function everythingReason(resolved: ResolvedBase): string | undefined {
  return resolved.kind === 'range' ? undefined : baseReason(resolved)
}

type Json = Record<string, unknown>
/** A payload field as an object, `{}` when it is not one. */
export const obj = (v: unknown): Json => (v && typeof v === 'object' ? (v as Json) : {})
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined)

/** The commit an event is about: a pull request's head, never its merge commit nor its base. */
function headOf(e: EventInfo): string {
  if (e.eventName === 'pull_request' || e.eventName === 'pull_request_target')
    return str(obj(obj(obj(e.payload).pull_request).head).sha) ?? e.sha
  return e.sha
}

export function chooseBase(e: EventInfo): BaseStrategy {
  const strategy = chooseForEvent(e)
  if (!e.inputHead) return strategy
  return { ...strategy, head: e.inputHead, why: `${strategy.why}; input 'head' is ${e.inputHead}` }
}

function chooseForEvent(e: EventInfo): BaseStrategy {
  const p = e.payload
  const head = e.sha
  if (e.inputBase)
    return {
      kind: 'range',
      base: e.inputBase,
      head: headOf(e),
      why: `input 'base' is ${e.inputBase}`
    }

  if (e.payloadMissing)
    return {
      kind: 'everything',
      head,
      why: `${e.eventName || 'unknown'} event without its payload (${e.payloadMissing}) and no input 'base'`
    }
  switch (e.eventName) {
    case 'push': {
      const ref = str(p.ref) ?? e.ref
      const after = str(p.after)
      const before = str(p.before)
      // A deleted branch or tag: checked before tags, as a deleted tag has no commit to compare.
      // What is gone has nothing to build; what it pointed at was built when it was pushed.
      if (p.deleted === true || (after && ZERO_SHA.test(after)))
        return { kind: 'nothing', head, why: `push deleted ${ref}: nothing to build` }
      if (!after)
        return { kind: 'everything', head, why: `push payload without 'after' for ${ref}` }
      if (ref.startsWith('refs/tags/')) {
        const tag = ref.slice('refs/tags/'.length)
        // `after` of an annotated tag is the tag object; GITHUB_SHA is its commit.
        return { kind: 'previous-tag', tag, head, why: `push of tag ${tag}` }
      }
      const branch = ref.replace(/^refs\/heads\//, '')
      if (!before || ZERO_SHA.test(before)) {
        const defaultBranch = str(obj(p.repository).default_branch)
        if (!defaultBranch)
          return {
            kind: 'everything',
            head: after,
            why: `first push of ${branch}, and the payload names no default branch`
          }
        if (defaultBranch === branch)
          return {
            kind: 'everything',
            head: after,
            why: `first push of the default branch ${branch}`
          }
        return {
          kind: 'merge-base',
          base: `refs/heads/${defaultBranch}`,
          head: after,
          why: `first push of ${branch}: merge-base with the default branch ${defaultBranch}`
        }
      }
      const forced = p.forced === true
      return {
        kind: 'range',
        base: before,
        head: after,
        why: forced
          ? `forced push to ${branch}: ${shortId(before)}..${shortId(after)} compared as trees, so what the push dropped is rebuilt too`
          : `push to ${branch}: ${shortId(before)}..${shortId(after)}`
      }
    }
    case 'pull_request':
    case 'pull_request_target': {
      const pr = obj(p.pull_request)
      const baseSha = str(obj(pr.base).sha)
      const headSha = str(obj(pr.head).sha)
      const baseBranch = str(obj(pr.base).ref)
      const number = p.number ?? pr.number
      if (!baseSha || !headSha)
        return {
          kind: 'everything',
          head,
          why: `${e.eventName} payload without base and head commits`
        }
      return {
        kind: 'merge-base',
        base: baseSha,
        head: headSha,
        why: `pull request #${String(number)}: merge-base of ${baseBranch ?? 'base'} (${shortId(baseSha)}) and the PR head (${shortId(headSha)})`
      }
    }
    case 'merge_group': {
      const group = obj(p.merge_group)
      const baseSha = str(group.base_sha)
      const headSha = str(group.head_sha)
      if (!baseSha || !headSha)
        return {
          kind: 'everything',
          head,
          why: 'merge_group payload without base_sha and head_sha'
        }
      return {
        kind: 'range',
        base: baseSha,
        head: headSha,
        why: `merge queue: ${shortId(baseSha)}..${shortId(headSha)}`
      }
    }
    default:
      return { kind: 'everything', head, why: `${e.eventName} event and no input 'base'` }
  }
}

/** A tag split into its series (everything before the version) and its version numbers. */
export function tagVersion(
  tag: string
): { series: string; numbers: number[]; suffix: string } | undefined {
  const m = /^(.*?)(\d+(?:\.\d+)*)([-+][0-9A-Za-z.+-]*)?$/.exec(tag)
  if (!m) return undefined
  return { series: m[1], numbers: m[2].split('.').map(Number), suffix: m[3] ?? '' }
}

/** The part after the numbers as semver reads it (`-rc.10+build.2`), or null when it is not semver. */
function suffixVersion(suffix: string): SemVer | null {
  return parseSemver(`0.0.0${suffix}`)
}

/**
 * Semver precedence: numbers as numbers (any count of them; missing ones are 0), then a pre-release
 * before its release, pre-release identifiers numerically where numeric (`rc.9` < `rc.10`); build
 * metadata (`+build.2`) never counts.
 */
function compareVersions(
  a: { numbers: number[]; pre: SemVer },
  b: { numbers: number[]; pre: SemVer }
): number {
  const n = Math.max(a.numbers.length, b.numbers.length)
  for (let i = 0; i < n; i++) {
    const d = (a.numbers[i] ?? 0) - (b.numbers[i] ?? 0)
    if (d !== 0) return d
  }
  return compareSemver(a.pre, b.pre)
}

/**
 * The newest tag before `tag` in the same series (`api/v1.2.2` for `api/v1.2.3`), in semver's
 * order. `matches`, from input `tag-pattern`, limits which tags form the series. A tag whose
 * suffix is not semver cannot be ordered: it is no one's previous tag (an older base only makes
 * more affected), and a pushed tag like it has none.
 */
export function previousTag(
  tag: string,
  tags: string[],
  matches?: (t: string) => boolean
): string | undefined {
  const versionOf = (t: string) => {
    const v = tagVersion(t)
    const pre = v && suffixVersion(v.suffix)
    return v && pre ? { ...v, pre } : undefined
  }
  const current = versionOf(tag)
  if (!current) return undefined
  let best: { tag: string; v: NonNullable<ReturnType<typeof versionOf>> } | undefined
  for (const t of tags) {
    if (t === tag) continue
    if (matches ? !matches(t) : false) continue
    const v = versionOf(t)
    if (!v || (!matches && v.series !== current.series)) continue
    if (compareVersions(v, current) >= 0) continue
    // Equal precedence (builds of one version): semver's build order, then the name, so the
    // choice never depends on the order git lists tags in.
    const order = best
      ? compareVersions(v, best.v) ||
        compareSemverBuild(v.pre, best.v.pre) ||
        (t > best.tag ? 1 : -1)
      : 1
    if (order > 0) best = { tag: t, v }
  }
  return best?.tag
}

/**
 * Why this event's code must not be trusted with pushes or cache writes, or undefined when it can
 * be: pull_request_target runs with write access on code from anywhere, and a pull request from
 * a fork carries someone else's code.
 */
export function untrustedBecause(
  eventName: string,
  payload: Record<string, unknown>
): string | undefined {
  if (eventName === 'pull_request_target')
    return "pull_request_target runs code from the pull request with the base repository's access"
  if (eventName === 'pull_request') {
    const pr = obj(payload.pull_request)
    // GitHub sends head.repo null once the head repository is deleted: its code is nobody's.
    if (!obj(obj(pr.head).repo).full_name)
      return 'pull request from a deleted or unknown head repository'
    const headRepo = str(obj(obj(pr.head).repo).full_name)
    const baseRepo = str(obj(obj(pr.base).repo).full_name) ?? str(obj(payload.repository).full_name)
    if (obj(obj(pr.head).repo).fork === true || (headRepo && baseRepo && headRepo !== baseRepo)) {
      return `pull request from the fork ${headRepo ?? '(unknown)'}`
    }
  }
  if (eventName === 'workflow_run') {
    // A run triggered by a fork's pull request hands its artifacts and head to this trusted job.
    const run = obj(payload.workflow_run)
    const head = obj(run.head_repository)
    const headRepo = str(head.full_name)
    const baseRepo = str(obj(payload.repository).full_name)
    if (!headRepo) return 'workflow_run with no head repository'
    if (head.fork === true || (baseRepo && headRepo !== baseRepo))
      return `workflow_run of a run from the fork ${headRepo}`
  }
  return undefined
}

/** The pull request an event is about, for the sticky comment. */
export function pullRequestOf(
  eventName: string,
  payload: Record<string, unknown>
): { owner: string; repo: string; number: number } | undefined {
  if (eventName !== 'pull_request' && eventName !== 'pull_request_target') return undefined
  const repository = obj(payload.repository)
  const owner = str(obj(repository.owner).login)
  const repo = str(repository.name)
  const number = obj(payload.pull_request).number ?? payload.number
  if (!owner || !repo || typeof number !== 'number') return undefined
  return { owner, repo, number }
}
