import { PathIndex, anchorOf, checkGlob, compilePattern, normalizeGlob } from '../src/core/match.js'

describe('checkGlob', () => {
  test.each([
    ['config/**', undefined],
    ['!config/**/*.md', undefined],
    ['a/{b,c}/*.yaml', undefined],
    ['', "'' is an empty pattern"],
    ['/etc/**', "'/etc/**' is absolute; patterns are relative to the repository root"],
    ['../other/**', "'../other/**' reaches outside the repository ('..')"],
    ['a/[bc', "'a/[bc' is not a valid glob: unclosed '['"],
    ['a/{b,c', "'a/{b,c' is not a valid glob: unclosed '{'"],
    ['a/b}', "'a/b}' is not a valid glob: '}' without a matching '{'"],
    ['!!a', "'!!a' negates twice; write one '!'"]
  ])('%p', (pattern, expected) => {
    expect(checkGlob(pattern)).toBe(expected)
  })
})

describe('compilePattern', () => {
  test.each([
    ['config/app/**', 'config/app/db.yaml', true],
    ['config/app/**', 'config/app/deep/x/y.yaml', true],
    ['config/app/**', 'config/application/x', false],
    ['config/app', 'config/app/db.yaml', true], // a literal directory covers what is under it
    ['config/app', 'config/app', true],
    ['config/app', 'config/apple', false],
    ['**/*.md', 'a/b/README.md', true],
    ['config/**', 'config/.env', true], // dotfiles count
    ['config/*.yaml', 'config/sub/x.yaml', false],
    ['config/*.yaml', 'config/new\nline.yaml', true], // newlines in names are names too
    ['!config/**/*.md', 'config/a\nb.md', true],
    // A backslash takes the next character as itself: this is how a literal [a].txt is named.
    ['c1/\\[a\\].txt', 'c1/[a].txt', true],
    ['c1/\\[a\\].txt', 'c1/a.txt', false],
    ['c1/[[]a].txt', 'c1/[a].txt', true],
    ['c1/\\*.txt', 'c1/*.txt', true],
    ['c1/\\*.txt', 'c1/x.txt', false],
    ['c\\[x\\]/*.txt', 'c[x]/a.txt', true],
    ['c\\[x\\]', 'c[x]/a.txt', true],
    ['a\\\\b', 'a\\b', true]
  ])('%p matches %p: %p', (pattern, file, expected) => {
    expect(compilePattern(pattern.replace(/^!/, ''))(file)).toBe(expected)
  })
})

describe('PathIndex', () => {
  const index = new PathIndex<string>()
  index.addPattern('config/app/**', 'app')
  index.addPattern('**/*.md', 'docs')
  index.addDirectory('services/api', 'api-context')
  index.addFile('docker/api.Dockerfile', 'api-dockerfile')
  index.addDirectory('', 'everything')
  const hits = (p: string) => {
    const out: string[] = []
    index.match(p, t => out.push(t))
    return out.sort()
  }
  test.each([
    ['config/app/db.yaml', ['app', 'everything']],
    ['config/app/notes.md', ['app', 'docs', 'everything']],
    ['services/api/main.go', ['api-context', 'everything']],
    ['services/api2/main.go', ['everything']],
    ['docker/api.Dockerfile', ['api-dockerfile', 'everything']],
    ['docker/api.Dockerfile/x', ['everything']]
  ])('%p', (p, expected) => {
    expect(hits(p)).toEqual(expected)
  })
})

describe('normalizeGlob: a trailing slash means the directory', () => {
  test.each([
    ['cfg/', 'cfg/**'],
    ['cfg//', 'cfg/**'],
    ['./cfg/', 'cfg/**'],
    ['!cfg/', '!cfg/**'],
    ['cfg/*/', 'cfg/*/**'],
    ['cfg', 'cfg'],
    ['cfg/**', 'cfg/**']
  ])('%p -> %p', (raw, expected) => {
    expect(normalizeGlob(raw)).toBe(expected)
  })

  test.each([
    ['cfg/', 'cfg/a.yaml', true],
    ['cfg/', 'cfg/deep/a.yaml', true],
    ['cfg/', 'cfgx/a', false],
    ['cfg/*/', 'cfg/sub/a', true],
    ['cfg/*/', 'cfg/a', false]
  ])('%p matches %p: %p', (raw, file, expected) => {
    expect(compilePattern(normalizeGlob(raw))(file)).toBe(expected)
  })
})

describe('escaped patterns in the index', () => {
  test.each([
    ['c1/\\[a\\].txt', 'c1/[a].txt'],
    ['c\\[x\\]/*.txt', 'c[x]'],
    ['c\\[x\\]/**', 'c[x]']
  ])('anchor of %p is %p', (pattern, anchor) => {
    expect(anchorOf(pattern)).toBe(anchor)
  })

  test.each([
    ['c1/\\[a\\].txt', 'c1/[a].txt'],
    ['c\\[x\\]/*.txt', 'c[x]/a.txt'],
    ['c\\[x\\]/**', 'c[x]/a/b.txt'],
    [normalizeGlob('c1/'), 'c1/[a].txt']
  ])('%p finds %p', (pattern, file) => {
    const index = new PathIndex<string>()
    index.addPattern(pattern, 'hit')
    const found: string[] = []
    index.match(file, t => found.push(t))
    expect(found).toEqual(['hit'])
    const walk = index.walk()
    walk.enter(file)
    const entries = [...walk.levels.slice(0, walk.depth).flat(), ...(walk.own(file) ?? [])]
    expect(entries.filter(e => !e.test || e.test(file)).map(e => e.target)).toEqual(['hit'])
  })
})
