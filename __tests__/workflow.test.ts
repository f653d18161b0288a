// The reusable workflow (.github/workflows/imagegraph.yml) read as data: the rules it must keep
// through every change (issue 7, item 10 and Security; issue 11, fan-out across runners in waves). GitHub Actions cannot run here; what can be
// checked without it is checked on the file itself.
import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, readFileSync } from 'node:fs'
import * as path from 'node:path'
import { parse } from 'yaml'
import { mergeLegResults } from '../src/core/leg-results.js'
import { MAX_WAVES, wavesOf } from '../src/core/waves.js'
import { ROOT, removeTempDirs, tempDir } from './helpers/repo.js'

afterAll(removeTempDirs)

interface Step {
  id?: string
  if?: string
  uses?: string
  run?: string
  with?: Record<string, unknown>
  env?: Record<string, unknown>
}
interface Job {
  needs?: string | string[]
  strategy?: { 'fail-fast'?: boolean; 'max-parallel'?: unknown; matrix?: unknown }
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

const waveJobs = jobs.filter(([name]) => /^wave-\d+$/.test(name))
const imagegraphStep = (job: Job) => job.steps.find(s => s.uses?.startsWith('imagegraph/'))!
const TRUSTED = "needs.plan.outputs.trusted == 'true'"
/** GitHub's own: `${{ expr }}` around a whole value, or the bare expression (`if:`). */
const expr = (value: unknown) => /^\$\{\{ (.*) \}\}$/.exec(String(value))?.[1] ?? String(value)

test(`one wave job per possible wave (${MAX_WAVES}), each after the one before`, () => {
  expect(waveJobs.map(([name]) => name)).toEqual(
    Array.from({ length: MAX_WAVES }, (_, i) => `wave-${i + 1}`)
  )
  for (const [name, job] of waveJobs) {
    const n = Number(name.slice('wave-'.length))
    expect([name, job.needs]).toEqual([name, n === 1 ? ['plan'] : ['plan', `wave-${n - 1}`]])
    // Every leg runs to the end: one image's failure does not cancel images independent of it.
    expect([name, job.strategy?.['fail-fast']]).toEqual([name, false])
    expect([name, job.strategy?.['max-parallel']]).toEqual([name, '${{ inputs.max-parallel }}'])
  }
})

test('wave job n runs exactly when the plan has an n-th wave, and reads that wave as its matrix', () => {
  // For every number of waves the plan can output, which jobs run and what matrix each reads:
  // the waves of a chain of c images (one wave per image, so c waves).
  for (let count = 0; count <= MAX_WAVES; count++) {
    const names = Array.from({ length: count }, (_, i) => `i${i}`)
    const upstream = new Map(names.map((n, i) => [n, i === 0 ? [] : [`i${i - 1}`]]))
    const waves = wavesOf({ build: names, upstream })
    expect(waves).toHaveLength(count)
    for (const [name, job] of waveJobs) {
      const condition = expr(job.if)
      const threshold = /needs\.plan\.outputs\.wave-count >= (\d+)(?: |$)/.exec(condition)
      const index = /^fromJSON\(needs\.plan\.outputs\.waves\)\[(\d+)\]$/.exec(
        expr(job.strategy?.matrix)
      )
      expect([name, threshold !== null, index !== null]).toEqual([name, true, true])
      const runs = count >= Number(threshold![1])
      const matrix = waves[Number(index![1])]
      // A job that runs has a wave with at least one leg; a job without one is skipped.
      expect([name, count, runs]).toEqual([name, count, matrix !== undefined])
      if (matrix) expect(matrix.image.length).toBeGreaterThan(0)
    }
  }
})

test('every wave job checks out exactly the planned head, first, and builds its leg of it', () => {
  for (const [name, job] of waveJobs) {
    expect([name, job.steps[0].uses?.startsWith('actions/checkout@')]).toEqual([name, true])
    expect([name, job.steps[0].with]).toEqual([
      name,
      { ref: '${{ needs.plan.outputs.head }}', 'persist-credentials': false }
    ])
    const build = imagegraphStep(job)
    expect([name, build.id, build.with?.mode]).toEqual([name, 'build', 'build'])
    expect([name, build.with?.images]).toEqual([name, '${{ matrix.image }}'])
    // The leg plans what the plan job planned: the same base and head.
    expect([name, build.with?.base, build.with?.head]).toEqual([
      name,
      '${{ needs.plan.outputs.base }}',
      '${{ needs.plan.outputs.head }}'
    ])
    // Runs after the wave before even when one of its legs failed, never after a cancel.
    expect([name, expr(job.if)]).toEqual([
      name,
      expect.stringMatching(/^!cancelled\(\) && needs\.plan\.result == 'success' && /)
    ])
  }
  expect(
    workflow.jobs.plan.steps.find(
      s => s.id === undefined && s.uses?.startsWith('actions/checkout@')
    )
  ).toBeDefined()
})

test('the plan passes waves, base, head and trusted on, to the jobs and to the caller', () => {
  const plan = workflow.jobs.plan as Job & { outputs: Record<string, string> }
  for (const output of ['waves', 'wave-count', 'base', 'head', 'trusted', 'comment-body'])
    expect(plan.outputs[output]).toBe(`\${{ steps.plan.outputs.${output} }}`)
  const caller = workflow.on.workflow_call.outputs
  expect(caller.head.value).toBe('${{ jobs.plan.outputs.head }}')
  expect(caller.trusted.value).toBe('${{ jobs.plan.outputs.trusted }}')
  expect(caller.waves.value).toBe('${{ jobs.plan.outputs.waves }}')
  expect(caller.results.value).toBe('${{ jobs.report.outputs.results }}')
})

test('untrusted events: no command, no secret, no token, no push', () => {
  for (const [name, job] of jobs) {
    const text = JSON.stringify(job)
    const sensitive = job.steps.some(s => s.run) || /secrets\.|github\.token/.test(text)
    if (sensitive)
      // Every job that runs a command or holds a secret runs only when the plan says trusted.
      expect([name, expr(job.if)]).toEqual([name, expect.stringContaining(TRUSTED)])
    expect(job.secrets).toBeUndefined()
    for (const step of job.steps) {
      // A secret or the token only ever goes to imagegraph's own action, never to a command.
      const where = JSON.stringify({ run: step.run, env: step.env })
      expect([name, where]).toEqual([name, expect.not.stringMatching(/secrets\.|github\.token/)])
      if (!step.uses?.startsWith('imagegraph/'))
        expect([name, JSON.stringify(step)]).toEqual([
          name,
          expect.not.stringMatching(/secrets\.|github\.token/)
        ])
    }
  }
  for (const [name, job] of waveJobs) {
    const build = imagegraphStep(job)
    // Push is off on an untrusted event twice over: here, and in the action itself.
    expect([name, build.with?.push]).toEqual([name, `\${{ inputs.push && ${TRUSTED} }}`])
    // The job's token is a ghcr.io credential: it is never sent to another registry.
    const ghcr = "(inputs.registry == 'ghcr.io' || startsWith(inputs.registry, 'ghcr.io/'))"
    expect([name, build.with?.['registry-password']]).toEqual([
      name,
      `\${{ secrets.REGISTRY_PASSWORD || (${ghcr} && github.token) || '' }}`
    ])
  }
})

test('only the comment job may write to pull requests, the legs only packages, and only when asked', () => {
  expect(writes(workflow.permissions)).toEqual([])
  for (const [name, job] of jobs) {
    expect([name, job.permissions]).not.toEqual([name, undefined]) // never the caller's defaults
    const allowed = name === 'comment' ? ['pull-requests'] : /^wave-/.test(name) ? ['packages'] : []
    expect([name, writes(job.permissions)]).toEqual([name, allowed])
  }
  const comment = workflow.jobs.comment
  expect(comment.if).toMatch(/^inputs\.comment && !cancelled\(\) && /)
  expect(comment.needs).toEqual(['plan', 'report'])
  // It only posts what the plan (and the report) wrote: no checkout, no command.
  expect(comment.steps).toHaveLength(1)
  expect(comment.steps[0].with).toEqual({
    mode: 'comment',
    'comment-body': '${{ needs.report.outputs.comment-body || needs.plan.outputs.comment-body }}'
  })
  // The plan job never comments itself.
  expect(workflow.jobs.plan.steps.find(s => s.uses?.startsWith('imagegraph/'))?.with?.comment).toBe(
    false
  )
})

/** The upload step of a wave job, and the file it uploads. */
function handOver(job: Job) {
  const write = job.steps.find(s => s.run)!
  const upload = job.steps.find(s => s.uses?.startsWith('actions/upload-artifact@'))!
  return { write, upload }
}
/** A name or path with the expressions a leg would put in it. */
function evaluate(text: string, values: Record<string, string>): string {
  return text.replace(/\$\{\{ ([^}]+) \}\}/g, (_, e: string) => {
    if (!(e in values)) throw new Error(`no value for ${e}`)
    return values[e]
  })
}

test("legs hand over results as artifacts whose names, and whose files' names, are unique per leg", () => {
  const report = workflow.jobs.report
  const download = report.steps.find(s => s.uses?.startsWith('actions/download-artifact@'))!
  const pattern = evaluate(String(download.with?.pattern), { 'inputs.name': 'imagegraph' })
  const glob = new RegExp(
    `^${pattern
      .split('*')
      .map(p => p.replace(/[.-]/g, '\\$&'))
      .join('.*')}$`
  )
  const names = new Set<string>()
  const files = new Set<string>()
  for (const [name, job] of waveJobs) {
    const { write, upload } = handOver(job)
    // Results are handed over even when the build failed, never after a cancel.
    for (const step of [write, upload])
      expect([name, step.if]).toEqual([name, '${{ !cancelled() }}'])
    expect(write.env?.RESULTS).toBe('${{ steps.build.outputs.results }}')
    expect(upload.with?.path).toBe(write.env?.RESULTS_FILE)
    expect(upload.with?.overwrite).toBe(true)
    for (const leg of ['0', '1', '17']) {
      const values = {
        'inputs.name': 'imagegraph',
        'strategy.job-index': leg,
        'runner.temp': '/tmp/runner'
      }
      names.add(evaluate(String(upload.with?.name), values))
      files.add(path.basename(evaluate(String(upload.with?.path), values)))
    }
  }
  expect(names.size).toBe(waveJobs.length * 3)
  // merge-multiple puts every artifact's files into one directory: their names must differ too.
  expect(files.size).toBe(waveJobs.length * 3)
  for (const n of names) expect([n, glob.test(n)]).toEqual([n, true])
  // Another call's artifacts (input name) are not this one's.
  expect(glob.test('imagegraph-web-results--wave-1-0')).toBe(false)
  expect(download.with?.['merge-multiple']).toBe(true)
  expect(imagegraphStep(report).with).toEqual({
    mode: 'report',
    'results-dir': download.with?.path,
    'comment-body': '${{ needs.plan.outputs.comment-body }}'
  })
  expect(report.needs).toEqual(['plan', ...waveJobs.map(([name]) => name)])
  expect(expr(report.if)).toMatch(/^!cancelled\(\) && needs\.plan\.result == 'success' && /)
  // Why artifacts and not job outputs: said where the next reader looks.
  expect(readFileSync(WORKFLOW, 'utf8')).toContain('(last writer wins)')
})

test("a leg's hand-over script, run: the results as they are, or its images failed when there are none", () => {
  const { write } = handOver(workflow.jobs['wave-1'])
  const dir = tempDir('imagegraph-leg-')
  const run = (env: Record<string, string>) =>
    execFileSync('bash', ['-c', write.run!], {
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env }
    })
  const results = { base: { status: 'pushed', digest: `sha256:${'1'.repeat(64)}` } }
  run({
    RESULTS: JSON.stringify(results),
    IMAGES: 'base',
    RESULTS_FILE: path.join(dir, 'out', 'wave-1-0.json')
  })
  run({ RESULTS: '', IMAGES: 'web,api', RESULTS_FILE: path.join(dir, 'out', 'wave-1-1.json') })
  const read = (f: string) => ({ name: f, text: readFileSync(path.join(dir, 'out', f), 'utf8') })
  expect(mergeLegResults([read('wave-1-0.json'), read('wave-1-1.json')])).toEqual({
    api: { status: 'failed', reasons: ['the leg ended before reporting a result'] },
    base: results.base,
    web: { status: 'failed', reasons: ['the leg ended before reporting a result'] }
  })
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
