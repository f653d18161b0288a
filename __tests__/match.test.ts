import { PathIndex, checkGlob, compilePattern } from '../src/core/match.js'

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
    ['!config/**/*.md', 'config/a\nb.md', true]
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
