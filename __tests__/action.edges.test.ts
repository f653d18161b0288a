// The built action (dist/index.js) on what issue 7 found at its edges: a graph file under
// working-directory, malformed or missing event payloads, directories and graph files that are
// not what they should be, a shallow history, a deleted branch, untrusted events, mode comment.
import { cpSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import type { PlanJson } from '../src/core/plan.js'
import { Origin, ZERO_SHA, eventWith, loadEvent, runAction } from './helpers/action.js'
import type { ActionResult, ActionRun } from './helpers/action.js'
import { FakeGitHub } from './helpers/fake-github.js'
import { EXAMPLE, removeTempDirs, tempDir } from './helpers/repo.js'

const github = new FakeGitHub()
beforeAll(() => github.start())
afterAll(async () => {
  await github.stop()
  removeTempDirs()
})

const STACK_FRAME = /^\s+at .+[:(]\d+:\d+\)?$/m
const errors = (r: ActionResult) => r.stdout.split('\n').filter(l => l.startsWith('::error::'))

/** The step failed with exactly this one error line, and no stack trace anywhere. */
function failedWith(r: ActionResult, message: RegExp): void {
  expect(r.code).toBe(1)
  expect(errors(r)).toHaveLength(1)
  expect(errors(r)[0]).toMatch(message)
  expect(r.stdout + r.stderr).not.toMatch(STACK_FRAME)
  expect(r.stdout).not.toContain('internal error')
}

/** The example under infra/, and at the root a graph file that must not be read instead. */
const DECOY = `version: 1
configs:
  everything:
    paths: ["**"]
images:
  decoy:
    context: decoy
    inputs: [everything]
`
let o: Origin
let c1: string
let c2: string
beforeAll(() => {
  o = new Origin()
  cpSync(EXAMPLE, path.join(o.dev.dir, 'infra'), { recursive: true })
  o.dev.write('imagegraph.yml', DECOY).write('decoy/Dockerfile', 'FROM scratch\n')
  c1 = o.dev.commit('example under infra/')
  c2 = o.dev.write('infra/config/a/settings.yaml', 'greeting: hi\nport: 8080\n').commit('a')
  o.push('main')
})

const dispatch = (over: Partial<ActionRun> = {}): Promise<ActionResult> =>
  runAction({
    workspace: o.checkout('refs/heads/main', c2),
    event: 'workflow_dispatch',
    payload: loadEvent('workflow_dispatch'),
    sha: c2,
    ref: 'refs/heads/main',
    apiUrl: github.url,
    ...over,
    inputs: { base: c1, ...over.inputs }
  })

describe('working-directory and graph', () => {
  test("working-directory: infra reads infra's graph file, not the root's", async () => {
    const r = await dispatch({ inputs: { 'working-directory': 'infra' } })
    expect(r.code).toBe(0)
    const plan = JSON.parse(r.outputs.plan) as PlanJson
    expect(plan.graphFile).toBe('infra/imagegraph.yml')
    expect(JSON.parse(r.outputs['affected-images'])).toEqual(['image-a', 'image-b'])
    expect(plan.changedFiles).toEqual([{ path: 'config/a/settings.yaml', status: 'modified' }])
  })

  test('graph relative to working-directory, working-directory inside a workspace path', async () => {
    const workspace = tempDir('imagegraph-workspace-')
    o.checkout('refs/heads/main', c2, path.join(workspace, 'src', 'mono'))
    const r = await dispatch({
      workspace,
      inputs: { 'working-directory': 'src/mono', graph: 'infra/imagegraph.yml' }
    })
    expect(r.code).toBe(0)
    expect(JSON.parse(r.outputs['affected-images'])).toEqual(['image-a', 'image-b'])
  })

  test('a working-directory that does not exist', async () => {
    const workspace = o.checkout('refs/heads/main', c2)
    failedWith(
      await dispatch({ workspace, inputs: { 'working-directory': 'nope' } }),
      new RegExp(
        `^::error::input 'working-directory': ${path.join(workspace, 'nope')} does not exist$`
      )
    )
  })

  test('a graph outside the repository, or naming a directory', async () => {
    failedWith(
      await dispatch({ inputs: { graph: '../elsewhere.yml' } }),
      /^::error::input 'graph' '\.\.\/elsewhere\.yml': .* is outside the repository /
    )
    failedWith(
      await dispatch({ inputs: { graph: 'infra' } }),
      /^::error::input 'graph' 'infra' is a directory; name the graph file in it \(infra\/imagegraph\.yml\)$/
    )
  })
})

describe('the event payload', () => {
  test.each([
    ['bad JSON', '{"ref": "refs/heads/main",', /is not valid JSON: /],
    ['a UTF-8 byte order mark', '\ufeff{}', /starts with a UTF-8 byte order mark/],
    ['null', 'null', /is not a JSON object \(it is null\)/]
  ])('%s: one clear line', async (_title, text, message) => {
    const file = path.join(tempDir('imagegraph-event-'), 'event.json')
    writeFileSync(file, text)
    const r = await dispatch({ event: 'push', env: { GITHUB_EVENT_PATH: file } })
    failedWith(r, message)
    expect(errors(r)[0]).toContain(`GITHUB_EVENT_PATH=${file}`)
  })

  test('GITHUB_EVENT_PATH unset: every node affected, and the reason says why', async () => {
    const r = await dispatch({
      event: 'push',
      env: { GITHUB_EVENT_PATH: undefined },
      inputs: { base: '', 'working-directory': 'infra' }
    })
    expect(r.code).toBe(0)
    expect(r.outputs['base-reason']).toMatch(
      /^push event without its payload \(GITHUB_EVENT_PATH is not set\)/
    )
    expect(JSON.parse(r.outputs['affected-images'])).toHaveLength(4)
  })

  test('a push that deletes a branch builds nothing, and says why', async () => {
    const payload = eventWith('push-deleted', at => ({ [at('before')]: c1 }))
    const r = await runAction({
      workspace: o.checkout('refs/heads/main', c2),
      event: 'push',
      payload,
      sha: c2,
      ref: 'refs/heads/feature/old',
      inputs: { 'working-directory': 'infra' },
      apiUrl: github.url
    })
    expect(r.code).toBe(0)
    expect(r.outputs['has-affected']).toBe('false')
    expect(JSON.parse(r.outputs.matrix)).toEqual({ include: [] })
    expect(JSON.parse(r.outputs['affected-images'])).toEqual([])
    expect(r.outputs['base-reason']).toBe('push deleted refs/heads/feature/old: nothing to build')
    expect(payload.after).toBe(ZERO_SHA)
  })
})

test('base: HEAD~1 on a depth-1 checkout: the history is shallow, and how to fetch it', async () => {
  const r = await dispatch({ inputs: { base: 'HEAD~1', 'working-directory': 'infra' } })
  expect(r.code).toBe(0)
  expect(r.outputs['base-reason']).toMatch(
    /^base unavailable: 'HEAD~1' is not in the checkout; the clone is shallow.*fetch-depth: 0/
  )
  expect(r.outputs['base-reason']).not.toContain('refspec')
})

describe('output trusted and mode comment', () => {
  const prEvent = (name: string) =>
    eventWith(name, at => ({
      [at('pull_request.base.sha')]: c1,
      [at('pull_request.head.sha')]: c2
    }))
  const prRun = (name: string, inputs: Record<string, string> = {}) =>
    runAction({
      workspace: o.checkout('refs/heads/main', c2),
      event: name === 'pull_request_target' ? name : 'pull_request',
      payload: prEvent(name),
      sha: c2,
      ref: 'refs/pull/42/merge',
      inputs: { 'working-directory': 'infra', ...inputs },
      apiUrl: github.url
    })

  test.each([
    ['pull_request', 'true'],
    ['pull_request-fork', 'false'],
    ['pull_request_target', 'false']
  ])('%s: trusted is %s', async (name, trusted) => {
    const r = await prRun(name)
    expect(r.code).toBe(0)
    expect(r.outputs.trusted).toBe(trusted)
  })

  test('a plan run without comment writes none; mode comment posts its comment-body', async () => {
    github.reset()
    const planRun = await prRun('pull_request')
    expect(github.commentsOn('octo-org', 'monorepo', 42)).toHaveLength(0)
    const body = planRun.outputs['comment-body']
    expect(body.split('\n')[0]).toBe('<!-- imagegraph-plan:infra/imagegraph.yml -->')
    // The comment job: no checkout, only the event and the body.
    const comment = await runAction({
      workspace: tempDir('imagegraph-empty-workspace-'),
      event: 'pull_request',
      payload: prEvent('pull_request'),
      sha: c2,
      ref: 'refs/pull/42/merge',
      inputs: { mode: 'comment', 'comment-body': body },
      apiUrl: github.url
    })
    expect(comment.code).toBe(0)
    expect(comment.stdout).toContain('comment: created the plan comment on #42')
    expect(github.commentsOn('octo-org', 'monorepo', 42).map(c => c.body.trim())).toEqual([
      body.trim()
    ])
  })

  test("mode comment with a body that is not a plan run's: one clear line", async () => {
    const r = await runAction({
      workspace: tempDir('imagegraph-empty-workspace-'),
      event: 'pull_request',
      payload: prEvent('pull_request'),
      sha: c2,
      ref: 'refs/pull/42/merge',
      inputs: { mode: 'comment', 'comment-body': 'hello' },
      apiUrl: github.url
    })
    failedWith(r, /^::error::Input 'comment-body' must be the output comment-body of a plan run/)
  })
})
