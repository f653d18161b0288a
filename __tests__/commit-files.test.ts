// Keys from git's trees (commands/commit-files.ts) against keys from a listing of every file
// (GraphFiles.membership, which computes tree ids itself): on real repositories, the two must
// agree for every node, and a computed tree id must be git's own.
import { GitCommandLine } from '../src/adapters/git.js'
import { commitFiles } from '../src/commands/commit-files.js'
import { CommitTree } from '../src/commands/tree-lookup.js'
import { readSymlinks } from '../src/commands/files.js'
import { TreeObject, treeIdOf } from '../src/core/git-tree.js'
import { parseGraph } from '../src/core/graph/read.js'
import { computeKeys } from '../src/core/keys.js'
import { GraphFiles } from '../src/core/ownership.js'
import { graphRoot, scopeTrackedFiles } from '../src/core/scope.js'
import { TestRepo, removeTempDirs, submoduleSource } from './helpers/repo.js'

afterAll(removeTempDirs)

/** Both ways of reading the graph's files at HEAD, as key breakdowns by node. */
async function bothWays(repo: TestRepo, graphFile = 'imagegraph.yml') {
  const git = new GitCommandLine(repo.dir)
  const head = await git.resolveCommit('HEAD')
  const root = graphRoot(graphFile)
  const graph = parseGraph((await git.fileAt(head, graphFile))!, graphFile)
  // The whole contexts: the lines a Dockerfile's COPYs narrow them to (issue 13) come from the
  // tree reading alone, on top of these (`narrowed`).
  const read = (await commitFiles(git, new CommitTree(git, head, root), graph)).membership
  const trees = computeKeys(graph, { ...read, keyFiles: undefined, reach: undefined })
  const tracked = scopeTrackedFiles(await git.trackedFiles(head), root)
  const listed = computeKeys(
    graph,
    new GraphFiles(graph, await readSymlinks(git, tracked)).membership(tracked)
  )
  const breakdowns = (keys: typeof trees) =>
    Object.fromEntries([...keys].map(([name, k]) => [name, k.breakdown.files]))
  return {
    trees: breakdowns(trees),
    listed: breakdowns(listed),
    keys: trees,
    narrowed: breakdowns(computeKeys(graph, read))
  }
}

describe('keys from trees equal keys from a full listing', () => {
  test('the bundled example', async () => {
    const repo = TestRepo.fromExample()
    repo.commit('example')
    const { trees, listed, narrowed } = await bothWays(repo)
    expect(trees).toEqual(listed)
    const blob = (path: string) => repo.git('rev-parse', `HEAD:${path}`).trim()
    expect(trees['image-a']).toEqual([
      `040000 ${blob('services/image-a')}\tservices/image-a`,
      `100644 ${blob('services/image-a/Dockerfile')}\tservices/image-a/Dockerfile`
    ])
    // Its Dockerfile copies app.txt and a process's output (not in git): the file is the line.
    expect(narrowed['image-a']).toEqual([
      `100644 ${blob('services/image-a/Dockerfile')}\tservices/image-a/Dockerfile`,
      `100644 ${blob('services/image-a/app.txt')}\tservices/image-a/app.txt`
    ])
  })

  test('links on the way to a context, a Dockerfile and a config, and inside a config', async () => {
    const repo = TestRepo.fromExample()
    repo.write('real/ctx/Dockerfile', 'FROM scratch\n').write('real/ctx/a.txt', 'a\n')
    repo.symlink('ctxlink', 'real/ctx')
    repo.write('dockerfiles/Dockerfile.x', 'FROM scratch\n')
    repo.symlink('services/image-b/Dockerfile.link', '../../dockerfiles/Dockerfile.x')
    repo.write('dockerfiles/Dockerfile.x.dockerignore', '*.md\n')
    repo.write('shared/conf/x.yaml', 'x: 1\n')
    repo.symlink('config/c/shared', '../../shared/conf')
    repo.symlink('cfglink', 'config/b')
    repo.write(
      'imagegraph.yml',
      [
        'version: 1',
        'configs:',
        '  c: { paths: ["config/c/**"] }',
        '  b: { paths: ["cfglink/**"] }',
        '  notes: { paths: ["**/*.md"] }',
        '  one: { paths: [scripts/render.sh, "!scripts/*.txt"] }',
        'images:',
        '  linked: { context: ctxlink, inputs: [c, b] }',
        '  df: { context: services/image-b, dockerfile: services/image-b/Dockerfile.link }',
        '  root: { context: ., dockerfile: images/base/Dockerfile, inputs: [notes, one] }',
        ''
      ].join('\n')
    )
    repo.commit('links')
    const { trees, listed } = await bothWays(repo)
    expect(trees).toEqual(listed)
    expect(trees.linked).toContain(
      `040000 ${repo.git('rev-parse', 'HEAD:real/ctx').trim()}\treal/ctx`
    )
    expect(trees.linked.some(l => l.startsWith('120000 ') && l.endsWith('\tctxlink'))).toBe(true)
    expect(trees.c.some(l => l.endsWith('\tshared/conf/x.yaml'))).toBe(true)
    expect(trees.df.some(l => l.endsWith('\tdockerfiles/Dockerfile.x.dockerignore'))).toBe(true)
    expect(trees.root[0]).toBe(`040000 ${repo.git('rev-parse', 'HEAD^{tree}').trim()}\t.`)
  })

  test('a graph in a subdirectory, special names, a submodule, an executable bit', async () => {
    const { lib, first } = submoduleSource()
    const repo = TestRepo.init()
    repo.write(
      'sub/imagegraph.yml',
      [
        'version: 1',
        'configs:',
        '  c: { paths: ["conf/**"] }',
        'images:',
        '  app: { context: app, inputs: [c] }',
        ''
      ].join('\n')
    )
    repo.write('sub/app/Dockerfile', 'FROM scratch\n')
    for (const name of ['a.b', 'a-b', 'a/x', 'new\nline', 'café', 'tab\there', 'a b/c'])
      repo.write(`sub/app/${name}`, `${name}\n`)
    repo.write('sub/app/run.sh', '#!/bin/sh\n').chmod('sub/app/run.sh', 0o755)
    repo.write('sub/conf/a.yaml', 'a: 1\n').write('outside/x', 'x\n')
    repo.git(
      '-c',
      'protocol.file.allow=always',
      'submodule',
      'add',
      '-q',
      lib.dir,
      'sub/app/vendor'
    )
    repo.git('-C', `${repo.dir}/sub/app/vendor`, 'checkout', '-q', first)
    repo.commit('special')
    const { trees, listed } = await bothWays(repo, 'sub/imagegraph.yml')
    expect(trees).toEqual(listed)
    expect(trees.app[0]).toBe(`040000 ${repo.git('rev-parse', 'HEAD:sub/app').trim()}\tapp`)
  })

  test('many configs (listed by git ls-tree beside the tree walk) give the same lines', async () => {
    const repo = TestRepo.fromExample()
    const configs: string[] = []
    for (let i = 0; i < 40; i++) {
      repo.write(`cfg/c${i}/a.yaml`, `a: ${i}\n`).write(`cfg/c${i}/sub/b.md`, `b ${i}\n`)
      const paths =
        i % 3 === 0
          ? `["cfg/c${i}/**", "!cfg/c${i}/**/*.md"]`
          : i % 3 === 1
            ? `["cfg/c${i}/*.yaml"]`
            : `["cfg/c${i}/**"]`
      configs.push(`  c${i}: { paths: ${paths} }`)
    }
    repo.symlink('cfg/c5/linked', '../c7')
    repo.symlink('cfglink', 'cfg/c9')
    configs.push('  vialink: { paths: ["cfglink/**"] }')
    repo.write(
      'imagegraph.yml',
      [
        'version: 1',
        'configs:',
        ...configs,
        'images:',
        '  base: { context: images/base }',
        ''
      ].join('\n')
    )
    repo.commit('many configs')
    const { trees, listed } = await bothWays(repo)
    expect(trees).toEqual(listed)
    expect(trees.c2).toEqual([`040000 ${repo.git('rev-parse', 'HEAD:cfg/c2').trim()}\tcfg/c2`])
    expect(trees.c0.map(l => l.split('\t')[1])).toEqual(['cfg/c0/a.yaml'])
    // A link inside a config: its files are listed and followed, not named by the tree.
    expect(trees.c5.some(l => l.endsWith('\tcfg/c7/a.yaml'))).toBe(true)
  })

  test('a link out of the repository is an error either way', async () => {
    const repo = TestRepo.fromExample()
    repo.symlink('config/c/out', '../../../../etc')
    repo.commit('out')
    const git = new GitCommandLine(repo.dir)
    const head = await git.resolveCommit('HEAD')
    const graph = parseGraph((await git.fileAt(head, 'imagegraph.yml'))!)
    const { membership } = await commitFiles(git, new CommitTree(git, head, ''), graph)
    expect(membership.linkProblems.map(p => p.node)).toEqual(['config-c'])
  })
})

describe('git trees', () => {
  test("a tree object parses to what ls-tree lists, and ids computed from files are git's", async () => {
    const repo = TestRepo.fromExample()
    repo.write('d/a.b', '1\n').write('d/a/b', '2\n').write('d/a-b', '3\n').write('d/é', '4\n')
    repo.symlink('d/link', 'a/b')
    repo.commit('tree')
    const git = new GitCommandLine(repo.dir)
    const [tree] = await git.objects([repo.git('rev-parse', 'HEAD:d').trim()])
    const object = new TreeObject(tree!.data, 20)
    const entries: string[] = []
    object.forEach((_kind, at, nul) =>
      entries.push(`${object.mode(at)} ${object.oid(nul)}\t${object.name(at, nul)}`)
    )
    for (const name of ['a.b', 'a', 'é', 'link'])
      expect(object.get(name)).toEqual({
        mode: repo.git('ls-tree', 'HEAD', `d/${name}`).split(' ')[0],
        oid: repo.git('rev-parse', `HEAD:d/${name}`).trim()
      })
    expect(object.get('missing')).toBeUndefined()
    expect(entries.join('\n')).toBe(
      repo
        .git('-c', 'core.quotePath=false', 'ls-tree', 'HEAD:d')
        .trim()
        .split('\n')
        .map(l => l.replace(/ (blob|tree) /, ' '))
        .join('\n')
    )
    const files = await git.trackedFiles('HEAD')
    for (const dir of ['d', 'd/a', 'services', ''])
      expect(treeIdOf(files, dir)).toBe(repo.git('rev-parse', `HEAD:${dir}`).trim())
  })
})
