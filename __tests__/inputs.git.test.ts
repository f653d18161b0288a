// Inputs an image has without listing them, on real git repositories: the process that writes its
// context or Dockerfile, its Dockerfile's own ignore file, and files reached through symlinks.
import { Git } from '../src/adapters/git.js'
import { runCli } from '../src/cli.js'
import type { Plan } from '../src/core/plan.js'
import { planRepository } from '../src/planner.js'
import { TestRepo, removeTempDirs } from './helpers/repo.js'

afterAll(removeTempDirs)

function planOf(repo: TestRepo, base: string | null, head = 'HEAD'): Promise<Plan> {
  return planRepository(new Git(repo.dir), { graphFile: 'imagegraph.yml', base, head })
}

/** A repository with files (path -> content) and a graph, committed once. */
function repoWith(graph: string, files: Record<string, string>): TestRepo {
  const repo = TestRepo.init()
  repo.write('imagegraph.yml', graph)
  for (const [file, content] of Object.entries(files)) repo.write(file, content)
  repo.commit('one')
  return repo
}

/** Commit an edit and plan base..head. */
async function afterEdit(repo: TestRepo, edit: (r: TestRepo) => void) {
  const base = repo.head()
  edit(repo)
  const head = repo.commit('edit')
  return { before: await planOf(repo, base, base), after: await planOf(repo, base, head) }
}

const affected = (p: Plan) => p.order.filter(n => p.nodes.get(n)!.affected)
const reasons = (p: Plan, name: string) => p.nodes.get(name)!.reasons
const key = (p: Plan, name: string) => p.nodes.get(name)!.key

async function validate(repo: TestRepo): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const code = await runCli(['validate', '--repo', repo.dir], {
    cwd: repo.dir,
    out: t => void (out += t),
    err: t => void (err += t)
  })
  return { code, out, err }
}

describe('an image built from what a process writes depends on that process', () => {
  const processes = (outputs: string) => `
configs:
  templates: { paths: [templates/**] }
processes:
  render:
    inputs: [templates]
    run: ./render.sh
    outputs: [${outputs}]
`
  test.each([
    [
      'the context is the output',
      'build/out',
      'context: build/out\n    dockerfile: docker/api.Dockerfile',
      'context build/out'
    ],
    [
      'the context lies inside the output',
      'build',
      'context: build/out\n    dockerfile: docker/api.Dockerfile',
      'context build/out'
    ],
    ['the context holds the output', 'svc/gen', 'context: svc', 'context svc'],
    ['the context is the repository root', 'gen', 'context: .', 'context .'],
    [
      'the Dockerfile is an output',
      'docker/gen',
      'context: svc\n    dockerfile: docker/gen/api.Dockerfile',
      'Dockerfile docker/gen/api.Dockerfile'
    ]
  ])('%s', async (_what, outputs, image, produces) => {
    const repo = repoWith(`version: 1\n${processes(outputs)}images:\n  api:\n    ${image}\n`, {
      'templates/a.tmpl': 'a\n',
      'render.sh': '#!/bin/sh\n',
      'svc/Dockerfile': 'FROM scratch\n',
      'svc/app.txt': 'app\n',
      'docker/api.Dockerfile': 'FROM scratch\n',
      Dockerfile: 'FROM scratch\n'
    })
    expect(await validate(repo)).toMatchObject({ code: 0, err: '' })
    const { before, after } = await afterEdit(repo, r => r.write('templates/a.tmpl', 'b\n'))
    expect(affected(after)).toEqual(['templates', 'render', 'api'])
    // (A context at the root also holds templates/a.tmpl itself.)
    expect(reasons(after, 'api')).toContain(
      `templates/a.tmpl -> config templates -> process render (produces its ${produces}) -> image api`
    )
    expect(key(after, 'api')).not.toBe(key(before, 'api'))
    expect(after.nodes.get('api')!.breakdown.upstream.map(u => u.node)).toEqual(['process render'])
    // The graph file still says what the user wrote.
    expect(
      after.graph.nodes.get('api')!.kind === 'image' && after.graph.nodes.get('api')!.inputs
    ).toEqual([])
  })

  test('a producer the image lists is one input, and its chains carry no note', async () => {
    const repo = repoWith(
      `version: 1\n${processes('build/out')}images:\n  api:\n    context: build/out\n    dockerfile: docker/api.Dockerfile\n    inputs: [render]\n`,
      { 'templates/a.tmpl': 'a\n', 'docker/api.Dockerfile': 'FROM scratch\n' }
    )
    const { after } = await afterEdit(repo, r => r.write('templates/a.tmpl', 'b\n'))
    expect(reasons(after, 'api')).toEqual([
      'templates/a.tmpl -> config templates -> process render -> image api'
    ])
    expect(after.nodes.get('api')!.breakdown.upstream.map(u => u.node)).toEqual(['process render'])
  })

  test('a generated default Dockerfile in a generated context is not "untracked"', async () => {
    const repo = repoWith(
      `version: 1\n${processes('build/out')}images:\n  api:\n    context: build/out\n`,
      { 'templates/a.tmpl': 'a\n' }
    )
    expect(await validate(repo)).toMatchObject({ code: 0, err: '' })
  })

  test('an image in an unrelated directory does not depend on the process', async () => {
    const repo = repoWith(
      `version: 1\n${processes('build/out')}images:\n  web:\n    context: svc\n`,
      { 'templates/a.tmpl': 'a\n', 'svc/Dockerfile': 'FROM scratch\n' }
    )
    const { before, after } = await afterEdit(repo, r => r.write('templates/a.tmpl', 'b\n'))
    expect(affected(after)).toEqual(['templates', 'render'])
    expect(key(after, 'web')).toBe(key(before, 'web'))
  })

  test('the graph command draws the implied edge', async () => {
    const repo = repoWith(
      `version: 1\n${processes('svc/gen')}images:\n  api:\n    context: svc\n`,
      { 'templates/a.tmpl': 'a\n', 'svc/Dockerfile': 'FROM scratch\n' }
    )
    let out = ''
    const code = await runCli(['graph', '--repo', repo.dir, '--format', 'json'], {
      cwd: repo.dir,
      out: t => void (out += t),
      err: () => undefined
    })
    expect(code).toBe(0)
    expect(JSON.parse(out).edges).toContainEqual({ from: 'render', to: 'api' })
  })
})

describe("a Dockerfile's own ignore file (<Dockerfile>.dockerignore) is an input of the image", () => {
  const graph = `version: 1
images:
  api:
    context: svc
    dockerfile: docker/api.Dockerfile
  other:
    context: other
`
  const files = {
    'svc/app.txt': 'app\n',
    'docker/api.Dockerfile': 'FROM scratch\nCOPY . /\n',
    'other/Dockerfile': 'FROM scratch\n'
  }

  test('added, edited and removed outside the context: the image is affected, its key moves', async () => {
    const repo = repoWith(graph, files)
    const add = await afterEdit(repo, r => r.write('docker/api.Dockerfile.dockerignore', 'x\n'))
    expect(affected(add.after)).toEqual(['api'])
    expect(reasons(add.after, 'api')).toEqual([
      'docker/api.Dockerfile.dockerignore (added) -> image api'
    ])
    expect(key(add.after, 'api')).not.toBe(key(add.before, 'api'))
    expect(add.after.nodes.get('api')!.breakdown.files.map(l => l.split('\t')[1])).toEqual([
      'docker/api.Dockerfile',
      'docker/api.Dockerfile.dockerignore',
      'svc/app.txt'
    ])
    const edit = await afterEdit(repo, r => r.write('docker/api.Dockerfile.dockerignore', 'y\n'))
    expect(affected(edit.after)).toEqual(['api'])
    expect(reasons(edit.after, 'api')).toEqual(['docker/api.Dockerfile.dockerignore -> image api'])
    expect(key(edit.after, 'api')).not.toBe(key(edit.before, 'api'))
    const gone = await afterEdit(repo, r => r.remove('docker/api.Dockerfile.dockerignore'))
    expect(affected(gone.after)).toEqual(['api'])
    expect(key(gone.after, 'api')).toBe(key(add.before, 'api'))
  })

  test("another Dockerfile's ignore file beside it affects nothing", async () => {
    const repo = repoWith(graph, files)
    const { after } = await afterEdit(repo, r =>
      r.write('docker/web.Dockerfile.dockerignore', 'x\n')
    )
    expect(affected(after)).toEqual([])
  })
})
