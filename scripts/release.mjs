#!/usr/bin/env node
// Prepare release VERSION: one commit that names VERSION everywhere a released file refers to
// itself, so that the tag vVERSION holds a reusable workflow that uses the action of that same tag.
//   node scripts/release.mjs 0.2.0
// Rewrites package.json's version, the CLI's VERSION, and every `uses: imagegraph/imagegraph@...`
// (and the workflow's own examples) in .github/workflows/ and README.md; then bundle, commit, tag:
//   npm run bundle && git commit -am "Release v0.2.0" && git tag v0.2.0 && git push origin v0.2.0
// A tag, never a branch: a caller pinned to a release runs exactly the code of that release.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const version = process.argv[2]
if (!/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(version ?? '')) {
  console.error('usage: node scripts/release.mjs X.Y.Z (a semver version, without the v)')
  process.exit(1)
}
const tag = `v${version}`

function rewrite(file, edit) {
  const full = path.join(root, file)
  const before = readFileSync(full, 'utf8')
  const after = edit(before)
  if (after !== before) {
    writeFileSync(full, after)
    console.log(`${file}: ${tag}`)
  }
}

// `imagegraph/imagegraph@<ref>` and `imagegraph/imagegraph/.github/workflows/imagegraph.yml@<ref>`
const ACTION_REF =
  /(imagegraph\/imagegraph(?:\/\.github\/workflows\/[\w.-]+)?)@v\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?/g
const workflows = readdirSync(path.join(root, '.github', 'workflows')).filter(f =>
  /\.ya?ml$/.test(f)
)
for (const f of workflows)
  rewrite(path.join('.github', 'workflows', f), t => t.replace(ACTION_REF, `$1@${tag}`))
rewrite('README.md', t => t.replace(ACTION_REF, `$1@${tag}`))
rewrite('package.json', t => t.replace(/^( {2}"version": )"[^"]*"/m, `$1"${version}"`))
rewrite(path.join('src', 'cli.ts'), t =>
  t.replace(/^export const VERSION = '[^']*'/m, `export const VERSION = '${version}'`)
)
