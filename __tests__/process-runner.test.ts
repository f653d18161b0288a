// The bash process runner against real bash, and the environment a process gets (pure).
import { mkdirSync, realpathSync } from 'node:fs'
import * as path from 'node:path'
import { BashProcessRunner } from '../src/adapters/process-runner.js'
import type { ProcessRun } from '../src/adapters/ports.js'
import { isPassedByDefault, processEnvironment } from '../src/core/process-env.js'
import { removeTempDirs, tempDir } from './helpers/repo.js'

afterAll(removeTempDirs)

const runner = new BashProcessRunner()
const base = (script: string, extra: Partial<ProcessRun> = {}): ProcessRun => ({
  name: 'p',
  script,
  cwd: tempDir('imagegraph-runner-'),
  env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
  timeoutSeconds: 30,
  ...extra
})

describe('BashProcessRunner', () => {
  test('runs as a GitHub run: step does: -e stops at the first failure', async () => {
    const r = await runner.run(base('echo one\nfalse\necho never'))
    expect(r).toMatchObject({ exitCode: 1, timedOut: false, output: ['one'] })
  })

  test('-o pipefail: a failure inside a pipe fails the process', async () => {
    const r = await runner.run(base('false | cat\necho never'))
    expect(r.exitCode).toBe(1)
    expect(r.output).toEqual([])
  })

  test('no profile or rc file is read; the script is one argument, not re-parsed', async () => {
    const r = await runner.run(base(`printf '%s\\n' "$0" '$(echo not run)' "$-"`))
    expect(r.exitCode).toBe(0)
    expect(r.output[0]).toBe('bash')
    expect(r.output[1]).toBe('$(echo not run)')
    expect(r.output[2]).toContain('e')
  })

  test('runs in the given directory with exactly the given environment', async () => {
    const cwd = tempDir('imagegraph-runner-')
    mkdirSync(path.join(cwd, 'sub'))
    const r = await runner.run(
      base('pwd; echo "${ONLY-}"; echo "${HOME-unset}"', {
        cwd: path.join(cwd, 'sub'),
        env: { PATH: process.env.PATH!, ONLY: 'this' }
      })
    )
    expect(r.output).toEqual([path.join(realpathSync(cwd), 'sub'), 'this', 'unset'])
  })

  test('keeps stderr as well as stdout', async () => {
    const r = await runner.run(base('echo err >&2'))
    expect(r.output).toEqual(['err'])
  })

  test('streams every line and keeps a bounded tail of them', async () => {
    const streamed: string[] = []
    const small = new BashProcessRunner(20)
    const r = await small.run(
      base('for i in 1 2 3 4 5 6 7 8; do echo "line $i"; done', { onLine: l => streamed.push(l) })
    )
    expect(streamed).toEqual(Array.from({ length: 8 }, (_, i) => `line ${i + 1}`))
    // 'line 7\n' and 'line 8\n' are 14 characters; a third line would pass 20.
    expect(r.output).toEqual(['line 7', 'line 8'])
    expect(r.droppedLines).toBe(6)
  })
})

describe('the environment of a process', () => {
  test.each([
    ['PATH', true],
    ['HOME', true],
    ['CI', true],
    ['TMPDIR', true],
    ['LANG', true],
    ['LC_ALL', true],
    ['TZ', true],
    ['GITHUB_SHA', true],
    ['GITHUB_WORKSPACE', true],
    ['RUNNER_TEMP', true],
    ['GITHUB_TOKEN', false],
    ['GITHUB_ENV', false],
    ['GITHUB_OUTPUT', false],
    ['GITHUB_PATH', false],
    ['GITHUB_STEP_SUMMARY', false],
    ['GITHUB_STATE', false],
    ['GITHUB_APP_PRIVATE_KEY', false],
    ['RUNNER_SECRET', false],
    ['ACTIONS_RUNTIME_TOKEN', false],
    ['ACTIONS_RESULTS_URL', false],
    ['ACTIONS_CACHE_URL', false],
    ['ACTIONS_ID_TOKEN_REQUEST_TOKEN', false],
    ['NPM_TOKEN', false],
    ['AWS_SECRET_ACCESS_KEY', false],
    ['SSH_AUTH_SOCK', false],
    ['DOCKER_HOST', false]
  ])('%s is passed by default: %p', (name, passed) => {
    expect(isPassedByDefault(name)).toBe(passed)
  })

  test('pass-env adds the named variables, env wins over the rest, unset names are reported', () => {
    const e = processEnvironment(
      { PATH: '/bin', NPM_TOKEN: 't', OTHER: 'o', CI: 'true', LANG: 'C' },
      { env: { MODE: 'prod', LANG: 'en_US.UTF-8' }, passEnv: ['NPM_TOKEN', 'NOT_SET'] }
    )
    expect(e.env).toEqual({
      PATH: '/bin',
      CI: 'true',
      LANG: 'en_US.UTF-8',
      NPM_TOKEN: 't',
      MODE: 'prod'
    })
    expect(e.passed).toEqual({ NPM_TOKEN: 't' })
    expect(e.missing).toEqual(['NOT_SET'])
  })
})
