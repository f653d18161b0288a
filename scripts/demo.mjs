#!/usr/bin/env node
// `npm run demo`: the main job on the bundled example. Makes a git repository from
// examples/monorepo, commits, changes config A, commits, and prints the plan and one node's reasons.
import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
execFileSync('bash', [path.join(root, 'scripts/system-deps.sh')], { stdio: 'inherit' })
const cli = path.join(root, 'dist/cli.js')
const repo = mkdtempSync(path.join(tmpdir(), 'imagegraph-demo-'))
const env = {
  ...process.env,
  GIT_AUTHOR_NAME: 'imagegraph demo',
  GIT_AUTHOR_EMAIL: 'demo@imagegraph.invalid',
  GIT_COMMITTER_NAME: 'imagegraph demo',
  GIT_COMMITTER_EMAIL: 'demo@imagegraph.invalid'
}
const git = (...args) => execFileSync('git', args, { cwd: repo, env, encoding: 'utf8' })
const imagegraph = (...args) => {
  console.log(`\n$ imagegraph ${args.join(' ')}`)
  process.stdout.write(
    execFileSync(process.execPath, [cli, ...args], { cwd: repo, encoding: 'utf8' })
  )
}

/**
 * The action itself (dist/index.js), run the way the Actions runner runs it: a push event payload,
 * INPUT_* variables and the runner's output and summary files, all in a temporary directory.
 */
function runAction() {
  const before = git('rev-parse', 'HEAD~1').trim()
  const after = git('rev-parse', 'HEAD').trim()
  const runner = mkdtempSync(path.join(tmpdir(), 'imagegraph-runner-'))
  try {
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
    const files = { GITHUB_OUTPUT: 'output', GITHUB_STEP_SUMMARY: 'summary.md' }
    for (const name of Object.values(files)) writeFileSync(path.join(runner, name), '')
    console.log('\n$ node dist/index.js   # the action, on a push of that commit')
    const log = execFileSync(process.execPath, [path.join(root, 'dist/index.js')], {
      cwd: repo,
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        GITHUB_EVENT_NAME: 'push',
        GITHUB_EVENT_PATH: event,
        GITHUB_SHA: after,
        GITHUB_REF: 'refs/heads/main',
        GITHUB_WORKSPACE: repo,
        RUNNER_TEMP: runner,
        GITHUB_OUTPUT: path.join(runner, files.GITHUB_OUTPUT),
        GITHUB_STEP_SUMMARY: path.join(runner, files.GITHUB_STEP_SUMMARY)
      }
    })
    process.stdout.write(log)
    const outputs = readFileSync(path.join(runner, files.GITHUB_OUTPUT), 'utf8')
    for (const name of ['affected-images', 'matrix', 'has-affected', 'base-reason']) {
      const m = new RegExp(`^${name}<<(.+)\\n([\\s\\S]*?)\\n\\1$`, 'm').exec(outputs)
      console.log(`output ${name} = ${m ? m[2] : '(missing)'}`)
    }
    console.log('\nThe job summary (GITHUB_STEP_SUMMARY):\n')
    process.stdout.write(readFileSync(path.join(runner, files.GITHUB_STEP_SUMMARY), 'utf8'))
  } finally {
    rmSync(runner, { recursive: true, force: true })
  }
}

try {
  cpSync(path.join(root, 'examples/monorepo'), repo, { recursive: true })
  git('init', '-q', '-b', 'main')
  git('-c', 'commit.gpgsign=false', 'add', '-A')
  git('-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'example monorepo')
  console.log(`Example monorepo committed in ${repo}`)
  imagegraph('validate')

  const settings = path.join(repo, 'config/a/settings.yaml')
  writeFileSync(settings, readFileSync(settings, 'utf8').replace('port: 8080', 'port: 9090'))
  git('-c', 'commit.gpgsign=false', 'commit', '-q', '-am', 'config A: move to port 9090')
  console.log('\nChanged config/a/settings.yaml (config A) and committed.')
  imagegraph('plan', '--base', 'HEAD~1')
  imagegraph('why', 'image-a', '--base', 'HEAD~1', '--explain')
  imagegraph('graph', '--format', 'mermaid')
  runAction()

  // Processes by content key: the first run misses and runs them; a fresh clone of the same commit
  // restores every one from the cache directory and runs none.
  const cache = mkdtempSync(path.join(tmpdir(), 'imagegraph-demo-cache-'))
  const clone = mkdtempSync(path.join(tmpdir(), 'imagegraph-demo-clone-'))
  try {
    console.log('\nFirst run: the processes the affected images need miss the cache and run.')
    imagegraph('run', '--base', 'HEAD~1', '--cache', `local:${cache}`)
    execFileSync('git', ['clone', '-q', repo, clone], { env })
    console.log(`\nA fresh clone in ${clone}: every process is restored, none runs.`)
    console.log(`\n$ imagegraph run --base HEAD~1 --cache local:${cache}   # in the clone`)
    process.stdout.write(
      execFileSync(
        process.execPath,
        [cli, 'run', '--base', 'HEAD~1', '--cache', `local:${cache}`],
        {
          cwd: clone,
          encoding: 'utf8'
        }
      )
    )
  } finally {
    rmSync(cache, { recursive: true, force: true })
    rmSync(clone, { recursive: true, force: true })
  }
} finally {
  if (!process.env.IMAGEGRAPH_DEMO_KEEP) rmSync(repo, { recursive: true, force: true })
}
