// Turn a base strategy into two commits that are present locally, fetching exactly what is needed
// from a shallow checkout: commits by sha, then deeper only as far as a merge-base needs.
// When the base cannot be had, every node is affected and the reason says why; never HEAD~1, never
// "nothing changed".
import picomatch from 'picomatch'
import type { Git } from './adapters/git.js'
import { previousTag, short } from './core/base.js'
import type { BaseStrategy } from './core/base.js'
import { UserError } from './core/errors.js'

export interface ResolvedBase {
  /** The base commit, or null when every node is affected. */
  base: string | null
  head: string
  why: string
  /** Set when there is no base: why every node is affected. */
  everythingBecause?: string
  /** Set when a base was wanted but could not be had (the action warns). */
  unavailable?: string
}

export interface ResolveOptions {
  remote: string
  tagPattern?: string
  debug: (message: string) => void
}

const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/
const DEEPEN_STEPS = [16, 128, 1024]

async function localCommit(git: Git, rev: string): Promise<string | null> {
  if (SHA.test(rev)) return (await git.hasCommit(rev)) ? rev : null
  for (const candidate of [rev, `refs/remotes/origin/${rev.replace(/^refs\/heads\//, '')}`]) {
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
  o: ResolveOptions,
  preferRemote = false
): Promise<{ sha: string } | { error: string }> {
  if (!preferRemote) {
    const here = await localCommit(git, rev)
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
  if (!(await git.hasRemote(o.remote)))
    return {
      error: `${short(rev)} is not in the checkout and there is no remote '${o.remote}' to fetch it from`
    }
  if (SHA.test(rev)) {
    o.debug(`fetching ${rev} from ${o.remote}`)
    const f = await git.fetch(o.remote, [rev], ['--depth=1'])
    if (f.ok && (await git.hasCommit(rev))) return { sha: rev }
    return {
      error: `commit ${short(rev)} cannot be fetched from ${o.remote}${f.error ? ` (${f.error})` : ''}`
    }
  }
  const branch = rev.replace(/^refs\/heads\//, '')
  const tracking = `refs/remotes/${o.remote}/${branch}`
  o.debug(`fetching branch ${branch} from ${o.remote}`)
  const f = await git.fetch(o.remote, [`+refs/heads/${branch}:${tracking}`], ['--depth=1'])
  if (f.ok) return { sha: await git.resolveCommit(tracking) }
  // Not a branch: maybe a tag, which a default checkout (depth 1, no tags) does not have either.
  if (!rev.startsWith('refs/heads/')) {
    const tag = `refs/tags/${rev.replace(/^refs\/tags\//, '')}`
    o.debug(`fetching tag ${tag} from ${o.remote}`)
    const t = await git.fetch(o.remote, [`+${tag}:${tag}`], ['--depth=1'])
    if (t.ok) return { sha: await git.resolveCommit(tag) }
  }
  const here = await localCommit(git, rev)
  if (here) return { sha: here }
  return {
    error: `'${rev}' is neither a commit nor a branch or tag that ${o.remote} has${f.error ? ` (${f.error})` : ''}`
  }
}

/** The merge-base of two local commits, deepening a shallow history step by step until found. */
async function findMergeBase(
  git: Git,
  a: string,
  b: string,
  o: ResolveOptions
): Promise<string | null> {
  let found = await git.mergeBase(a, b)
  for (const depth of DEEPEN_STEPS) {
    if (found || !(await git.isShallow())) return found
    o.debug(`no merge-base of ${short(a)} and ${short(b)} yet; deepening by ${depth}`)
    await git.fetch(o.remote, [a, b], [`--deepen=${depth}`])
    found = await git.mergeBase(a, b)
  }
  if (!found && (await git.isShallow())) {
    o.debug('still no merge-base; fetching the whole history')
    await git.fetch(o.remote, [a, b], ['--unshallow'])
    found = await git.mergeBase(a, b)
  }
  return found
}

export async function resolveBase(
  git: Git,
  strategy: BaseStrategy,
  o: ResolveOptions
): Promise<ResolvedBase> {
  const head = await ensureCommit(git, strategy.head, o)
  if ('error' in head)
    throw new UserError(
      `the head commit is not available: ${head.error}; check out the commit the event is about (actions/checkout does by default)`
    )
  const unavailable = (why: string, detail: string): ResolvedBase => ({
    base: null,
    head: head.sha,
    why,
    everythingBecause: `base unavailable: ${detail}`,
    unavailable: detail
  })

  switch (strategy.kind) {
    case 'everything':
      return {
        base: null,
        head: head.sha,
        why: strategy.why,
        everythingBecause: `${strategy.why}: every node is affected`
      }
    case 'nothing':
      // Head compared with itself: every key is computed, nothing is affected.
      return { base: head.sha, head: head.sha, why: strategy.why }
    case 'range': {
      const base = await ensureCommit(git, strategy.base, o)
      if ('error' in base) return unavailable(strategy.why, base.error)
      return { base: base.sha, head: head.sha, why: strategy.why }
    }
    case 'merge-base': {
      const base = await ensureCommit(git, strategy.base, o, !SHA.test(strategy.base))
      if ('error' in base) return unavailable(strategy.why, base.error)
      const mergeBase = await findMergeBase(git, base.sha, head.sha, o)
      if (!mergeBase)
        return unavailable(
          strategy.why,
          `${short(base.sha)} and ${short(head.sha)} have no common ancestor`
        )
      return { base: mergeBase, head: head.sha, why: `${strategy.why} = ${short(mergeBase)}` }
    }
    case 'previous-tag': {
      const tags = await git.tags()
      if (await git.hasRemote(o.remote))
        for (const [t, sha] of await git.tags(o.remote)) tags.set(t, sha)
      const matches = o.tagPattern ? picomatch(o.tagPattern) : undefined
      const previous = previousTag(strategy.tag, [...tags.keys()], matches)
      if (!previous) {
        const series = o.tagPattern
          ? `matching '${o.tagPattern}'`
          : `of the series of ${strategy.tag}`
        return {
          base: null,
          head: head.sha,
          why: strategy.why,
          everythingBecause: `${strategy.why}: no earlier tag ${series}, so every node is affected`
        }
      }
      const base = await ensureCommit(git, tags.get(previous)!, o)
      if ('error' in base)
        return unavailable(`${strategy.why}: previous tag ${previous}`, base.error)
      return {
        base: base.sha,
        head: head.sha,
        why: `${strategy.why}: previous tag ${previous} (${short(base.sha)})`
      }
    }
  }
}
