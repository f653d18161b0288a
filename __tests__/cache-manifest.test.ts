// The pure parts of the cache: manifest checks, the backend spec and its default, local entry names.
import { entryName } from '../src/adapters/cache/local.js'
import {
  canonicalCachePath,
  makeManifest,
  manifestFileName,
  parseManifest,
  serializeManifest,
  symlinkLeavesRoot,
  verifyRestore
} from '../src/core/cache-manifest.js'
import type { CacheEntryItem } from '../src/core/cache-manifest.js'
import { chooseCacheSpec, defaultCacheSpec, parseCacheSpec } from '../src/core/cache-spec.js'
import { UserError } from '../src/core/errors.js'

const SHA = 'a'.repeat(64)
const items: CacheEntryItem[] = [
  { path: 'out', type: 'dir', mode: 0o755 },
  { path: 'out/a', type: 'file', mode: 0o644, size: 3, sha256: SHA },
  { path: 'out/l', type: 'symlink', target: 'a' }
]
const manifest = makeManifest('k1', ['out'], items)

describe('canonicalCachePath', () => {
  test.each([
    ['out', 'out'],
    ['out/', 'out'],
    ['./out//x', 'out/x'],
    ['a/../b', 'b']
  ])('%s -> %s', (p, want) => expect(canonicalCachePath(p)).toEqual({ path: want }))

  test.each([['../x'], ['a/../../x'], ['/abs'], ['.'], [''], ['a\\b'], ['C:x']])(
    '%s is refused',
    p => expect(canonicalCachePath(p)).toHaveProperty('problem')
  )
})

test.each([
  ['out/l', 'a', false],
  ['out/l', '../a', false],
  ['out/l', '../../a', true],
  ['out/l', '/etc/passwd', true],
  ['out/d/l', '../../x/../../y', true]
])('a symlink at %s to %s leaves the root: %s', (link, target, leaves) =>
  expect(symlinkLeavesRoot(link, target)).toBe(leaves)
)

describe('verifyRestore', () => {
  test('exactly what was saved passes', () => {
    expect(verifyRestore(manifest, 'k1', ['out'], items)).toEqual([])
  })

  test.each<[string, CacheEntryItem[], string, string[], RegExp]>([
    ['another key', items, 'k2', ['out'], /made for key k1/],
    ['other paths', items, 'k1', ['dist'], /for paths out/],
    ['a missing file', items.slice(0, 2), 'k1', ['out'], /out\/l is missing/],
    [
      'an extra file',
      [...items, { path: 'out/x', type: 'file', mode: 0o644, size: 0, sha256: SHA }],
      'k1',
      ['out'],
      /out\/x is not in the manifest/
    ],
    [
      'another mode',
      [items[0], { ...items[1], mode: 0o755 } as CacheEntryItem, items[2]],
      'k1',
      ['out'],
      /out\/a differs: expected file mode 644/
    ],
    [
      'a file where a symlink was',
      [items[0], items[1], { path: 'out/l', type: 'file', mode: 0o644, size: 3, sha256: SHA }],
      'k1',
      ['out'],
      /out\/l differs: expected symlink to a/
    ],
    [
      'a fifo',
      [...items, { path: 'out/p', type: 'other' }],
      'k1',
      ['out'],
      /out\/p is not a file, directory or symlink/
    ]
  ])('%s is reported', (_what, found, key, paths, problem) => {
    expect(verifyRestore(manifest, key, paths, found).join('\n')).toMatch(problem)
  })

  test('a manifest item that leaves the root or its paths, or links outside, is reported', () => {
    const bad = makeManifest(
      'k1',
      ['out'],
      [
        ...items,
        { path: '../x', type: 'dir', mode: 0o755 },
        { path: 'other/f', type: 'dir', mode: 0o755 },
        { path: 'out/evil', type: 'symlink', target: '../../etc' }
      ]
    )
    const problems = verifyRestore(bad, 'k1', ['out'], bad.items).join('\n')
    expect(problems).toMatch(/"\.\.\/x" leaves the root/)
    expect(problems).toMatch(/other\/f is outside the entry's paths/)
    expect(problems).toMatch(
      /out\/evil is a symlink to \.\.\/\.\.\/etc, which points outside the root/
    )
  })
})

describe('parseManifest', () => {
  test('reads what serializeManifest writes', () => {
    expect(parseManifest(serializeManifest(manifest))).toEqual(manifest)
  })
  test.each([
    ['not json', /not JSON/],
    ['{"schema":2}', /schema is not 1/],
    [
      '{"schema":1,"key":"k","paths":["out"],"items":[{"path":"out","type":"file","mode":420}]}',
      /malformed item/
    ],
    [
      '{"schema":1,"key":"k","paths":["out"],"items":[{"path":"out","type":"dir","mode":99999}]}',
      /malformed item/
    ]
  ])('%s is refused', (text, problem) => {
    expect(parseManifest(text)).toEqual({ problem: expect.stringMatching(problem) })
  })
})

test('the manifest file name depends on the paths only, not their order', () => {
  expect(manifestFileName(['b', 'a'])).toBe(manifestFileName(['a', 'b']))
  expect(manifestFileName(['a'])).not.toBe(manifestFileName(['b']))
})

describe('parseCacheSpec', () => {
  test.each([
    ['gha', { kind: 'gha' }],
    ['none', { kind: 'none' }],
    [' local:/var/cache/ig ', { kind: 'local', dir: '/var/cache/ig' }],
    ['local:rel/dir', { kind: 'local', dir: 'rel/dir' }]
  ])('%s', (value, spec) => expect(parseCacheSpec(value, 'input cache')).toEqual(spec))

  test.each([
    ['s3', 'input cache: "s3" is not a cache backend; use gha, local:DIR or none'],
    ['local:', "input cache: 'local:' needs a directory, e.g. local:/var/cache/imagegraph"],
    ['GHA', 'input cache: "GHA" is not a cache backend; use gha, local:DIR or none']
  ])('%s is a UserError', (value, message) => {
    expect(() => parseCacheSpec(value, 'input cache')).toThrow(new UserError(message))
  })
})

describe('defaultCacheSpec', () => {
  const service = {
    ACTIONS_RUNTIME_TOKEN: 't',
    ACTIONS_CACHE_SERVICE_V2: 'true',
    ACTIONS_RESULTS_URL: 'https://r/'
  }
  test.each([
    ['the cache service (v2)', service, 'action', { kind: 'gha' }],
    ['the cache service, for the CLI too', service, 'cli', { kind: 'gha' }],
    [
      'the v1 service',
      { ACTIONS_RUNTIME_TOKEN: 't', ACTIONS_CACHE_URL: 'https://c/' },
      'action',
      { kind: 'gha' }
    ],
    [
      'v2 without its URL',
      { ACTIONS_RUNTIME_TOKEN: 't', ACTIONS_CACHE_SERVICE_V2: 'true' },
      'action',
      { kind: 'none' }
    ],
    [
      'no token',
      { ACTIONS_RESULTS_URL: 'https://r/', ACTIONS_CACHE_SERVICE_V2: 'true' },
      'action',
      { kind: 'none' }
    ],
    [
      'the CLI with HOME',
      { HOME: '/home/u' },
      'cli',
      { kind: 'local', dir: '/home/u/.cache/imagegraph' }
    ],
    [
      'the CLI with XDG_CACHE_HOME',
      { HOME: '/home/u', XDG_CACHE_HOME: '/x' },
      'cli',
      { kind: 'local', dir: '/x/imagegraph' }
    ],
    [
      'a relative XDG_CACHE_HOME is ignored',
      { HOME: '/h', XDG_CACHE_HOME: 'x' },
      'cli',
      { kind: 'local', dir: '/h/.cache/imagegraph' }
    ],
    ['the CLI without HOME', {}, 'cli', { kind: 'none' }]
  ] as const)('%s', (_what, env, caller, spec) => {
    expect(defaultCacheSpec(env, caller, 'linux').spec).toEqual(spec)
  })
})

describe('entryName', () => {
  test('keeps plain keys readable', () => {
    expect(entryName('imagegraph-v1-process-render-0a1b')).toBe('imagegraph-v1-process-render-0a1b')
  })
  test('differs for keys that differ only in case or in escaped characters', () => {
    const keys = [
      'Key',
      'key',
      'a/b',
      'a%2Fb',
      'a b',
      '.hidden',
      '%2Ehidden',
      'ü',
      'a'.repeat(300),
      'a'.repeat(301)
    ]
    const names = keys.map(entryName)
    expect(new Set(names.map(n => n.toLowerCase())).size).toBe(keys.length)
    for (const n of names) {
      expect(n).toMatch(/^[a-z0-9_.%~A-F-]+$/)
      expect(n.startsWith('.')).toBe(false)
      expect(n.length).toBeLessThanOrEqual(200)
    }
  })
})

describe('chooseCacheSpec', () => {
  const service = {
    ACTIONS_RUNTIME_TOKEN: 't',
    ACTIONS_CACHE_SERVICE_V2: 'true',
    ACTIONS_RESULTS_URL: 'https://r/'
  }
  test('the value asked for wins over the default', () => {
    expect(chooseCacheSpec('none', '--cache', service, 'cli', 'linux')).toEqual({
      spec: { kind: 'none' },
      reason: '--cache'
    })
  })
  test('no value: the default for the caller (gha inside a job, for the CLI too)', () => {
    expect(chooseCacheSpec(undefined, '--cache', service, 'cli', 'linux').spec).toEqual({
      kind: 'gha'
    })
  })
  test("gha where the runner provides no cache service is the user's error", () => {
    expect(() => chooseCacheSpec('gha', '--cache', { HOME: '/h' }, 'cli', 'linux')).toThrow(
      /^--cache: gha needs the Actions cache service/
    )
  })
})
