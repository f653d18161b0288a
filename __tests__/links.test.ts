// Resolving paths through the symlinks a commit records (pure; the git side is in inputs.git.test.ts).
import { Symlinks } from '../src/core/links.js'

const links = (entries: Record<string, string>) => new Symlinks(new Map(Object.entries(entries)))

describe('Symlinks.resolve', () => {
  test.each([
    ['no link on the way', {}, 'a/b', { path: 'a/b', via: [] }],
    [
      'the path is a link',
      { 'images/api': '../real/api' },
      'images/api',
      { path: 'real/api', via: ['images/api'] }
    ],
    [
      'a link above it',
      { services: 'src' },
      'services/api/Dockerfile',
      { path: 'src/api/Dockerfile', via: ['services'] }
    ],
    ['a link to a link', { a: 'b', b: 'c/d' }, 'a/x', { path: 'c/d/x', via: ['a', 'b'] }],
    [
      'a link with ./ and a trailing slash',
      { a: './real/' },
      'a/x',
      { path: 'real/x', via: ['a'] }
    ],
    ['a link to the root', { 'dir/up': '..' }, 'dir/up/x', { path: 'x', via: ['dir/up'] }]
  ])('%s', (_what, table, path, expected) => {
    expect(links(table).resolve(path)).toEqual(expected)
  })

  test.each([
    [
      'a relative target above the root',
      { a: '../../x' },
      'a/b',
      /the symlink a -> \.\.\/\.\.\/x, which leads outside/
    ],
    ['an absolute target', { a: '/etc' }, 'a', /the symlink a -> \/etc, which leads outside/],
    ['a loop', { a: 'b', b: 'a' }, 'a/x', /which loop/]
  ])('%s is an error', (_what, table, path, message) => {
    const r = links(table).resolve(path)
    expect('error' in r && r.error).toMatch(message)
  })
})

describe('Symlinks.otherNames', () => {
  test('names through links, nested links, and none for a path no link reaches', () => {
    const l = links({ cfglink: 'cfgreal', 'x/inner': '../cfgreal/sub', top: 'x' })
    expect(l.otherNames('cfgreal/sub/a.yaml')).toEqual(
      expect.arrayContaining([
        { path: 'cfglink/sub/a.yaml', via: ['cfglink'] },
        { path: 'x/inner/a.yaml', via: ['x/inner'] },
        { path: 'top/inner/a.yaml', via: ['x/inner', 'top'] }
      ])
    )
    expect(l.otherNames('elsewhere/a.yaml')).toEqual([])
  })

  test('a link to the root gives a bounded number of names', () => {
    expect(links({ 'dir/up': '..' }).otherNames('a.txt').length).toBeLessThanOrEqual(8)
  })
})
