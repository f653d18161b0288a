// Start-up loads only what the command needs: the bundles (dist/cli.js, dist/index.js) run with a
// loader hook that lists every module the process loads (helpers/trace-loads.mjs). The plan path of
// the CLI and of the action loads no builder, registry client, cache backend or @actions/* code it
// does not use, and the position-keeping YAML parser (dist/yaml.cjs) only when a graph has a
// problem. What is asserted is which files load, never how long it takes.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import * as path from 'node:path'
import { loadYamlPackage } from '../src/adapters/yaml-package.js'
import { usePositionParser } from '../src/core/graph/position-parser.js'
import type { PositionParser } from '../src/core/graph/position-parser.js'
import { parseGraph, readGraph } from '../src/core/graph/read.js'
import { enableCompileCache } from '../src/compile-cache.js'
import { Origin, eventWith, runAction } from './helpers/action.js'
import { EXAMPLE, ROOT, TestRepo, removeTempDirs, tempDir } from './helpers/repo.js'

const DIST = path.join(ROOT, 'dist')
const TRACE = path.join(ROOT, '__tests__', 'helpers', 'trace-loads.mjs')

beforeAll(() => {
  if (!existsSync(path.join(DIST, 'cli.js'))) throw new Error('dist/ is missing: npm run bundle')
})
afterAll(() => removeTempDirs())

interface Loaded {
  /** dist/ files by name (cli.js, cli-cli.js, yaml.cjs). */
  dist: string[]
  /** Node's built-in modules loaded after the hook was registered. */
  builtins: string[]
  /** Anything from node_modules (the bundles have none). */
  packages: string[]
}

function loadedFrom(log: string): Loaded {
  const urls = [...new Set(readFileSync(log, 'utf8').split('\n').filter(Boolean))]
  const distPrefix = `file://${DIST}/`
  return {
    dist: urls
      .filter(u => u.startsWith(distPrefix))
      .map(u => u.slice(distPrefix.length))
      .sort(),
    builtins: urls.filter(u => u.startsWith('node:')).sort(),
    packages: urls.filter(u => u.includes('/node_modules/'))
  }
}

/** `node dist/cli.js ARGS`, with the modules it loaded. */
function cli(args: string[]): { status: number; stdout: string; stderr: string; loaded: Loaded } {
  const log = path.join(tempDir('imagegraph-trace-'), 'loaded')
  const r = spawnSync(process.execPath, ['--import', TRACE, path.join(DIST, 'cli.js'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '', IMAGEGRAPH_TRACE_LOADS: log }
  })
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, loaded: loadedFrom(log) }
}

/** The example committed, then one config file changed: a plan with affected images. */
function exampleWithChange(): TestRepo {
  const repo = TestRepo.fromExample()
  repo.write('config/a/settings.env', 'CHANGED=1\n').commit('change config-a')
  return repo
}

const NETWORK = ['node:http', 'node:https', 'node:tls', 'node:net']

describe('the CLI loads what the command needs', () => {
  test('plan: the CLI chunk and nothing else; no network, no YAML positions', () => {
    const repo = exampleWithChange()
    const r = cli(['plan', '--json', '--base', 'HEAD~1', '--repo', repo.dir])
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(JSON.parse(r.stdout).affectedImages.length).toBeGreaterThan(0)
    expect(r.loaded.dist).toEqual(['cli-cli.js', 'cli.js'])
    for (const builtin of NETWORK) expect(r.loaded.builtins).not.toContain(builtin)
    expect(r.loaded.packages).toEqual([])
  })

  test('why and graph: the same two files', () => {
    const repo = exampleWithChange()
    const why = cli(['why', 'image-a', '--base', 'HEAD~1', '--explain', '--repo', repo.dir])
    expect(why.status).toBe(0)
    expect(why.loaded.dist).toEqual(['cli-cli.js', 'cli.js'])
    const graph = cli(['graph', '--format', 'json', '--repo', repo.dir])
    expect(graph.status).toBe(0)
    expect(graph.loaded.dist).toEqual(['cli-cli.js', 'cli.js'])
    for (const builtin of NETWORK) {
      expect(why.loaded.builtins).not.toContain(builtin)
      expect(graph.loaded.builtins).not.toContain(builtin)
    }
  })

  test('a graph with a problem loads the position-keeping parser and says where', () => {
    const repo = TestRepo.fromExample()
    repo.write(
      'imagegraph.yml',
      `${readFileSync(path.join(EXAMPLE, 'imagegraph.yml'), 'utf8')}colour: blue\n`
    )
    const r = cli(['validate', '--repo', repo.dir])
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/^imagegraph\.yml:\d+:1 colour: unknown field 'colour'/)
    expect(r.loaded.dist).toEqual(['cli-cli.js', 'cli.js', 'yaml.cjs'])
  })

  test('a YAML syntax error is located too', () => {
    const repo = TestRepo.fromExample()
    repo.write('imagegraph.yml', 'version: 1\nimages: [unclosed\n')
    const r = cli(['validate', '--repo', repo.dir])
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/^imagegraph\.yml:\d+:\d+ /)
    expect(r.stderr).not.toMatch(/internal error/)
    expect(r.loaded.dist).toContain('yaml.cjs')
  })

  test('retag loads its own chunk and the registry client, not the build or cache code', () => {
    const repo = TestRepo.fromExample()
    // No registry is reachable at this port: the command fails, after loading what it needs.
    const r = cli([
      'retag',
      '--rev',
      'HEAD',
      '--tags',
      'v1',
      '--registry',
      '127.0.0.1:9/x',
      '--repo',
      repo.dir
    ])
    expect(r.status).not.toBe(0)
    expect(r.loaded.dist).toContain('cli-retag.js')
    expect(r.loaded.dist).not.toContain('cli-run.js')
    expect(r.loaded.dist).not.toContain('cli-factory.js')
  })
})

describe('the action loads what the mode needs', () => {
  test('plan mode without a registry: the action chunk only, no HTTP client', async () => {
    const o = Origin.withExample()
    const before = o.dev.head()
    const after = o.dev.write('config/a/settings.env', 'CHANGED=1\n').commit('change')
    o.push('main')
    const log = path.join(tempDir('imagegraph-trace-'), 'loaded')
    const r = await runAction({
      workspace: o.checkout('refs/heads/main', after),
      event: 'push',
      payload: eventWith('push', at => ({ [at('before')]: before, [at('after')]: after })),
      sha: after,
      ref: 'refs/heads/main',
      env: { NODE_OPTIONS: `--import ${TRACE}`, IMAGEGRAPH_TRACE_LOADS: log }
    })
    expect(r.stdout).not.toContain('::error::')
    expect(r.code).toBe(0)
    expect(JSON.parse(r.outputs['affected-images']).length).toBeGreaterThan(0)
    // Not index-http.js: @actions/core imports undici, which only the cache and the API use.
    const loaded = loadedFrom(log)
    expect(loaded.dist).toEqual(['index-commonjs-helpers.js', 'index-main.js', 'index.js'])
    for (const builtin of NETWORK) expect(loaded.builtins).not.toContain(builtin)
  })
})

describe('the position-keeping parser is loaded on demand', () => {
  const VALID = 'version: 1\nconfigs:\n  settings:\n    paths: [config/**]\n'

  afterEach(() => usePositionParser(loadYamlPackage))

  function counting(): { loads: () => number } {
    let loads = 0
    usePositionParser((): PositionParser => {
      loads++
      return loadYamlPackage()
    })
    return { loads: () => loads }
  }

  test('a valid graph never loads it', () => {
    const c = counting()
    const graph = parseGraph(VALID)
    expect(graph.nodes.has('settings')).toBe(true)
    expect(c.loads()).toBe(0)
  })

  test('a problem loads it once, and the problem has its line', () => {
    const c = counting()
    const { problems } = readGraph(`${VALID}    colour: blue\n`)
    expect(problems.map(p => `${p.line}:${p.col} ${p.path}`)).toEqual([
      '5:5 configs.settings.colour'
    ])
    readGraph(`${VALID}extra: 1\n`)
    expect(c.loads()).toBe(1)
  })

  test('a later question about a position loads it then', () => {
    const c = counting()
    const graph = parseGraph(VALID)
    expect(c.loads()).toBe(0)
    expect(graph.positions.get(['configs', 'settings'])).toEqual({ line: 3, col: 3 })
    expect(c.loads()).toBe(1)
  })
})

describe('the compile cache', () => {
  test('a cache directory that cannot be made costs nothing but the cache', () => {
    // A path under a file: no directory can be made there. Node 20 has no compile cache at all.
    const r = spawnSync(process.execPath, [path.join(DIST, 'cli.js'), '--version'], {
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '', NODE_COMPILE_CACHE: '/dev/null/cache' }
    })
    expect(r.stderr).toBe('')
    expect(r.stdout).toBe('0.1.0\n')
    expect(r.status).toBe(0)
  })

  test('where Node has none, turning it on does nothing', () => {
    const result = enableCompileCache()
    if (Number(process.versions.node.split('.')[0]) < 22) expect(result).toBeUndefined()
    else expect(result?.status).toEqual(expect.any(Number))
  })
})
