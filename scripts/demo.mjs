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
} finally {
  if (!process.env.IMAGEGRAPH_DEMO_KEEP) rmSync(repo, { recursive: true, force: true })
}
