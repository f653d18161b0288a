// A FAKE of the Git port, for testing the commands that decide what to ask git (resolve-base):
// commits present locally, and what one remote would give on a fetch. It records every fetch. The
// real adapter (src/adapters/git.ts) is tested against real repositories in git.test.ts and the
// action and CLI tests; this fake is for reaching each branch of a command cheaply.
import type { Git } from '../../src/adapters/ports.js'
import { UserError } from '../../src/core/errors.js'

function notFaked(): never {
  throw new Error('not faked: resolve-base does not ask for this')
}

export class FakeGit implements Git {
  readonly dir = '/fake/repo'
  /** Commits present locally, by sha; refs (`main`, `refs/remotes/upstream/main`) to shas. */
  readonly commits = new Set<string>()
  readonly refs = new Map<string, string>()
  /** The remote's branches and tags (`refs/heads/main`, `refs/tags/v1`) to shas. */
  readonly remoteRefs = new Map<string, string>()
  readonly fetches: Array<{ remote: string; refspecs: string[]; options: string[] }> = []
  shallow = true

  constructor(readonly remoteName: string) {}

  async resolveCommit(rev: string): Promise<string> {
    const sha = this.refs.get(rev) ?? (this.commits.has(rev) ? rev : undefined)
    if (sha === undefined) throw new UserError(`unknown revision '${rev}'`)
    return sha
  }
  async resolveCommits(revs: string[]): Promise<string[]> {
    return Promise.all(revs.map(rev => this.resolveCommit(rev)))
  }
  async hasCommit(sha: string): Promise<boolean> {
    return this.commits.has(sha)
  }
  async shallowHint(): Promise<string> {
    return ''
  }
  async isShallow(): Promise<boolean> {
    return this.shallow
  }
  async refNamed(): Promise<{ branch?: string; tagRef?: string }> {
    return notFaked()
  }
  async isAncestor(): Promise<boolean | undefined> {
    return notFaked()
  }
  async objects(): Promise<never> {
    return notFaked()
  }
  async objectsAside(): Promise<never> {
    return notFaked()
  }
  async filesUnder(): Promise<never> {
    return notFaked()
  }
  async mergeBase(): Promise<string | null> {
    return null
  }
  async hasRemote(name: string): Promise<boolean> {
    return name === this.remoteName
  }
  async fetch(
    remote: string,
    refspecs: string[],
    options: string[] = []
  ): Promise<{ ok: boolean; error: string }> {
    this.fetches.push({ remote, refspecs, options })
    if (remote !== this.remoteName) return { ok: false, error: `no remote ${remote}` }
    for (const spec of refspecs) {
      const [from, to] = spec.replace(/^\+/, '').split(':')
      const sha =
        this.remoteRefs.get(from) ??
        ([...this.remoteRefs.values()].includes(from) ? from : undefined)
      if (sha === undefined) return { ok: false, error: `couldn't find remote ref ${from}` }
      this.commits.add(sha)
      if (to) this.refs.set(to, sha)
    }
    return { ok: true, error: '' }
  }
  async tags(remote?: string): Promise<Map<string, string>> {
    const source = remote === undefined ? this.refs : this.remoteRefs
    const tags = new Map<string, string>()
    for (const [ref, sha] of source)
      if (ref.startsWith('refs/tags/')) tags.set(ref.slice('refs/tags/'.length), sha)
    return tags
  }
  // What resolve-base never asks for.
  changedFiles = notFaked
  trackedFiles = notFaked
  listTrackedFiles = notFaked
  workingFiles = notFaked
  fileAt = notFaked
  fileBytesAt = notFaked
  blobs = notFaked
}
