// The cache backends end to end: `gha` through the real @actions/cache library against azurite and
// a stand-in for GitHub's cache service (helpers/cache-service.ts), and `local:DIR`, each wrapped in
// verified restore, with the same scenarios. @actions/cache reads its environment and the working
// directory at call time, so every gha call runs with GITHUB_WORKSPACE and the cwd set to the
// workspace at hand (both restored afterwards).
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { ActionsCache } from '../src/adapters/cache/actions.js'
import { listItems } from '../src/adapters/cache/files.js'
import { LocalCache, entryName } from '../src/adapters/cache/local.js'
import { VerifiedCache } from '../src/adapters/cache/verified.js'
import type { Cache } from '../src/adapters/ports.js'
import { manifestFileName, parseManifest, serializeManifest } from '../src/core/cache-manifest.js'
import type { CacheManifest } from '../src/core/cache-manifest.js'
import { Azurite } from './helpers/azurite.js'
import { CacheService } from './helpers/cache-service.js'
import { removeTempDirs, tempDir } from './helpers/repo.js'

const PATHS = ['out', 'report.json']
const MANIFEST = manifestFileName(PATHS)

let azurite: Azurite
let service: CacheService
const savedEnv = { ...process.env }
const savedCwd = process.cwd()

beforeAll(async () => {
  azurite = await Azurite.start()
  service = await CacheService.start(azurite)
  Object.assign(process.env, service.env(), { RUNNER_TEMP: tempDir('imagegraph-runner-temp-') })
  delete process.env.ACTIONS_CACHE_MODE
  delete process.env.GITHUB_SERVER_URL
}, 60000)

afterAll(async () => {
  process.chdir(savedCwd)
  for (const k of Object.keys(process.env)) if (!(k in savedEnv)) delete process.env[k]
  Object.assign(process.env, savedEnv)
  await service?.stop()
  await azurite?.stop()
  removeTempDirs()
})

/** A workspace holding outputs of every kind: files with modes, an empty dir, a symlink, a lone file. */
function workspaceWithOutputs(content = 'hello\n'): string {
  const ws = tempDir('imagegraph-ws-')
  fs.mkdirSync(path.join(ws, 'out', 'bin'), { recursive: true })
  fs.mkdirSync(path.join(ws, 'out', 'empty'), { mode: 0o700 })
  fs.chmodSync(path.join(ws, 'out', 'empty'), 0o700)
  fs.writeFileSync(path.join(ws, 'out', 'a.txt'), content)
  fs.chmodSync(path.join(ws, 'out', 'a.txt'), 0o640)
  fs.writeFileSync(path.join(ws, 'out', 'bin', 'run.sh'), '#!/bin/sh\necho hi\n')
  fs.chmodSync(path.join(ws, 'out', 'bin', 'run.sh'), 0o755)
  fs.symlinkSync('a.txt', path.join(ws, 'out', 'link'))
  fs.writeFileSync(path.join(ws, 'report.json'), JSON.stringify({ content }))
  fs.chmodSync(path.join(ws, 'report.json'), 0o600)
  return ws
}

/** A fresh workspace (another clone) with a file of its own and a stale output the restore replaces. */
function freshWorkspace(): string {
  const ws = tempDir('imagegraph-ws-')
  fs.writeFileSync(path.join(ws, 'keep.txt'), 'not an output\n')
  fs.mkdirSync(path.join(ws, 'out'))
  fs.writeFileSync(path.join(ws, 'out', 'stale.txt'), 'from before\n')
  return ws
}

interface Backend {
  name: string
  cache: Cache
  /** Run a cache call as the action would: in the workspace. */
  inWorkspace<T>(ws: string, fn: () => Promise<T>): Promise<T>
  /** Rewrite a stored entry: `mutate` gets a directory holding its files as saved. */
  tamper(key: string, mutate: (dir: string) => void): Promise<void>
  /** Cut the stored entry short (the archive for gha, a file of the entry for local). */
  truncate(key: string): Promise<void>
  /** Put the stored entry of `other` under `key`. */
  swap(key: string, other: string): Promise<void>
}

let unique = 0
const newKey = (what: string) => `imagegraph-v1-process-${what}-${process.pid}-${++unique}`

function localBackend(): Backend {
  const dir = tempDir('imagegraph-local-cache-')
  const files = (key: string) => path.join(dir, entryName(key), 'files')
  return {
    name: 'local',
    cache: new VerifiedCache(new LocalCache(dir)),
    inWorkspace: (_ws, fn) => fn(),
    async tamper(key, mutate) {
      mutate(files(key))
    },
    async truncate(key) {
      const file = path.join(files(key), 'out', 'a.txt')
      fs.truncateSync(file, 2)
    },
    async swap(key, other) {
      fs.rmSync(files(key), { recursive: true })
      fs.cpSync(files(other), files(key), { recursive: true, verbatimSymlinks: true })
    }
  }
}

function ghaBackend(options: ConstructorParameters<typeof ActionsCache>[0] = {}): Backend {
  return {
    name: 'gha',
    // The library's mask requests go to a callback, to keep the test log clean.
    cache: new VerifiedCache(
      new ActionsCache({ rateLimitBudgetMs: 5000, mask: () => undefined, ...options })
    ),
    inWorkspace: (ws, fn) => inWorkspace(ws, fn),
    async tamper(key, mutate) {
      const dir = tempDir('imagegraph-tamper-')
      const archive = path.join(dir, 'cache.tzst')
      fs.writeFileSync(archive, await service.readBlob(key))
      const tree = path.join(dir, 'tree')
      fs.mkdirSync(tree)
      execFileSync('tar', ['--zstd', '-xpf', archive, '-C', tree])
      mutate(tree)
      execFileSync('tar', [
        '--posix',
        '--zstd',
        '-cf',
        archive,
        '-C',
        tree,
        ...fs.readdirSync(tree)
      ])
      await service.writeBlob(key, fs.readFileSync(archive))
    },
    async truncate(key) {
      const blob = await service.readBlob(key)
      await service.writeBlob(key, blob.subarray(0, Math.floor(blob.length / 2)))
    },
    async swap(key, other) {
      await service.writeBlob(key, await service.readBlob(other))
    }
  }
}

async function inWorkspace<T>(ws: string, fn: () => Promise<T>): Promise<T> {
  const before = process.env.GITHUB_WORKSPACE
  process.env.GITHUB_WORKSPACE = ws
  process.chdir(ws)
  try {
    return await fn()
  } finally {
    process.chdir(savedCwd)
    if (before === undefined) delete process.env.GITHUB_WORKSPACE
    else process.env.GITHUB_WORKSPACE = before
  }
}

function onlyKeep(ws: string): void {
  // Nothing of the entry is left in place: no outputs, no manifest, no staging dir.
  expect(fs.readdirSync(ws).sort()).toEqual(['keep.txt'])
}

async function saveFrom(b: Backend, key: string, ws: string) {
  const r = await b.inWorkspace(ws, () => b.cache.save(key, PATHS, ws))
  expect(r).toEqual(expect.objectContaining({ saved: true }))
  expect(r.warning).toBeUndefined()
  return r
}

describe.each([
  ['local', localBackend],
  ['gha', () => ghaBackend()]
] as const)('%s backend', (_name, make) => {
  let b: Backend
  beforeAll(() => {
    b = make()
  })

  test('save, then restore in a fresh workspace: a hit with identical files and modes', async () => {
    const key = newKey('render')
    const source = workspaceWithOutputs()
    const saved = await saveFrom(b, key, source)
    expect(saved.bytes).toBeGreaterThan(0)
    expect(fs.existsSync(path.join(source, MANIFEST))).toBe(false)

    const ws = freshWorkspace()
    const r = await b.inWorkspace(ws, () => b.cache.restore(key, PATHS, ws))
    expect(r).toEqual(expect.objectContaining({ hit: true }))
    expect(r.warning).toBeUndefined()
    expect(await listItems(ws, PATHS)).toEqual(await listItems(source, PATHS))
    // What was at the paths is replaced, not merged; the manifest does not stay behind.
    expect(fs.existsSync(path.join(ws, 'out', 'stale.txt'))).toBe(false)
    expect(fs.readdirSync(ws).sort()).toEqual(['keep.txt', 'out', 'report.json'])
  })

  test('a key never saved is a miss without a warning, and nothing is touched', async () => {
    const ws = freshWorkspace()
    const r = await b.inWorkspace(ws, () => b.cache.restore(newKey('never'), PATHS, ws))
    expect(r).toEqual({ hit: false })
    expect(fs.readFileSync(path.join(ws, 'out', 'stale.txt'), 'utf8')).toBe('from before\n')
  })

  test('a prefix of an existing key is not a hit', async () => {
    const key = newKey('prefix')
    await saveFrom(b, `${key}-and-more`, workspaceWithOutputs())
    const ws = freshWorkspace()
    const callsBefore = service.calls.length
    const r = await b.inWorkspace(ws, () => b.cache.restore(key, PATHS, ws))
    expect(r).toEqual({ hit: false })
    expect(fs.existsSync(path.join(ws, 'out', 'stale.txt'))).toBe(true)
    if (b.name === 'gha')
      // The service did offer the longer key (GitHub's prefix match); the adapter refused it.
      expect(service.calls.slice(callsBefore)).toEqual(['GetCacheEntryDownloadURL 200'])
  })

  test('saving a key that exists is not a warning', async () => {
    const key = newKey('twice')
    await saveFrom(b, key, workspaceWithOutputs('first\n'))
    const again = workspaceWithOutputs('second\n')
    const r = await b.inWorkspace(again, () => b.cache.save(key, PATHS, again))
    expect(r).toEqual({ saved: false, alreadyExists: true })
    // The first entry is still the one restored.
    const ws = freshWorkspace()
    expect((await b.inWorkspace(ws, () => b.cache.restore(key, PATHS, ws))).hit).toBe(true)
    expect(fs.readFileSync(path.join(ws, 'out', 'a.txt'), 'utf8')).toBe('first\n')
  })

  const manifestOf = (dir: string): CacheManifest => {
    const m = parseManifest(fs.readFileSync(path.join(dir, MANIFEST), 'utf8'))
    if ('problem' in m) throw new Error(m.problem)
    return m
  }

  test.each([
    [
      'a changed byte in a file',
      (b: Backend, key: string) =>
        b.tamper(key, dir => {
          const f = path.join(dir, 'out', 'a.txt')
          fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace('h', 'j'))
        }),
      /out\/a\.txt differs/
    ],
    [
      'a truncated file',
      (b: Backend, key: string) =>
        b.tamper(key, dir => fs.truncateSync(path.join(dir, 'out', 'a.txt'), 1)),
      /out\/a\.txt differs/
    ],
    [
      'a missing file',
      (b: Backend, key: string) =>
        b.tamper(key, dir => fs.rmSync(path.join(dir, 'out', 'bin', 'run.sh'))),
      /out\/bin\/run\.sh is missing/
    ],
    [
      'an extra file',
      (b: Backend, key: string) =>
        b.tamper(key, dir => fs.writeFileSync(path.join(dir, 'out', 'extra'), 'x')),
      /out\/extra is not in the manifest/
    ],
    [
      'a symlink out of the root, in the manifest too',
      (b: Backend, key: string) =>
        b.tamper(key, dir => {
          fs.symlinkSync('../../../etc/passwd', path.join(dir, 'out', 'evil'))
          const m = manifestOf(dir)
          m.items.push({ path: 'out/evil', type: 'symlink', target: '../../../etc/passwd' })
          fs.writeFileSync(path.join(dir, MANIFEST), serializeManifest(m))
        }),
      /points outside the root/
    ],
    [
      'a manifest path that leaves the root',
      (b: Backend, key: string) =>
        b.tamper(key, dir => {
          const m = manifestOf(dir)
          m.items.push({ path: '../outside', type: 'dir', mode: 0o755 })
          fs.writeFileSync(path.join(dir, MANIFEST), serializeManifest(m))
        }),
      /leaves the root/
    ],
    [
      'no manifest',
      (b: Backend, key: string) => b.tamper(key, dir => fs.rmSync(path.join(dir, MANIFEST))),
      /no manifest/
    ],
    ['a truncated entry', (b: Backend, key: string) => b.truncate(key), /./]
  ])('%s: discarded with a warning, nothing left in place', async (_what, damage, why) => {
    const key = newKey('damaged')
    await saveFrom(b, key, workspaceWithOutputs())
    await damage(b, key)
    const ws = freshWorkspace()
    const r = await b.inWorkspace(ws, () => b.cache.restore(key, PATHS, ws))
    expect(r.hit).toBe(false)
    expect(r.warning).toMatch(why)
    onlyKeep(ws)
  })

  test('an entry swapped in from another key: discarded with a warning', async () => {
    const key = newKey('swap-a')
    const other = newKey('swap-b')
    await saveFrom(b, key, workspaceWithOutputs('a\n'))
    await saveFrom(b, other, workspaceWithOutputs('b\n'))
    await b.swap(key, other)
    const ws = freshWorkspace()
    const r = await b.inWorkspace(ws, () => b.cache.restore(key, PATHS, ws))
    expect(r.hit).toBe(false)
    expect(r.warning).toContain(`the manifest was made for key ${other}`)
    onlyKeep(ws)
  })

  test('a symlink out of the root is not saved', async () => {
    const source = workspaceWithOutputs()
    fs.symlinkSync('/etc/passwd', path.join(source, 'out', 'passwd'))
    const r = await b.inWorkspace(source, () => b.cache.save(newKey('escape'), PATHS, source))
    expect(r.saved).toBe(false)
    expect(r.warning).toContain(
      'out/passwd is a symlink to /etc/passwd, which points outside the root'
    )
  })
})

describe('gha backend when the service fails: warnings, never a throw', () => {
  const slept: number[] = []
  const masked: string[] = []
  const cache = new VerifiedCache(
    new ActionsCache({
      rateLimitBudgetMs: 5000,
      sleep: async ms => {
        slept.push(ms)
      },
      mask: secret => masked.push(secret)
    })
  )
  const restore = (key: string, ws: string) => inWorkspace(ws, () => cache.restore(key, PATHS, ws))
  const save = (key: string, ws: string) => inWorkspace(ws, () => cache.save(key, PATHS, ws))

  afterEach(async () => {
    await service.fail(undefined)
    service.maxEntryBytes = Infinity
    slept.length = 0
  })

  test('the signed blob URLs are masked through the callback', async () => {
    const key = newKey('masked')
    const before = service.signatures.length
    expect((await save(key, workspaceWithOutputs())).saved).toBe(true)
    expect((await restore(key, freshWorkspace())).hit).toBe(true)
    // One upload URL, then a download URL for the lookup and one for the download.
    const handedOut = service.signatures.slice(before)
    expect(handedOut).toHaveLength(3)
    for (const sig of handedOut) expect(masked).toContain(sig)
  })

  test('down (connection refused)', async () => {
    const key = newKey('down')
    await save(key, workspaceWithOutputs())
    await service.fail({ kind: 'down' })
    const ws = freshWorkspace()
    const r = await restore(key, ws)
    expect(r.hit).toBe(false)
    expect(r.warning).toMatch(/ECONNREFUSED/)
    expect(fs.existsSync(path.join(ws, 'out', 'stale.txt'))).toBe(true)
    const s = await save(newKey('down-save'), workspaceWithOutputs())
    expect(s.saved).toBe(false)
    expect(s.warning).toMatch(/could not create the entry: .*ECONNREFUSED/)
  })

  test('429 with a Retry-After beyond the budget: one try, then a warning', async () => {
    const key = newKey('limited')
    await save(key, workspaceWithOutputs())
    await service.fail({ kind: 'status', status: 429, retryAfterSeconds: 60 })
    const before = service.calls.length
    const r = await restore(key, freshWorkspace())
    const s = await save(newKey('limited-save'), workspaceWithOutputs())
    expect(r).toEqual({
      hit: false,
      warning: expect.stringMatching(
        /rate limited \(429\); the service asked to retry after 60 s, beyond what is left \(5 s\) of this run's 5 s budget/
      )
    })
    expect(s).toEqual({
      saved: false,
      warning: expect.stringMatching(/rate limited \(429\); the service asked to retry after 60 s/)
    })
    expect(slept).toEqual([])
    expect(service.calls.slice(before)).toEqual([
      'GetCacheEntryDownloadURL 429',
      'CreateCacheEntry 429'
    ])
  })

  test('429 with a Retry-After within the budget: waited out, then done', async () => {
    const key = newKey('retry')
    await service.fail({ kind: 'status', status: 429, retryAfterSeconds: 1, times: 1 })
    const s = await save(key, workspaceWithOutputs())
    expect(s).toEqual(expect.objectContaining({ saved: true }))
    await service.fail({ kind: 'status', status: 429, retryAfterSeconds: 2, times: 1 })
    const r = await restore(key, freshWorkspace())
    expect(r).toEqual(expect.objectContaining({ hit: true }))
    expect(slept).toEqual([1000, 2000])
    // The budget is for the whole run: 3 of its 5 s are spent, so a 3 s wait is too long now.
    await service.fail({ kind: 'status', status: 429, retryAfterSeconds: 3, times: 1 })
    const late = await restore(key, freshWorkspace())
    expect(late.hit).toBe(false)
    expect(late.warning).toMatch(/retry after 3 s, beyond what is left \(2 s\)/)
    expect(slept).toEqual([1000, 2000])
  })

  test('500 on every call: the library retries, then a warning', async () => {
    const key = newKey('broken')
    await save(key, workspaceWithOutputs())
    await service.fail({ kind: 'status', status: 500 })
    const ws = freshWorkspace()
    const producer = path.join(ws, 'producer')
    fs.cpSync(workspaceWithOutputs(), producer, { recursive: true, verbatimSymlinks: true })
    // At once (the library spends about 30 s retrying each), in one workspace as in a real run; each
    // call gets the library's lines for its own request.
    const [r, s] = await inWorkspace(ws, () =>
      Promise.all([
        cache.restore(key, PATHS, ws),
        cache.save(newKey('broken-save'), PATHS, producer)
      ])
    )
    expect(r.hit).toBe(false)
    expect(r.warning).toMatch(/restoring .*\(500\)/)
    expect(r.warning).not.toMatch(/CreateCacheEntry/)
    expect(s.saved).toBe(false)
    expect(s.warning).toMatch(/could not create the entry: .*CreateCacheEntry.*\(500\)/)
    expect(fs.existsSync(path.join(ws, 'out', 'stale.txt'))).toBe(true)
  })

  test('no answer: a timeout, then a warning', async () => {
    const key = newKey('hang')
    await save(key, workspaceWithOutputs())
    await service.fail({ kind: 'hang' })
    const impatient = new VerifiedCache(
      new ActionsCache({ callTimeoutMs: 3000, mask: () => undefined })
    )
    const ws = freshWorkspace()
    const r = await inWorkspace(ws, () => impatient.restore(key, PATHS, ws))
    expect(r).toEqual({ hit: false, warning: expect.stringMatching(/no answer within 3 s/) })
    const source = workspaceWithOutputs()
    const s = await inWorkspace(source, () => impatient.save(newKey('hang-save'), PATHS, source))
    expect(s).toEqual({ saved: false, warning: expect.stringMatching(/no answer within 3 s/) })
  })

  test('an entry over the size limit', async () => {
    service.maxEntryBytes = 10
    const s = await save(newKey('large'), workspaceWithOutputs())
    expect(s.saved).toBe(false)
    expect(s.warning).toMatch(/over the limit of 10 bytes/)
  })

  test('a working directory other than GITHUB_WORKSPACE: no cache, and it says why', async () => {
    const ws = workspaceWithOutputs()
    const before = service.calls.length
    process.env.GITHUB_WORKSPACE = ws
    try {
      const s = await cache.save(newKey('elsewhere'), PATHS, ws)
      expect(s.saved).toBe(false)
      expect(s.warning).toMatch(/is not GITHUB_WORKSPACE/)
    } finally {
      delete process.env.GITHUB_WORKSPACE
    }
    expect(service.calls.length).toBe(before)
  })

  test('a root below the workspace: paths are passed relative to the workspace', async () => {
    const key = newKey('subdir')
    const source = tempDir('imagegraph-ws-')
    fs.cpSync(workspaceWithOutputs(), path.join(source, 'sub'), {
      recursive: true,
      verbatimSymlinks: true
    })
    await inWorkspace(source, () => cache.save(key, PATHS, path.join(source, 'sub')))
    // The same subdirectory in another workspace hits; the paths at the workspace root do not.
    const ws = tempDir('imagegraph-ws-')
    fs.mkdirSync(path.join(ws, 'sub'))
    expect((await inWorkspace(ws, () => cache.restore(key, PATHS, ws))).hit).toBe(false)
    const r = await inWorkspace(ws, () => cache.restore(key, PATHS, path.join(ws, 'sub')))
    expect(r.hit).toBe(true)
    expect(await listItems(path.join(ws, 'sub'), PATHS)).toEqual(
      await listItems(path.join(source, 'sub'), PATHS)
    )
  })
})

test('local: two saves of one key at once leave one whole entry', async () => {
  for (let round = 0; round < 4; round++) {
    const dir = tempDir('imagegraph-local-cache-')
    const cache = new VerifiedCache(new LocalCache(dir))
    const key = newKey('race')
    const sources = ['A', 'B'].map(letter => {
      const ws = workspaceWithOutputs(letter.repeat(100_000))
      for (let i = 0; i < 40; i++)
        fs.writeFileSync(path.join(ws, 'out', `f${i}`), letter.repeat(20_000 + i))
      return ws
    })
    const results = await Promise.all(sources.map(ws => cache.save(key, PATHS, ws)))
    expect(results.filter(r => r.saved)).toHaveLength(1)
    expect(results.filter(r => !r.saved)).toEqual([{ saved: false, alreadyExists: true }])
    const ws = freshWorkspace()
    const r = await cache.restore(key, PATHS, ws)
    expect(r.hit).toBe(true)
    const winner = sources[results.findIndex(x => x.saved)]
    expect(await listItems(ws, PATHS)).toEqual(await listItems(winner, PATHS))
    expect(fs.readdirSync(dir)).toEqual([entryName(key)])
  }
})

test('verified restore: a restore that makes a parent of a path a symlink out of the root is discarded through the link, never beyond it', async () => {
  // A crafted archive can do this with the gha backend (tar extracts whatever it holds); here a
  // backend that delegates to local:DIR and then swaps the parent directory for such a link.
  const local = new LocalCache(tempDir('imagegraph-local-cache-'))
  const outside = tempDir('imagegraph-outside-')
  const linking: Cache = {
    description: 'linking',
    save: (key, paths, root) => local.save(key, paths, root),
    async restore(key, paths, root) {
      const r = await local.restore(key, paths, root)
      fs.renameSync(path.join(root, 'build'), path.join(outside, 'build'))
      fs.symlinkSync(path.join(outside, 'build'), path.join(root, 'build'))
      return r
    }
  }
  const cache = new VerifiedCache(linking)
  const paths = ['build/out']
  const source = tempDir('imagegraph-ws-')
  fs.mkdirSync(path.join(source, 'build', 'out'), { recursive: true })
  fs.writeFileSync(path.join(source, 'build', 'out', 'a.txt'), 'a\n')
  const key = newKey('parent-link')
  expect((await cache.save(key, paths, source)).saved).toBe(true)

  const ws = tempDir('imagegraph-ws-')
  fs.writeFileSync(path.join(ws, 'keep.txt'), 'x')
  const r = await cache.restore(key, paths, ws)
  expect(r.hit).toBe(false)
  expect(r.warning).toContain('build (a parent of build/out) is a symlink')
  onlyKeep(ws)
  // The files behind the link are not touched.
  expect(fs.readFileSync(path.join(outside, 'build', 'out', 'a.txt'), 'utf8')).toBe('a\n')
})

test.each([
  ['local', () => new VerifiedCache(new LocalCache(tempDir('imagegraph-local-cache-')))],
  ['gha', () => new VerifiedCache(new ActionsCache())]
])(
  '%s: a root that does not exist or paths that leave it: warnings, never a throw',
  async (_name, make) => {
    const cache = make()
    const missing = path.join(tempDir('imagegraph-ws-'), 'gone')
    for (const [paths, root] of [
      [PATHS, missing],
      [['../up'], tempDir('imagegraph-ws-')],
      [[], tempDir('imagegraph-ws-')]
    ] as const) {
      const r = await cache.restore(newKey('odd'), [...paths], root)
      expect(r.hit).toBe(false)
      // A key never saved, into a missing root, may simply be a miss; bad paths always say so.
      if (root !== missing) expect(r.warning).toEqual(expect.any(String))
      const s = await cache.save(newKey('odd'), [...paths], root)
      expect(s.saved).toBe(false)
      expect(s.warning).toEqual(expect.any(String))
    }
  }
)
