// resolve-base over the Git port, with a hand-written fake of it: the remote it fetches from is the
// one its caller names, and every outcome is one of the ResolvedBase kinds.
import { resolveBase } from '../src/commands/resolve-base.js'
import { baseReason, everythingReason } from '../src/core/base.js'
import { FakeGit } from './helpers/fake-git.js'

const HEAD = 'a'.repeat(40)
const BASE = 'b'.repeat(40)
const TAGGED = 'c'.repeat(40)
const options = (remote: string) => ({ remote, debug: () => undefined })

function fakeWithHead(remote: string): FakeGit {
  const git = new FakeGit(remote)
  git.commits.add(HEAD)
  return git
}

describe('resolveBase', () => {
  test('a missing base commit is fetched from the remote the caller names', async () => {
    const git = fakeWithHead('upstream')
    git.remoteRefs.set('refs/heads/main', BASE)
    const resolved = await resolveBase(
      git,
      { kind: 'range', base: BASE, head: HEAD, why: 'push to main' },
      options('upstream')
    )
    expect(resolved).toEqual({ kind: 'range', base: BASE, head: HEAD, why: 'push to main' })
    expect(git.fetches.map(f => f.remote)).toEqual(['upstream'])
  })

  test('a branch is looked for under the named remote, not origin', async () => {
    const git = fakeWithHead('upstream')
    git.commits.add(BASE)
    git.refs.set('refs/remotes/upstream/main', BASE)
    git.refs.set('refs/remotes/origin/main', TAGGED)
    const resolved = await resolveBase(
      git,
      { kind: 'range', base: 'main', head: HEAD, why: "input 'base' is main" },
      options('upstream')
    )
    expect(resolved).toMatchObject({ kind: 'range', base: BASE })
    expect(git.fetches).toEqual([])
  })

  test('a base that cannot be had: base-unavailable, and every node is affected', async () => {
    const git = fakeWithHead('origin')
    const resolved = await resolveBase(
      git,
      { kind: 'range', base: BASE, head: HEAD, why: 'push to main' },
      options('upstream')
    )
    const missing = `${BASE.slice(0, 12)} is not in the checkout and there is no remote 'upstream' to fetch it from`
    expect(resolved).toEqual({ kind: 'base-unavailable', head: HEAD, why: 'push to main', missing })
    expect(everythingReason(resolved)).toBe(`base unavailable: ${missing}`)
  })

  test('no base by design: everything, with its reason', async () => {
    const git = fakeWithHead('origin')
    const resolved = await resolveBase(
      git,
      { kind: 'everything', head: HEAD, why: 'first push of the default branch main' },
      options('origin')
    )
    expect(resolved).toEqual({
      kind: 'everything',
      head: HEAD,
      reason: 'first push of the default branch main: every node is affected'
    })
    expect(baseReason(resolved)).toBe(everythingReason(resolved))
  })

  test('the previous tag comes from the named remote too', async () => {
    const git = fakeWithHead('upstream')
    git.remoteRefs.set('refs/tags/v1.0.0', TAGGED)
    const resolved = await resolveBase(
      git,
      { kind: 'previous-tag', tag: 'v1.1.0', head: HEAD, why: 'push of tag v1.1.0' },
      options('upstream')
    )
    expect(resolved).toEqual({
      kind: 'range',
      base: TAGGED,
      head: HEAD,
      why: `push of tag v1.1.0: previous tag v1.0.0 (${TAGGED.slice(0, 12)})`
    })
    expect(everythingReason(resolved)).toBeUndefined()
  })
})
