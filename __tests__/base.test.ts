// Which base each event implies, decided from payloads in the shapes GitHub sends
// (__tests__/fixtures/events/); resolving it against real repositories is action.test.ts's job.
import {
  chooseBase,
  previousTag,
  pullRequestOf,
  tagVersion,
  untrustedBecause
} from '../src/core/base.js'
import { shortId as short } from '../src/core/render/text.js'
import type { BaseStrategy, EventInfo } from '../src/core/base.js'
import { loadEvent } from './helpers/action.js'
import type { Payload } from './helpers/action.js'

const ZERO = '0'.repeat(40)
/** GITHUB_SHA when the event does not name the head itself (dispatch, schedule, merge commits). */
const GITHUB_SHA = 'feedc0ffee0123456789abcdef0123456789abcd'

const push = loadEvent('push')
const created = loadEvent('push-created')
const forced = loadEvent('push-forced')
const tag = loadEvent('push-tag')
const deleted = loadEvent('push-deleted')
const pr = loadEvent('pull_request')
const fork = loadEvent('pull_request-fork')
const prTarget = loadEvent('pull_request_target')
const queue = loadEvent('merge_group')
const dispatch = loadEvent('workflow_dispatch')
const schedule = loadEvent('schedule')
const workflowRun = loadEvent('workflow_run')

/** A copy of a payload with some fields replaced (nested with dots: `pull_request.head.repo`). */
function edit(payload: Payload, changes: Record<string, unknown>): Payload {
  const copy = structuredClone(payload)
  for (const [where, value] of Object.entries(changes)) {
    const keys = where.split('.')
    let target = copy
    for (const k of keys.slice(0, -1)) target = target[k] as Payload
    target[keys.at(-1)!] = value
  }
  return copy
}

const get = (p: Payload, where: string): string =>
  where.split('.').reduce<unknown>((v, k) => (v as Payload)[k], p) as string

/** Omit over each member of a union, keeping the members apart. */
type OmitEach<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never

interface Row {
  title: string
  event: Omit<EventInfo, 'sha'> & { sha?: string }
  want: OmitEach<BaseStrategy, 'why'> & { why: string | RegExp }
}

const ROWS: Row[] = [
  {
    title: 'push to a branch: before..after',
    event: { eventName: 'push', payload: push, ref: 'refs/heads/main', sha: get(push, 'after') },
    want: {
      kind: 'range',
      base: get(push, 'before'),
      head: get(push, 'after'),
      why: `push to main: ${short(get(push, 'before'))}..${short(get(push, 'after'))}`
    }
  },
  {
    title: 'first push of a feature branch: merge-base with the default branch',
    event: {
      eventName: 'push',
      payload: created,
      ref: 'refs/heads/feature/limits',
      sha: get(created, 'after')
    },
    want: {
      kind: 'merge-base',
      base: 'refs/heads/main',
      head: get(created, 'after'),
      why: 'first push of feature/limits: merge-base with the default branch main'
    }
  },
  {
    title: 'first push of a branch when the default branch is named otherwise',
    event: {
      eventName: 'push',
      payload: edit(created, { 'repository.default_branch': 'trunk' }),
      ref: 'refs/heads/feature/limits'
    },
    want: {
      kind: 'merge-base',
      base: 'refs/heads/trunk',
      head: get(created, 'after'),
      why: /merge-base with the default branch trunk$/
    }
  },
  {
    title: 'first push of the default branch itself: everything',
    event: {
      eventName: 'push',
      payload: edit(created, { ref: 'refs/heads/main' }),
      ref: 'refs/heads/main'
    },
    want: {
      kind: 'everything',
      head: get(created, 'after'),
      why: 'first push of the default branch main'
    }
  },
  {
    title: 'first push of a branch, the payload naming no default branch: everything',
    event: {
      eventName: 'push',
      payload: edit(created, { 'repository.default_branch': undefined }),
      ref: 'refs/heads/feature/limits'
    },
    want: { kind: 'everything', head: get(created, 'after'), why: /names no default branch/ }
  },
  {
    title: 'forced push: still before..after, compared as trees',
    event: { eventName: 'push', payload: forced, ref: 'refs/heads/main' },
    want: {
      kind: 'range',
      base: get(forced, 'before'),
      head: get(forced, 'after'),
      why: /^forced push to main: b1f5cd1ab2b4\.\.9a8b7c6d5e4f compared as trees/
    }
  },
  {
    title:
      'tag push: the previous tag of the series, head is GITHUB_SHA (the commit, not the tag object)',
    event: {
      eventName: 'push',
      payload: tag,
      ref: 'refs/tags/api/v1.2.3',
      sha: get(tag, 'head_commit.id')
    },
    want: {
      kind: 'previous-tag',
      tag: 'api/v1.2.3',
      head: get(tag, 'head_commit.id'),
      why: 'push of tag api/v1.2.3'
    }
  },
  {
    title: 'deleted branch: nothing to build, and the reason says so',
    event: { eventName: 'push', payload: deleted, ref: 'refs/heads/feature/old' },
    want: {
      kind: 'nothing',
      head: GITHUB_SHA,
      why: 'push deleted refs/heads/feature/old: nothing to build'
    }
  },
  {
    title: 'deleted tag: nothing to build, not a previous-tag comparison of a tag that is gone',
    event: {
      eventName: 'push',
      payload: edit(deleted, { ref: 'refs/tags/v1.2.3' }),
      ref: 'refs/tags/v1.2.3'
    },
    want: { kind: 'nothing', head: GITHUB_SHA, why: /^push deleted refs\/tags\/v1\.2\.3: nothing/ }
  },
  {
    title: 'deleted: true wins over an after that is not zeros',
    event: {
      eventName: 'push',
      payload: edit(deleted, { after: 'c'.repeat(40) }),
      ref: 'refs/heads/feature/old'
    },
    want: { kind: 'nothing', head: GITHUB_SHA, why: /^push deleted / }
  },
  {
    title: 'a push payload without after: everything, and the reason says so',
    event: {
      eventName: 'push',
      payload: edit(deleted, { deleted: false, after: undefined }),
      ref: 'refs/heads/feature/old'
    },
    want: {
      kind: 'everything',
      head: GITHUB_SHA,
      why: "push payload without 'after' for refs/heads/feature/old"
    }
  },
  {
    title: 'GITHUB_EVENT_PATH unset: everything, and the reason says the payload is missing',
    event: {
      eventName: 'push',
      payload: {},
      ref: 'refs/heads/main',
      payloadMissing: 'GITHUB_EVENT_PATH is not set'
    },
    want: {
      kind: 'everything',
      head: GITHUB_SHA,
      why: "push event without its payload (GITHUB_EVENT_PATH is not set) and no input 'base'"
    }
  },
  {
    title: 'pull_request: merge-base of base and the PR head (not the merge commit)',
    event: { eventName: 'pull_request', payload: pr, ref: 'refs/pull/42/merge' },
    want: {
      kind: 'merge-base',
      base: get(pr, 'pull_request.base.sha'),
      head: get(pr, 'pull_request.head.sha'),
      why: `pull request #42: merge-base of main (${short(get(pr, 'pull_request.base.sha'))}) and the PR head (${short(get(pr, 'pull_request.head.sha'))})`
    }
  },
  {
    title: 'pull_request from a fork: the same base',
    event: { eventName: 'pull_request', payload: fork, ref: 'refs/pull/42/merge' },
    want: {
      kind: 'merge-base',
      base: get(fork, 'pull_request.base.sha'),
      head: get(fork, 'pull_request.head.sha'),
      why: /^pull request #42: merge-base of main/
    }
  },
  {
    title: 'pull_request_target: the PR head, not GITHUB_SHA (the base branch)',
    event: { eventName: 'pull_request_target', payload: prTarget, ref: 'refs/heads/main' },
    want: {
      kind: 'merge-base',
      base: get(prTarget, 'pull_request.base.sha'),
      head: get(prTarget, 'pull_request.head.sha'),
      why: /^pull request #42: merge-base of main/
    }
  },
  {
    title: 'pull_request without head and base commits: everything',
    event: {
      eventName: 'pull_request',
      payload: edit(pr, { 'pull_request.head.sha': undefined }),
      ref: 'refs/pull/42/merge'
    },
    want: { kind: 'everything', head: GITHUB_SHA, why: /without base and head commits/ }
  },
  {
    title: 'merge_group: base_sha..head_sha',
    event: {
      eventName: 'merge_group',
      payload: queue,
      ref: get(queue, 'merge_group.head_ref'),
      sha: get(queue, 'merge_group.head_sha')
    },
    want: {
      kind: 'range',
      base: get(queue, 'merge_group.base_sha'),
      head: get(queue, 'merge_group.head_sha'),
      why: `merge queue: ${short(get(queue, 'merge_group.base_sha'))}..${short(get(queue, 'merge_group.head_sha'))}`
    }
  },
  {
    title: 'workflow_dispatch without input base: everything',
    event: { eventName: 'workflow_dispatch', payload: dispatch, ref: 'refs/heads/main' },
    want: {
      kind: 'everything',
      head: GITHUB_SHA,
      why: "workflow_dispatch event and no input 'base'"
    }
  },
  {
    title: 'schedule: everything',
    event: { eventName: 'schedule', payload: schedule, ref: 'refs/heads/main' },
    want: { kind: 'everything', head: GITHUB_SHA, why: "schedule event and no input 'base'" }
  },
  {
    title: 'workflow_run: everything (its head_sha is not a base)',
    event: { eventName: 'workflow_run', payload: workflowRun, ref: 'refs/heads/main' },
    want: { kind: 'everything', head: GITHUB_SHA, why: "workflow_run event and no input 'base'" }
  },
  {
    title: 'an event imagegraph does not know: everything',
    event: { eventName: 'release', payload: {}, ref: 'refs/tags/v1.2.3' },
    want: { kind: 'everything', head: GITHUB_SHA, why: "release event and no input 'base'" }
  },
  {
    title: 'input base on workflow_dispatch: that base, compared as a tree',
    event: {
      eventName: 'workflow_dispatch',
      payload: dispatch,
      ref: 'refs/heads/main',
      inputBase: 'v1.2.2'
    },
    want: { kind: 'range', base: 'v1.2.2', head: GITHUB_SHA, why: "input 'base' is v1.2.2" }
  },
  {
    title: 'input head replaces the head, with input base',
    event: {
      eventName: 'push',
      payload: push,
      ref: 'refs/heads/main',
      inputBase: 'v1.0.0',
      inputHead: 'candidate'
    },
    want: {
      kind: 'range',
      base: 'v1.0.0',
      head: 'candidate',
      why: "input 'base' is v1.0.0; input 'head' is candidate"
    }
  },
  {
    title: 'input head without input base: the event still chooses the base',
    event: {
      eventName: 'workflow_dispatch',
      payload: {},
      ref: 'refs/heads/main',
      inputHead: 'release'
    },
    want: {
      kind: 'everything',
      head: 'release',
      why: "workflow_dispatch event and no input 'base'; input 'head' is release"
    }
  },
  {
    title: 'input base overrides a push',
    event: { eventName: 'push', payload: push, ref: 'refs/heads/main', inputBase: 'release' },
    want: { kind: 'range', base: 'release', head: GITHUB_SHA, why: "input 'base' is release" }
  },
  {
    title: 'input base overrides a forced push and a first push',
    event: {
      eventName: 'push',
      payload: edit(forced, { before: ZERO }),
      ref: 'refs/heads/main',
      inputBase: 'main~3'
    },
    want: { kind: 'range', base: 'main~3', head: GITHUB_SHA, why: "input 'base' is main~3" }
  },
  {
    title: 'input base overrides a pull request, whose head is still the PR head',
    event: {
      eventName: 'pull_request',
      payload: pr,
      ref: 'refs/pull/42/merge',
      inputBase: 'release'
    },
    want: {
      kind: 'range',
      base: 'release',
      head: get(pr, 'pull_request.head.sha'),
      why: "input 'base' is release"
    }
  },
  {
    title: 'input base on pull_request_target: the PR head, not the base branch GITHUB_SHA names',
    event: {
      eventName: 'pull_request_target',
      payload: prTarget,
      ref: 'refs/heads/main',
      inputBase: 'release'
    },
    want: {
      kind: 'range',
      base: 'release',
      head: get(prTarget, 'pull_request.head.sha'),
      why: "input 'base' is release"
    }
  }
]

describe('chooseBase', () => {
  test.each(ROWS)('$title', ({ event, want }) => {
    const got = chooseBase({ sha: GITHUB_SHA, ...event })
    const { why, ...rest } = want
    expect(got).toEqual({ ...rest, why: expect.any(String) })
    if (typeof why === 'string') expect(got.why).toBe(why)
    else expect(got.why).toMatch(why)
  })

  test('GITHUB_REF is used when the payload has no ref', () => {
    const payload = edit(tag, { ref: undefined })
    const got = chooseBase({ eventName: 'push', payload, sha: GITHUB_SHA, ref: 'refs/tags/v2.0.0' })
    expect(got).toEqual({
      kind: 'previous-tag',
      tag: 'v2.0.0',
      head: GITHUB_SHA,
      why: 'push of tag v2.0.0'
    })
  })

  test('no strategy ever falls back to HEAD~1 or to a base equal to its head', () => {
    for (const { event } of ROWS) {
      const got = chooseBase({ sha: GITHUB_SHA, ...event })
      const text = JSON.stringify(got)
      expect(text).not.toMatch(/HEAD~|HEAD\^/)
      if (got.kind === 'range' || got.kind === 'merge-base') expect(got.base).not.toBe(got.head)
    }
  })
})

describe('tagVersion', () => {
  test.each([
    ['v1.2.3', { series: 'v', numbers: [1, 2, 3], suffix: '' }],
    ['api/v1.2.3', { series: 'api/v', numbers: [1, 2, 3], suffix: '' }],
    ['api2/v10.0', { series: 'api2/v', numbers: [10, 0], suffix: '' }],
    ['1.2.3', { series: '', numbers: [1, 2, 3], suffix: '' }],
    ['release-2026.01.15', { series: 'release-', numbers: [2026, 1, 15], suffix: '' }],
    ['v1.2.3-rc.1', { series: 'v', numbers: [1, 2, 3], suffix: '-rc.1' }],
    ['v2.0.0+build.7', { series: 'v', numbers: [2, 0, 0], suffix: '+build.7' }],
    ['web/v9.9.9', { series: 'web/v', numbers: [9, 9, 9], suffix: '' }]
  ])('%s', (tag, want) => {
    expect(tagVersion(tag)).toEqual(want)
  })

  test.each(['latest', 'stable', 'v', 'api/'])('%s has no version', tag => {
    expect(tagVersion(tag)).toBeUndefined()
  })
})

describe('previousTag', () => {
  const TAGS = [
    'v1.2.1',
    'v1.2.2',
    'v1.2.10',
    'v1.3.0',
    'v2.0.0-rc.1',
    'api/v1.2.1',
    'api/v1.2.2',
    'api/v1.10.0',
    'apiv1.2.2',
    'web/v9.9.9',
    'latest'
  ]
  test.each([
    { tag: 'v1.2.3', want: 'v1.2.2', why: 'the newest lower version of the same series' },
    { tag: 'v1.2.11', want: 'v1.2.10', why: 'numbers compare as numbers, not text' },
    { tag: 'v1.4.0', want: 'v1.3.0', why: 'a minor release' },
    { tag: 'v2.0.0', want: 'v2.0.0-rc.1', why: 'a pre-release comes before its release' },
    { tag: 'v2.0.0-rc.2', want: 'v2.0.0-rc.1', why: 'between pre-releases' },
    { tag: 'v2.0.0-rc.1', want: 'v1.3.0', why: 'a pre-release comes after the lower release' },
    { tag: 'api/v1.2.3', want: 'api/v1.2.2', why: 'the series is the prefix, not web/ nor v' },
    { tag: 'api/v1.11.0', want: 'api/v1.10.0', why: 'within a prefixed series' },
    { tag: 'web/v10.0.0', want: 'web/v9.9.9', why: 'a major release of another series' },
    { tag: 'web/v9.9.9', want: undefined, why: 'the first tag of its series' },
    { tag: 'v1.2.1', want: undefined, why: 'the first version of its series' },
    { tag: 'db/v1.0.0', want: undefined, why: 'a series with no tags yet' },
    { tag: 'latest', want: undefined, why: 'a tag without a version' }
  ])('$tag -> $want ($why)', ({ tag, want }) => {
    expect(previousTag(tag, [...TAGS, tag])).toBe(want)
  })

  test('a tag is never its own previous tag, nor is a tag of the same version', () => {
    expect(previousTag('v1.2.2', ['v1.2.2', 'v1.2.2.0', 'v1.2.1'])).toBe('v1.2.1')
  })

  // Semver's order (issue 7, item 9): numeric pre-release parts compare as numbers, and build
  // metadata never orders two tags.
  test.each([
    { tag: 'v2.0.0-rc.10', tags: ['v2.0.0-rc.9', 'v2.0.0-rc.2'], want: 'v2.0.0-rc.9' },
    { tag: 'v2.0.0-rc.11', tags: ['v2.0.0-rc.9', 'v2.0.0-rc.10'], want: 'v2.0.0-rc.10' },
    { tag: 'v2.0.0', tags: ['v2.0.0-rc.9', 'v2.0.0-rc.10', 'v1.9.0'], want: 'v2.0.0-rc.10' },
    { tag: 'v2.0.0-rc.1', tags: ['v2.0.0-beta.11', 'v2.0.0-beta.2'], want: 'v2.0.0-beta.11' },
    { tag: 'v2.0.0-rc', tags: ['v2.0.0-beta', 'v2.0.0-alpha.1'], want: 'v2.0.0-beta' },
    { tag: 'v2.0.0-rc.1.1', tags: ['v2.0.0-rc.1', 'v2.0.0-rc.0.9'], want: 'v2.0.0-rc.1' },
    // Build metadata: 1.2.3+build.2 is 1.2.3, neither before nor after it.
    { tag: 'v1.2.3', tags: ['v1.2.3+build.2', 'v1.2.2'], want: 'v1.2.2' },
    { tag: 'v1.2.3+build.2', tags: ['v1.2.3', 'v1.2.3+build.1', 'v1.2.2'], want: 'v1.2.2' },
    { tag: 'v1.2.4', tags: ['v1.2.3+build.9', 'v1.2.3-rc.1', 'v1.2.2'], want: 'v1.2.3+build.9' },
    { tag: 'v1.2.4', tags: ['v1.2.3+build.10', 'v1.2.3+build.9'], want: 'v1.2.3+build.10' },
    { tag: 'v1.2.4', tags: ['v1.2.3+build.9', 'v1.2.3+build.10'], want: 'v1.2.3+build.10' },
    { tag: 'v2.0.0-rc.2+b.1', tags: ['v2.0.0-rc.1+b.9', 'v2.0.0-rc.10'], want: 'v2.0.0-rc.1+b.9' },
    // Not semver after the numbers: cannot be ordered, so no one's previous tag.
    { tag: 'v1.2.4', tags: ['v1.2.3-rc..1', 'v1.2.2'], want: 'v1.2.2' },
    { tag: 'v1.2.4-rc..1', tags: ['v1.2.3'], want: undefined }
  ])('semver order: $tag -> $want among $tags', ({ tag, tags, want }) => {
    expect(previousTag(tag, [tag, ...tags])).toBe(want)
    expect(previousTag(tag, [...tags].reverse())).toBe(want)
  })

  test('input tag-pattern decides which tags form the series', () => {
    // Releases only: skip release candidates.
    const releases = (t: string) => /^v\d+\.\d+\.\d+$/.test(t)
    expect(previousTag('v2.0.0', TAGS)).toBe('v2.0.0-rc.1')
    expect(previousTag('v2.0.0', TAGS, releases)).toBe('v1.3.0')
    // Across prefixes: tags once named release-*, now v*.
    const both = (t: string) => t.startsWith('release-') || t.startsWith('v')
    expect(previousTag('v1.0.0', ['release-0.9.0', 'release-0.8.0'])).toBeUndefined()
    expect(previousTag('v1.0.0', ['release-0.9.0', 'release-0.8.0'], both)).toBe('release-0.9.0')
    // A pattern nothing matches: no previous tag.
    expect(previousTag('v1.2.3', TAGS, () => false)).toBeUndefined()
  })
})

describe('untrustedBecause', () => {
  test.each([
    { title: 'push', name: 'push', payload: push, want: undefined },
    { title: 'tag push', name: 'push', payload: tag, want: undefined },
    { title: 'pull request from a branch', name: 'pull_request', payload: pr, want: undefined },
    {
      title: 'pull request from a fork',
      name: 'pull_request',
      payload: fork,
      want: 'pull request from the fork contributor/monorepo'
    },
    {
      title: 'pull request from another repository not marked fork',
      name: 'pull_request',
      payload: edit(pr, { 'pull_request.head.repo.full_name': 'someone/monorepo' }),
      want: 'pull request from the fork someone/monorepo'
    },
    {
      title: 'pull request whose head repository was deleted (GitHub sends repo: null)',
      name: 'pull_request',
      payload: edit(fork, { 'pull_request.head.repo': null }),
      want: expect.stringMatching(/head repository/)
    },
    {
      title: 'pull_request_target, even from a branch',
      name: 'pull_request_target',
      payload: prTarget,
      want: expect.stringMatching(/^pull_request_target runs code from the pull request/)
    },
    { title: 'merge_group', name: 'merge_group', payload: queue, want: undefined },
    { title: 'workflow_dispatch', name: 'workflow_dispatch', payload: dispatch, want: undefined },
    { title: 'schedule', name: 'schedule', payload: schedule, want: undefined },
    {
      title: 'workflow_run of a run here',
      name: 'workflow_run',
      payload: loadEvent('workflow_run'),
      want: undefined
    },
    {
      title: "workflow_run of a fork's run",
      name: 'workflow_run',
      payload: edit(loadEvent('workflow_run'), {
        'workflow_run.head_repository.full_name': 'contributor/monorepo',
        'workflow_run.head_repository.fork': true
      }),
      want: 'workflow_run of a run from the fork contributor/monorepo'
    }
  ])('$title', ({ name, payload, want }) => {
    expect(untrustedBecause(name, payload)).toEqual(want)
  })
})

describe('pullRequestOf', () => {
  const PR = { owner: 'octo-org', repo: 'monorepo', number: 42 }
  test.each([
    { title: 'pull_request', name: 'pull_request', payload: pr, want: PR },
    {
      title: 'pull_request from a fork: the base repository, where the comment goes',
      name: 'pull_request',
      payload: fork,
      want: PR
    },
    { title: 'pull_request_target', name: 'pull_request_target', payload: prTarget, want: PR },
    {
      title: 'the top-level number when pull_request has none',
      name: 'pull_request',
      payload: edit(pr, { 'pull_request.number': undefined, number: 7 }),
      want: { ...PR, number: 7 }
    },
    { title: 'push', name: 'push', payload: push, want: undefined },
    { title: 'merge_group', name: 'merge_group', payload: queue, want: undefined },
    { title: 'workflow_dispatch', name: 'workflow_dispatch', payload: dispatch, want: undefined },
    {
      title: 'a payload without a repository',
      name: 'pull_request',
      payload: edit(pr, { repository: undefined }),
      want: undefined
    },
    {
      title: 'a payload without a number',
      name: 'pull_request',
      payload: edit(pr, { number: undefined, 'pull_request.number': undefined }),
      want: undefined
    }
  ])('$title', ({ name, payload, want }) => {
    expect(pullRequestOf(name, payload)).toEqual(want)
  })
})

describe('the fixtures are in the shapes GitHub sends', () => {
  test.each([
    ['push', ['ref', 'before', 'after', 'created', 'deleted', 'forced', 'base_ref', 'repository']],
    ['pull_request', ['action', 'number', 'pull_request', 'repository', 'sender']],
    ['merge_group', ['action', 'merge_group', 'repository', 'sender']]
  ])('%s has %p', (name, fields) => {
    const payload = loadEvent(name)
    for (const f of fields) expect(payload).toHaveProperty([f])
  })

  test('shas are 40 hex digits wherever a sha is named', () => {
    for (const p of [push, created, forced, tag, deleted]) {
      expect(p.before).toMatch(/^[0-9a-f]{40}$/)
      expect(p.after).toMatch(/^[0-9a-f]{40}$/)
    }
    for (const p of [pr, fork, prTarget]) {
      expect(get(p, 'pull_request.head.sha')).toMatch(/^[0-9a-f]{40}$/)
      expect(get(p, 'pull_request.base.sha')).toMatch(/^[0-9a-f]{40}$/)
    }
    expect(get(queue, 'merge_group.base_sha')).toMatch(/^[0-9a-f]{40}$/)
    expect(get(queue, 'merge_group.head_sha')).toMatch(/^[0-9a-f]{40}$/)
    expect(created.before).toBe(ZERO)
    expect(deleted.after).toBe(ZERO)
  })
})
