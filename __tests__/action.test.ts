// The built action (dist/index.js) run as the runner runs it, on every event it resolves a base for:
// a bare origin, a developer clone pushing to it, and a runner checkout of one commit at depth 1.
// The example graph: configs config-a/b/c and tools; process-a (config-a, config-b, tools) feeds
// image-a (with base) and image-b; process-b (config-c, tools) feeds image-c.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import * as path from 'node:path'
import type { PlanJson } from '../src/core/plan.js'
import {
  DIST,
  Origin,
  TEST_TOKEN,
  ZERO_SHA,
  eventWith,
  field,
  loadEvent,
  runAction
} from './helpers/action.js'
import type { ActionResult, ActionRun, Payload } from './helpers/action.js'
import { FakeGitHub } from './helpers/fake-github.js'
import { EXAMPLE, git, removeTempDirs, tempDir } from './helpers/repo.js'

const ALL_IMAGES = ['base', 'image-a', 'image-b', 'image-c']
const short = (sha: string) => sha.slice(0, 12)

const github = new FakeGitHub()
beforeAll(async () => {
  // The suite runs the bundle, as the runner does (scripts/check-dist.sh keeps it current).
  if (!existsSync(DIST)) throw new Error(`${DIST} is missing: run 'npx rollup -c'`)
  await github.start()
})
afterAll(async () => {
  await github.stop()
  removeTempDirs()
})

/** Lines of the log that name the base: the action prints exactly one. */
const baseLines = (stdout: string) =>
  stdout.split('\n').filter(l => /^(Base [0-9a-f]{12}, head|No base, head) /.test(l))
const warnings = (stdout: string) => stdout.split('\n').filter(l => l.startsWith('::warning::'))
const STACK_FRAME = /^\s+at .+[:(]\d+:\d+\)?$/m

interface Planned {
  r: ActionResult
  plan: PlanJson
  affected: string[]
  base: string
  reason: string
}

/** Run the action, expect success, and check what every successful run must show. */
async function planned(run: ActionRun): Promise<Planned> {
  const r = await runAction({ apiUrl: github.url, ...run })
  if (r.code !== 0) throw new Error(`the action failed (${r.code}):\n${r.stdout}\n${r.stderr}`)
  expect(r.stdout).not.toContain('::error::')
  expect(r.stdout + r.stderr).not.toMatch(STACK_FRAME)
  const plan = JSON.parse(r.outputs.plan) as PlanJson
  const affected = JSON.parse(r.outputs['affected-images']) as string[]
  // The outputs agree with each other and with the plan.
  expect(affected).toEqual(plan.affectedImages)
  expect(r.outputs['has-affected']).toBe(affected.length > 0 ? 'true' : 'false')
  expect(JSON.parse(r.outputs.matrix)).toEqual({
    include: affected.map(image => ({ image, key: plan.images[image].key }))
  })
  expect(JSON.parse(r.outputs['changed-configs'])).toEqual(plan.changedConfigs)
  // The plan file holds the whole plan (the output is only cut on very large graphs).
  expect(JSON.parse(readFileSync(r.outputs['plan-file'], 'utf8'))).toEqual(plan)
  expect(r.outputs.head).toBe(plan.head)
  expect(r.outputs.base).toBe(plan.base)
  // One line of the log says which base and why.
  const lines = baseLines(r.stdout)
  expect(lines).toHaveLength(1)
  expect(lines[0]).toContain(r.outputs['base-reason'].replace(/: every node is affected$/, ''))
  if (r.outputs.base)
    expect(lines[0]).toMatch(
      new RegExp(`^Base ${short(r.outputs.base)}, head ${short(r.outputs.head)}: `)
    )
  return { r, plan, affected, base: r.outputs.base, reason: r.outputs['base-reason'] }
}

const isShallow = (dir: string) => git(dir, 'rev-parse', '--is-shallow-repository').trim()
const hasCommit = (dir: string, sha: string) =>
  spawnSync('git', ['cat-file', '-e', `${sha}^{commit}`], { cwd: dir, stdio: 'ignore' }).status ===
  0

/** Commit `count` edits of a file no node owns (history to dig through). */
function filler(o: Origin, count: number, file = 'docs/history.md'): string {
  for (let i = 0; i < count; i++) o.dev.write(file, `entry ${i}\n`).commit(`history ${i}`)
  return o.dev.head()
}

describe('push', () => {
  test('to a branch: before..after, several commits back, before fetched by sha into a shallow checkout', async () => {
    const o = Origin.withExample()
    const before = o.dev.head()
    const notFetched = o.dev.write('config/b/features.yaml', 'limits: raised\n').commit('b')
    o.dev.write('config/a/README.md', 'notes only\n').commit('notes')
    const after = o.dev.write('services/image-b/app.txt', 'b 2\n').commit('app b')
    o.push('main')
    const workspace = o.checkout('refs/heads/main', after)
    expect(hasCommit(workspace, before)).toBe(false)

    const payload = eventWith('push', at => ({ [at('before')]: before, [at('after')]: after }))
    const { r, plan, affected, base, reason } = await planned({
      workspace,
      event: 'push',
      payload,
      sha: after,
      ref: 'refs/heads/main'
    })
    expect(base).toBe(before)
    expect(r.outputs.head).toBe(after)
    expect(reason).toBe(`push to main: ${short(before)}..${short(after)}`)
    expect(affected).toEqual(['image-a', 'image-b'])
    expect(r.outputs['changed-configs']).toBe('["config-b"]')
    expect(r.outputs['affected-processes']).toBe('["process-a"]')
    expect(r.outputs['has-affected']).toBe('true')
    expect(plan.changedFiles.map(c => c.path)).toEqual([
      'config/a/README.md',
      'config/b/features.yaml',
      'services/image-b/app.txt'
    ])
    expect(plan.images['image-b'].reasons).toEqual([
      'services/image-b/app.txt -> COPY app.txt /app.txt (services/image-b/Dockerfile:3) -> image image-b',
      'config/b/features.yaml -> config config-b -> process process-a -> image image-b'
    ])
    expect(plan.images.base.affected).toBe(false)
    expect(warnings(r.stdout)).toEqual([])
    // Exactly the two commits were needed: the checkout stays shallow, the commits between absent.
    expect(isShallow(workspace)).toBe('true')
    expect(hasCommit(workspace, before)).toBe(true)
    expect(hasCommit(workspace, notFetched)).toBe(false)

    // The job summary: headline, base and why, a row per affected image with its chain, a diagram.
    const s = r.summary
    expect(s).toContain('## imagegraph: 2 of 4 images affected')
    expect(s).toContain(
      `**Base** \`${short(before)}\` → **head** \`${short(after)}\`: push to main: ${short(before)}..${short(after)}`
    )
    const rows = s.split('\n').filter(l => l.startsWith('| **'))
    expect(rows.map(l => /^\| \*\*([^*]+)\*\*/.exec(l)![1])).toEqual([
      'image-a',
      'image-b',
      'process-a'
    ])
    expect(rows[0]).toContain(
      '<code>config/b/features.yaml -&gt; config config-b -&gt; process process-a -&gt; image image-a</code>'
    )
    expect(rows[0]).toContain(`\`${short(plan.images['image-a'].key)}\``)
    expect(rows[1]).toContain(
      '<code>services/image-b/app.txt -&gt; COPY app.txt /app.txt &#40;services/image-b/Dockerfile:3&#41; -&gt; image image-b</code>'
    )
    expect(s).toMatch(/```mermaid\nflowchart LR\n[\s\S]*\n```/)
    expect(s).toContain('2 images not affected')
    // The log groups its phases.
    expect(r.stdout).toContain('::group::Resolve base')
    expect(r.stdout).toContain('2 of 4 images affected: image-a, image-b')
  })

  test('a change with no effect: an empty matrix and has-affected false', async () => {
    const o = Origin.withExample()
    const before = o.dev.head()
    const after = o.dev.write('config/a/README.md', 'only notes\n').commit('notes')
    o.push('main')
    const { r, plan, affected } = await planned({
      workspace: o.checkout('refs/heads/main', after),
      event: 'push',
      payload: eventWith('push', at => ({ [at('before')]: before, [at('after')]: after })),
      sha: after,
      ref: 'refs/heads/main'
    })
    expect(affected).toEqual([])
    expect(r.outputs.matrix).toBe('{"include":[]}')
    expect(r.outputs['has-affected']).toBe('false')
    expect(r.outputs['changed-configs']).toBe('[]')
    expect(r.outputs.base).toBe(before)
    expect(plan.changedFiles).toEqual([{ path: 'config/a/README.md', status: 'modified' }])
    expect(r.summary).toContain('## imagegraph: 0 of 4 images affected')
    expect(r.summary).toContain('No image is affected.')
  })

  test('first push of a feature branch: merge-base with main, though main moved on', async () => {
    const o = Origin.withExample()
    const root = o.dev.head()
    const branchPoint = filler(o, 20)
    o.push('main')
    o.dev.git('checkout', '-q', '-b', 'feature/limits')
    o.dev.write('config/c/limits.yaml', 'max: 10\n').commit('limits')
    const after = o.dev.write('services/image-c/app.txt', 'c 2\n').commit('app c')
    o.dev.git('checkout', '-q', 'main')
    // Only on main, after the branch point: must not count.
    o.dev.write('images/base/motd', 'welcome back\n').commit('motd')
    filler(o, 3, 'docs/main.md')
    o.push('main', 'feature/limits')
    const workspace = o.checkout('refs/heads/feature/limits', after)

    const payload = eventWith('push-created', at => ({ [at('after')]: after }))
    expect(payload.before).toBe(ZERO_SHA)
    const { r, affected, base, reason } = await planned({
      workspace,
      event: 'push',
      payload,
      sha: after,
      ref: 'refs/heads/feature/limits'
    })
    expect(base).toBe(branchPoint)
    expect(reason).toBe(
      `first push of feature/limits: merge-base with the default branch main = ${short(branchPoint)}`
    )
    expect(affected).toEqual(['image-c'])
    expect(r.outputs['changed-configs']).toBe('["config-c"]')
    expect(warnings(r.stdout)).toEqual([])
    // Deepened only as far as the merge-base needed: still shallow, the first commit never fetched.
    expect(isShallow(workspace)).toBe('true')
    expect(hasCommit(workspace, root)).toBe(false)
  })

  test('first push of main itself: everything, and the reason says so', async () => {
    const o = new Origin()
    o.commitExample()
    const after = o.dev.write('services/image-a/app.txt', 'a 2\n').commit('app a')
    o.push('main')
    const { r, plan, affected, base, reason } = await planned({
      workspace: o.checkout('refs/heads/main', after),
      event: 'push',
      payload: eventWith('push-created', at => ({
        [at('after')]: after,
        [at('ref')]: 'refs/heads/main'
      })),
      sha: after,
      ref: 'refs/heads/main'
    })
    expect(base).toBe('')
    expect(reason).toBe('first push of the default branch main: every node is affected')
    expect(affected).toEqual(ALL_IMAGES)
    expect(plan.everythingBecause).toBe(reason)
    expect(plan.images['image-c'].reasons).toEqual([
      `${reason} -> image image-c`,
      `${reason} -> process process-b -> image image-c`,
      `${reason} -> config config-c -> process process-b -> image image-c`,
      `${reason} -> config tools -> process process-b -> image image-c`
    ])
    expect(baseLines(r.stdout)).toEqual([
      `No base, head ${short(after)}: first push of the default branch main: every node is affected`
    ])
    // Every node affected by design, not for want of a base: no warning.
    expect(warnings(r.stdout)).toEqual([])
    expect(r.summary).toContain('## imagegraph: 4 of 4 images affected')
    expect(r.summary).toContain('**Base** *none*')
  })

  test('force push: before..after as trees, so what the push dropped is affected too', async () => {
    const o = Origin.withExample()
    const start = o.dev.head()
    const before = o.dev.write('config/c/limits.yaml', 'max: 99\n').commit('limits')
    o.push('main')
    o.dev.git('reset', '-q', '--hard', start)
    const after = o.dev.write('services/image-a/app.txt', 'a rewritten\n').commit('rewrite a')
    o.push('--force', 'main')
    // The old tip is unreachable in origin now, yet fetchable by sha as on GitHub.
    expect(git(o.bare, 'branch', '--contains', before).trim()).toBe('')

    const { r, affected, base, reason } = await planned({
      workspace: o.checkout('refs/heads/main', after),
      event: 'push',
      payload: eventWith('push-forced', at => ({ [at('before')]: before, [at('after')]: after })),
      sha: after,
      ref: 'refs/heads/main'
    })
    expect(base).toBe(before)
    expect(reason).toBe(
      `forced push to main: ${short(before)}..${short(after)} compared as trees, so what the push dropped is rebuilt too`
    )
    // image-c: its config change was dropped; image-a: rewritten.
    expect(affected).toEqual(['image-a', 'image-c'])
    expect(r.outputs['changed-configs']).toBe('["config-c"]')
    expect(warnings(r.stdout)).toEqual([])
  })

  test('force push whose before cannot be fetched: every node affected, with a warning', async () => {
    const o = Origin.withExample()
    const after = o.dev.write('services/image-a/app.txt', 'a rewritten\n').commit('rewrite a')
    o.push('main')
    const gone = 'dead0000beef1111dead2222beef3333dead4444'
    const { r, plan, affected, base, reason } = await planned({
      workspace: o.checkout('refs/heads/main', after),
      event: 'push',
      payload: eventWith('push-forced', at => ({ [at('before')]: gone, [at('after')]: after })),
      sha: after,
      ref: 'refs/heads/main'
    })
    expect(base).toBe('')
    expect(reason).toMatch(
      /^base unavailable: commit dead0000beef cannot be fetched from origin \(.+\)$/
    )
    expect(affected).toEqual(ALL_IMAGES)
    expect(plan.everythingBecause).toBe(reason)
    expect(warnings(r.stdout)).toEqual([
      expect.stringMatching(
        /^::warning::Every node is treated as affected because the base is unavailable: commit dead0000beef cannot be fetched/
      )
    ])
    expect(r.summary).toContain('> [!WARNING]')
    expect(r.summary).toContain('Every node is affected: base unavailable: commit dead0000beef')
  })
})

describe('tag push', () => {
  // v1.2.2 (lightweight) and api/v1.2.2 at c0; web/v9.9.9 at c1 (config-c); v1.2.3 and api/v1.2.3
  // at c2 (config-b). Every tag but v1.2.2 is annotated.
  let o: Origin
  let c0: string
  let c1: string
  let c2: string
  beforeAll(() => {
    o = Origin.withExample()
    c0 = o.dev.head()
    o.dev.git('tag', 'v1.2.2')
    o.dev.git('tag', '-a', '-m', 'api 1.2.2', 'api/v1.2.2')
    c1 = o.dev.write('config/c/limits.yaml', 'max: 3\n').commit('limits')
    o.dev.git('tag', '-a', '-m', 'web 9.9.9', 'web/v9.9.9')
    c2 = o.dev.write('config/b/features.yaml', 'beta: on\n').commit('features')
    o.dev.git('tag', '-a', '-m', 'release 1.2.3', 'v1.2.3')
    o.dev.git('tag', '-a', '-m', 'api 1.2.3', 'api/v1.2.3')
    o.push('main', '--tags')
  })

  /** A tag push as GitHub sends it: `after` is the tag object, GITHUB_SHA its commit. */
  function tagRun(tag: string, inputs: Record<string, string> = {}): Promise<Planned> {
    const ref = `refs/tags/${tag}`
    const commit = o.commitOf(ref)
    return planned({
      workspace: o.checkout(ref, commit),
      event: 'push',
      payload: eventWith('push-tag', at => ({
        [at('ref')]: ref,
        [at('after')]: o.objectOf(ref),
        [at('head_commit.id')]: commit
      })),
      sha: commit,
      ref,
      inputs
    })
  }

  test('v1.2.3: the previous tag v1.2.2, a lightweight tag', async () => {
    expect(o.objectOf('refs/tags/v1.2.3')).not.toBe(c2)
    const { affected, base, reason, r } = await tagRun('v1.2.3')
    expect(base).toBe(c0)
    expect(r.outputs.head).toBe(c2)
    expect(reason).toBe(`push of tag v1.2.3: previous tag v1.2.2 (${short(c0)})`)
    expect(affected).toEqual(['image-a', 'image-b', 'image-c'])
  })

  test('api/v1.2.3: api/v1.2.2 (annotated, peeled to its commit), not web/v9.9.9', async () => {
    const { affected, base, reason } = await tagRun('api/v1.2.3')
    expect(base).toBe(c0)
    expect(base).not.toBe(o.objectOf('refs/tags/api/v1.2.2'))
    expect(reason).toBe(`push of tag api/v1.2.3: previous tag api/v1.2.2 (${short(c0)})`)
    // Since c0, not since web/v9.9.9 at c1: the config-c change counts.
    expect(affected).toEqual(['image-a', 'image-b', 'image-c'])
  })

  test('the first tag of a series: everything, and the reason says so', async () => {
    const { affected, base, reason, r } = await tagRun('web/v9.9.9')
    expect(base).toBe('')
    expect(r.outputs.head).toBe(c1)
    expect(reason).toBe(
      'push of tag web/v9.9.9: no earlier tag of the series of web/v9.9.9, so every node is affected'
    )
    expect(affected).toEqual(ALL_IMAGES)
    expect(warnings(r.stdout)).toEqual([])
  })

  test('input tag-pattern: the series it names (releases only, skipping a candidate)', async () => {
    const p = Origin.withExample()
    const v122 = p.dev.head()
    p.dev.git('tag', 'v1.2.2')
    p.dev.write('config/c/limits.yaml', 'max: 4\n').commit('limits')
    p.dev.git('tag', '-a', '-m', 'candidate', 'v1.2.3-rc.1')
    const rc = p.dev.head()
    p.dev.write('config/b/features.yaml', 'beta: off\n').commit('features')
    p.dev.git('tag', '-a', '-m', 'release', 'v1.2.3')
    p.push('main', '--tags')
    const ref = 'refs/tags/v1.2.3'
    const commit = p.commitOf(ref)
    const run = (inputs: Record<string, string>) =>
      planned({
        workspace: p.checkout(ref, commit),
        event: 'push',
        payload: eventWith('push-tag', at => ({
          [at('ref')]: ref,
          [at('after')]: p.objectOf(ref),
          [at('head_commit.id')]: commit
        })),
        sha: commit,
        ref,
        inputs
      })

    const byDefault = await run({})
    expect(byDefault.base).toBe(rc)
    expect(byDefault.affected).toEqual(['image-a', 'image-b'])

    const releases = await run({ 'tag-pattern': 'v+([0-9]).+([0-9]).+([0-9])' })
    expect(releases.base).toBe(v122)
    expect(releases.reason).toBe(`push of tag v1.2.3: previous tag v1.2.2 (${short(v122)})`)
    expect(releases.affected).toEqual(['image-a', 'image-b', 'image-c'])

    const none = await run({ 'tag-pattern': 'release-*' })
    expect(none.base).toBe('')
    expect(none.reason).toBe(
      "push of tag v1.2.3: no earlier tag matching 'release-*', so every node is affected"
    )
  })
})

describe('pull request', () => {
  // main: the example, 20 commits of history, the branch point; then main moves on (motd, which
  // the pull request must not count). The PR branch changes config-c and image-c. refs/pull/42/merge
  // is the merge commit GitHub makes, and what the runner checks out.
  let o: Origin
  let root: string
  let branchPoint: string
  let baseTip: string
  let prHead: string
  let merge: string
  beforeAll(() => {
    o = Origin.withExample()
    root = o.dev.head()
    branchPoint = filler(o, 20)
    o.dev.git('checkout', '-q', '-b', 'feature/limits')
    o.dev.write('config/c/limits.yaml', 'max: 10\n').commit('limits')
    prHead = o.dev.write('services/image-c/app.txt', 'c 2\n').commit('app c')
    o.dev.git('checkout', '-q', 'main')
    o.dev.write('images/base/motd', 'welcome back\n').commit('motd')
    baseTip = filler(o, 2, 'docs/main.md')
    merge = githubMerge(o, baseTip, prHead, 42)
    o.push('main', 'feature/limits')
  })

  /** The merge commit GitHub keeps at refs/pull/N/merge, and the PR head at refs/pull/N/head. */
  function githubMerge(origin: Origin, base: string, head: string, n: number): string {
    origin.dev.git('checkout', '-q', '--detach', base)
    origin.dev.git('merge', '-q', '--no-ff', '-m', `Merge ${head} into ${base}`, head)
    const sha = origin.dev.head()
    origin.dev.git('checkout', '-q', 'main')
    origin.push('--force', `${sha}:refs/pull/${n}/merge`, `${head}:refs/pull/${n}/head`)
    return sha
  }

  function prEvent(name: string, head: string): Payload {
    return eventWith(name, at => ({
      [at('pull_request.base.sha')]: baseTip,
      [at('pull_request.head.sha')]: head
    }))
  }

  test('pull_request: merge-base of base and head; head is the PR head, not the merge commit', async () => {
    const workspace = o.checkout('refs/pull/42/merge', merge)
    expect(git(workspace, 'rev-parse', 'HEAD').trim()).toBe(merge)
    const { r, plan, affected, base, reason } = await planned({
      workspace,
      event: 'pull_request',
      payload: prEvent('pull_request', prHead),
      sha: merge,
      ref: 'refs/pull/42/merge'
    })
    expect(base).toBe(branchPoint)
    expect(r.outputs.head).toBe(prHead)
    expect(plan.head).toBe(prHead)
    expect(reason).toBe(
      `pull request #42: merge-base of main (${short(baseTip)}) and the PR head (${short(prHead)}) = ${short(branchPoint)}`
    )
    // The motd change on main is not the PR's: base and image-a are not affected.
    expect(affected).toEqual(['image-c'])
    expect(plan.changedFiles.map(c => c.path)).toEqual([
      'config/c/limits.yaml',
      'services/image-c/app.txt'
    ])
    expect(isShallow(workspace)).toBe('true')
    expect(hasCommit(workspace, root)).toBe(false)
    expect(warnings(r.stdout)).toEqual([])
    // The PR is not from a fork and not commented on by default.
    expect(r.stdout).not.toContain('Untrusted event')
    expect(github.requests).toEqual([])
  })

  test('pull_request_target: the same base, though the checkout is the base branch', async () => {
    const { r, affected, base } = await planned({
      workspace: o.checkout('refs/heads/main', baseTip),
      event: 'pull_request_target',
      payload: prEvent('pull_request_target', prHead),
      sha: baseTip,
      ref: 'refs/heads/main'
    })
    expect(base).toBe(branchPoint)
    expect(r.outputs.head).toBe(prHead)
    expect(affected).toEqual(['image-c'])
    expect(r.stdout).toContain('Untrusted event (pull_request_target')
  })

  test('input base on pull_request_target: compared with the PR head, not the base branch', async () => {
    const { r, affected, base, reason } = await planned({
      workspace: o.checkout('refs/heads/main', baseTip),
      event: 'pull_request_target',
      payload: prEvent('pull_request_target', prHead),
      sha: baseTip,
      ref: 'refs/heads/main',
      inputs: { base: root }
    })
    expect(base).toBe(root)
    expect(r.outputs.head).toBe(prHead)
    expect(reason).toBe(`input 'base' is ${root}`)
    expect(affected).toEqual(['image-c'])
  })

  describe('the sticky comment (input comment)', () => {
    beforeEach(() => github.reset())

    const commentRun = (head: string, mergeSha: string, name = 'pull_request') =>
      runAction({
        workspace: o.checkout('refs/pull/42/merge', mergeSha),
        event: 'pull_request',
        payload: prEvent(name, head),
        sha: mergeSha,
        ref: 'refs/pull/42/merge',
        inputs: { comment: 'true' },
        apiUrl: github.url
      })

    /** The token is only ever in the runner's mask command, never in the log. */
    function expectTokenHidden(r: ActionResult) {
      expect(r.stdout.split('\n').filter(l => l.includes(TEST_TOKEN))).toEqual([
        `::add-mask::${TEST_TOKEN}`
      ])
      expect(r.stderr).not.toContain(TEST_TOKEN)
      expect(r.summary).not.toContain(TEST_TOKEN)
    }

    test('created on the first run, updated in place on the next push', async () => {
      github.addComment('octo-org', 'monorepo', 42, 'Looks good to me')
      const first = await commentRun(prHead, merge)
      expect(first.code).toBe(0)
      expect(first.stdout).toContain('comment: created the plan comment on #42')
      let comments = github.commentsOn('octo-org', 'monorepo', 42)
      expect(comments).toHaveLength(2)
      const [human, ours] = comments
      expect(human.body).toBe('Looks good to me')
      expect(ours.body.startsWith('<!-- imagegraph-plan:imagegraph.yml -->\n')).toBe(true)
      expect(ours.body).toContain('## imagegraph: 1 of 4 images affected')
      expect(ours.body).toContain(`\`${short(branchPoint)}\` → **head** \`${short(prHead)}\``)
      const firstBody = ours.body
      expect(github.requests.map(q => `${q.method} ${q.path.split('?')[0]}`)).toEqual([
        'GET /user',
        'GET /repos/octo-org/monorepo/issues/42/comments',
        'POST /repos/octo-org/monorepo/issues/42/comments'
      ])
      for (const q of github.requests) expect(q.headers.authorization).toBe(`token ${TEST_TOKEN}`)
      expectTokenHidden(first)

      // Another push to the pull request: image-b changes too.
      o.dev.git('checkout', '-q', 'feature/limits')
      const nextHead = o.dev.write('services/image-b/app.txt', 'b 3\n').commit('app b')
      o.dev.git('checkout', '-q', 'main')
      o.push('feature/limits')
      const nextMerge = githubMerge(o, baseTip, nextHead, 42)
      github.requests.length = 0
      const second = await commentRun(nextHead, nextMerge)
      expect(second.code).toBe(0)
      expect(second.stdout).toContain('comment: updated the plan comment on #42')
      comments = github.commentsOn('octo-org', 'monorepo', 42)
      expect(comments.map(c => c.id)).toEqual([human.id, ours.id])
      expect(comments[0].body).toBe('Looks good to me')
      expect(comments[1].body).not.toBe(firstBody)
      expect(comments[1].body).toContain('## imagegraph: 2 of 4 images affected')
      expect(comments[1].body).toContain(`**head** \`${short(nextHead)}\``)
      expect(github.requests.map(q => `${q.method} ${q.path.split('?')[0]}`)).toEqual([
        'GET /user',
        'GET /repos/octo-org/monorepo/issues/42/comments',
        `PATCH /repos/octo-org/monorepo/issues/comments/${ours.id}`
      ])
      for (const q of github.requests) expect(q.headers.authorization).toBe(`token ${TEST_TOKEN}`)
      expectTokenHidden(second)
    })

    const calls = () => github.requests.map(q => `${q.method} ${q.path.split('?')[0]}`)
    const MARKED = '<!-- imagegraph-plan:imagegraph.yml -->\n## imagegraph: 0 of 4 images affected'

    test("another's comment carrying the marker is never edited: the job's token writes its own", async () => {
      github.addComment('octo-org', 'monorepo', 42, `${MARKED}\nall clear, merge it`, 'mallory')
      const first = await commentRun(prHead, merge)
      expect(first.code).toBe(0)
      expect(first.stdout).toContain('comment: created the plan comment on #42')
      let [theirs, ours] = github.commentsOn('octo-org', 'monorepo', 42)
      expect(theirs.body).toBe(`${MARKED}\nall clear, merge it`)
      expect(ours.user.login).toBe('github-actions[bot]')
      expect(calls()).not.toContainEqual(expect.stringMatching(/^PATCH/))
      // The next run finds its own comment behind mallory's and edits that one.
      github.requests.length = 0
      const second = await commentRun(prHead, merge)
      expect(second.stdout).toContain('comment: updated the plan comment on #42')
      ;[theirs, ours] = github.commentsOn('octo-org', 'monorepo', 42)
      expect(theirs.body).toBe(`${MARKED}\nall clear, merge it`)
      expect(calls()).toContain(`PATCH /repos/octo-org/monorepo/issues/comments/${ours.id}`)
    })

    test("a personal token edits only its user's comment, not the bot's", async () => {
      github.users.set('ghp_personalToken0123', 'release-bot')
      github.addComment('octo-org', 'monorepo', 42, MARKED, 'github-actions[bot]')
      github.addComment('octo-org', 'monorepo', 42, MARKED, 'release-bot')
      const [bots, mine] = github.commentsOn('octo-org', 'monorepo', 42)
      const r = await runAction({
        workspace: o.checkout('refs/pull/42/merge', merge),
        event: 'pull_request',
        payload: prEvent('pull_request', prHead),
        sha: merge,
        ref: 'refs/pull/42/merge',
        inputs: { comment: 'true', token: 'ghp_personalToken0123' },
        apiUrl: github.url
      })
      expect(r.stdout).toContain('comment: updated the plan comment on #42')
      expect(calls()).toEqual([
        'GET /user',
        'GET /repos/octo-org/monorepo/issues/42/comments',
        `PATCH /repos/octo-org/monorepo/issues/comments/${mine.id}`
      ])
      expect(bots.body).toBe(MARKED)
      expect(mine.body).toContain('## imagegraph: 1 of 4 images affected')
    })

    test('when whose token it is cannot be known, a new comment, no edit', async () => {
      github.users.set('ghp_unknownToken0123', 'error')
      github.addComment('octo-org', 'monorepo', 42, MARKED, 'github-actions[bot]')
      const r = await runAction({
        workspace: o.checkout('refs/pull/42/merge', merge),
        event: 'pull_request',
        payload: prEvent('pull_request', prHead),
        sha: merge,
        ref: 'refs/pull/42/merge',
        inputs: { comment: 'true', token: 'ghp_unknownToken0123' },
        apiUrl: github.url
      })
      expect(r.stdout).toContain('comment: created the plan comment on #42')
      expect(calls()).toEqual(['GET /user', 'POST /repos/octo-org/monorepo/issues/42/comments'])
      expect(github.commentsOn('octo-org', 'monorepo', 42)[0].body).toBe(MARKED)
    })

    test('from a fork the token cannot write: a warning, and the step succeeds with the summary', async () => {
      github.reset('forbidden')
      const r = await commentRun(prHead, merge, 'pull_request-fork')
      expect(r.code).toBe(0)
      expect(r.stdout).not.toContain('::error::')
      expect(warnings(r.stdout)).toEqual([
        expect.stringMatching(
          /^::warning::comment: could not write the plan comment on #42 \(403 .*Resource not accessible by integration.*\): the token cannot write here, as on a pull request from a fork\. The job summary has the plan\.$/
        )
      ])
      expect(r.stdout).toContain(
        'Untrusted event (pull request from the fork contributor/monorepo)'
      )
      expect(r.summary).toContain('## imagegraph: 1 of 4 images affected')
      expect(r.outputs['affected-images']).toBe('["image-c"]')
      expect(github.requests.length).toBeGreaterThan(0)
      for (const q of github.requests) expect(q.headers.authorization).toBe(`token ${TEST_TOKEN}`)
      expect(github.commentsOn('octo-org', 'monorepo', 42)).toEqual([])
      expectTokenHidden(r)
    })

    test('not a pull request: no call to GitHub', async () => {
      const r = await runAction({
        workspace: o.checkout('refs/heads/main', baseTip),
        event: 'workflow_dispatch',
        payload: loadEvent('workflow_dispatch'),
        sha: baseTip,
        ref: 'refs/heads/main',
        inputs: { comment: 'true' },
        apiUrl: github.url
      })
      expect(r.code).toBe(0)
      expect(r.stdout).toContain('comment: the workflow_dispatch event is not about a pull request')
      expect(github.requests).toEqual([])
    })
  })
})

test('merge_group: base_sha..head_sha, every pull request of the group', async () => {
  const o = Origin.withExample()
  const baseSha = o.dev.head()
  // Two pull requests in the queue: HEAD~1 would see only the second.
  o.dev.write('config/c/limits.yaml', 'max: 7\n').commit('Merge pull request #41')
  const headSha = o.dev.write('images/base/motd', 'queued\n').commit('Merge pull request #42')
  const ref = `refs/heads/gh-readonly-queue/main/pr-42-${baseSha}`
  o.push(`${headSha}:${ref}`)
  o.dev.git('reset', '-q', '--hard', baseSha)

  const payload = eventWith('merge_group', at => ({
    [at('merge_group.base_sha')]: baseSha,
    [at('merge_group.head_sha')]: headSha
  }))
  expect(field(payload, 'merge_group.head_ref')).toBe(ref)
  const { affected, base, reason, r } = await planned({
    workspace: o.checkout(ref, headSha),
    event: 'merge_group',
    payload,
    sha: headSha,
    ref
  })
  expect(base).toBe(baseSha)
  expect(r.outputs.head).toBe(headSha)
  expect(reason).toBe(`merge queue: ${short(baseSha)}..${short(headSha)}`)
  expect(affected).toEqual(['base', 'image-a', 'image-c'])
})

describe('workflow_dispatch', () => {
  // c0 tagged v1.0.0 (annotated); release at c1 (config-c); main at c2 (config-b).
  let o: Origin
  let c0: string
  let c1: string
  let c2: string
  beforeAll(() => {
    o = Origin.withExample()
    c0 = o.dev.head()
    o.dev.git('tag', '-a', '-m', 'first', 'v1.0.0')
    c1 = o.dev.write('config/c/limits.yaml', 'max: 5\n').commit('limits')
    o.dev.git('branch', 'release')
    c2 = o.dev.write('config/b/features.yaml', 'gamma: on\n').commit('features')
    o.push('main', 'release', '--tags')
  })

  const dispatch = (inputs: Record<string, string> = {}) =>
    planned({
      workspace: o.checkout('refs/heads/main', c2),
      event: 'workflow_dispatch',
      payload: loadEvent('workflow_dispatch'),
      sha: c2,
      ref: 'refs/heads/main',
      inputs
    })

  test('without input base: everything', async () => {
    const { affected, base, reason, r } = await dispatch()
    expect(base).toBe('')
    expect(reason).toBe("workflow_dispatch event and no input 'base': every node is affected")
    expect(affected).toEqual(ALL_IMAGES)
    expect(warnings(r.stdout)).toEqual([])
  })

  test.each([
    { what: 'a sha', base: () => c0, want: () => c0, images: ['image-a', 'image-b', 'image-c'] },
    { what: 'a branch', base: () => 'release', want: () => c1, images: ['image-a', 'image-b'] },
    {
      what: 'a tag the checkout lacks',
      base: () => 'v1.0.0',
      want: () => c0,
      images: ['image-a', 'image-b', 'image-c']
    }
  ])('with input base as $what: that base', async ({ base, want, images }) => {
    const run = await dispatch({ base: base() })
    expect(run.base).toBe(want())
    expect(run.reason).toBe(`input 'base' is ${base()}`)
    expect(run.affected).toEqual(images)
    expect(warnings(run.r.stdout)).toEqual([])
  })

  test('with an input base no one has: every node affected, with a warning', async () => {
    const { affected, base, reason, r } = await dispatch({ base: 'no-such-branch' })
    expect(base).toBe('')
    expect(reason).toMatch(/^base unavailable: 'no-such-branch' is neither a commit nor a branch/)
    expect(affected).toEqual(ALL_IMAGES)
    expect(warnings(r.stdout)).toHaveLength(1)
  })

  test('input working-directory: a checkout under a path of the workspace', async () => {
    const workspace = tempDir('imagegraph-workspace-')
    o.checkout('refs/heads/main', c2, path.join(workspace, 'src', 'monorepo'))
    const { affected, base } = await planned({
      workspace,
      event: 'workflow_dispatch',
      payload: loadEvent('workflow_dispatch'),
      sha: c2,
      ref: 'refs/heads/main',
      inputs: { 'working-directory': 'src/monorepo', base: c1 }
    })
    expect(base).toBe(c1)
    expect(affected).toEqual(['image-a', 'image-b'])
  })

  test("input head: another repository's commit than the workflow's (GITHUB_SHA is not in it)", async () => {
    const workspace = tempDir('imagegraph-workspace-')
    o.checkout('refs/heads/main', c2, path.join(workspace, 'example'))
    const { affected, base, plan } = await planned({
      workspace,
      event: 'push',
      payload: eventWith('push', at => ({
        [at('before')]: 'f'.repeat(40),
        [at('after')]: 'e'.repeat(40)
      })),
      sha: 'e'.repeat(40),
      ref: 'refs/heads/main',
      inputs: { 'working-directory': 'example', base: c1, head: 'HEAD' }
    })
    expect(plan.head).toBe(c2)
    expect(base).toBe(c1)
    expect(affected).toEqual(['image-a', 'image-b'])
  })
})

describe('failures', () => {
  test('a bad imagegraph.yml at head fails the step with file:line:col, no stack trace', async () => {
    const o = Origin.withExample()
    const before = o.dev.head()
    const good = readFileSync(path.join(EXAMPLE, 'imagegraph.yml'), 'utf8')
    const bad = good.replace('    inputs: [process-a]\n', '    inputs: [procss-a]\n')
    expect(bad).not.toBe(good)
    const lines = bad.split('\n')
    const line = lines.findIndex(l => l.includes('[procss-a]')) + 1
    const col = lines[line - 1].indexOf('procss-a') + 1
    const after = o.dev.write('imagegraph.yml', bad).commit('typo')
    o.push('main')
    const r = await runAction({
      workspace: o.checkout('refs/heads/main', after),
      event: 'push',
      payload: eventWith('push', at => ({ [at('before')]: before, [at('after')]: after })),
      sha: after,
      ref: 'refs/heads/main',
      apiUrl: github.url
    })
    expect(r.code).toBe(1)
    const errors = r.stdout.split('\n').filter(l => l.startsWith('::error::'))
    expect(errors).toEqual([
      `::error::imagegraph.yml:${line}:${col} images.image-a.inputs[0]: unknown node 'procss-a' (did you mean 'process-a'?)`
    ])
    expect(r.stdout + r.stderr).not.toMatch(STACK_FRAME)
    expect(r.stdout).not.toContain('internal error')
    expect(r.outputs.plan).toBeUndefined()
  })

  test('an invalid input fails the step and names the valid values', async () => {
    const o = Origin.withExample()
    const head = o.dev.head()
    const r = await runAction({
      workspace: o.checkout('refs/heads/main', head),
      event: 'workflow_dispatch',
      payload: loadEvent('workflow_dispatch'),
      sha: head,
      ref: 'refs/heads/main',
      inputs: { comment: 'maybe' }
    })
    expect(r.code).toBe(1)
    expect(r.stdout).toContain(
      "::error::Input 'comment' is set to invalid value 'maybe'. Valid values: true, false"
    )
    expect(r.stdout + r.stderr).not.toMatch(STACK_FRAME)
  })
})
