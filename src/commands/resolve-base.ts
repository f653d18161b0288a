// Use case: turn a base strategy into two commits that are present locally, fetching exactly what
// is needed from a shallow checkout: commits by sha, then deeper only as far as a merge-base needs.
// When the base cannot be had, every node is affected and the reason says why; never HEAD~1, never
// "nothing changed".
import picomatch from 'picomatch'
import type { Git } from '../adapters/ports.js'
import { previousTag } from '../core/base.js'
import type { BaseStrategy, ResolvedBase } from '../core/base.js'
import { UserError } from '../core/errors.js'
import { shortId } from '../core/render/text.js'

export interface ResolveOptions {
  /** The remote to fetch missing commits and tags from (`origin` in an actions/checkout). */
  remote: string
  tagPattern?: string
  debug: (message: string) => void
}

const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/
const DEEPEN_STEPS = [16, 128, 1024]

async function localCommit(git: Git, rev: string, remote: string): Promise<string | null> {
  if (SHA.test(rev)) return (await git.hasCommit(rev)) ? rev : null
  for (const candidate of [rev, `refs/remotes/${remote}/${rev.replace(/^refs\/heads\//, '')}`]) {
    try {
      return await git.resolveCommit(candidate)
    } catch {
      // not here under this name
    }
  }
  return null
}

/** A commit present locally for rev (a sha or a branch), fetched at depth 1 when missing. */
async function ensureCommit(
  git: Git,
  rev: string,
  options: ResolveOptions,
  preferRemote = false
): Promise<{ sha: string } | { error: string }> {
  if (!preferRemote) {
    const here = await localCommit(git, rev, options.remote)
    if (here) return { sha: here }
  }
  // `HEAD~1`, `main^`, `@{1}`: a revision expression, which no remote can be asked for by name.
  if (/[~^:]|@\{/.test(rev)) {
    const hint = await git.shallowHint()
    return {
      error: hint
        ? `'${rev}' is not in the checkout${hint}`
        : `'${rev}' is not a revision of this repository`
    }
  }
  if (!(await git.hasRemote(options.remote)))
    return {
      error: `${shortId(rev)} is not in the checkout and there is no remote '${options.remote}' to fetch it from`
    }
  if (SHA.test(rev)) {
    options.debug(`fetching ${rev} from ${options.remote}`)
    const fetched = await git.fetch(options.remote, [rev], ['--depth=1'])
    if (fetched.ok && (await git.hasCommit(rev))) return { sha: rev }
    return {
      error: `commit ${shortId(rev)} cannot be fetched from ${options.remote}${fetched.error ? ` (${fetched.error})` : ''}`
    }
  }
  const branch = rev.replace(/^refs\/heads\//, '')
  const tracking = `refs/remotes/${options.remote}/${branch}`
  options.debug(`fetching branch ${branch} from ${options.remote}`)
  const fetched = await git.fetch(
    options.remote,
    [`+refs/heads/${branch}:${tracking}`],
    ['--depth=1']
  )
  if (fetched.ok) return { sha: await git.resolveCommit(tracking) }
  // Not a branch: maybe a tag, which a default checkout (depth 1, no tags) does not have either.
  if (!rev.startsWith('refs/heads/')) {
    const tag = `refs/tags/${rev.replace(/^refs\/tags\//, '')}`
    options.debug(`fetching tag ${tag} from ${options.remote}`)
    const tagFetched = await git.fetch(options.remote, [`+${tag}:${tag}`], ['--depth=1'])
    if (tagFetched.ok) return { sha: await git.resolveCommit(tag) }
  }
  const here = await localCommit(git, rev, options.remote)
  if (here) return { sha: here }
  return {
    error: `'${rev}' is neither a commit nor a branch or tag that ${options.remote} has${fetched.error ? ` (${fetched.error})` : ''}`
  }
}

/** The merge-base of two local commits, deepening a shallow history step by step until found. */
async function findMergeBase(
  git: Git,
  base: string,
  head: string,
  options: ResolveOptions
): Promise<string | null> {
  let found = await git.mergeBase(base, head)
  for (const depth of DEEPEN_STEPS) {
    if (found || !(await git.isShallow())) return found
    options.debug(
      `no merge-base of ${shortId(base)} and ${shortId(head)} yet; deepening by ${depth}`
    )
    await git.fetch(options.remote, [base, head], [`--deepen=${depth}`])
    found = await git.mergeBase(base, head)
  }
  if (!found && (await git.isShallow())) {
    options.debug('still no merge-base; fetching the whole history')
    await git.fetch(options.remote, [base, head], ['--unshallow'])
    found = await git.mergeBase(base, head)
  }
  return found
}

export async function resolveBase(
  git: Git,
  strategy: BaseStrategy,
  options: ResolveOptions
): Promise<ResolvedBase> {
  const head = await ensureCommit(git, strategy.head, options)
  if ('error' in head)
    throw new UserError(
      `the head commit is not available: ${head.error}; check out the commit the event is about (actions/checkout does by default)`
    )
  const unavailable = (why: string, missing: string): ResolvedBase => ({
    kind: 'base-unavailable',
    head: head.sha,
    why,
    missing
  })
  const range = (base: string, why: string): ResolvedBase => ({
    kind: 'range',
    base,
    head: head.sha,
    why
  })

  switch (strategy.kind) {
    case 'everything':
      return {
        kind: 'everything',
        head: head.sha,
        reason: `${strategy.why}: every node is affected`
      }
    case 'nothing':
      // Head compared with itself: every key is computed, nothing is affected.
      return range(head.sha, strategy.why)
    case 'range': {
      const base = await ensureCommit(git, strategy.base, options)
      if ('error' in base) return unavailable(strategy.why, base.error)
      return range(base.sha, strategy.why)
    }
    case 'merge-base': {
      const base = await ensureCommit(git, strategy.base, options, !SHA.test(strategy.base))
      if ('error' in base) return unavailable(strategy.why, base.error)
      const mergeBase = await findMergeBase(git, base.sha, head.sha, options)
      if (!mergeBase)
        return unavailable(
          strategy.why,
          `${shortId(base.sha)} and ${shortId(head.sha)} have no common ancestor`
        )
      return range(mergeBase, `${strategy.why} = ${shortId(mergeBase)}`)
    }
    case 'previous-tag': {
      const tags = await git.tags()
      if (await git.hasRemote(options.remote))
        for (const [tag, sha] of await git.tags(options.remote)) tags.set(tag, sha)
      const matches = options.tagPattern ? picomatch(options.tagPattern) : undefined
      const previous = previousTag(strategy.tag, [...tags.keys()], matches)
      if (!previous) {
        const series = options.tagPattern
          ? `matching '${options.tagPattern}'`
          : `of the series of ${strategy.tag}`
        return {
          kind: 'everything',
          head: head.sha,
          reason: `${strategy.why}: no earlier tag ${series}, so every node is affected`
        }
      }
      const base = await ensureCommit(git, tags.get(previous)!, options)
      if ('error' in base)
        return unavailable(`${strategy.why}: previous tag ${previous}`, base.error)
      return range(base.sha, `${strategy.why}: previous tag ${previous} (${shortId(base.sha)})`)
    }
  }
}
