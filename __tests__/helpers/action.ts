// Run the built action the way the runner does: `node dist/index.js` in a clean environment of
// INPUT_* and GITHUB_* variables, against a bare origin, a developer clone that pushes to it and a
// runner checkout made like actions/checkout's (one commit, depth 1).
import { spawn } from 'node:child_process'
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { parse as parseYaml } from 'yaml'
import { privateStorageConf } from './containers-storage.js'
import { EXAMPLE, ROOT, TestRepo, git, tempDir } from './repo.js'

export const DIST = path.join(ROOT, 'dist', 'index.js')
export const EVENTS = path.join(ROOT, '__tests__', 'fixtures', 'events')
export const ZERO_SHA = '0'.repeat(40)

export type Payload = Record<string, unknown>

/** A payload fixture, parsed; `replace` maps the fixture's placeholder shas to real ones. */
export function loadEvent(name: string, replace: Record<string, string> = {}): Payload {
  let text = readFileSync(path.join(EVENTS, `${name}.json`), 'utf8')
  for (const [from, to] of Object.entries(replace)) text = text.split(from).join(to)
  return JSON.parse(text) as Payload
}

/** The value at a dotted path of a payload (`pull_request.head.sha`). */
export function field(payload: Payload, where: string): string {
  const value = where.split('.').reduce<unknown>((v, k) => (v as Payload | undefined)?.[k], payload)
  if (typeof value !== 'string') throw new Error(`the payload has no string at ${where}`)
  return value
}

/**
 * A fixture with its placeholder shas replaced by real ones: `pick` gets the fixture's value at a
 * path and returns `{ [placeholder]: realSha }`, so a test names the fields it fills, and every
 * place the fixture repeats a sha (head_commit.id, a queue branch name) follows.
 */
export function eventWith(
  name: string,
  pick: (at: (where: string) => string) => Record<string, string>
): Payload {
  const fixture = loadEvent(name)
  return loadEvent(
    name,
    pick(where => field(fixture, where))
  )
}

/** A bare origin and a developer clone of it holding the bundled example on main. */
export class Origin {
  readonly bare: string
  readonly dev: TestRepo

  constructor() {
    this.bare = tempDir('imagegraph-origin-')
    git(this.bare, 'init', '-q', '--bare', '-b', 'main')
    // Like GitHub: a commit a force push dropped can still be fetched by its sha.
    git(this.bare, 'config', 'uploadpack.allowAnySHA1InWant', 'true')
    this.dev = TestRepo.init()
    this.dev.git('remote', 'add', 'origin', this.url)
  }

  get url(): string {
    return `file://${this.bare}`
  }

  /** An origin whose main holds the bundled example, pushed. */
  static withExample(): Origin {
    const o = new Origin()
    o.commitExample()
    o.push('main')
    return o
  }

  /** Commit the bundled example in the developer clone (not pushed); its sha. */
  commitExample(): string {
    cpSync(EXAMPLE, this.dev.dir, { recursive: true })
    return this.dev.commit('example')
  }

  /** `git push origin ARGS` from the developer clone. */
  push(...args: string[]): void {
    git(this.dev.dir, '-c', 'protocol.file.allow=always', 'push', '-q', 'origin', ...args)
  }

  /** The commit a ref of the origin points at (a tag peeled to its commit). */
  commitOf(ref: string): string {
    return git(this.bare, 'rev-parse', `${ref}^{commit}`).trim()
  }

  /** The object a ref of the origin points at (an annotated tag's own object). */
  objectOf(ref: string): string {
    return git(this.bare, 'rev-parse', ref).trim()
  }

  /**
   * The runner's workspace as actions/checkout leaves it with its defaults (fetch-depth 1): one
   * commit fetched by sha, no tags, the remote named origin. A branch is checked out under its
   * name, a tag or a pull request's merge commit detached.
   */
  checkout(ref: string, sha: string, dir = tempDir('imagegraph-workspace-')): string {
    mkdirSync(dir, { recursive: true })
    const g = (...args: string[]) => git(dir, '-c', 'protocol.file.allow=always', ...args)
    g('init', '-q')
    g('remote', 'add', 'origin', this.url)
    const fetch = (refspec: string) =>
      g(
        'fetch',
        '--quiet',
        '--no-tags',
        '--prune',
        '--no-recurse-submodules',
        '--depth=1',
        'origin',
        refspec
      )
    if (ref.startsWith('refs/heads/')) {
      const branch = ref.slice('refs/heads/'.length)
      fetch(`+${sha}:refs/remotes/origin/${branch}`)
      g('checkout', '-q', '--force', '-B', branch, `refs/remotes/origin/${branch}`)
    } else if (ref.startsWith('refs/tags/')) {
      fetch(`+${ref}:${ref}`)
      g('checkout', '-q', '--force', ref)
    } else if (ref.startsWith('refs/pull/')) {
      const remoteRef = `refs/remotes/pull/${ref.slice('refs/pull/'.length)}`
      fetch(`+${sha}:${remoteRef}`)
      g('checkout', '-q', '--force', remoteRef)
    } else {
      fetch(sha)
      g('checkout', '-q', '--force', '--detach', sha)
    }
    return dir
  }
}

/** The inputs action.yml declares, with its defaults, as the runner passes them. */
function defaultInputs(token: string): Record<string, string> {
  const action = parseYaml(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>
  }
  const out: Record<string, string> = {}
  for (const [name, spec] of Object.entries(action.inputs)) {
    const value = String(spec.default ?? '')
    out[name] = value === '${{ github.token }}' ? token : value
  }
  return out
}

export interface ActionRun {
  workspace: string
  event: string
  payload: Payload
  /** GITHUB_SHA and GITHUB_REF. */
  sha: string
  ref: string
  /** Inputs by their action.yml names; the rest take action.yml's defaults. */
  inputs?: Record<string, string>
  apiUrl?: string
  /** Runner variables to set (a string) or leave out (undefined), over the ones made here. */
  env?: Record<string, string | undefined>
}

export interface ActionResult {
  code: number
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
}

export const TEST_TOKEN = 'ghs_imagegraphTestToken0123456789abcdef'

/** GITHUB_OUTPUT as @actions/core writes it: `name<<DELIM`, the value, `DELIM`. */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i])
    if (!m) continue
    const [, name, delimiter] = m
    const value: string[] = []
    for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i])
    if (i >= lines.length) throw new Error(`output ${name}: no closing delimiter ${delimiter}`)
    out[name] = value.join('\n')
  }
  return out
}

/** `node dist/index.js` with only PATH, HOME and what the runner sets. */
export function runAction(run: ActionRun): Promise<ActionResult> {
  const files = tempDir('imagegraph-runner-')
  const home = path.join(files, 'home')
  const temp = path.join(files, 'temp')
  mkdirSync(home)
  mkdirSync(temp)
  const eventPath = path.join(files, 'event.json')
  const outputPath = path.join(files, 'output')
  const summaryPath = path.join(files, 'summary.md')
  writeFileSync(eventPath, JSON.stringify(run.payload, null, 2))
  for (const f of [outputPath, summaryPath, path.join(files, 'env'), path.join(files, 'state')])
    writeFileSync(f, '')

  const inputs = { ...defaultInputs(TEST_TOKEN), ...run.inputs }
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: run.event,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_SHA: run.sha,
    GITHUB_REF: run.ref,
    GITHUB_REPOSITORY: 'octo-org/monorepo',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: run.apiUrl ?? 'http://127.0.0.1:9',
    GITHUB_WORKSPACE: run.workspace,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_ENV: path.join(files, 'env'),
    GITHUB_STATE: path.join(files, 'state'),
    RUNNER_TEMP: temp,
    CONTAINERS_STORAGE_CONF: privateStorageConf()
  }
  for (const [name, value] of Object.entries(run.env ?? {}))
    if (value === undefined) delete env[name]
    else env[name] = value
  // The runner upper-cases the name and keeps its dashes: INPUT_TAG-PATTERN.
  for (const [name, value] of Object.entries(inputs))
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value

  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [DIST], { cwd: run.workspace, env })
    const out: Buffer[] = []
    const err: Buffer[] = []
    child.stdout.on('data', (b: Buffer) => out.push(b))
    child.stderr.on('data', (b: Buffer) => err.push(b))
    child.on('error', reject)
    child.on('close', code =>
      resolve({
        code: code ?? 1,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        outputs: parseOutputFile(readFileSync(outputPath, 'utf8')),
        summary: readFileSync(summaryPath, 'utf8')
      })
    )
  })
}
