// The reusable workflow (.github/workflows/imagegraph.yml) read as data: the rules it must keep
// through every change (issue 7, item 10 and Security). GitHub Actions cannot run here; what can be
// checked without it is checked on the file itself.
import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, readFileSync } from 'node:fs'
import * as path from 'node:path'
import { parse } from 'yaml'
import { ROOT, removeTempDirs, tempDir } from './helpers/repo.js'

afterAll(removeTempDirs)

interface Step {
  id?: string
  uses?: string
  run?: string
  with?: Record<string, unknown>
  env?: Record<string, unknown>
}
interface Job {
  needs?: string | string[]
  if?: string
  permissions?: Record<string, string> | string
  steps: Step[]
  secrets?: unknown
  env?: Record<string, unknown>
}
interface Workflow {
  permissions?: Record<string, string> | string
  on: {
    workflow_call: { inputs: Record<string, unknown>; outputs: Record<string, { value: string }> }
  }
  jobs: Record<string, Job>
}

const WORKFLOW = path.join(ROOT, '.github', 'workflows', 'imagegraph.yml')
const workflow = parse(readFileSync(WORKFLOW, 'utf8')) as Workflow
const version = (
  JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }
).version
const jobs = Object.entries(workflow.jobs)
const usesOf = (job: Job) => job.steps.flatMap(s => (s.uses ? [s.uses] : []))
const writes = (p: Job['permissions']) =>
  p === undefined
    ? []
    : typeof p === 'string'
      ? p.includes('write')
        ? [p]
        : []
      : Object.entries(p)
          .filter(([, v]) => v === 'write')
          .map(([k]) => k)

test('every action is used by a release tag or a commit, never a branch', () => {
  const refs = jobs.flatMap(([, job]) => usesOf(job))
  expect(refs.length).toBeGreaterThan(0)
  for (const uses of refs) {
    const ref = uses.split('@')[1]
    expect([uses, /^(v\d+(\.\d+){0,2}|[0-9a-f]{40})$/.test(ref ?? '')]).toEqual([uses, true])
  }
})

test("imagegraph's own action is the release this workflow ships in (package.json's version)", () => {
  const own = jobs
    .flatMap(([, job]) => usesOf(job))
    .filter(u => u.startsWith('imagegraph/imagegraph@'))
  expect(own.length).toBeGreaterThanOrEqual(2)
  for (const uses of own) expect(uses).toBe(`imagegraph/imagegraph@v${version}`)
})

test('the build job checks out exactly the planned head, first, without keeping credentials', () => {
  const build = workflow.jobs.build
  expect([build.needs].flat()).toContain('plan')
  const checkout = build.steps.findIndex(s => s.uses?.startsWith('actions/checkout@'))
  expect(checkout).toBe(0)
  expect(build.steps[0].with?.ref).toBe('${{ needs.plan.outputs.head }}')
  expect(build.steps[0].with?.['persist-credentials']).toBe(false)
  expect(
    workflow.jobs.plan.steps.find(
      s => s.id === undefined && s.uses?.startsWith('actions/checkout@')
    )
  ).toBeDefined()
})

test('the plan passes head and trusted on, to the jobs and to the caller', () => {
  const plan = workflow.jobs.plan as Job & { outputs: Record<string, string> }
  expect(plan.outputs.head).toBe('${{ steps.plan.outputs.head }}')
  expect(plan.outputs.trusted).toBe('${{ steps.plan.outputs.trusted }}')
  expect(workflow.on.workflow_call.outputs.head.value).toBe('${{ jobs.plan.outputs.head }}')
  expect(workflow.on.workflow_call.outputs.trusted.value).toBe('${{ jobs.plan.outputs.trusted }}')
})

test('no build command runs on an untrusted event, and none with secrets', () => {
  for (const [name, job] of jobs) {
    if (!job.steps.some(s => s.run)) continue
    // Every job that runs a command runs it only when the plan says the event is trusted.
    expect([name, job.if ?? '']).toEqual([
      name,
      expect.stringContaining("needs.plan.outputs.trusted == 'true'")
    ])
    expect([name, JSON.stringify(job)]).toEqual([name, expect.not.stringMatching(/secrets\./)])
    expect(job.secrets).toBeUndefined()
  }
})

test('only the comment job may write, to pull requests only, and only when comment is on', () => {
  expect(writes(workflow.permissions)).toEqual([])
  for (const [name, job] of jobs) {
    expect([name, job.permissions]).not.toEqual([name, undefined]) // never the caller's defaults
    expect([name, writes(job.permissions)]).toEqual([
      name,
      name === 'comment' ? ['pull-requests'] : []
    ])
  }
  const comment = workflow.jobs.comment
  expect(comment.if).toMatch(/^inputs\.comment && /)
  // It only posts what the plan wrote: no checkout, no command.
  expect(comment.steps).toHaveLength(1)
  expect(comment.steps[0].with).toEqual({
    mode: 'comment',
    'comment-body': '${{ needs.plan.outputs.comment-body }}'
  })
  // The plan job never comments itself.
  expect(workflow.jobs.plan.steps.find(s => s.uses?.startsWith('imagegraph/'))?.with?.comment).toBe(
    false
  )
})

test('scripts/release.mjs rewrites the refs, the version and the CLI together', () => {
  const dir = tempDir('imagegraph-release-')
  for (const f of [
    'scripts/release.mjs',
    '.github/workflows',
    'README.md',
    'package.json',
    'src/cli.ts'
  ]) {
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true })
    cpSync(path.join(ROOT, f), path.join(dir, f), { recursive: true })
  }
  execFileSync(process.execPath, [path.join(dir, 'scripts/release.mjs'), '7.8.9'], {
    stdio: 'ignore'
  })
  const released = parse(
    readFileSync(path.join(dir, '.github/workflows/imagegraph.yml'), 'utf8')
  ) as Workflow
  const own = Object.values(released.jobs)
    .flatMap(usesOf)
    .filter(u => u.startsWith('imagegraph/'))
  expect(new Set(own)).toEqual(new Set(['imagegraph/imagegraph@v7.8.9']))
  expect(JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).version).toBe('7.8.9')
  expect(readFileSync(path.join(dir, 'src/cli.ts'), 'utf8')).toContain(
    "export const VERSION = '7.8.9'"
  )
  expect(readFileSync(path.join(dir, 'README.md'), 'utf8')).toContain(
    '.github/workflows/imagegraph.yml@v7.8.9'
  )
})
