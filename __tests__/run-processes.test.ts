// The run-processes use case with the REAL process runner (bash on temp dirs) and an in-memory
// fake of the Cache port (__tests__/helpers/memory-cache.ts). Markers the scripts append to prove
// what ran; no assertion on timing.
import { createHash } from 'node:crypto'
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync
} from 'node:fs'
import * as path from 'node:path'
import { BashProcessRunner } from '../src/adapters/process-runner.js'
import { runProcesses } from '../src/commands/run-processes.js'
import type { RunProcessesInput } from '../src/commands/run-processes.js'
import type { TrackedFile } from '../src/core/changes.js'
import { plan } from '../src/core/plan.js'
import type { Plan } from '../src/core/plan.js'
import type { ProcessesRun, ProcessResult } from '../src/core/process-results.js'
import { MemoryCache } from './helpers/memory-cache.js'
import { LiveRecordingReporter, RecordingReporter } from './helpers/recording-reporter.js'
import { yml } from './helpers/graphs.js'
import { removeTempDirs, tempDir } from './helpers/repo.js'

afterAll(removeTempDirs)

const runner = new BashProcessRunner()

/** A process that appends its name to $MARKER_FILE and writes out/NAME/data from its inputs. */
function step(name: string, inputs: string[], body: string, extra: string[] = []): string[] {
  return [
    `  ${name}:`,
    `    inputs: [${inputs.join(', ')}]`,
    '    pass-env: [MARKER_FILE]',
    ...extra,
    '    run: |',
    `      echo ${name} >> "$MARKER_FILE"`,
    ...body.split('\n').map(l => `      ${l}`)
  ]
}

const MAIN = yml(
  'version: 1',
  'configs:',
  '  c-a: { paths: [in/a/**] }',
  '  c-b: { paths: [in/b/**] }',
  'processes:',
  ...step('gen-a', ['c-a'], 'mkdir -p out/gen-a\ncat in/a/* > out/gen-a/data', [
    '    outputs: [out/gen-a]'
  ]),
  ...step('gen-b', ['c-b'], 'mkdir -p out/gen-b\ncat in/b/* > out/gen-b/data', [
    '    outputs: [out/gen-b]'
  ]),
  ...step('combine', ['gen-a', 'gen-b'], 'cat out/gen-a/data out/gen-b/data > out/combined.txt', [
    '    outputs: [out/combined.txt]'
  ]),
  'images:',
  '  api: { context: api, inputs: [combine] }'
)
const MAIN_FILES = { 'in/a/1.txt': 'A1\n', 'in/b/1.txt': 'B1\n', 'api/Dockerfile': 'FROM x\n' }

function workspace(graph: string, files: Record<string, string>): string {
  const dir = tempDir('imagegraph-processes-')
  writeFileSync(path.join(dir, 'imagegraph.yml'), graph)
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
    writeFileSync(path.join(dir, file), text)
  }
  return dir
}

/** A fresh checkout of the same commit: every file but the processes' outputs. */
function freshClone(dir: string): string {
  const clone = tempDir('imagegraph-clone-')
  cpSync(dir, clone, { recursive: true, filter: src => path.relative(dir, src) !== 'out' })
  return clone
}

/** The files as git would list them (object id from the content), outputs left out. */
function trackedFiles(dir: string): TrackedFile[] {
  const out: TrackedFile[] = []
  const visit = (rel: string): void => {
    for (const name of readdirSync(path.join(dir, rel)).sort()) {
      const file = rel ? `${rel}/${name}` : name
      if (file === 'out') continue
      if (statSync(path.join(dir, file)).isDirectory()) visit(file)
      else
        out.push({
          path: file,
          mode: '100644',
          oid: createHash('sha1')
            .update(readFileSync(path.join(dir, file)))
            .digest('hex')
        })
    }
  }
  visit('')
  return out.sort((a, b) => (a.path < b.path ? -1 : 1))
}

function planOf(dir: string, changed: string[] | 'everything'): Plan {
  const text = readFileSync(path.join(dir, 'imagegraph.yml'), 'utf8')
  return plan({
    graphText: text,
    graphFile: 'imagegraph.yml',
    baseGraphText: text,
    base: 'b'.repeat(40),
    head: 'h'.repeat(40),
    changedFiles:
      changed === 'everything' ? [] : changed.map(p => ({ path: p, status: 'modified' as const })),
    trackedFiles: trackedFiles(dir),
    ...(changed === 'everything' ? { everythingBecause: 'first run' } : {})
  })
}

interface Setup {
  markers: string
  cache: MemoryCache
}

function setup(): Setup {
  return { markers: path.join(tempDir('imagegraph-markers-'), 'ran'), cache: new MemoryCache() }
}

async function run(
  s: Setup,
  dir: string,
  changed: string[] | 'everything',
  options: Partial<RunProcessesInput> & { reporter?: RecordingReporter } = {}
): Promise<{ run: ProcessesRun; ran: string[]; reporter: RecordingReporter }> {
  const before = existsSync(s.markers) ? readFileSync(s.markers, 'utf8') : ''
  const reporter = options.reporter ?? new RecordingReporter()
  const result = await runProcesses(
    {
      plan: planOf(dir, changed),
      imagesToBuild: ['api'],
      repository: dir,
      saveCache: true,
      parallel: 2,
      callerEnv: { PATH: process.env.PATH, HOME: process.env.HOME, MARKER_FILE: s.markers },
      ...options
    },
    { cache: s.cache, runner, reporter }
  )
  const after = existsSync(s.markers) ? readFileSync(s.markers, 'utf8') : ''
  const ran = after.slice(before.length).split('\n').filter(Boolean).sort()
  return { run: result, ran, reporter }
}

function outcomes(r: ProcessesRun): Record<string, string> {
  return Object.fromEntries(r.processes.map(p => [p.name, p.outcome]))
}

function result(r: ProcessesRun, name: string): ProcessResult {
  return r.processes.find(p => p.name === name)!
}

describe('run-processes', () => {
  test('first run: every process misses, runs and is saved; a fresh clone then restores all', async () => {
    const s = setup()
    const dir = workspace(MAIN, MAIN_FILES)
    const first = await run(s, dir, 'everything')
    expect(outcomes(first.run)).toEqual({ 'gen-a': 'ran', 'gen-b': 'ran', combine: 'ran' })
    expect(first.ran).toEqual(['combine', 'gen-a', 'gen-b'])
    expect(readFileSync(path.join(dir, 'out/combined.txt'), 'utf8')).toBe('A1\nB1\n')
    const key = first.run.processes.find(p => p.name === 'combine')!
    expect(s.cache.saves).toContain(key.cacheKey)
    expect(key.cacheKey).toMatch(/^imagegraph-v5-process-combine-[0-9a-f]{64}$/)
    expect(key.bytesSaved).toBe(6)
    expect(first.reporter.groups.map(g => g.name.split(':')[0]).sort()).toEqual([
      'combine',
      'gen-a',
      'gen-b'
    ])

    const clone = freshClone(dir)
    const second = await run(s, clone, 'everything')
    expect(outcomes(second.run)).toEqual({ 'gen-a': 'hit', 'gen-b': 'hit', combine: 'hit' })
    expect(second.ran).toEqual([])
    expect(readFileSync(path.join(clone, 'out/combined.txt'), 'utf8')).toBe('A1\nB1\n')
    expect(readFileSync(path.join(clone, 'out/gen-a/data'), 'utf8')).toBe('A1\n')
    expect(result(second.run, 'combine').bytesRestored).toBe(6)
    expect(s.cache.saves).toHaveLength(3)
  })

  test('one changed input: only the processes downstream of it run', async () => {
    const s = setup()
    const dir = workspace(MAIN, MAIN_FILES)
    await run(s, dir, 'everything')
    const clone = freshClone(dir)
    writeFileSync(path.join(clone, 'in/a/1.txt'), 'A2\n')
    const second = await run(s, clone, ['in/a/1.txt'])
    expect(outcomes(second.run)).toEqual({ 'gen-a': 'ran', 'gen-b': 'hit', combine: 'ran' })
    expect(second.ran).toEqual(['combine', 'gen-a'])
    expect(readFileSync(path.join(clone, 'out/combined.txt'), 'utf8')).toBe('A2\nB1\n')
  })

  test('an image to build restores the unaffected processes it needs, and runs none', async () => {
    const s = setup()
    const dir = workspace(MAIN, MAIN_FILES)
    await run(s, dir, 'everything')
    const clone = freshClone(dir)
    writeFileSync(path.join(clone, 'api/Dockerfile'), 'FROM y\n')
    const second = await run(s, clone, ['api/Dockerfile'])
    expect(second.run.processes.map(p => [p.name, p.outcome, p.affected, p.neededBy])).toEqual([
      ['gen-a', 'hit', false, ['api']],
      ['gen-b', 'hit', false, ['api']],
      ['combine', 'hit', false, ['api']]
    ])
    expect(second.ran).toEqual([])
    expect(existsSync(path.join(clone, 'out/combined.txt'))).toBe(true)
  })

  test('nothing to build and nothing affected: every process is not-needed, nothing runs', async () => {
    const s = setup()
    const dir = workspace(MAIN, MAIN_FILES)
    const r = await run(s, dir, [], { imagesToBuild: [] })
    expect(outcomes(r.run)).toEqual({
      'gen-a': 'not-needed',
      'gen-b': 'not-needed',
      combine: 'not-needed'
    })
    expect(r.ran).toEqual([])
    expect(s.cache.restores).toEqual([])
  })

  test('saveCache false runs and saves nothing', async () => {
    const s = setup()
    const dir = workspace(MAIN, MAIN_FILES)
    const r = await run(s, dir, 'everything', { saveCache: false })
    expect(outcomes(r.run)).toEqual({ 'gen-a': 'ran', 'gen-b': 'ran', combine: 'ran' })
    expect(s.cache.saves).toEqual([])
    expect(s.cache.entries.size).toBe(0)
    expect(r.run.processes.every(p => p.bytesSaved === 0)).toBe(true)
    expect(r.run.saveCache).toBe(false)
  })

  test('stale outputs are removed before a run: a process that writes nothing fails', async () => {
    const s = setup()
    const graph = yml(
      'version: 1',
      'processes:',
      ...step('lazy', [], 'test -e out/lazy/keep && echo "saw the stale output"; true', [
        '    outputs: [out/lazy]'
      ])
    )
    const dir = workspace(graph, { 'out/lazy/keep': 'old\n' })
    const r = await run(s, dir, 'everything', { imagesToBuild: [] })
    expect(result(r.run, 'lazy')).toMatchObject({
      outcome: 'failed',
      message: "declared output 'out/lazy' was not written"
    })
    expect(r.reporter.allText()).not.toContain('saw the stale output')
  })
})

describe('failures', () => {
  const FAILING = yml(
    'version: 1',
    'configs:',
    '  c: { paths: [in/**] }',
    'processes:',
    ...step('broken', ['c'], 'for i in $(seq 1 40); do echo "line $i"; done\nexit 3', [
      '    outputs: [out/broken]'
    ]),
    ...step('fine', ['c'], 'mkdir -p out && echo ok > out/fine', ['    outputs: [out/fine]']),
    ...step('after-broken', ['broken', 'fine'], 'echo > out/after', ['    outputs: [out/after]']),
    ...step('later', ['after-broken'], 'echo > out/later', ['    outputs: [out/later]']),
    ...step('lone', ['c'], 'echo > out/lone', ['    outputs: [out/lone]']),
    ...step('two-outputs', ['c'], 'mkdir -p out && echo > out/one', [
      '    outputs: [out/one, out/two, out/three]'
    ]),
    'images:',
    '  api: { context: api, inputs: [later, fine] }'
  )

  test('a failing process skips exactly its dependents; the rest runs', async () => {
    const s = setup()
    const dir = workspace(FAILING, { 'in/x': 'x\n', 'api/Dockerfile': 'FROM x\n' })
    const r = await run(s, dir, 'everything')
    expect(outcomes(r.run)).toEqual({
      broken: 'failed',
      fine: 'ran',
      'after-broken': 'skipped',
      later: 'skipped',
      lone: 'ran',
      'two-outputs': 'failed'
    })
    expect(r.ran).toEqual(['broken', 'fine', 'lone', 'two-outputs'])
    const broken = result(r.run, 'broken')
    expect(broken.message).toBe('exited with code 3')
    expect(broken.outputTail).toEqual(Array.from({ length: 30 }, (_, i) => `line ${i + 11}`))
    expect(result(r.run, 'after-broken').message).toBe('skipped: process broken failed')
    expect(result(r.run, 'later').message).toBe('skipped: process broken failed')
    expect(s.cache.saves.some(k => k.includes('-broken-'))).toBe(false)
    // Its whole output is in its log group, under its name.
    const group = r.reporter.groups.find(g => g.name.startsWith('broken:'))!
    expect(group.name).toMatch(/^broken: failed \(exited with code 3\) in [\d.]+s$/)
    expect(group.lines).toHaveLength(40)
  })

  test('a missing declared output fails its process, naming it', async () => {
    const s = setup()
    const dir = workspace(FAILING, { 'in/x': 'x\n', 'api/Dockerfile': 'FROM x\n' })
    const r = await run(s, dir, 'everything')
    expect(result(r.run, 'two-outputs')).toMatchObject({
      outcome: 'failed',
      message: "declared outputs 'out/two', 'out/three' were not written"
    })
    // What it did write is not left for an image to pick up.
    expect(existsSync(path.join(dir, 'out/one'))).toBe(false)
    expect(s.cache.saves.some(k => k.includes('-two-outputs-'))).toBe(false)
  })

  test('a timeout kills the process and the children it started', async () => {
    const s = setup()
    const late = path.join(tempDir('imagegraph-late-'), 'late')
    const graph = yml(
      'version: 1',
      'processes:',
      '  slow:',
      '    timeout: 1s',
      '    run: |',
      `      (sleep 2; touch '${late}') &`,
      '      sleep 30',
      '    outputs: [out/slow]'
    )
    const dir = workspace(graph, {})
    const r = await run(s, dir, 'everything', { imagesToBuild: [] })
    expect(result(r.run, 'slow')).toMatchObject({
      outcome: 'failed',
      message: 'timed out after 1s; killed with its children'
    })
    await new Promise(resolve => setTimeout(resolve, 3000))
    expect(existsSync(late)).toBe(false)
  })
})

describe('environment', () => {
  const ENV_GRAPH = yml(
    'version: 1',
    'processes:',
    '  show:',
    '    pass-env: [NPM_TOKEN]',
    '    env: { MODE: prod }',
    '    run: |',
    '      mkdir -p out',
    '      echo "token=$NPM_TOKEN"',
    '      printf "%s" "$NPM_TOKEN" > out/token',
    '      env | cut -d= -f1 | sort > out/names',
    '    outputs: [out/token, out/names]'
  )

  test('pass-env passes a variable and masks it; nothing unlisted reaches the process', async () => {
    const s = setup()
    const dir = workspace(ENV_GRAPH, {})
    const reporter = new RecordingReporter()
    const r = await run(s, dir, 'everything', {
      imagesToBuild: [],
      reporter,
      callerEnv: {
        PATH: process.env.PATH,
        HOME: '/home/someone',
        NPM_TOKEN: 's3cr3t-value',
        UNLISTED: 'x',
        GITHUB_TOKEN: 'ghs_x',
        ACTIONS_RUNTIME_TOKEN: 'rt',
        ACTIONS_CACHE_URL: 'http://cache',
        GITHUB_ENV: '/tmp/env',
        GITHUB_SHA: 'abc',
        RUNNER_TEMP: '/tmp/r',
        CI: 'true',
        LC_ALL: 'C.UTF-8',
        AWS_SECRET_ACCESS_KEY: 'aws'
      }
    })
    expect(result(r.run, 'show').outcome).toBe('ran')
    expect(readFileSync(path.join(dir, 'out/token'), 'utf8')).toBe('s3cr3t-value')
    expect(reporter.masked).toEqual(['s3cr3t-value'])
    expect(reporter.allText()).toContain('token=***')
    expect(reporter.allText()).not.toContain('s3cr3t-value')
    const names = readFileSync(path.join(dir, 'out/names'), 'utf8').split('\n').filter(Boolean)
    // bash adds PWD, SHLVL and _ of its own.
    expect(names.filter(n => !['PWD', 'SHLVL', '_', 'OLDPWD'].includes(n))).toEqual([
      'CI',
      'GITHUB_SHA',
      'HOME',
      'LC_ALL',
      'MODE',
      'NPM_TOKEN',
      'PATH',
      'RUNNER_TEMP'
    ])
  })

  test('live lines go to the reporter as they come, with pass-env values masked', async () => {
    const s = setup()
    const dir = workspace(ENV_GRAPH, {})
    const reporter = new LiveRecordingReporter()
    await run(s, dir, 'everything', {
      imagesToBuild: [],
      reporter,
      callerEnv: { PATH: process.env.PATH, NPM_TOKEN: 'xyz123' }
    })
    expect(reporter.live).toEqual([{ process: 'show', line: 'token=***' }])
    expect(reporter.groups).toEqual([])
  })
})

describe('parallelism', () => {
  // Each waits for the other's marker: run one after the other, the first would time out.
  const BARRIER = yml(
    'version: 1',
    'processes:',
    ...['left', 'right']
      .map(name => {
        const other = name === 'left' ? 'right' : 'left'
        return [
          `  ${name}:`,
          '    timeout: 5s',
          '    run: |',
          '      mkdir -p barrier',
          `      touch barrier/${name}`,
          `      while [ ! -e barrier/${other} ]; do sleep 0.05; done`,
          `      mkdir -p out && echo > out/${name}`,
          `    outputs: [out/${name}]`
        ]
      })
      .flat()
  )

  test('independent processes run at the same time', async () => {
    const s = setup()
    const dir = workspace(BARRIER, {})
    const r = await run(s, dir, 'everything', { imagesToBuild: [], parallel: 2 })
    expect(outcomes(r.run)).toEqual({ left: 'ran', right: 'ran' })
  })

  test('with parallel 1 they run one at a time, and the barrier times out', async () => {
    const s = setup()
    const dir = workspace(BARRIER, {})
    const r = await run(s, dir, 'everything', { imagesToBuild: [], parallel: 1 })
    expect(outcomes(r.run)).toEqual({ left: 'failed', right: 'ran' })
  })

  test.each([0, -1, 1.5])('parallel %p is refused', async parallel => {
    const s = setup()
    const dir = workspace(BARRIER, {})
    await expect(run(s, dir, 'everything', { imagesToBuild: [], parallel })).rejects.toThrow(
      `parallel: ${parallel} is not allowed`
    )
  })
})
