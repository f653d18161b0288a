// The README's three ways to run the action (one job; plan + a matrix of single images; the
// reusable workflow in waves), read as data: GitHub Actions cannot run here, so what can be
// checked on the examples themselves is (issue 11: "each tested as far as it can be here").
import { readFileSync } from 'node:fs'
import * as path from 'node:path'
import { parse } from 'yaml'
import { ROOT } from './helpers/repo.js'

interface Job {
  uses?: string
  needs?: string | string[]
  if?: string
  permissions?: Record<string, string>
  outputs?: Record<string, string>
  with?: Record<string, unknown>
  secrets?: Record<string, string>
  strategy?: { matrix?: string }
  steps?: Array<{ uses?: string; with?: Record<string, unknown> }>
}
interface Workflow {
  concurrency?: unknown
  permissions?: Record<string, string>
  jobs: Record<string, Job>
}

const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8')
const section = readme.slice(readme.indexOf('## The action'), readme.indexOf('### Pin by commit'))
const blocks = [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map(m => parse(m[1]))
const [concurrency, oneJob, matrix, waves] = blocks as [
  { concurrency: unknown },
  Workflow,
  Workflow,
  Workflow
]
const reusable = parse(
  readFileSync(path.join(ROOT, '.github', 'workflows', 'imagegraph.yml'), 'utf8')
) as {
  on: { workflow_call: { inputs: Record<string, unknown>; secrets: Record<string, unknown> } }
  jobs: Record<string, Job>
}
const version = (
  JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }
).version

test('three complete workflows, each serialised by the same concurrency group', () => {
  expect(blocks).toHaveLength(4)
  expect(concurrency.concurrency).toEqual({
    group: 'imagegraph-${{ github.workflow }}-${{ github.ref }}',
    'cancel-in-progress': "${{ github.event_name == 'pull_request' }}"
  })
  for (const w of [oneJob, matrix, waves]) {
    expect(w.concurrency).toEqual(concurrency.concurrency)
    expect(Object.keys(w.jobs).length).toBeGreaterThan(0)
  }
})

test('the matrix example: legs check out the planned head and plan against its base, trusted only', () => {
  const plan = matrix.jobs.plan
  const build = matrix.jobs.build
  // Every output of the plan job a leg reads is one the plan job declares.
  const read = [...JSON.stringify(build).matchAll(/needs\.plan\.outputs\.([\w-]+)/g)].map(m => m[1])
  for (const output of new Set(read))
    expect([output, plan.outputs?.[output]]).toEqual([
      output,
      `\${{ steps.plan.outputs.${output} }}`
    ])
  expect(build.if).toContain("needs.plan.outputs.trusted == 'true'")
  expect(build.strategy?.matrix).toBe('${{ fromJSON(needs.plan.outputs.matrix) }}')
  expect(build.steps?.[0].with).toEqual({
    ref: '${{ needs.plan.outputs.head }}',
    'persist-credentials': false
  })
  const leg = build.steps?.find(s => s.uses?.startsWith('imagegraph/'))
  expect(leg?.with).toMatchObject({
    mode: 'build',
    images: '${{ matrix.image }}',
    base: '${{ needs.plan.outputs.base }}',
    head: '${{ needs.plan.outputs.head }}'
  })
})

test('the waves example calls the reusable workflow by its release, with what it declares and the permissions its jobs ask', () => {
  const [[, call]] = Object.entries(waves.jobs).filter(([, j]) => j.uses)
  expect(call.uses).toBe(`imagegraph/imagegraph/.github/workflows/imagegraph.yml@v${version}`)
  const declared = reusable.on.workflow_call
  for (const input of Object.keys(call.with ?? {})) expect(declared.inputs).toHaveProperty([input])
  for (const secret of Object.keys(call.secrets ?? {}))
    expect(declared.secrets).toHaveProperty([secret])
  // GitHub refuses to start a called job that asks for more than the caller grants.
  const asked = new Set(
    Object.values(reusable.jobs).flatMap(j =>
      Object.entries(j.permissions ?? {})
        .filter(([, v]) => v === 'write')
        .map(([k]) => k)
    )
  )
  for (const permission of asked)
    expect([permission, call.permissions?.[permission]]).toEqual([permission, 'write'])
})

test('the one-job example builds in one step, and a pull request pushes nothing', () => {
  const steps = Object.values(oneJob.jobs).flatMap(j => j.steps ?? [])
  const images = steps.find(s => s.uses?.startsWith('imagegraph/'))
  expect(images?.with).toMatchObject({
    mode: 'build',
    push: "${{ github.event_name != 'pull_request' }}"
  })
})

test("every input the README's workflows and the reusable workflow give imagegraph is one action.yml declares", () => {
  const declared = new Set(
    Object.keys(
      (parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as { inputs: object }).inputs
    )
  )
  const everyBlock = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map(
    m => parse(m[1]) as unknown
  )
  const given: string[] = []
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit)
    if (typeof value !== 'object' || value === null) return
    const record = value as Record<string, unknown>
    if (typeof record.uses === 'string' && /^imagegraph\/imagegraph@/.test(record.uses))
      given.push(...Object.keys((record.with as object | undefined) ?? {}))
    Object.values(record).forEach(visit)
  }
  visit(everyBlock)
  visit(reusable)
  expect(given.length).toBeGreaterThan(10)
  expect([...new Set(given)].filter(name => !declared.has(name))).toEqual([])
})
