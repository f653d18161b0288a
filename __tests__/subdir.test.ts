// A graph file in a subdirectory (issue 7, item 8): its paths are relative to its own directory,
// only what lies under that directory changes a node, and the root's graph file is never read
// instead. And the CLI's one-line errors for what the user named wrong.
import { cpSync, readFileSync } from 'node:fs'
import * as path from 'node:path'
import { runCli } from '../src/cli.js'
import type { PlanJson } from '../src/core/plan.js'
import { EXAMPLE, TestRepo, git, removeTempDirs, tempDir } from './helpers/repo.js'

afterAll(removeTempDirs)

async function cli(
  args: string[],
  cwd: string
): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const code = await runCli(args, { cwd, out: t => (out += t), err: t => (err += t) })
  return { code, out, err }
}

async function planJson(args: string[], cwd: string): Promise<PlanJson> {
  const r = await cli([...args, '--json'], cwd)
  if (r.code !== 0) throw new Error(`imagegraph ${args.join(' ')}: ${r.code}\n${r.err}`)
  return JSON.parse(r.out) as PlanJson
}

const keysOf = (p: PlanJson) =>
  Object.fromEntries(
    [p.configs, p.processes, p.images].flatMap(nodes =>
      Object.entries(nodes).map(([name, n]) => [name, n.key])
    )
  )

/** A graph at the root that must never be read in place of infra's. */
const DECOY = `version: 1
configs:
  everything:
    paths: ["**"]
images:
  decoy:
    context: decoy
    inputs: [everything]
`

/** The bundled example under infra/, a decoy graph at the root; the commit's sha. */
function monorepo(): { repo: TestRepo; base: string } {
  const repo = TestRepo.init()
  cpSync(EXAMPLE, path.join(repo.dir, 'infra'), { recursive: true })
  repo.write('imagegraph.yml', DECOY).write('decoy/Dockerfile', 'FROM scratch\n')
  return { repo, base: repo.commit('example under infra/') }
}

describe('a graph file in a subdirectory', () => {
  test('its paths are relative to its directory; keys equal those of the same files at the root', async () => {
    const { repo, base } = monorepo()
    repo.write('infra/config/a/settings.yaml', 'greeting: hi\nport: 8080\n').commit('config a')
    const p = await planJson(['plan', '--graph', 'infra/imagegraph.yml', '--base', base], repo.dir)
    expect(p.graphFile).toBe('infra/imagegraph.yml')
    expect(p.affectedImages).toEqual(['image-a', 'image-b'])
    expect(p.changedFiles).toEqual([{ path: 'config/a/settings.yaml', status: 'modified' }])
    expect(p.images['image-a'].reasons).toEqual([
      'config/a/settings.yaml -> config config-a -> process process-a -> image image-a'
    ])
    // Moving the whole directory keeps every key: the same files, the same paths within it.
    const root = TestRepo.fromExample()
    root.write('config/a/settings.yaml', 'greeting: hi\nport: 8080\n').commit('config a')
    const atRoot = await planJson(['plan', '--base', 'HEAD~1'], root.dir)
    expect(keysOf(p)).toEqual(keysOf(atRoot))
    expect(p.affectedImages).toEqual(atRoot.affectedImages)
  })

  test('from inside the directory, the nearest graph file is found (not the root one)', async () => {
    const { repo, base } = monorepo()
    repo.write('infra/services/image-c/app.txt', 'c\n').commit('image c')
    const p = await planJson(['plan', '--base', base], path.join(repo.dir, 'infra', 'services'))
    expect(p.graphFile).toBe('infra/imagegraph.yml')
    expect(p.affectedImages).toEqual(['image-c'])
    const viaRepo = await planJson(['plan', '--repo', 'infra', '--base', base], repo.dir)
    expect(viaRepo).toEqual(p)
    // At the top, the top's graph file.
    const top = await planJson(['plan', '--base', base], repo.dir)
    expect(top.graphFile).toBe('imagegraph.yml')
    expect(top.affectedImages).toEqual(['decoy'])
  })

  test('a change outside the directory affects nothing in it', async () => {
    const { repo, base } = monorepo()
    repo
      .write('README.md', 'outside\n')
      .write('config/a/settings.yaml', 'a root file with the path of an input\n')
      .commit('outside infra/')
    const p = await planJson(['plan', '--graph', 'infra/imagegraph.yml', '--base', base], repo.dir)
    expect(p.changedFiles).toEqual([])
    expect(p.affectedImages).toEqual([])
  })

  test('a rename across the edge of the directory is a change inside', async () => {
    const { repo, base } = monorepo()
    const notes = readFileSync(path.join(EXAMPLE, 'config/a/settings.yaml'), 'utf8')
    repo.write('elsewhere/settings-copy.yaml', `${notes}# long enough to be a rename\n`)
    const before = repo.commit('a file outside')
    repo.git('mv', 'elsewhere/settings-copy.yaml', 'infra/config/b/moved-in.yaml')
    repo.commit('rename in')
    const into = await planJson(
      ['plan', '--graph', 'infra/imagegraph.yml', '--base', before],
      repo.dir
    )
    expect(into.changedFiles).toEqual([{ path: 'config/b/moved-in.yaml', status: 'added' }])
    expect(into.changedConfigs).toEqual(['config-b'])
    repo.git('mv', 'infra/config/b/moved-in.yaml', 'elsewhere/moved-out.yaml')
    const out = repo.commit('rename out')
    const outOf = await planJson(
      ['plan', '--graph', 'infra/imagegraph.yml', '--base', 'HEAD~1', '--head', out],
      repo.dir
    )
    expect(outOf.changedFiles).toEqual([{ path: 'config/b/moved-in.yaml', status: 'deleted' }])
    expect(outOf.changedConfigs).toEqual(['config-b'])
    expect(base).not.toBe(before)
  })

  test("a path that leaves the graph file's directory is a located error", async () => {
    const { repo } = monorepo()
    const graph = readFileSync(path.join(repo.dir, 'infra/imagegraph.yml'), 'utf8')
    repo.write('infra/imagegraph.yml', graph.replace('context: images/base', 'context: ../decoy'))
    repo.commit('context outside infra/')
    const r = await cli(['plan', '--graph', 'infra/imagegraph.yml', '--base', 'HEAD~1'], repo.dir)
    expect(r.code).toBe(1)
    expect(r.err).toMatch(
      /^infra\/imagegraph\.yml:\d+:\d+ images\.base\.context: '\.\.\/decoy' is outside/
    )
    const v = await cli(['validate', '--graph', 'infra/imagegraph.yml'], repo.dir)
    expect(v.code).toBe(1)
    expect(v.err).toMatch(/images\.base\.context: '\.\.\/decoy' is outside/)
  })

  test('validate checks the files under the directory', async () => {
    const { repo } = monorepo()
    const v = await cli(['validate', '--graph', 'infra/imagegraph.yml'], repo.dir)
    expect([v.code, v.err]).toEqual([0, ''])
    expect(v.out).toBe('infra/imagegraph.yml: valid (4 configs, 2 processes, 4 images)\n')
    // decoy/ is a directory of the repository, not of infra/: as a context there, it is empty.
    const graph = readFileSync(path.join(repo.dir, 'infra/imagegraph.yml'), 'utf8')
    repo.write('infra/imagegraph.yml', graph.replace('context: images/base', 'context: decoy'))
    const gone = await cli(['validate', '--graph', 'infra/imagegraph.yml'], repo.dir)
    expect(gone.code).toBe(1)
    expect(gone.err).toMatch(/images\.base\.context: 'decoy' has no tracked files/)
  })
})

describe('what the user named wrong: one clear line', () => {
  const oneLine = (r: { code: number; err: string }) => {
    expect(r.code).toBe(1)
    expect(r.err.trim().split('\n')).toHaveLength(1)
    expect(r.err).not.toContain('internal error')
    return r.err.trim()
  }

  test('--repo that does not exist (not "git is not installed")', async () => {
    const cwd = tempDir()
    expect(oneLine(await cli(['validate', '--repo', 'nope'], cwd))).toBe(
      `--repo: ${path.join(cwd, 'nope')} does not exist`
    )
  })

  test('--graph outside the repository, or the repository itself', async () => {
    const { repo } = monorepo()
    expect(oneLine(await cli(['plan', '--graph', '../x.yml', '--base', 'HEAD'], repo.dir))).toMatch(
      /^--graph '\.\.\/x\.yml': .* is outside the repository /
    )
    expect(oneLine(await cli(['validate', '--graph', '/etc/hosts'], repo.dir))).toMatch(
      /^--graph '\/etc\/hosts': \/etc\/hosts is outside the repository /
    )
  })

  test('--graph naming a directory', async () => {
    const { repo } = monorepo()
    expect(oneLine(await cli(['plan', '--graph', 'infra', '--base', 'HEAD'], repo.dir))).toBe(
      "--graph 'infra' is a directory; name the graph file in it (infra/imagegraph.yml)"
    )
  })

  test('a graph file committed as a symlink: rejected by validate and plan alike', async () => {
    const { repo } = monorepo()
    repo.symlink('link.yml', 'infra/imagegraph.yml').commit('a link')
    const want =
      /^link\.yml is a symbolic link \(to 'infra\/imagegraph\.yml'\).*; a graph file must be a regular file/
    expect(oneLine(await cli(['validate', '--graph', 'link.yml'], repo.dir))).toMatch(want)
    expect(oneLine(await cli(['plan', '--graph', 'link.yml', '--base', 'HEAD'], repo.dir))).toMatch(
      want
    )
    // In the commit though not in the working tree: the plan reads the commit.
    repo.remove('link.yml')
    expect(oneLine(await cli(['plan', '--graph', 'link.yml', '--base', 'HEAD'], repo.dir))).toMatch(
      /^link\.yml is a symbolic link \(to 'infra\/imagegraph\.yml'\) in commit [0-9a-f]{12}; /
    )
  })

  test('a directory in the commit, though not in the working tree', async () => {
    const { repo } = monorepo()
    repo.remove('infra')
    expect(oneLine(await cli(['plan', '--graph', 'infra', '--base', 'HEAD'], repo.dir))).toMatch(
      /^infra is a directory in commit [0-9a-f]{12}; name the graph file in it \(infra\/imagegraph\.yml\)$/
    )
  })

  test('a shallow clone: the base is beyond its history, and how to fetch it', async () => {
    const origin = TestRepo.fromExample()
    origin.write('config/a/settings.yaml', 'x\n').commit('two')
    const clone = TestRepo.clone(origin.bareCopy(), ['--depth', '1'])
    expect(git(clone.dir, 'rev-parse', '--is-shallow-repository').trim()).toBe('true')
    expect(oneLine(await cli(['plan', '--base', 'HEAD~1'], clone.dir))).toMatch(
      /^unknown revision 'HEAD~1' in .*; the clone is shallow, .*git fetch --deepen=N.*fetch-depth: 0/
    )
    // A full clone gives the plain message, without the hint.
    const full = TestRepo.clone(origin.bareCopy(), [])
    expect(oneLine(await cli(['plan', '--base', 'HEAD~5'], full.dir))).toMatch(
      /^unknown revision 'HEAD~5' in [^;]*$/
    )
  })

  test.each([
    [['plan', '--base', '--json'], "plan: --base needs a value, got the option '--json'"],
    [
      ['why', 'image-a', '--base', '--explain'],
      "why: --base needs a value, got the option '--explain'"
    ],
    [
      ['plan', '--base', 'HEAD', '--head', '--json'],
      "plan: --head needs a value, got the option '--json'"
    ]
  ])('%j: an option is not a value', async (args, want) => {
    const { repo } = monorepo()
    expect(oneLine(await cli(args, repo.dir))).toContain(want)
  })
})
