// Inputs an image has without listing them, on real git repositories: the process that writes its
// context or Dockerfile, its Dockerfile's own ignore file, and files reached through symlinks.
import { GitCommandLine } from '../src/adapters/git.js'
import { runCli } from '../src/cli.js'
import type { Plan } from '../src/core/plan.js'
import { namedRange, planRepository } from '../src/commands/plan.js'
import { TestRepo, removeTempDirs } from './helpers/repo.js'

afterAll(removeTempDirs)

function planOf(repo: TestRepo, base: string | null, head = 'HEAD'): Promise<Plan> {
  return planRepository(new GitCommandLine(repo.dir), {
    graphFile: 'imagegraph.yml',
    base: namedRange(base, head)
  })
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
      // They copy their whole context, and with it what the process writes there.
      'svc/Dockerfile': 'FROM scratch\nCOPY . /\n',
      'svc/app.txt': 'app\n',
      'docker/api.Dockerfile': 'FROM scratch\n',
      Dockerfile: 'FROM scratch\nCOPY . /\n'
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
    expect(after.graph.nodes.get('api')).toMatchObject({ kind: 'image', inputs: [] })
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
      'svc'
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

describe('symlinks are followed as the commit records them', () => {
  test('a context that is a symlinked directory owns the real files; an edit behind it affects the image', async () => {
    const repo = repoWith('version: 1\nimages:\n  api:\n    context: images/api\n', {
      'real/api/Dockerfile': 'FROM scratch\nCOPY app.txt /\n',
      'real/api/app.txt': 'v1\n'
    })
    repo.symlink('images/api', '../real/api')
    repo.commit('link')
    expect(await validate(repo)).toMatchObject({ code: 0, err: '' })
    const { before, after } = await afterEdit(repo, r => r.write('real/api/app.txt', 'v2\n'))
    expect(affected(after)).toEqual(['api'])
    expect(reasons(after, 'api')).toEqual([
      'real/api/app.txt -> COPY app.txt / (images/api/Dockerfile:2) -> image api'
    ])
    expect(key(after, 'api')).not.toBe(key(before, 'api'))
    const linkOid = repo.git('rev-parse', 'HEAD:images/api').trim()
    // The link to the context, the Dockerfile, and the one file its COPY reaches, at real paths.
    expect(after.nodes.get('api')!.breakdown.files).toEqual([
      `120000 ${linkOid}\timages/api`,
      expect.stringMatching(/^100644 [0-9a-f]{40}\treal\/api\/Dockerfile$/),
      `100644 ${repo.git('rev-parse', 'HEAD:real/api/app.txt').trim()}\treal/api/app.txt`
    ])
  })

  test('a link above the context (services -> src) and a retargeted link both count', async () => {
    const repo = repoWith('version: 1\nimages:\n  api:\n    context: services/api\n', {
      'src/api/Dockerfile': 'FROM scratch\nCOPY app.txt /\n',
      'src/api/app.txt': 'v1\n',
      'src2/api/Dockerfile': 'FROM scratch\nCOPY app.txt /\n',
      'src2/api/app.txt': 'v2\n'
    })
    repo.symlink('services', 'src')
    repo.commit('link')
    const edit = await afterEdit(repo, r => r.write('src/api/app.txt', 'v3\n'))
    expect(reasons(edit.after, 'api')).toEqual([
      'src/api/app.txt -> COPY app.txt / (services/api/Dockerfile:2) -> image api'
    ])
    const retarget = await afterEdit(repo, r => r.symlink('services', 'src2'))
    expect(affected(retarget.after)).toEqual(['api'])
    expect(reasons(retarget.after, 'api')).toEqual(['services -> image api'])
    expect(key(retarget.after, 'api')).not.toBe(key(retarget.before, 'api'))
  })

  test('a config path through a symlinked directory owns the real files; so does a link inside it', async () => {
    const repo = repoWith(
      `version: 1
configs:
  cfg: { paths: ['cfglink/**', '!cfglink/**/*.md'] }
  other: { paths: [settings/**] }
processes:
  render: { inputs: [cfg], run: ./r.sh, outputs: [out] }
  other-render: { inputs: [other], run: ./o.sh, outputs: [out2] }
`,
      {
        'cfgreal/a.yaml': 'a: 1\n',
        'cfgreal/notes.md': 'notes\n',
        'shared/common.yaml': 'c: 1\n',
        'settings/s.yaml': 's: 1\n'
      }
    )
    repo.symlink('cfglink', 'cfgreal')
    repo.symlink('settings/common.yaml', '../shared/common.yaml')
    repo.commit('links')
    expect(await validate(repo)).toMatchObject({ code: 0, err: '' })
    const a = await afterEdit(repo, r => r.write('cfgreal/a.yaml', 'a: 2\n'))
    expect(affected(a.after)).toEqual(['cfg', 'render'])
    expect(reasons(a.after, 'cfg')).toEqual(['cfgreal/a.yaml -> config cfg'])
    expect(key(a.after, 'render')).not.toBe(key(a.before, 'render'))
    expect(a.after.nodes.get('cfg')!.breakdown.files.map(l => l.split('\t')[1])).toEqual([
      'cfglink',
      'cfgreal/a.yaml'
    ])
    // Excluded by its name through the link.
    const md = await afterEdit(repo, r => r.write('cfgreal/notes.md', 'more\n'))
    expect(affected(md.after)).toEqual([])
    // A file symlink inside a config: the process reads the target's content.
    const shared = await afterEdit(repo, r => r.write('shared/common.yaml', 'c: 2\n'))
    expect(affected(shared.after)).toEqual(['other', 'other-render'])
    expect(key(shared.after, 'other')).not.toBe(key(shared.before, 'other'))
  })

  test('removing a symlink a config reads through affects the config', async () => {
    const repo = repoWith(
      "version: 1\nconfigs:\n  cfg: { paths: ['cfglink/*.yaml'], allow-empty: true }\n",
      { 'cfgreal/a.yaml': 'a: 1\n' }
    )
    repo.symlink('cfglink', 'cfgreal')
    repo.commit('link')
    // (The config then matches nothing: allowed here, an error without allow-empty.)
    const { before, after } = await afterEdit(repo, r => r.remove('cfglink'))
    expect(after.changedFiles).toEqual([{ path: 'cfglink', status: 'deleted', symlink: true }])
    expect(key(after, 'cfg')).not.toBe(key(before, 'cfg'))
    expect(affected(after)).toEqual(['cfg'])
  })

  test('a Dockerfile that is a symlink counts by its target', async () => {
    const repo = repoWith(
      'version: 1\nimages:\n  api:\n    context: svc\n    dockerfile: docker/api.Dockerfile\n',
      { 'svc/app.txt': 'app\n', 'common/Dockerfile': 'FROM scratch\n' }
    )
    repo.symlink('docker/api.Dockerfile', '../common/Dockerfile')
    repo.commit('link')
    expect(await validate(repo)).toMatchObject({ code: 0, err: '' })
    const { before, after } = await afterEdit(repo, r =>
      r.write('common/Dockerfile', 'FROM scratch\nCOPY app.txt /\n')
    )
    expect(affected(after)).toEqual(['api'])
    expect(reasons(after, 'api')).toEqual(['common/Dockerfile -> image api'])
    expect(key(after, 'api')).not.toBe(key(before, 'api'))
  })

  test('a symlinked file inside a context counts by its link, not its target (a build copies the link)', async () => {
    const repo = repoWith('version: 1\nimages:\n  api:\n    context: svc\n', {
      'svc/Dockerfile': 'FROM scratch\n',
      'shared/x.txt': 'x\n'
    })
    repo.symlink('svc/x.txt', '../shared/x.txt')
    repo.commit('link')
    const { after } = await afterEdit(repo, r => r.write('shared/x.txt', 'y\n'))
    expect(affected(after)).toEqual([])
  })

  test.each([
    [
      'a context',
      'images:\n  api:\n    context: images/api\n',
      'images/api',
      '../../elsewhere',
      'images.api.context'
    ],
    [
      'a config path',
      "configs:\n  cfg: { paths: ['cfglink/**'] }\n",
      'cfglink',
      '/etc',
      'configs.cfg.paths'
    ],
    [
      'a link a config holds',
      "configs:\n  cfg: { paths: ['cfg/**'] }\n",
      'cfg/ext',
      '../../outside',
      'configs.cfg.paths'
    ]
  ])(
    '%s through a symlink out of the repository is a located error',
    async (_what, section, link, target, where) => {
      const repo = repoWith(`version: 1\n${section}`, { 'cfg/a.yaml': 'a\n' })
      repo.symlink(link, target)
      repo.commit('link')
      const v = await validate(repo)
      expect(v.code).toBe(1)
      expect(v.err).toMatch(
        new RegExp(
          `^imagegraph\\.yml:\\d+:\\d+ ${where.replace(/\./g, '\\.')}: .*the symlink ${link} -> ${target}, which leads outside the repository`
        )
      )
      await expect(planOf(repo, 'HEAD')).rejects.toThrow(/leads outside the repository/)
    }
  )
})
