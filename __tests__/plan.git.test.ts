// Plans of the bundled example on real git repositories: what is affected, why, and the keys.
import { readFileSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { GitCommandLine } from '../src/adapters/git.js'
import { runCli } from '../src/cli.js'
import type { Plan } from '../src/core/plan.js'
import { namedRange, planRepository } from '../src/commands/plan.js'
import { EXAMPLE, TestRepo, git, removeTempDirs, submoduleSource } from './helpers/repo.js'

afterAll(removeTempDirs)

const GRAPH = readFileSync(path.join(EXAMPLE, 'imagegraph.yml'), 'utf8')
/** The example with every image's whole context as its input (`context-inputs: whole`). */
const WHOLE_GRAPH = `${GRAPH}context-inputs: whole\n`

function planOf(repo: TestRepo, base: string | null, head = 'HEAD'): Promise<Plan> {
  return planRepository(new GitCommandLine(repo.dir), {
    graphFile: 'imagegraph.yml',
    base: namedRange(base, head)
  })
}

/** Commit the example, apply an edit, commit it, and plan base..head. */
async function scenario(
  edit: (repo: TestRepo) => void,
  graph?: string
): Promise<{ repo: TestRepo; base: string; head: string; plan: Plan }> {
  const repo = TestRepo.fromExample()
  if (graph !== undefined) repo.write('imagegraph.yml', graph).commit('graph')
  const base = repo.head()
  edit(repo)
  const head = repo.commit('edit')
  return { repo, base, head, plan: await planOf(repo, base, head) }
}

/** Affected node names in graph order. */
const affected = (p: Plan) => p.order.filter(n => p.nodes.get(n)!.affected)
const reasons = (p: Plan, name: string) => p.nodes.get(name)!.reasons
const keys = (p: Plan) => Object.fromEntries(p.order.map(n => [n, p.nodes.get(n)!.key]))
/** The names whose keys differ between two plans of the same graph. */
const keyChanges = (a: Plan, b: Plan) =>
  a.order.filter(n => a.nodes.get(n)!.key !== b.nodes.get(n)!.key).sort()
/** Graph order on the example (inputs first, ties in file order); a test of it is below. */
const ORDER = [
  'config-a',
  'config-b',
  'config-c',
  'tools',
  'process-a',
  'process-b',
  'base',
  'image-a',
  'image-b',
  'image-c'
]

test('the example plans in input-before-consumer order', async () => {
  const repo = TestRepo.fromExample()
  const p = await planOf(repo, 'HEAD')
  expect(p.order).toEqual(ORDER)
  expect(affected(p)).toEqual([])
  expect(p.changedFiles).toEqual([])
  expect(p.warnings).toEqual([])
})

describe('the demo scenario', () => {
  test('config/a/settings.yaml changes: config-a, process-a, image-a and image-b, each with its chain', async () => {
    const {
      plan: p,
      base,
      head
    } = await scenario(r => r.write('config/a/settings.yaml', 'greeting: hi\nport: 8080\n'))
    expect(p.base).toBe(base)
    expect(p.head).toBe(head)
    expect(p.everythingBecause).toBeUndefined()
    expect(p.changedFiles).toEqual([{ path: 'config/a/settings.yaml', status: 'modified' }])
    expect(affected(p)).toEqual(['config-a', 'process-a', 'image-a', 'image-b'])
    expect(reasons(p, 'config-a')).toEqual(['config/a/settings.yaml -> config config-a'])
    expect(p.nodes.get('config-a')!.changedFiles).toEqual(['config/a/settings.yaml'])
    expect(reasons(p, 'process-a')).toEqual([
      'config/a/settings.yaml -> config config-a -> process process-a'
    ])
    expect(reasons(p, 'image-a')).toEqual([
      'config/a/settings.yaml -> config config-a -> process process-a -> image image-a'
    ])
    expect(reasons(p, 'image-b')).toEqual([
      'config/a/settings.yaml -> config config-a -> process process-a -> image image-b'
    ])
    for (const name of ['image-c', 'base', 'process-b', 'config-b', 'config-c', 'tools']) {
      expect([name, p.nodes.get(name)!.affected, reasons(p, name)]).toEqual([name, false, []])
    }
  })

  test('config/a/README.md is excluded by !config/a/**/*.md: nothing is affected', async () => {
    const { plan: p } = await scenario(r => r.write('config/a/README.md', 'other notes\n'))
    expect(p.changedFiles).toEqual([{ path: 'config/a/README.md', status: 'modified' }])
    expect(affected(p)).toEqual([])
  })

  test('a file in services/image-c: only image-c', async () => {
    const { plan: p } = await scenario(r => r.write('services/image-c/app.txt', 'service c v2\n'))
    expect(affected(p)).toEqual(['image-c'])
    expect(reasons(p, 'image-c')).toEqual([
      'services/image-c/app.txt -> COPY app.txt /app.txt (services/image-c/Dockerfile:3) -> image image-c'
    ])
    expect(p.nodes.get('image-c')!.changedFiles).toEqual(['services/image-c/app.txt'])
  })

  test("image-c's Dockerfile (named in the graph and inside the context) gives one reason, not two", async () => {
    const { plan: p } = await scenario(r =>
      r.write('services/image-c/Dockerfile', 'FROM scratch\nCOPY app.txt /srv/app.txt\n')
    )
    expect(affected(p)).toEqual(['image-c'])
    expect(reasons(p, 'image-c')).toEqual(['services/image-c/Dockerfile -> image image-c'])
  })

  test('images/base/motd: base and image-a, which is built on it', async () => {
    const { plan: p } = await scenario(r => r.write('images/base/motd', 'new motd\n'))
    expect(affected(p)).toEqual(['base', 'image-a'])
    expect(reasons(p, 'base')).toEqual([
      'images/base/motd -> COPY motd /etc/motd (images/base/Dockerfile:2) -> image base'
    ])
    expect(reasons(p, 'image-a')).toEqual([
      'images/base/motd -> COPY motd /etc/motd (images/base/Dockerfile:2) -> image base (image-args BASE) -> image image-a'
    ])
  })

  test('a script the processes run: tools, both processes and every image built from them', async () => {
    const { plan: p } = await scenario(r => r.write('scripts/new.sh', '#!/bin/sh\n'))
    expect(affected(p)).toEqual([
      'tools',
      'process-a',
      'process-b',
      'image-a',
      'image-b',
      'image-c'
    ])
    expect(reasons(p, 'image-c')).toEqual([
      'scripts/new.sh (added) -> config tools -> process process-b -> image image-c'
    ])
  })
})

describe('file changes in config directories', () => {
  test('a rename across config groups changes both groups, with both ends in the reasons', async () => {
    // config-b is left with no file: it says that this is meant (allow-empty goes into no key).
    const { plan: p } = await scenario(r =>
      r
        .remove('config/b/features.yaml')
        .write('config/c/features.yaml', 'features: [search, checkout]\n')
        .write(
          'imagegraph.yml',
          GRAPH.replace('paths: ["config/b/**"]', 'paths: ["config/b/**"]\n    allow-empty: true')
        )
    )
    expect(p.changedFiles).toEqual([
      { path: 'config/c/features.yaml', status: 'renamed', oldPath: 'config/b/features.yaml' },
      { path: 'imagegraph.yml', status: 'modified' }
    ])
    expect(affected(p)).toEqual([
      'config-b',
      'config-c',
      'process-a',
      'process-b',
      'image-a',
      'image-b',
      'image-c'
    ])
    expect(reasons(p, 'config-b')).toEqual([
      'config/b/features.yaml (renamed to config/c/features.yaml) -> config config-b'
    ])
    expect(reasons(p, 'config-c')).toEqual([
      'config/c/features.yaml (renamed from config/b/features.yaml) -> config config-c'
    ])
    expect(reasons(p, 'image-b')).toEqual([
      'config/b/features.yaml (renamed to config/c/features.yaml) -> config config-b -> process process-a -> image image-b'
    ])
    expect(reasons(p, 'image-c')).toEqual([
      'config/c/features.yaml (renamed from config/b/features.yaml) -> config config-c -> process process-b -> image image-c'
    ])
    expect(p.nodes.get('config-b')!.changedFiles).toEqual(['config/b/features.yaml'])
    expect(p.nodes.get('config-c')!.changedFiles).toEqual(['config/c/features.yaml'])
    expect(p.warnings).toEqual([])
  })

  test('a config left with no tracked file is an error, where it is defined', async () => {
    await expect(
      scenario(r =>
        r
          .remove('config/b/features.yaml')
          .write('config/c/features.yaml', 'features: [search, checkout]\n')
      )
    ).rejects.toThrow(
      "imagegraph.yml:9:12 configs.config-b.paths: matches no tracked file (config/b/**); check the patterns, or set 'allow-empty: true' if that is meant"
    )
  })

  test('a deleted file', async () => {
    const { plan: p } = await scenario(r =>
      r.remove('config/c/limits.yaml').write('config/c/other.yaml', 'x: 1\n')
    )
    expect(byPath(p.changedFiles)).toEqual([
      { path: 'config/c/limits.yaml', status: 'deleted' },
      { path: 'config/c/other.yaml', status: 'added' }
    ])
    expect(affected(p)).toEqual(['config-c', 'process-b', 'image-c'])
    expect(reasons(p, 'config-c')).toEqual([
      'config/c/limits.yaml (deleted) -> config config-c',
      'config/c/other.yaml (added) -> config config-c'
    ])
  })

  test('an added file', async () => {
    const { plan: p } = await scenario(r => r.write('config/b/extra.yaml', 'extra: true\n'))
    expect(affected(p)).toEqual(['config-b', 'process-a', 'image-a', 'image-b'])
    expect(reasons(p, 'image-a')).toEqual([
      'config/b/extra.yaml (added) -> config config-b -> process process-a -> image image-a'
    ])
  })

  const SPECIAL = [
    'config/c/with space.yaml',
    'config/c/café.yaml',
    'config/c/目录/文件.yaml',
    'config/c/tab\there.yaml',
    'config/c/sub dir/x y.yaml'
  ]
  test('paths with spaces, unicode and a tab are added, then modified, by exact name', async () => {
    const repo = TestRepo.fromExample()
    const first = repo.head()
    for (const f of SPECIAL) repo.write(f, `${f}: 1\n`)
    const second = repo.commit('special paths')
    const added = await planOf(repo, first, second)
    expect(byPath(added.changedFiles)).toEqual(
      byPath(SPECIAL.map(f => ({ path: f, status: 'added' as const })))
    )
    expect(affected(added)).toEqual(['config-c', 'process-b', 'image-c'])
    expect([...reasons(added, 'config-c')].sort()).toEqual(
      SPECIAL.map(f => `${f} (added) -> config config-c`).sort()
    )
    expect([...added.nodes.get('config-c')!.changedFiles].sort()).toEqual([...SPECIAL].sort())
    // config/c/** names the whole directory: its key holds git's tree id, which holds the names.
    expect(added.nodes.get('config-c')!.breakdown.files).toEqual([
      `040000 ${repo.git('rev-parse', `${second}:config/c`).trim()}\tconfig/c`
    ])
    expect(repo.git('rev-parse', `${second}:config/c`)).not.toEqual(
      repo.git('rev-parse', `${first}:config/c`)
    )

    for (const f of SPECIAL) repo.write(f, `${f}: 2\n`)
    const third = repo.commit('modify special paths')
    const modified = await planOf(repo, second, third)
    expect([...reasons(modified, 'config-c')].sort()).toEqual(
      SPECIAL.map(f => `${f} -> config config-c`).sort()
    )
    expect(affected(modified)).toEqual(['config-c', 'process-b', 'image-c'])
  })

  test('a file with a newline in its name in a config directory belongs to the config', async () => {
    const { plan: p } = await scenario(r => r.write('config/c/new\nline.yaml', 'x: 1\n'))
    expect(p.changedFiles).toEqual([{ path: 'config/c/new\nline.yaml', status: 'added' }])
    expect(affected(p)).toEqual(['config-c', 'process-b', 'image-c'])
    expect(reasons(p, 'config-c')).toEqual(['config/c/new\nline.yaml (added) -> config config-c'])
  })

  test("a file with a newline in its name in an image's whole context belongs to the image", async () => {
    const { plan: p, repo } = await scenario(
      r => r.write('services/image-b/new\nline.txt', 'x\n'),
      WHOLE_GRAPH
    )
    expect(affected(p)).toEqual(['image-b'])
    expect(reasons(p, 'image-b')).toEqual([
      'services/image-b/new\nline.txt (added) -> image image-b'
    ])
    // The context is one line, git's own tree id: the new file is in it.
    const tree = (rev: string) =>
      `040000 ${repo.git('rev-parse', `${rev}:services/image-b`).trim()}`
    expect(p.nodes.get('image-b')!.breakdown.files).toEqual([
      `${tree('HEAD')}\tservices/image-b`,
      `100644 ${repo.git('rev-parse', 'HEAD:services/image-b/Dockerfile').trim()}\tservices/image-b/Dockerfile`
    ])
    expect(tree('HEAD')).not.toEqual(tree('HEAD~1'))
  })
})

describe('other kinds of change in an image context', () => {
  test('a symlink replacing a file (type change) and a submodule pointer moved', async () => {
    const { lib, second: libSecond } = submoduleSource()

    const repo = TestRepo.fromExample()
    // The whole contexts: the Dockerfiles copy neither the vendored directory nor the link.
    repo.write('imagegraph.yml', WHOLE_GRAPH)
    repo.git(
      '-c',
      'protocol.file.allow=always',
      'submodule',
      'add',
      '-q',
      lib.dir,
      'services/image-c/vendor'
    )
    const base = repo.commit('vendor lib')
    git(path.join(repo.dir, 'services/image-c/vendor'), 'checkout', '-q', libSecond)
    repo.symlink('services/image-b/app.txt', 'Dockerfile')
    const head = repo.commit('move vendor, link app.txt')

    const p = await planOf(repo, base, head)
    expect(p.changedFiles).toEqual([
      { path: 'services/image-b/app.txt', status: 'type-changed', symlink: true },
      { path: 'services/image-c/vendor', status: 'submodule' }
    ])
    expect(affected(p)).toEqual(['image-b', 'image-c'])
    expect(reasons(p, 'image-b')).toEqual([
      'services/image-b/app.txt (type-changed) -> image image-b'
    ])
    expect(reasons(p, 'image-c')).toEqual(['services/image-c/vendor (submodule) -> image image-c'])
    // The submodule counts by the commit it points at, the link by its target: both are in the
    // context's tree, whose id is git's own.
    expect(repo.git('ls-tree', 'HEAD', 'services/image-c/vendor')).toContain(
      `160000 commit ${libSecond}`
    )
    expect(repo.git('ls-tree', 'HEAD', 'services/image-b/app.txt')).toMatch(/^120000 blob /)
    for (const image of ['image-b', 'image-c'])
      expect(p.nodes.get(image)!.breakdown.files).toContain(
        `040000 ${repo.git('rev-parse', `HEAD:services/${image}`).trim()}\tservices/${image}`
      )
    const before = await planOf(repo, base, base)
    expect(keyChanges(before, p)).toEqual(['image-b', 'image-c'])
  })
})

function byPath<T extends { path: string }>(list: T[]): T[] {
  return [...list].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}

describe('graph-file edits', () => {
  test("only image-c's build-args change: only image-c, for that reason", async () => {
    const { plan: p } = await scenario(r =>
      r.write(
        'imagegraph.yml',
        GRAPH.replace(
          '    inputs: [process-b]\n',
          '    inputs: [process-b]\n    build-args: { FLAVOR: slim }\n'
        )
      )
    )
    expect(p.changedFiles).toEqual([{ path: 'imagegraph.yml', status: 'modified' }])
    expect(affected(p)).toEqual(['image-c'])
    expect(reasons(p, 'image-c')).toEqual([
      'imagegraph.yml: image image-c changed -> image image-c'
    ])
  })

  test("image-a's build-arg value changes: image-a only; its key changes and no other", async () => {
    const repo = TestRepo.fromExample()
    const before = await planOf(repo, 'HEAD')
    repo.write('imagegraph.yml', GRAPH.replace('LOG_LEVEL: info', 'LOG_LEVEL: debug'))
    repo.commit('debug')
    const p = await planOf(repo, 'HEAD~1')
    expect(affected(p)).toEqual(['image-a'])
    expect(reasons(p, 'image-a')).toEqual([
      'imagegraph.yml: image image-a changed -> image image-a'
    ])
    expect(keyChanges(before, p)).toEqual(['image-a'])
  })

  test('a reformatted graph (keys reordered, comments, other quoting, inputs reordered) affects nothing and keeps every key', async () => {
    const reformatted = `# Same graph, written differently.
images:
  image-c:
    inputs:
      - process-b
    dockerfile: "services/image-c/Dockerfile"   # the default, written out
    context: ./services/image-c
  image-b: { inputs: [process-a], context: services/image-b }
  image-a:
    platforms: ["linux/amd64"]
    build-args:
      LOG_LEVEL: "info"
    image-args:
      BASE: "base"
    inputs: [process-a]
    context: services/image-a/
  base:
    description: a description changes no artifact
    context: images/base
processes:
  process-b:
    outputs: ["./services/image-c/limits/"]
    run: ./scripts/limits.sh
    inputs: [tools, config-c]
  process-a:
    env:
      MODE: prod
    outputs:
      - services/image-a/rendered
      - services/image-b/rendered
    run: ./scripts/render.sh
    inputs: [tools, config-b, config-a]
configs:
  tools:
    paths: ["scripts/**"]
  config-c: { paths: ['config/c/**'] }
  config-b:
    paths:
      - config/b/**
  config-a:
    paths: ["!config/a/**/*.md", "config/a/**"]
version: 1
`
    const repo = TestRepo.fromExample()
    const before = await planOf(repo, 'HEAD')
    repo.write('imagegraph.yml', reformatted)
    repo.commit('reformat')
    const p = await planOf(repo, 'HEAD~1')
    expect(p.changedFiles).toEqual([{ path: 'imagegraph.yml', status: 'modified' }])
    expect(affected(p)).toEqual([])
    expect(keys(p)).toEqual(keys(before))
  })

  test('a new image: only it, with its new files and the graph as reasons', async () => {
    const { plan: p } = await scenario(r =>
      r
        .write(
          'imagegraph.yml',
          `${GRAPH}  image-d:\n    context: services/image-d\n    inputs: [base]\n`
        )
        .write('services/image-d/Dockerfile', 'FROM base\nCOPY app.txt /\n')
        .write('services/image-d/app.txt', 'service d\n')
        .write('services/image-d/notes.txt', 'no COPY reaches this\n')
    )
    expect(affected(p)).toEqual(['image-d'])
    expect(reasons(p, 'image-d')).toEqual([
      'services/image-d/Dockerfile (added) -> image image-d',
      'services/image-d/app.txt (added) -> COPY app.txt / (services/image-d/Dockerfile:2) -> image image-d',
      'imagegraph.yml: image image-d is new -> image image-d'
    ])
  })

  test('a base commit without imagegraph.yml: every node is affected, and the reason says so', async () => {
    const repo = TestRepo.fromExample()
    repo.remove('imagegraph.yml')
    const base = repo.commit('no graph yet')
    repo.write('imagegraph.yml', GRAPH)
    repo.commit('graph')
    const p = await planOf(repo, base)
    const because = `no imagegraph.yml at base ${base.slice(0, 12)}: every node is affected`
    expect(p.everythingBecause).toBe(because)
    expect(affected(p)).toEqual(ORDER)
    for (const name of ORDER) {
      const node = p.nodes.get(name)!
      expect(node.reasons[0]).toBe(`${because} -> ${node.kind} ${name}`)
    }
    expect(reasons(p, 'process-b')).toEqual([
      `${because} -> process process-b`,
      `${because} -> config config-c -> process process-b`,
      `${because} -> config tools -> process process-b`
    ])
  })

  test('a base commit with a broken imagegraph.yml: every node is affected, and the reason quotes the problem', async () => {
    const repo = TestRepo.fromExample()
    repo.write('imagegraph.yml', GRAPH.replace('version: 1', 'version: 2'))
    const base = repo.commit('broken graph')
    repo.write('imagegraph.yml', GRAPH)
    repo.commit('fixed graph')
    const p = await planOf(repo, base)
    const because = `imagegraph.yml at base ${base.slice(0, 12)} is not valid (imagegraph.yml:3:10 version: unsupported version 2; supported: 1): every node is affected`
    expect(p.everythingBecause).toBe(because)
    expect(affected(p)).toEqual(ORDER)
    expect(reasons(p, 'base')).toEqual([`${because} -> image base`])
  })

  test('no base at all (null): every node is affected for that reason', async () => {
    const repo = TestRepo.fromExample()
    const p = await planOf(repo, null)
    expect(p.everythingBecause).toBe('no base revision')
    expect(affected(p)).toEqual(ORDER)
    expect(reasons(p, 'config-a')).toEqual(['no base revision -> config config-a'])
  })
})

describe('content keys', () => {
  test('the same content in two repositories, other paths, dates and authors: the same keys', async () => {
    const one = TestRepo.fromExample(undefined, {
      name: 'Ada',
      email: 'ada@example.invalid',
      date: '2020-02-02T02:02:02Z'
    })
    const two = TestRepo.fromExample(undefined, {
      name: 'Bob',
      email: 'bob@example.invalid',
      date: '2031-03-03T03:03:03Z'
    })
    expect(one.dir).not.toBe(two.dir)
    expect(one.head()).not.toBe(two.head())
    const k1 = keys(await planOf(one, 'HEAD'))
    const k2 = keys(await planOf(two, 'HEAD'))
    expect(Object.keys(k1)).toEqual(ORDER)
    expect(k2).toEqual(k1)
    for (const key of Object.values(k1)) expect(key).toMatch(/^[0-9a-f]{64}$/)
    expect(new Set(Object.values(k1)).size).toBe(ORDER.length)
  })

  test('one changed byte in config/c/limits.yaml changes exactly the keys of config-c, process-b and image-c', async () => {
    const repo = TestRepo.fromExample()
    const before = await planOf(repo, 'HEAD')
    repo.write('config/c/limits.yaml', 'max_connections: 101\n')
    repo.commit('one byte')
    const after = await planOf(repo, 'HEAD~1')
    expect(keyChanges(before, after)).toEqual(['config-c', 'image-c', 'process-b'])
    expect(affected(after)).toEqual(['config-c', 'process-b', 'image-c'])
  })

  test("chmod +x of a context file changes that image's key (and affects it), nothing else", async () => {
    const repo = TestRepo.fromExample()
    const before = await planOf(repo, 'HEAD')
    repo.chmod('services/image-c/app.txt', 0o755)
    repo.commit('executable')
    const after = await planOf(repo, 'HEAD~1')
    expect(after.changedFiles).toEqual([{ path: 'services/image-c/app.txt', status: 'modified' }])
    expect(keyChanges(before, after)).toEqual(['image-c'])
    expect(affected(after)).toEqual(['image-c'])
    // The Dockerfile copies the file: its line holds the mode git records.
    const blob = repo.git('rev-parse', 'HEAD:services/image-c/app.txt').trim()
    const line = (p: Plan) =>
      p.nodes.get('image-c')!.breakdown.files.find(l => l.endsWith('\tservices/image-c/app.txt'))
    expect(line(after)).toBe(`100755 ${blob}\tservices/image-c/app.txt`)
    expect(line(before)).toBe(`100644 ${blob}\tservices/image-c/app.txt`)
    expect(line(before)).not.toBe(line(after))
  })

  test('reverting a change restores the keys', async () => {
    const repo = TestRepo.fromExample()
    const first = keys(await planOf(repo, 'HEAD'))
    repo.write('config/a/settings.yaml', 'greeting: hi\n')
    repo.commit('change')
    repo.write(
      'config/a/settings.yaml',
      readFileSync(path.join(EXAMPLE, 'config/a/settings.yaml'), 'utf8')
    )
    repo.commit('revert')
    expect(keys(await planOf(repo, 'HEAD'))).toEqual(first)
  })
})

describe('the CLI', () => {
  async function cli(
    args: string[],
    cwd: string
  ): Promise<{ code: number; out: string; err: string }> {
    let out = ''
    let err = ''
    const code = await runCli(args, { cwd, out: t => (out += t), err: t => (err += t) })
    return { code, out, err }
  }

  const repo = TestRepo.fromExample()
  const base = repo.head()
  repo.write('config/a/settings.yaml', 'greeting: hi\nport: 8080\n')
  const head = repo.commit('change config a')
  const CHAIN_A = 'config/a/settings.yaml -> config config-a -> process process-a -> image image-a'

  test('plan --json has the documented fields', async () => {
    const r = await cli(['plan', '--base', base, '--json'], repo.dir)
    expect([r.code, r.err]).toEqual([0, ''])
    const json = JSON.parse(r.out)
    expect(Object.keys(json)).toEqual([
      'schema',
      'base',
      'head',
      'graphFile',
      'changedFiles',
      'configs',
      'processes',
      'images',
      'affectedImages',
      'affectedProcesses',
      'changedConfigs',
      'warnings'
    ])
    expect(json.schema).toBe('imagegraph-plan/v1')
    expect([json.base, json.head, json.graphFile]).toEqual([base, head, 'imagegraph.yml'])
    expect(json.changedFiles).toEqual([{ path: 'config/a/settings.yaml', status: 'modified' }])
    expect(Object.keys(json.configs)).toEqual(['config-a', 'config-b', 'config-c', 'tools'])
    expect(Object.keys(json.processes)).toEqual(['process-a', 'process-b'])
    expect(Object.keys(json.images)).toEqual(['base', 'image-a', 'image-b', 'image-c'])
    const p = await planOf(repo, base, head)
    expect(json.configs['config-a']).toEqual({
      changed: true,
      key: p.nodes.get('config-a')!.key,
      reasons: ['config/a/settings.yaml -> config config-a'],
      reasonCount: 1,
      changedFiles: ['config/a/settings.yaml']
    })
    expect(json.configs['config-b'].changed).toBe(false)
    expect(json.processes['process-a']).toEqual({
      affected: true,
      key: p.nodes.get('process-a')!.key,
      reasons: ['config/a/settings.yaml -> config config-a -> process process-a'],
      reasonCount: 1,
      inputs: ['config-a', 'config-b', 'tools'],
      outputs: ['services/image-a/rendered', 'services/image-b/rendered']
    })
    expect(json.processes['process-b']).toMatchObject({ affected: false, reasons: [] })
    expect(json.images['image-a']).toMatchObject({
      affected: true,
      key: p.nodes.get('image-a')!.key,
      reasons: [CHAIN_A],
      context: 'services/image-a',
      dockerfile: 'services/image-a/Dockerfile'
    })
    expect(json.images['image-c']).toMatchObject({
      affected: false,
      key: p.nodes.get('image-c')!.key,
      reasons: []
    })
    expect(json.affectedImages).toEqual(['image-a', 'image-b'])
    expect(json.affectedProcesses).toEqual(['process-a'])
    expect(json.changedConfigs).toEqual(['config-a'])
    for (const section of ['configs', 'processes', 'images']) {
      for (const node of Object.values(json[section]) as Array<{ key: string }>)
        expect(node.key).toMatch(/^[0-9a-f]{64}$/)
    }
  })

  test('plan (text) names the affected images in build order with their chains', async () => {
    const r = await cli(['plan', '--base', base], repo.dir)
    expect([r.code, r.err]).toEqual([0, ''])
    const lines = r.out.split('\n')
    expect(lines[0]).toBe(
      `imagegraph plan ${base.slice(0, 12)}..${head.slice(0, 12)}: 1 changed file, 2 of 4 images affected`
    )
    expect(lines).toContain(`    ${CHAIN_A}`)
    expect(lines).toContain('Configs changed (1 of 4): config-a')
  })

  test('plan with an unknown revision exits 1 with one line on stderr', async () => {
    const r = await cli(['plan', '--base', 'no-such-rev'], repo.dir)
    expect(r).toEqual({ code: 1, out: '', err: `unknown revision 'no-such-rev' in ${repo.dir}\n` })
  })

  test('plan without --base exits 1 and says so', async () => {
    expect(await cli(['plan'], repo.dir)).toEqual({
      code: 1,
      out: '',
      err: 'plan: --base REV is required\n'
    })
  })

  test('validate passes on the example and fails on a broken graph with file:line:col lines', async () => {
    const good = TestRepo.fromExample()
    expect(await cli(['validate'], good.dir)).toEqual({
      code: 0,
      out: 'imagegraph.yml: valid (4 configs, 2 processes, 4 images)\n',
      err: ''
    })
    good.write(
      'imagegraph.yml',
      GRAPH.replace('inputs: [process-a]\n', 'inputs: [proces-a]\n').replace(
        '    run: ./scripts/limits.sh\n',
        '    run: ./scripts/limits.sh\n    output: [build/x]\n'
      )
    )
    const r = await cli(['validate'], good.dir)
    expect(r).toEqual({
      code: 1,
      out: '',
      err:
        "imagegraph.yml:25:5 processes.process-b.output: unknown field 'output' (did you mean 'outputs'?); allowed: inputs, run, outputs, env, pass-env, timeout, description\n" +
        "imagegraph.yml:33:14 images.image-a.inputs[0]: unknown node 'proces-a' (did you mean 'process-a'?)\n"
    })
  })

  test("plan reads the graph of the head commit, not the working tree's edits to it", async () => {
    const before = await cli(['plan', '--base', base, '--json'], repo.dir)
    const graphPath = path.join(repo.dir, 'imagegraph.yml')
    const committed = readFileSync(graphPath, 'utf8')
    try {
      // An uncommitted edit that would change keys, and one that would not even parse.
      writeFileSync(graphPath, committed.replace('LOG_LEVEL: info', 'LOG_LEVEL: debug'))
      expect(await cli(['plan', '--base', base, '--json'], repo.dir)).toEqual(before)
      writeFileSync(graphPath, 'version: [\n')
      expect(await cli(['plan', '--base', base, '--json'], repo.dir)).toEqual(before)
    } finally {
      writeFileSync(graphPath, committed)
    }
  })

  test('validate and plan list structural and file problems in one run', async () => {
    const broken = TestRepo.fromExample()
    const base = broken.head()
    broken.write(
      'imagegraph.yml',
      GRAPH.replace('inputs: [process-a]\n', 'inputs: [proces-a]\n').replace(
        'context: services/image-c',
        'context: services/nowhere'
      )
    )
    const lines = [
      "imagegraph.yml:32:14 images.image-a.inputs[0]: unknown node 'proces-a' (did you mean 'process-a'?)",
      "imagegraph.yml:40:14 images.image-c.context: 'services/nowhere' has no tracked files; the context must be a directory in the repository"
    ]
    expect(await cli(['validate'], broken.dir)).toEqual({
      code: 1,
      out: '',
      err: `${lines.join('\n')}\n`
    })
    broken.commit('broken graph')
    expect(await cli(['plan', '--base', base], broken.dir)).toEqual({
      code: 1,
      out: '',
      err: `${lines.join('\n')}\n`
    })
  })

  test('why image-a --explain prints the chain and how the key differs from the base', async () => {
    const r = await cli(['why', 'image-a', '--base', base, '--explain'], repo.dir)
    expect([r.code, r.err]).toEqual([0, ''])
    const p = await planOf(repo, base, head)
    const atBase = await planOf(repo, base, base)
    const short = (n: string, q: Plan) => q.nodes.get(n)!.key.slice(0, 12)
    const lines = r.out.split('\n')
    expect(lines.slice(0, 5)).toEqual([
      `image image-a: affected between ${base.slice(0, 12)} and ${head.slice(0, 12)}`,
      `key ${p.nodes.get('image-a')!.key}`,
      `  ${CHAIN_A}`,
      '',
      'Key at base differs:'
    ])
    // The difference is followed down the inputs whose keys changed, to the file that changed.
    const blob = (rev: string) => repo.git('rev-parse', `${rev}:config/a/settings.yaml`).trim()
    expect(lines.slice(5, 16)).toEqual([
      `  input key changed: process process-a (${short('process-a', atBase)} -> ${short('process-a', p)})`,
      `    input key changed: config config-a (${short('config-a', atBase)} -> ${short('config-a', p)})`,
      `      file changed: config/a/settings.yaml (100644 ${blob(base)} -> 100644 ${blob(head)})`,
      '',
      'Context inputs: what the Dockerfile reads',
      '  COPY rendered/app.yaml /etc/app.yaml (services/image-a/Dockerfile:4)',
      '    nothing in the commit',
      '  COPY app.txt /app.txt (services/image-a/Dockerfile:5)',
      '    services/image-a/app.txt',
      '',
      'Key breakdown at head:'
    ])
  })

  test('why --explain names the files behind a directory whose tree id changed', async () => {
    const own = TestRepo.fromExample()
    own.write('imagegraph.yml', WHOLE_GRAPH)
    const first = own.commit('example')
    own.write('services/image-b/app.txt', 'changed\n').write('config/b/new.yaml', 'n: 1\n')
    own.commit('edit image-b and config-b')
    const r = await cli(['why', 'image-b', '--base', first, '--explain'], own.dir)
    expect([r.code, r.err]).toEqual([0, ''])
    const tree = (rev: string, dir: string) => own.git('rev-parse', `${rev}:${dir}`).trim()
    const lines = r.out.split('\n')
    const at = lines.indexOf('Key at base differs:')
    expect(lines.slice(at + 1, at + 3)).toEqual([
      `  file changed: services/image-b (040000 ${tree(first, 'services/image-b')} -> 040000 ${tree('HEAD', 'services/image-b')})`,
      '    services/image-b/app.txt (modified)'
    ])
    // Down the inputs too: config-b names its directory whole, and the new file is named.
    expect(r.out).toContain(
      `file changed: config/b (040000 ${tree(first, 'config/b')} -> 040000 ${tree('HEAD', 'config/b')})\n        config/b/new.yaml (added)\n`
    )
  })

  test('why image-c --explain: not affected, the same key at base', async () => {
    const r = await cli(['why', 'image-c', '--base', base, '--explain'], repo.dir)
    expect(r.code).toBe(0)
    expect(r.out.split('\n').slice(0, 4)).toEqual([
      `image image-c: not affected between ${base.slice(0, 12)} and ${head.slice(0, 12)}`,
      `key ${(await planOf(repo, base, head)).nodes.get('image-c')!.key}`,
      '',
      'Key at base: the same'
    ])
  })

  test('why of an unknown node suggests the nearest name', async () => {
    expect(await cli(['why', 'image-x', '--base', base], repo.dir)).toEqual({
      code: 1,
      out: '',
      err: "why: unknown node 'image-x' (did you mean 'image-a'?)\n"
    })
  })

  test('graph --format json', async () => {
    const r = await cli(['graph', '--format', 'json'], repo.dir)
    expect(r.code).toBe(0)
    expect(JSON.parse(r.out)).toEqual({
      nodes: [
        { name: 'config-a', kind: 'config', inputs: [] },
        { name: 'config-b', kind: 'config', inputs: [] },
        { name: 'config-c', kind: 'config', inputs: [] },
        { name: 'tools', kind: 'config', inputs: [] },
        { name: 'process-a', kind: 'process', inputs: ['config-a', 'config-b', 'tools'] },
        { name: 'process-b', kind: 'process', inputs: ['config-c', 'tools'] },
        { name: 'base', kind: 'image', inputs: [] },
        { name: 'image-a', kind: 'image', inputs: ['process-a', 'base'] },
        { name: 'image-b', kind: 'image', inputs: ['process-a'] },
        { name: 'image-c', kind: 'image', inputs: ['process-b'] }
      ],
      edges: [
        { from: 'config-a', to: 'process-a' },
        { from: 'config-b', to: 'process-a' },
        { from: 'tools', to: 'process-a' },
        { from: 'config-c', to: 'process-b' },
        { from: 'tools', to: 'process-b' },
        { from: 'process-a', to: 'image-a' },
        { from: 'base', to: 'image-a' },
        { from: 'process-a', to: 'image-b' },
        { from: 'process-b', to: 'image-c' }
      ]
    })
  })

  test('graph --format dot', async () => {
    const r = await cli(['graph', '--format', 'dot'], repo.dir)
    expect(r).toEqual({
      code: 0,
      err: '',
      out: `digraph imagegraph {
  rankdir=LR;
  "config-a" [label="config config-a", shape=note];
  "config-b" [label="config config-b", shape=note];
  "config-c" [label="config config-c", shape=note];
  "tools" [label="config tools", shape=note];
  "process-a" [label="process process-a", shape=ellipse];
  "process-b" [label="process process-b", shape=ellipse];
  "base" [label="image base", shape=box];
  "image-a" [label="image image-a", shape=box];
  "image-b" [label="image image-b", shape=box];
  "image-c" [label="image image-c", shape=box];
  "config-a" -> "process-a";
  "config-b" -> "process-a";
  "tools" -> "process-a";
  "config-c" -> "process-b";
  "tools" -> "process-b";
  "process-a" -> "image-a";
  "base" -> "image-a";
  "process-a" -> "image-b";
  "process-b" -> "image-c";
}
`
    })
  })

  test('graph --format mermaid (the default)', async () => {
    const r = await cli(['graph', '--format', 'mermaid'], repo.dir)
    expect(r.code).toBe(0)
    expect(r.out).toBe(`flowchart LR
  n0[/"config config-a"/]
  n1[/"config config-b"/]
  n2[/"config config-c"/]
  n3[/"config tools"/]
  n4(["process process-a"])
  n5(["process process-b"])
  n6["image base"]
  n7["image image-a"]
  n8["image image-b"]
  n9["image image-c"]
  n0 --> n4
  n1 --> n4
  n3 --> n4
  n2 --> n5
  n3 --> n5
  n4 --> n7
  n6 --> n7
  n4 --> n8
  n5 --> n9
`)
    expect((await cli(['graph'], repo.dir)).out).toBe(r.out)
  })

  test('graph --format svg is refused with the formats there are', async () => {
    expect(await cli(['graph', '--format', 'svg'], repo.dir)).toEqual({
      code: 1,
      out: '',
      err: 'graph: --format svg is not supported; use mermaid, dot or json\n'
    })
  })

  test('an unknown command exits 1 with a did-you-mean', async () => {
    expect(await cli(['plna', '--base', base], repo.dir)).toEqual({
      code: 1,
      out: '',
      err: "unknown command 'plna' (did you mean 'plan'?); commands: validate, plan, run, retag, why, graph\n"
    })
  })

  test('an unknown flag exits 1 with a did-you-mean', async () => {
    expect(await cli(['plan', '--bsae', base], repo.dir)).toEqual({
      code: 1,
      out: '',
      err: "plan: unknown option '--bsae' (did you mean '--base'?); options: --repo, --graph, --help, --base, --head, --json\n"
    })
  })

  test('--repo finds the repository from another directory', async () => {
    const r = await cli(['plan', '--repo', repo.dir, '--base', base, '--json'], '/')
    expect(r.code).toBe(0)
    expect(JSON.parse(r.out).affectedImages).toEqual(['image-a', 'image-b'])
  })
})
