#!/usr/bin/env node
// `npm run demo`: the main job on the bundled example, on embedded defaults. Makes a git repository
// from examples/monorepo, commits, changes config A, commits, and prints the plan, one node's
// reasons and the action's plan. Then the whole job, as the action's `mode: build` runs it on a push:
// a throwaway docker-registry on 127.0.0.1, private container storage, a local cache directory and
// the builder found here; it runs the processes, builds and pushes, and the demo shows each pushed
// image's tags, digest and labels. Last, a second run of the same commit in a fresh clone reuses
// everything: no process runs, no image is built. Any failure exits non-zero.
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { connect, createServer } from 'node:net'
import { tmpdir } from 'node:os'
import * as path from 'node:path'

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const cli = path.join(root, 'dist/cli.js')
const action = path.join(root, 'dist/index.js')
const TAGS = 'latest,sha-{{short_sha}},{{image}}.v{{seq}}'
const env = {
  ...process.env,
  GIT_AUTHOR_NAME: 'imagegraph demo',
  GIT_AUTHOR_EMAIL: 'demo@imagegraph.invalid',
  GIT_COMMITTER_NAME: 'imagegraph demo',
  GIT_COMMITTER_EMAIL: 'demo@imagegraph.invalid'
}

/** Everything the demo creates, removed at the end (even on failure or Ctrl-C). */
const temps = []
function temp(prefix) {
  const dir = mkdtempSync(path.join(tmpdir(), prefix))
  temps.push(dir)
  return dir
}

function heading(text) {
  console.log(`\n==== ${text} ${'='.repeat(Math.max(0, 90 - text.length))}`)
}

function git(cwd, ...args) {
  return execFileSync('git', args, { cwd, env, encoding: 'utf8' })
}

function imagegraph(cwd, ...args) {
  console.log(`\n$ imagegraph ${args.join(' ')}`)
  process.stdout.write(execFileSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' }))
}

// ---- A throwaway registry: Debian's docker-registry, 127.0.0.1, a free port, storage in a temp
// dir, stopped by its PID.

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address()
      s.close(() => resolve(port))
    })
  })
}

function canConnect(port) {
  return new Promise(resolve => {
    const s = connect(port, '127.0.0.1')
    s.once('connect', () => {
      s.destroy()
      resolve(true)
    })
    s.once('error', () => resolve(false))
  })
}

async function startRegistry() {
  const dir = temp('imagegraph-demo-registry-')
  const port = await freePort()
  const config = path.join(dir, 'config.yml')
  writeFileSync(
    config,
    [
      'version: 0.1',
      'log: { level: error }',
      'storage:',
      `  filesystem: { rootdirectory: ${JSON.stringify(path.join(dir, 'data'))} }`,
      'http:',
      `  addr: 127.0.0.1:${port}`,
      ''
    ].join('\n')
  )
  const child = spawn('docker-registry', ['serve', config], { stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr.on('data', b => (stderr += b.toString()))
  const registry = { host: `127.0.0.1:${port}`, child }
  stopAtEnd.push(() => stopChild(child))
  const deadline = Date.now() + 20000
  while (!(await canConnect(port))) {
    if (child.exitCode !== null) throw new Error(`docker-registry exited: ${stderr}`)
    if (Date.now() > deadline) throw new Error(`docker-registry did not listen: ${stderr}`)
    await new Promise(r => setTimeout(r, 50))
  }
  return registry
}

function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return
  const exited = new Promise(r => child.once('exit', r))
  process.kill(child.pid, 'SIGTERM')
  return exited
}

/** Servers to stop at the end, in any case. */
const stopAtEnd = []

/**
 * Private storage for buildah and podman (vfs: works in containers, needs no overlay), in a temp
 * dir named by CONTAINERS_STORAGE_CONF, so the demo leaves no images behind.
 */
function privateStorage() {
  const dir = temp('imagegraph-demo-storage-')
  const conf = path.join(dir, 'storage.conf')
  writeFileSync(
    conf,
    `[storage]\ndriver = "vfs"\ngraphroot = "${dir}/root"\nrunroot = "${dir}/run"\n`
  )
  return conf
}

// ---- The action itself (dist/index.js), run the way the Actions runner runs it: a push event
// payload, INPUT_* variables and the runner's output and summary files in a temporary directory.

/** GitHub's name for an input's variable: `INPUT_` + the name upper-cased, dashes kept. */
const inputVariable = name => `INPUT_${name.replace(/ /g, '_').toUpperCase()}`

function runAction(workspace, { before, after }, inputs = {}, extraEnv = {}) {
  const runner = temp('imagegraph-demo-runner-')
  const event = path.join(runner, 'event.json')
  writeFileSync(
    event,
    JSON.stringify({
      ref: 'refs/heads/main',
      before,
      after,
      created: false,
      deleted: false,
      forced: false,
      repository: {
        full_name: 'example/monorepo',
        name: 'monorepo',
        default_branch: 'main',
        owner: { login: 'example' }
      }
    })
  )
  const output = path.join(runner, 'output')
  const summary = path.join(runner, 'summary.md')
  for (const file of [output, summary]) writeFileSync(file, '')
  const shown = Object.entries(inputs).map(([k, v]) => `${inputVariable(k)}=${v}`)
  console.log(`\n$ ${[...shown, 'node dist/index.js'].join(' \\\n    ')}`)
  const r = spawnSync(process.execPath, [action], {
    cwd: workspace,
    encoding: 'utf8',
    maxBuffer: 256 << 20,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      ...extraEnv,
      ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [inputVariable(k), v])),
      GITHUB_EVENT_NAME: 'push',
      GITHUB_EVENT_PATH: event,
      GITHUB_SHA: after,
      GITHUB_REF: 'refs/heads/main',
      GITHUB_WORKSPACE: workspace,
      RUNNER_TEMP: runner,
      GITHUB_OUTPUT: output,
      GITHUB_STEP_SUMMARY: summary
    }
  })
  const log = `${r.stdout ?? ''}${r.stderr ?? ''}`
  if (r.status !== 0) {
    process.stdout.write(log)
    throw new Error(`the action failed (exit ${r.status ?? r.signal}); its log is above`)
  }
  const outputs = {}
  const text = readFileSync(output, 'utf8')
  for (const m of text.matchAll(/^([\w-]+)<<(.+)\n([\s\S]*?)\n\2$/gm)) outputs[m[1]] = m[3]
  return { log, outputs, summary: readFileSync(summary, 'utf8') }
}

/**
 * The action's log without the contents of its groups (the builder's output goes there): each
 * group is one line naming it, the way the Actions UI shows it folded.
 */
function foldedLog(log) {
  const out = []
  let depth = 0
  for (const line of log.split('\n')) {
    if (line.startsWith('::group::')) {
      if (depth++ === 0) out.push(`  [+] ${line.slice('::group::'.length)}`)
    } else if (line.startsWith('::endgroup::')) depth = Math.max(0, depth - 1)
    else if (depth === 0 && line.trim() && !line.startsWith('::debug::')) out.push(`  ${line}`)
  }
  return out.join('\n')
}

/**
 * The section of the summary headed `### title` (the last one: the run's sections follow the
 * plan's), up to the next heading, made readable in a terminal: no HTML tags, no entities.
 */
function summarySection(summary, title) {
  const start = summary.lastIndexOf(`### ${title}`)
  if (start < 0) return `(no "${title}" section in the summary)`
  const next = summary.indexOf('\n### ', start + 4)
  return summary
    .slice(start, next < 0 ? undefined : next)
    .trim()
    .replace(/<\/?(code|details|summary)>/g, '')
    .replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)))
    .replace(/&gt;/g, '>')
    .replace(/&lt;/g, '<')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
}

function skopeo(...args) {
  return JSON.parse(
    execFileSync('skopeo', ['inspect', '--tls-verify=false', '--no-creds', ...args], {
      encoding: 'utf8'
    })
  )
}

/**
 * Each pushed image as the registry has it: its repository's tags, its digest, its labels, and
 * its layers (uncompressed ids), which show an image built on another: they start with its layers.
 */
function showPushed(results, digests) {
  const pushed = Object.keys(results).filter(name => results[name].status === 'pushed')
  const layers = Object.fromEntries(
    pushed.map(name => [name, skopeo('--config', `docker://${digests[name]}`).rootfs.diff_ids])
  )
  for (const name of pushed) {
    const inspected = skopeo(`docker://${digests[name]}`)
    if (inspected.Digest !== results[name].digest)
      throw new Error(
        `${name}: the registry has ${inspected.Digest}, the run said ${results[name].digest}`
      )
    console.log(`\n${name}: ${digests[name]}`)
    console.log(`  digest  ${inspected.Digest}`)
    console.log(`  tags    ${[...inspected.RepoTags].sort().join(' ')}`)
    const own = layers[name]
    const on = pushed.find(
      other =>
        other !== name &&
        layers[other].length < own.length &&
        layers[other].every((id, i) => own[i] === id)
    )
    console.log(
      `  layers  ${own.length}${on ? ` (built on ${on}: ${firstLayers(layers[on].length)} ${on}'s)` : ''}`
    )
    console.log('  labels')
    for (const [label, value] of Object.entries(inspected.Labels ?? {}).sort())
      console.log(`    ${label}=${value}`)
  }
}

const firstLayers = n => (n === 1 ? 'its first layer is' : `its first ${n} layers are`)

function counts(results) {
  const by = {}
  for (const r of Object.values(results)) by[r.status] = (by[r.status] ?? 0) + 1
  return Object.entries(by)
    .map(([status, n]) => `${n} ${status}`)
    .join(', ')
}

async function main() {
  execFileSync('bash', [path.join(root, 'scripts/system-deps.sh')], { stdio: 'inherit' })
  const repo = temp('imagegraph-demo-')
  cpSync(path.join(root, 'examples/monorepo'), repo, { recursive: true })
  git(repo, 'init', '-q', '-b', 'main')
  git(repo, 'add', '-A')
  git(repo, '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'example monorepo')

  heading('The plan')
  console.log(`Example monorepo committed in ${repo}`)
  imagegraph(repo, 'validate')
  const settings = path.join(repo, 'config/a/settings.yaml')
  writeFileSync(settings, readFileSync(settings, 'utf8').replace('port: 8080', 'port: 9090'))
  git(repo, '-c', 'commit.gpgsign=false', 'commit', '-q', '-am', 'config A: move to port 9090')
  console.log('\nChanged config/a/settings.yaml (config A) and committed.')
  imagegraph(repo, 'plan', '--base', 'HEAD~1')
  imagegraph(repo, 'why', 'image-a', '--base', 'HEAD~1', '--explain')
  imagegraph(repo, 'graph', '--format', 'mermaid')
  const push = {
    before: git(repo, 'rev-parse', 'HEAD~1').trim(),
    after: git(repo, 'rev-parse', 'HEAD').trim()
  }

  heading('The action in plan mode, on a push of that commit')
  const planned = runAction(repo, push)
  process.stdout.write(planned.log)
  for (const name of ['affected-images', 'matrix', 'has-affected', 'base-reason'])
    console.log(`output ${name} = ${planned.outputs[name] ?? '(missing)'}`)
  console.log('\nThe job summary (GITHUB_STEP_SUMMARY):\n')
  process.stdout.write(planned.summary)

  heading('The whole job: mode build, on embedded defaults')
  const registry = await startRegistry()
  const storageConf = privateStorage()
  const cache = temp('imagegraph-demo-cache-')
  console.log(
    `A throwaway registry:  docker-registry on ${registry.host} (PID ${registry.child.pid})`
  )
  console.log(`Container storage:     ${storageConf} (vfs, private to this demo)`)
  console.log(`Process cache:         ${cache}`)
  const inputs = {
    mode: 'build',
    registry: `${registry.host}/example`,
    'registry-insecure': 'true',
    push: 'true',
    tags: TAGS,
    cache: `local:${cache}`,
    builder: 'auto'
  }
  const extraEnv = { CONTAINERS_STORAGE_CONF: storageConf }
  const first = runAction(repo, push, inputs, extraEnv)
  console.log("\nThe action's log (groups folded; the builder's output is inside them):")
  console.log(foldedLog(first.log))
  console.log('\nThe job summary, what the run did:\n')
  console.log(summarySection(first.summary, 'Processes'))
  console.log()
  console.log(summarySection(first.summary, 'Images built'))
  const results = JSON.parse(first.outputs.results)
  const digests = JSON.parse(first.outputs.digests)
  const ranFirst = JSON.parse(first.outputs.processes)
  console.log('\nWhat the registry holds now (skopeo inspect):')
  showPushed(results, digests)
  if (!Object.values(results).some(r => r.status === 'pushed'))
    throw new Error(`the first run pushed nothing: ${counts(results)}`)

  heading('A second run of the same commit, in a fresh clone: it reuses everything')
  const clone = temp('imagegraph-demo-clone-')
  execFileSync('git', ['clone', '-q', repo, clone], { env })
  const second = runAction(clone, push, inputs, extraEnv)
  console.log(foldedLog(second.log))
  console.log()
  console.log(summarySection(second.summary, 'Images built'))
  const again = JSON.parse(second.outputs.results)
  const processes = JSON.parse(second.outputs.processes)
  const built = Object.entries(again).filter(([, r]) => ['built', 'pushed'].includes(r.status))
  const moved = Object.entries(again).filter(
    ([name, r]) => results[name]?.digest && r.digest && r.digest !== results[name].digest
  )
  if (processes.ran.length > 0 || built.length > 0 || moved.length > 0)
    throw new Error(
      `the second run did not reuse everything: ran ${processes.ran.join(', ') || 'none'}, ` +
        `built ${built.map(([n]) => n).join(', ') || 'none'}, moved ${moved.map(([n]) => n).join(', ') || 'none'}`
    )
  console.log(
    `\nSecond run: ${processes.ran.length} processes run (first run: ${ranFirst.ran.length}), ` +
      `${processes.hit.length} restored from the cache (none is needed when nothing is built), ` +
      `${built.length} images built (first run: ${Object.keys(digests).length}); ` +
      `images: ${counts(again)}; every digest as the first run pushed it.`
  )
}

async function cleanUp() {
  for (const stop of stopAtEnd.splice(0)) await stop()
  if (process.env.IMAGEGRAPH_DEMO_KEEP) console.log(`Kept: ${temps.join(' ')}`)
  else for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true })
}

for (const signal of ['SIGINT', 'SIGTERM'])
  process.once(signal, () => {
    cleanUp().finally(() => process.exit(130))
  })

try {
  await main()
  await cleanUp()
} catch (e) {
  console.error(`\ndemo failed: ${e instanceof Error ? e.message : e}`)
  await cleanUp()
  process.exitCode = 1
}
