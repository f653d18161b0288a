#!/usr/bin/env node
// Generates synthetic monorepos as real git repositories for the imagegraph benchmark.
//
// One repository serves every tool: it holds an imagegraph.yml (configs -> processes -> images)
// and the same graph laid out as npm workspaces that Turborepo and Nx understand:
//   images/img-NNNN/   one package per image (its docker context: Dockerfile + sources)
//   processes/p-NNN/   one package per process (package.json + run.sh)
//   config/c-NNN/      one package per config (the directory its glob covers)
// Each package's dependencies mirror the graph's edges (image -> processes and upstream image,
// process -> configs and upstream processes), so a changed file marks the same images affected
// for every tool. Files outside any package (docs/, tools/) belong to no node.
//
// Two sizes differ in kind:
//   packages  200 packages of 500 files (packages/pkg-NNN/), one image per package whose inputs are
//             the images of the package's dependencies: few packages, many files each.
//   huge      large's graph and files, byte for byte, plus 900,000 files in directories no node
//             names (vendor/, third_party/, docs/archive/). Written with `git fast-import` straight
//             into commits, with an index (`git read-tree`) but no work tree: plan reads commits.
//
// Usage: node bench/generate.mjs <size> [dir]      (sizes: small, medium, large, large-50kb, packages, huge)
//        node bench/generate.mjs <size> --cached   (prints the cached repository, generating it if needed)
//        node bench/generate.mjs <shape> [dir | --cached]   (shapes: deep-chain, wide, rootctx)

import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'

// Bump whenever the generated content changes, so cached repositories are rebuilt.
export const GENERATOR_VERSION = 1

export const SIZES = {
  small: { files: 1_000, images: 20, configs: 12, processes: 8 },
  medium: { files: 20_000, images: 300, configs: 60, processes: 40 },
  large: { files: 100_000, images: 2_000, configs: 200, processes: 150 },
  // Same graph as large, fewer but heavier files: every source file is 50 KB.
  'large-50kb': {
    files: 20_000,
    images: 2_000,
    configs: 200,
    processes: 150,
    sourceFileBytes: 50 * 1024
  },
  // Few packages, many files each: every package is an image, its inputs its dependencies' images.
  packages: { kind: 'packages', files: 100_000, packages: 200, filesPerPackage: 500 },
  // large's graph and every file of it, plus files no node names: planning must not grow with them.
  // No work tree (turbo and Nx are not run on it), so it is written with git fast-import.
  huge: {
    files: 1_000_000,
    images: 2_000,
    configs: 200,
    processes: 150,
    graphOf: 'large',
    extraFiles: 900_000,
    workTree: false
  }
}

// Images come in blocks; the first CHAIN_LENGTH images of each block form an image-on-image chain.
const BLOCK = 10
const CHAIN_LENGTH = 6 // img0 <- img1 <- ... <- img5: five image edges deep
const MAX_IMAGE_DEPTH = 7
const META_FILE = 'imagegraph-bench.json' // kept inside .git/, invisible to every tool
const PACKAGE_MANAGER = 'npm@10.9.2'

/** Deterministic PRNG (mulberry32); the same size always yields the same repository and SHAs. */
function makeRng(seedText) {
  let seed = 2166136261
  for (const ch of seedText) seed = Math.imul(seed ^ ch.charCodeAt(0), 16777619)
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const pad = (n, width) => String(n).padStart(width, '0')
const imageName = i => `img-${pad(i, 4)}`
const processName = i => `p-${pad(i, 3)}`
const configName = i => `c-${pad(i, 3)}`

/** A pool of printable pseudo-random text; file bodies are slices of it, so writing 1 GB costs little CPU. */
function makeTextPool(rng, bytes) {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789      '
  const pool = Buffer.alloc(bytes)
  let column = 0
  for (let i = 0; i < bytes; i++) {
    if (column >= 60 + ((i * 7) % 40)) {
      pool[i] = 10 // '\n'
      column = 0
    } else {
      pool[i] = alphabet.charCodeAt((rng() * alphabet.length) | 0)
      column++
    }
  }
  return pool
}

/** Builds the graph: which node takes which inputs. Pure; no file system. */
export function buildGraph(size, rng) {
  const spec = SIZES[size]
  const configs = []
  for (let c = 0; c < spec.configs; c++) {
    const name = configName(c)
    const paths = [`config/${name}/**`]
    // Every fourth config excludes its Markdown, to exercise "!" patterns.
    if (c % 4 === 3) paths.push(`!config/${name}/**/*.md`)
    configs.push({ name, dir: `config/${name}`, paths })
  }

  // Skewed picks make a few configs/processes shared by many consumers.
  const skewed = n => Math.min(n - 1, Math.floor(n * rng() ** 2))

  const processes = []
  for (let p = 0; p < spec.processes; p++) {
    const name = processName(p)
    const inputs = new Set()
    const configCount = 1 + Math.floor(rng() * 3)
    while (inputs.size < configCount) inputs.add(configs[skewed(configs.length)].name)
    if (p >= 4 && rng() < 0.3) inputs.add(processName(Math.floor(rng() * p)))
    processes.push({
      name,
      dir: `processes/${name}`,
      inputs: [...inputs],
      run: `./processes/${name}/run.sh`,
      outputs: [`build/${name}`],
      env: p % 3 === 0 ? { MODE: 'prod' } : undefined
    })
  }

  const images = []
  const depth = []
  for (let i = 0; i < spec.images; i++) {
    const name = imageName(i)
    const inputs = []
    const processCount = Math.floor(rng() * 3) // 0-2
    for (let k = 0; k < processCount; k++) {
      const proc = processes[skewed(processes.length)].name
      if (!inputs.includes(proc)) inputs.push(proc)
    }
    let baseImage = null
    const inBlock = i % BLOCK
    if (inBlock > 0 && inBlock < CHAIN_LENGTH) {
      baseImage = i - 1
    } else if (i > 0 && rng() < 0.35) {
      const candidate = Math.floor(rng() * i)
      if (depth[candidate] < MAX_IMAGE_DEPTH) baseImage = candidate
    }
    depth.push(baseImage === null ? 0 : depth[baseImage] + 1)
    if (baseImage !== null) inputs.push(imageName(baseImage))
    images.push({
      name,
      dir: `images/${name}`,
      inputs,
      baseImage: baseImage === null ? null : imageName(baseImage),
      // Some images name their Dockerfile explicitly; the rest use the default.
      dockerfile: i % 5 === 2 ? `images/${name}/Dockerfile` : undefined,
      buildArgs: i % 4 === 1 ? { LOG_LEVEL: 'info' } : undefined
    })
  }
  return { configs, processes, images, maxImageDepth: Math.max(0, ...depth) }
}

/** Images affected by a change to the given nodes: the nodes' downstream closure, images only. */
export function downstreamImages(graph, changedNodes) {
  const consumers = new Map()
  for (const node of [...graph.processes, ...graph.images]) {
    for (const input of node.inputs) {
      if (!consumers.has(input)) consumers.set(input, [])
      consumers.get(input).push(node.name)
    }
  }
  const seen = new Set(changedNodes)
  const queue = [...changedNodes]
  while (queue.length > 0) {
    for (const next of consumers.get(queue.pop()) ?? []) {
      if (!seen.has(next)) {
        seen.add(next)
        queue.push(next)
      }
    }
  }
  const imageNames = new Set(graph.images.map(img => img.name))
  return [...seen].filter(name => imageNames.has(name)).sort()
}

function quoteYaml(value) {
  return JSON.stringify(value) // a JSON string is a valid YAML flow scalar
}

function flowMap(obj) {
  return `{ ${Object.entries(obj)
    .map(([k, v]) => `${k}: ${quoteYaml(v)}`)
    .join(', ')} }`
}

export function renderImagegraphYml(graph) {
  const lines = ['# Generated by bench/generate.mjs', 'version: 1', 'configs:']
  for (const c of graph.configs)
    lines.push(`  ${c.name}: { paths: [${c.paths.map(quoteYaml).join(', ')}] }`)
  lines.push('processes:')
  for (const p of graph.processes) {
    lines.push(`  ${p.name}:`)
    lines.push(`    inputs: [${p.inputs.join(', ')}]`)
    lines.push(`    run: ${p.run}`)
    lines.push(`    outputs: [${p.outputs.join(', ')}]`)
    if (p.env) lines.push(`    env: ${flowMap(p.env)}`)
  }
  lines.push('images:')
  for (const img of graph.images) {
    lines.push(`  ${img.name}:`)
    lines.push(`    context: ${img.dir}`)
    if (img.dockerfile) lines.push(`    dockerfile: ${img.dockerfile}`)
    if (img.inputs.length > 0) lines.push(`    inputs: [${img.inputs.join(', ')}]`)
    if (img.buildArgs) lines.push(`    build-args: ${flowMap(img.buildArgs)}`)
  }
  return lines.join('\n') + '\n'
}

function sortedDependencies(names) {
  return Object.fromEntries([...names].sort((a, b) => a.localeCompare(b, 'en')).map(d => [d, '*']))
}

function packageJson(name, dependencies, buildScript) {
  const pkg = { name, version: '1.0.0', private: true, scripts: { build: buildScript } }
  if (dependencies.length > 0) pkg.dependencies = sortedDependencies(dependencies)
  return JSON.stringify(pkg, null, 2) + '\n'
}

/** package-lock.json as npm 10/11 writes it for workspaces that depend only on each other. */
function packageLock(rootName, workspaceGlobs, packages) {
  const entries = {}
  for (const pkg of packages) {
    // npm omits "name" when it equals the directory's basename, as it does for every package here.
    const entry =
      path.posix.basename(pkg.dir) === pkg.name
        ? { version: '1.0.0' }
        : { name: pkg.name, version: '1.0.0' }
    if (pkg.deps.length > 0) entry.dependencies = sortedDependencies(pkg.deps)
    entries[pkg.dir] = entry
    entries[`node_modules/${pkg.name}`] = { resolved: pkg.dir, link: true }
  }
  const sorted = { '': { name: rootName, workspaces: workspaceGlobs } }
  for (const key of Object.keys(entries).sort((a, b) => a.localeCompare(b, 'en')))
    sorted[key] = entries[key]
  return (
    JSON.stringify(
      { name: rootName, lockfileVersion: 3, requires: true, packages: sorted },
      null,
      2
    ) + '\n'
  )
}

/** Writes files under root, creating each directory once. */
class FileWriter {
  constructor(root) {
    this.root = root
    this.dirs = new Set()
    this.count = 0
    this.bytes = 0
  }
  write(rel, content) {
    const abs = path.join(this.root, rel)
    const dir = path.dirname(abs)
    if (!this.dirs.has(dir)) {
      fs.mkdirSync(dir, { recursive: true })
      this.dirs.add(dir)
    }
    fs.writeFileSync(abs, content)
    this.count++
    this.bytes += content.length
  }
}

/**
 * Writes a repository's commits with `git fast-import` instead of files: blobs are streamed to a
 * temporary file as they are written, each commit lists the paths it sets, and finish() imports
 * the stream and fills the index (`git read-tree`) without checking anything out. A million small
 * files take seconds this way, against many minutes through the file system and `git add`.
 */
class FastImportWriter {
  constructor(dir) {
    this.dir = dir
    this.scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'imagegraph-bench-import-'))
    this.streamFile = path.join(this.scratch, 'stream')
    this.fd = fs.openSync(this.streamFile, 'w')
    this.chunks = []
    this.pending = 0
    this.mark = 0
    this.entries = [] // filemodify lines of the commit being put together
    this.kept = new Map() // path -> bytes, for files a later commit appends to
    this.count = 0
    this.bytes = 0
  }
  push(buffer) {
    this.chunks.push(buffer)
    this.pending += buffer.length
    if (this.pending >= 8 * 1024 * 1024) this.flush()
  }
  flush() {
    if (this.pending === 0) return
    fs.writeSync(this.fd, Buffer.concat(this.chunks, this.pending))
    this.chunks = []
    this.pending = 0
  }
  write(rel, content, { keep = true } = {}) {
    const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content)
    const mark = ++this.mark
    this.push(Buffer.from(`blob\nmark :${mark}\ndata ${bytes.length}\n`))
    this.push(bytes)
    this.push(Buffer.from('\n'))
    this.entries.push(`M 100644 :${mark} ${rel}\n`)
    if (keep) this.kept.set(rel, bytes)
    this.count++
    this.bytes += bytes.length
  }
  append(rel, text) {
    const before = this.kept.get(rel)
    if (!before) throw new Error(`fast-import: ${rel} was not kept, so it cannot be appended to`)
    this.count-- // the same file, changed
    this.bytes -= before.length
    this.write(rel, Buffer.concat([before, Buffer.from(text)]))
  }
  commit(message, isoDate) {
    const ident = `imagegraph bench <bench@imagegraph.invalid> ${Date.parse(isoDate) / 1000} +0000`
    const text = Buffer.from(`${message}\n`)
    this.push(
      Buffer.from(
        `commit refs/heads/main\nauthor ${ident}\ncommitter ${ident}\ndata ${text.length}\n`
      )
    )
    this.push(text)
    for (let i = 0; i < this.entries.length; i += 10_000)
      this.push(Buffer.from(this.entries.slice(i, i + 10_000).join('')))
    this.push(Buffer.from('\n'))
    this.entries = []
  }
  finish() {
    this.push(Buffer.from('done\n'))
    this.flush()
    fs.closeSync(this.fd)
    const input = fs.openSync(this.streamFile, 'r')
    try {
      const r = spawnSync('git', ['fast-import', '--quiet', '--done'], {
        cwd: this.dir,
        stdio: [input, 'ignore', 'pipe'],
        encoding: 'utf8'
      })
      if (r.status !== 0) throw new Error(`git fast-import failed: ${r.stderr || r.error}`)
    } finally {
      fs.closeSync(input)
      fs.rmSync(this.scratch, { recursive: true, force: true })
    }
    // An index that holds the head commit, as a checkout has, but no work tree.
    git(this.dir, ['read-tree', 'main'])
    this.kept.clear()
  }
}

/** `git init` with the bench's fixed identity and settings. */
function initRepo(dir) {
  git(dir, ['init', '-q', '-b', 'main'])
  git(dir, ['config', 'user.name', 'imagegraph bench'])
  git(dir, ['config', 'user.email', 'bench@imagegraph.invalid'])
  git(dir, ['config', 'commit.gpgsign', 'false'])
  git(dir, ['config', 'core.autocrlf', 'false'])
}

const UNNAMED_EXTENSIONS = ['js', 'js', 'ts', 'json', 'md', 'c', 'h', 'txt']

/**
 * Files in directories that no node names (vendor/, third_party/, docs/archive/), nested up to
 * three levels below a few hundred library directories. Small bodies: no tool reads them, and a
 * million of them must be quick to write. Their own PRNG leaves every other draw as it was.
 */
function writeUnnamedFiles(out, count, seed) {
  const rng = makeRng(`imagegraph-bench/${GENERATOR_VERSION}/${seed}`)
  const pool = makeTextPool(rng, 64 * 1024)
  const tops = [
    { share: 0.6, dir: i => `vendor/lib-${pad(i, 3)}`, dirs: 600 },
    { share: 0.2, dir: i => `third_party/mod-${pad(i, 3)}`, dirs: 200 },
    { share: 0.2, dir: i => `docs/archive/vol-${pad(i, 2)}`, dirs: 50 }
  ]
  const perDir = new Map()
  let written = 0
  tops.forEach((top, t) => {
    const n = t === tops.length - 1 ? count - written : Math.round(count * top.share)
    for (let k = 0; k < n; k++) {
      const dirRel = top.dir(Math.floor(rng() * top.dirs))
      const index = perDir.get(dirRel) ?? 0
      perDir.set(dirRel, index + 1)
      const rel = `${dirRel}/${nestedPath(rng, index, UNNAMED_EXTENSIONS)}`
      const length = 40 + Math.floor(rng() * 400)
      const offset = Math.floor(rng() * (pool.length - length))
      out.write(
        rel,
        Buffer.concat([Buffer.from(`# ${rel}\n`), pool.subarray(offset, offset + length)]),
        {
          keep: false
        }
      )
    }
    written += n
  })
}

const IMAGE_EXTENSIONS = ['ts', 'ts', 'js', 'json', 'md', 'txt']
const CONFIG_EXTENSIONS = ['yaml', 'yaml', 'conf', 'json', 'md']
const OTHER_EXTENSIONS = ['md', 'md', 'txt', 'sh']

/** A nested relative path for the k-th source file of a directory: up to three levels deep. */
function nestedPath(rng, k, extensions) {
  const levels = Math.floor(rng() * 4)
  const parts = []
  const names = ['src', 'lib', 'data', 'assets', 'templates', 'files']
  if (levels > 0) parts.push(names[Math.floor(rng() * names.length)])
  if (levels > 1) parts.push(`m${Math.floor(rng() * 6)}`)
  if (levels > 2) parts.push(`s${Math.floor(rng() * 4)}`)
  parts.push(`f${pad(k, 4)}.${extensions[Math.floor(rng() * extensions.length)]}`)
  return parts.join('/')
}

function git(dir, args, env = {}) {
  return execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  }).trim()
}

function commitEnv(isoDate) {
  return {
    GIT_AUTHOR_NAME: 'imagegraph bench',
    GIT_AUTHOR_EMAIL: 'bench@imagegraph.invalid',
    GIT_COMMITTER_NAME: 'imagegraph bench',
    GIT_COMMITTER_EMAIL: 'bench@imagegraph.invalid',
    GIT_AUTHOR_DATE: isoDate,
    GIT_COMMITTER_DATE: isoDate
  }
}

/**
 * Generates the repository for `size` into `dir` (which must not exist or be empty) and returns
 * its description: base/head SHAs, changed files, and the images each change should mark affected.
 */
export function generateRepo({ size, dir, log = () => {} }) {
  const spec = SIZES[size]
  if (!spec)
    throw new Error(`Unknown size '${size}'. Valid sizes: ${Object.keys(SIZES).join(', ')}`)
  if (spec.kind === 'packages') return generatePackagesRepo({ size, dir, log })
  const started = performance.now()
  // huge draws from large's seed in the same order, so every one of large's files is identical.
  const graphSize = spec.graphOf ?? size
  const graphSpec = SIZES[graphSize]
  const rng = makeRng(`imagegraph-bench/${GENERATOR_VERSION}/${graphSize}`)
  const graph = buildGraph(graphSize, rng)
  fs.mkdirSync(dir, { recursive: true })
  if (fs.readdirSync(dir).length > 0) throw new Error(`${dir} is not empty`)

  const sourceBytes = graphSpec.sourceFileBytes
  const pool = makeTextPool(rng, sourceBytes ? 4 * 1024 * 1024 : 256 * 1024)
  const body = rel => {
    const header = Buffer.from(`# ${rel}\n`)
    const length = sourceBytes ? sourceBytes - header.length : 150 + Math.floor(rng() * 1500)
    const offset = Math.floor(rng() * (pool.length - length))
    return Buffer.concat([header, pool.subarray(offset, offset + length)])
  }

  const fastImport = spec.workTree === false
  const out = fastImport ? new FastImportWriter(dir) : new FileWriter(dir)
  const workspaceGlobs = ['config/*', 'processes/*', 'images/*']
  const packages = []

  // Fixed files: root, then one package per node.
  const rootName = `synthetic-${graphSize}`
  out.write('.gitignore', 'node_modules/\n.nx/\n.turbo/\nbuild/\n')
  out.write(
    'README.md',
    `# ${rootName}\n\nGenerated by imagegraph's bench/generate.mjs (version ${GENERATOR_VERSION}).\n`
  )
  out.write('imagegraph.yml', renderImagegraphYml(graph))
  out.write(
    'package.json',
    JSON.stringify(
      {
        name: rootName,
        private: true,
        packageManager: PACKAGE_MANAGER,
        workspaces: workspaceGlobs
      },
      null,
      2
    ) + '\n'
  )
  out.write(
    'turbo.json',
    JSON.stringify(
      {
        $schema: 'https://turborepo.com/schema.json',
        tasks: { build: { dependsOn: ['^build'], outputs: [] } }
      },
      null,
      2
    ) + '\n'
  )
  out.write(
    'nx.json',
    JSON.stringify(
      {
        useDaemonProcess: false,
        neverConnectToCloud: true,
        defaultBase: 'main',
        targetDefaults: { build: { dependsOn: ['^build'] } }
      },
      null,
      2
    ) + '\n'
  )
  for (const c of graph.configs) {
    out.write(`${c.dir}/package.json`, packageJson(c.name, [], 'echo config'))
    packages.push({ name: c.name, dir: c.dir, deps: [] })
  }
  for (const p of graph.processes) {
    out.write(`${p.dir}/package.json`, packageJson(p.name, p.inputs, './run.sh'))
    out.write(
      `${p.dir}/run.sh`,
      `#!/bin/sh\n# ${p.name}: reads ${p.inputs.join(', ')}\nmkdir -p build/${p.name}\n`
    )
    packages.push({ name: p.name, dir: p.dir, deps: p.inputs })
  }
  for (const img of graph.images) {
    out.write(
      `${img.dir}/package.json`,
      packageJson(img.name, img.inputs, `docker build -t ${img.name} .`)
    )
    const from = img.baseImage ? `${img.baseImage}:latest` : 'debian:12-slim'
    out.write(
      `${img.dir}/Dockerfile`,
      `FROM ${from}\nCOPY . /srv/${img.name}\nCMD ["/srv/${img.name}/start"]\n`
    )
    packages.push({ name: img.name, dir: img.dir, deps: img.inputs })
  }
  out.write('package-lock.json', packageLock(rootName, workspaceGlobs, packages))

  // Source files fill the rest: 70% in image contexts, 20% in config directories, 10% elsewhere.
  const remaining = graphSpec.files - out.count
  if (remaining < 0)
    throw new Error(
      `size ${size}: ${graphSpec.files} files is fewer than the ${out.count} fixed files`
    )
  const imageShare = Math.round(remaining * 0.7)
  const configShare = Math.round(remaining * 0.2)
  const otherShare = remaining - imageShare - configShare
  const perDir = new Map() // dir -> next file index
  const sources = { image: new Map(), config: new Map(), other: [] }
  const addSource = (dirRel, extensions) => {
    const k = perDir.get(dirRel) ?? 0
    perDir.set(dirRel, k + 1)
    const rel = `${dirRel}/${nestedPath(rng, k, extensions)}`
    out.write(rel, body(rel))
    return rel
  }
  for (let n = 0; n < imageShare; n++) {
    const img = graph.images[Math.floor(rng() * graph.images.length)]
    const rel = addSource(img.dir, IMAGE_EXTENSIONS)
    if (!sources.image.has(img.name)) sources.image.set(img.name, [])
    sources.image.get(img.name).push(rel)
  }
  for (let n = 0; n < configShare; n++) {
    const cfg = graph.configs[Math.floor(rng() * graph.configs.length)]
    const rel = addSource(cfg.dir, CONFIG_EXTENSIONS)
    if (!sources.config.has(cfg.name)) sources.config.set(cfg.name, [])
    sources.config.get(cfg.name).push(rel)
  }
  for (let n = 0; n < otherShare; n++) {
    const top = n % 3 === 0 ? 'tools' : `docs/section-${pad(Math.floor(rng() * 20), 2)}`
    sources.other.push(addSource(top, OTHER_EXTENSIONS))
  }
  // Files no node names, from a PRNG of their own so that large's draws stay as they were.
  if (spec.extraFiles) writeUnnamedFiles(out, spec.extraFiles, `${size}/unnamed`)
  const written = performance.now()
  log(
    `  wrote ${out.count} files (${(out.bytes / 1e6).toFixed(1)} MB) in ${((written - started) / 1000).toFixed(1)}s`
  )

  initRepo(dir)
  if (sourceBytes) git(dir, ['config', 'core.looseCompression', '1']) // 1 GB of text: favour speed
  const commit = (message, isoDate) => {
    if (fastImport) return out.commit(message, isoDate)
    git(dir, ['add', '-A'])
    git(dir, ['commit', '-q', '--no-verify', '-m', message], commitEnv(isoDate))
  }
  commit(`Synthetic ${size} monorepo`, '2024-01-01T00:00:00Z')

  // The second commit: one config file, one image-context file, one new image file, one unrelated file.
  const changes = chooseChanges(graph, sources, rng)
  for (const change of changes) {
    const text = `\n# changed in the second commit (${change.reason})\n`
    if (change.kind === 'added') out.write(change.path, body(change.path))
    else if (fastImport) out.append(change.path, text)
    else fs.appendFileSync(path.join(dir, change.path), text)
  }
  commit('Change a handful of files', '2024-01-02T00:00:00Z')
  if (fastImport) out.finish()
  const head = git(dir, ['rev-parse', 'HEAD'])
  const base = git(dir, ['rev-parse', 'HEAD~1'])

  const expectedAffectedImages = downstreamImages(
    graph,
    changes.filter(c => c.node).map(c => c.node)
  )
  const meta = {
    generatorVersion: GENERATOR_VERSION,
    size,
    spec,
    base,
    head,
    files: Number(git(dir, ['ls-files', '-z']).split('\0').filter(Boolean).length),
    bytes: out.bytes,
    counts: {
      configs: graph.configs.length,
      processes: graph.processes.length,
      images: graph.images.length,
      packages: packages.length
    },
    maxImageChainDepth: graph.maxImageDepth,
    changes,
    expectedAffectedImages,
    generateSeconds: Number(((performance.now() - started) / 1000).toFixed(2))
  }
  fs.writeFileSync(path.join(dir, '.git', META_FILE), JSON.stringify(meta, null, 2) + '\n')
  log(
    `  committed ${meta.files} files in ${meta.generateSeconds}s total; ${expectedAffectedImages.length}/${graph.images.length} images affected`
  )
  return meta
}

/** Picks the second commit's changes; each names the graph node it belongs to (none for unrelated files). */
function chooseChanges(graph, sources, rng) {
  // A config whose change reaches about a tenth of the images: a realistic, non-trivial fan-out.
  const target = Math.max(1, Math.round(graph.images.length / 10))
  let bestConfig = null
  let bestDistance = Infinity
  for (const cfg of graph.configs) {
    const files = (sources.config.get(cfg.name) ?? []).filter(f => !f.endsWith('.md'))
    if (files.length === 0) continue
    const reached = downstreamImages(graph, [cfg.name]).length
    if (reached === 0) continue
    const distance = Math.abs(reached - target)
    if (distance < bestDistance) {
      bestDistance = distance
      bestConfig = { cfg, files }
    }
  }
  // The head of an image chain in the middle block, so the change travels down the chain.
  const middleBlock = Math.floor(graph.images.length / BLOCK / 2)
  const chainHead = graph.images[middleBlock * BLOCK]
  const leaf = graph.images[graph.images.length - 1]
  const pick = list => list[Math.floor(rng() * list.length)]
  const changes = []
  if (bestConfig) {
    changes.push({
      kind: 'modified',
      path: pick(bestConfig.files),
      node: bestConfig.cfg.name,
      reason: 'config file'
    })
  }
  const headFiles = sources.image.get(chainHead.name) ?? [`${chainHead.dir}/Dockerfile`]
  changes.push({
    kind: 'modified',
    path: pick(headFiles),
    node: chainHead.name,
    reason: 'image context file'
  })
  changes.push({
    kind: 'added',
    path: `${leaf.dir}/src/added-in-head.ts`,
    node: leaf.name,
    reason: 'new file in an image context'
  })
  changes.push({
    kind: 'modified',
    path: pick(sources.other),
    node: null,
    reason: 'unrelated file'
  })
  return changes
}

// The packages size: few packages with many files each. Every package is an npm workspace with
// its own image (context = the package's directory, the default Dockerfile in it), and an image's
// inputs are the images of its package's dependencies, so the affected images are the changed
// packages' reverse-dependency closure: what `turbo ls --affected` and Nx compute from the same
// package.json dependencies.

const packageName = i => `pkg-${pad(i, 3)}`
const MAX_PACKAGE_DEPENDENCIES = 4

/**
 * The packages' dependency DAG: package i depends on 0-4 packages with a lower number, picked with
 * a skew so that a few low-numbered packages (the core libraries) have many dependents. Pure.
 */
export function buildPackagesGraph(spec, rng) {
  const images = []
  const depth = []
  for (let i = 0; i < spec.packages; i++) {
    const name = packageName(i)
    const deps = new Set()
    const count = Math.min(i, Math.floor(rng() * (MAX_PACKAGE_DEPENDENCIES + 1)))
    while (deps.size < count) deps.add(Math.floor(i * rng() ** 2))
    const inputs = [...deps].sort((a, b) => a - b)
    depth.push(inputs.length === 0 ? 0 : 1 + Math.max(...inputs.map(d => depth[d])))
    images.push({ name, dir: `packages/${name}`, inputs: inputs.map(packageName) })
  }
  return { configs: [], processes: [], images, maxImageDepth: Math.max(0, ...depth) }
}

export function renderPackagesYml(graph) {
  const lines = ['# Generated by bench/generate.mjs (size packages)', 'version: 1', 'images:']
  for (const img of graph.images) {
    lines.push(`  ${img.name}:`, `    context: ${img.dir}`)
    if (img.inputs.length > 0) lines.push(`    inputs: [${img.inputs.join(', ')}]`)
  }
  return lines.join('\n') + '\n'
}

/** The packages size's repository: files on disk, two commits, then packed. Returns its description. */
function generatePackagesRepo({ size, dir, log }) {
  const spec = SIZES[size]
  const started = performance.now()
  const rng = makeRng(`imagegraph-bench/${GENERATOR_VERSION}/${size}`)
  const graph = buildPackagesGraph(spec, rng)
  fs.mkdirSync(dir, { recursive: true })
  if (fs.readdirSync(dir).length > 0) throw new Error(`${dir} is not empty`)
  const pool = makeTextPool(rng, 256 * 1024)
  const body = rel => {
    const header = Buffer.from(`# ${rel}\n`)
    const length = 150 + Math.floor(rng() * 1500)
    const offset = Math.floor(rng() * (pool.length - length))
    return Buffer.concat([header, pool.subarray(offset, offset + length)])
  }

  const out = new FileWriter(dir)
  const rootName = `synthetic-${size}`
  const workspaceGlobs = ['packages/*']
  const json = value => JSON.stringify(value, null, 2) + '\n'
  out.write('.gitignore', 'node_modules/\n.nx/\n.turbo/\nbuild/\n')
  out.write(
    'README.md',
    `# ${rootName}\n\nGenerated by imagegraph's bench/generate.mjs (version ${GENERATOR_VERSION}).\n`
  )
  out.write('imagegraph.yml', renderPackagesYml(graph))
  out.write(
    'package.json',
    json({
      name: rootName,
      private: true,
      packageManager: PACKAGE_MANAGER,
      workspaces: workspaceGlobs
    })
  )
  out.write(
    'turbo.json',
    json({
      $schema: 'https://turborepo.com/schema.json',
      tasks: { build: { dependsOn: ['^build'], outputs: [] } }
    })
  )
  out.write(
    'nx.json',
    json({
      useDaemonProcess: false,
      neverConnectToCloud: true,
      defaultBase: 'main',
      targetDefaults: { build: { dependsOn: ['^build'] } }
    })
  )
  const packages = graph.images.map(img => ({ name: img.name, dir: img.dir, deps: img.inputs }))
  out.write('package-lock.json', packageLock(rootName, workspaceGlobs, packages))
  // A few files outside every package, for the change that affects nothing.
  const unrelated = []
  for (let k = 0; k < 20; k++) {
    const rel = `docs/${nestedPath(rng, k, OTHER_EXTENSIONS)}`
    out.write(rel, body(rel))
    unrelated.push(rel)
  }
  const sources = new Map()
  for (const img of graph.images) {
    out.write(
      `${img.dir}/package.json`,
      packageJson(img.name, img.inputs, `docker build -t ${img.name} .`)
    )
    out.write(
      `${img.dir}/Dockerfile`,
      `FROM debian:12-slim\nCOPY . /srv/${img.name}\nCMD ["/srv/${img.name}/start"]\n`
    )
    const files = []
    for (let k = 0; k < spec.filesPerPackage - 2; k++) {
      const rel = `${img.dir}/${nestedPath(rng, k, IMAGE_EXTENSIONS)}`
      out.write(rel, body(rel))
      files.push(rel)
    }
    sources.set(img.name, files)
  }
  log(
    `  wrote ${out.count} files (${(out.bytes / 1e6).toFixed(1)} MB) in ${((performance.now() - started) / 1000).toFixed(1)}s`
  )

  initRepo(dir)
  // No background `gc --auto` during a timing: the repository is packed once, below.
  git(dir, ['config', 'gc.auto', '0'])
  git(dir, ['add', '-A'])
  git(
    dir,
    ['commit', '-q', '--no-verify', '-m', `Synthetic ${size} monorepo`],
    commitEnv('2024-01-01T00:00:00Z')
  )

  // The second commit: a file in a package whose dependents reach about a tenth of the packages,
  // a file in a package nothing depends on, a new file in a third package, an unrelated file.
  const reach = img => downstreamImages(graph, [img.name]).length
  const target = Math.max(2, Math.round(graph.images.length / 10))
  const shared = graph.images.reduce((best, img) =>
    Math.abs(reach(img) - target) < Math.abs(reach(best) - target) ? img : best
  )
  const leaves = graph.images.filter(img => reach(img) === 1 && img !== shared)
  const leaf = leaves[Math.floor(leaves.length / 2)]
  const last = graph.images.findLast(img => img !== shared && img !== leaf)
  const pick = list => list[Math.floor(rng() * list.length)]
  const changes = [
    {
      kind: 'modified',
      path: pick(sources.get(shared.name)),
      node: shared.name,
      reason: 'file in a package many depend on'
    },
    {
      kind: 'modified',
      path: pick(sources.get(leaf.name)),
      node: leaf.name,
      reason: 'file in a package nothing depends on'
    },
    {
      kind: 'added',
      path: `${last.dir}/src/deep/added-in-head.ts`,
      node: last.name,
      reason: 'new file in a package'
    },
    { kind: 'modified', path: pick(unrelated), node: null, reason: 'unrelated file' }
  ]
  for (const change of changes) {
    if (change.kind === 'added') out.write(change.path, body(change.path))
    else
      fs.appendFileSync(
        path.join(dir, change.path),
        `\n# changed in the second commit (${change.reason})\n`
      )
  }
  git(dir, ['add', '-A'])
  git(
    dir,
    ['commit', '-q', '--no-verify', '-m', 'Change a handful of files'],
    commitEnv('2024-01-02T00:00:00Z')
  )
  git(dir, ['gc', '-q'])
  const head = git(dir, ['rev-parse', 'HEAD'])
  const base = git(dir, ['rev-parse', 'HEAD~1'])

  const expectedAffectedImages = downstreamImages(
    graph,
    changes.filter(c => c.node).map(c => c.node)
  )
  const meta = {
    generatorVersion: GENERATOR_VERSION,
    size,
    spec,
    base,
    head,
    files: git(dir, ['ls-files', '-z']).split('\0').filter(Boolean).length,
    bytes: out.bytes,
    counts: { configs: 0, processes: 0, images: graph.images.length, packages: packages.length },
    maxImageChainDepth: graph.maxImageDepth,
    dependencyEdges: graph.images.reduce((n, img) => n + img.inputs.length, 0),
    changes,
    expectedAffectedImages,
    generateSeconds: Number(((performance.now() - started) / 1000).toFixed(2))
  }
  fs.writeFileSync(path.join(dir, '.git', META_FILE), JSON.stringify(meta, null, 2) + '\n')
  log(
    `  committed ${meta.files} files in ${meta.generateSeconds}s total; ${expectedAffectedImages.length}/${graph.images.length} images affected`
  )
  return meta
}

// Graph shapes: repositories whose cost is in the graph, not the files, timed on imagegraph alone.
//   deep-chain  2,000 images, each built on the previous one; the first changes, so every image is
//               affected through a chain up to 2,001 steps long.
//   wide        10,000 nodes: 2,000 configs, 3,000 processes (outputs build/p-NNNN), 5,000 images;
//               every fifth image's context is a process's output (a generated context), the rest
//               take 1-2 processes; one config change reaches about a tenth of the images.
//   rootctx     the opentelemetry-demo layout (issue 13): 25 services under src/<svc>/, every image
//               built with `context: .` and `dockerfile: src/<svc>/Dockerfile`, Dockerfiles that
//               copy their own directory (and about half of them pb/demo.proto), a root
//               .dockerignore, about 10,000 files; the head commit changes src/checkout/main.go.
//               A plan narrowed to what the Dockerfiles copy affects checkout alone; one that
//               counts the whole context affects all 25. A second change (pb/demo.proto, on the
//               branch `variant-proto` after the head) affects exactly the images that copy it.
export const SHAPES = {
  'deep-chain': { images: 2_000 },
  wide: { configs: 2_000, processes: 3_000, images: 5_000 },
  // A plan here takes a few hundred ms, so more rounds for a "no slower" verdict (issue 13), and
  // plan alone: validate (seconds here) would load the machine between plan's rounds.
  rootctx: { services: 25, files: 10_000, rounds: { warmup: 1, runs: 31 }, commands: ['plan'] }
}

// The services of open-telemetry/opentelemetry-demo, and a few more to make 25.
const ROOTCTX_SERVICES = [
  'accounting',
  'ad',
  'cart',
  'checkout',
  'currency',
  'email',
  'flagd',
  'flagd-ui',
  'fraud-detection',
  'frontend',
  'frontend-proxy',
  'grafana',
  'image-provider',
  'jaeger',
  'kafka',
  'llm',
  'load-generator',
  'opensearch',
  'otel-collector',
  'payment',
  'postgresql',
  'product-catalog',
  'quote',
  'recommendation',
  'shipping'
]
// The services whose Dockerfile copies the shared pb/demo.proto, as the demo's gRPC services do.
const ROOTCTX_PROTO = new Set([
  'accounting',
  'ad',
  'cart',
  'checkout',
  'currency',
  'email',
  'fraud-detection',
  'frontend',
  'payment',
  'product-catalog',
  'quote',
  'recommendation',
  'shipping'
])
// The services whose Dockerfile names a source through an ARG (`COPY ./src/${SVC}/extra/ ...`).
const ROOTCTX_ARG = new Set(['ad', 'fraud-detection', 'kafka'])
// A root .dockerignore after the demo's: directory patterns, `src/*/` patterns that match beneath
// every copied service directory (so a narrowed plan lists those directories' files), and a `!`.
const ROOTCTX_DOCKERIGNORE = `.github
docs
internal
src/*/README.md
src/*/Dockerfile
src/*/*/Dockerfile
**/node_modules
**/.git
*.md
!README.md

###################################
# currency
./src/currency/client.js
./src/currency/node_modules/
###################################

###################################
# frontend
./src/frontend/node_modules/

###################################
# shipping
./src/shipping/target
###################################

.claude
.git
`

function rootctxDockerfile(svc) {
  const lines = ['# syntax=docker/dockerfile:1', 'FROM busybox AS builder']
  if (ROOTCTX_ARG.has(svc)) lines.push(`ARG SVC=${svc}`)
  lines.push(
    'WORKDIR /app',
    `COPY ./src/${svc}/go.mod ./src/${svc}/go.sum ./`,
    'RUN echo "download modules"',
    `COPY ./src/${svc}/ ./`
  )
  if (ROOTCTX_PROTO.has(svc)) lines.push('COPY ["/pb/demo.proto", "/build/proto/"]')
  if (ROOTCTX_ARG.has(svc)) lines.push('COPY ./src/${SVC}/extra/ ./extra/')
  lines.push(
    `RUN echo "build ${svc}" > /app/${svc}`,
    '',
    'FROM busybox',
    'WORKDIR /app',
    `COPY --from=builder /app/ ./`,
    `ENTRYPOINT ["/app/${svc}"]`
  )
  return `${lines.join('\n')}\n`
}

/**
 * The rootctx shape's files: 25 services of 150-300 files (sources, tests, docs nested up to three
 * deep), pb/demo.proto, docs/ (2,000 files), test/, internal/ and kubernetes/, about 10,000 in all.
 */
function buildRootContextShape() {
  const rng = makeRng(`imagegraph-bench/${GENERATOR_VERSION}/rootctx`)
  const pool = makeTextPool(rng, 128 * 1024)
  const files = new Map()
  const body = rel => {
    const length = 100 + Math.floor(rng() * 1400)
    const offset = Math.floor(rng() * (pool.length - length))
    return `// ${rel}\n${pool.subarray(offset, offset + length).toString('latin1')}`
  }
  const fill = (dir, count, kinds) => {
    for (let k = 0; k < count; k++) {
      const kind = kinds[Math.floor(rng() * kinds.length)]
      const levels = Math.floor(rng() * 3)
      const parts = [dir, kind.dir]
      if (levels > 0) parts.push(`m${Math.floor(rng() * 5)}`)
      if (levels > 1) parts.push(`s${Math.floor(rng() * 4)}`)
      parts.push(`f${pad(k, 4)}.${kind.ext[Math.floor(rng() * kind.ext.length)]}`)
      const rel = parts.join('/')
      files.set(rel, body(rel))
    }
  }
  const serviceKinds = [
    { dir: 'src', ext: ['go', 'go', 'ts', 'py', 'java'] },
    { dir: 'internal', ext: ['go', 'ts'] },
    { dir: 'tests', ext: ['go', 'ts', 'json'] },
    { dir: 'docs', ext: ['md', 'md', 'png'] }
  ]
  const lines = ['# Generated by bench/generate.mjs (shape rootctx)', 'version: 1', 'images:']
  for (const svc of ROOTCTX_SERVICES) {
    const dir = `src/${svc}`
    lines.push(`  ${svc}:`, '    context: .', `    dockerfile: ${dir}/Dockerfile`)
    files.set(`${dir}/Dockerfile`, rootctxDockerfile(svc))
    files.set(`${dir}/README.md`, `# ${svc}\n\nOne of the demo's services.\n`)
    files.set(`${dir}/go.mod`, `module github.com/example/demo/${svc}\n\ngo 1.22\n`)
    files.set(`${dir}/go.sum`, body(`${dir}/go.sum`))
    files.set(`${dir}/main.go`, `package main\n\n// ${svc}\nfunc main() {}\n`)
    if (ROOTCTX_ARG.has(svc)) {
      for (let k = 0; k < 4; k++)
        files.set(`${dir}/extra/e${k}.conf`, body(`${dir}/extra/e${k}.conf`))
    }
    fill(dir, 150 + Math.floor(rng() * 151), serviceKinds)
  }
  files.set('pb/demo.proto', 'syntax = "proto3";\n\npackage oteldemo;\n')
  files.set('.dockerignore', ROOTCTX_DOCKERIGNORE)
  files.set('README.md', '# A root-context monorepo\n\nGenerated by bench/generate.mjs.\n')
  files.set('.env', 'IMAGE_VERSION=2.0.0\nOTEL_JAVA_AGENT_VERSION=2.10.0\n')
  files.set(
    'docker-compose.yml',
    `services:\n${ROOTCTX_SERVICES.map(s => `  ${s}: {}`).join('\n')}\n`
  )
  fill('docs', 2_000, [
    { dir: 'guide', ext: ['md', 'md', 'png'] },
    { dir: 'reference', ext: ['md', 'yaml'] }
  ])
  fill('test', 1_000, [{ dir: 'tracetesting', ext: ['yaml', 'yaml', 'json'] }])
  fill('internal', 400, [{ dir: 'tools', ext: ['go', 'sh'] }])
  // kubernetes/ fills up to the shape's file count.
  fill('kubernetes', Math.max(0, SHAPES.rootctx.files - files.size - 1), [
    { dir: 'manifests', ext: ['yaml'] }
  ])
  files.set('imagegraph.yml', `${lines.join('\n')}\n`)
  const all = [...ROOTCTX_SERVICES].sort()
  return {
    files,
    changed: {
      path: 'src/checkout/main.go',
      // A plan narrowed to what each Dockerfile copies (issue 13) against one counting the whole
      // context (every image's context is the repository root).
      expected: { narrowed: ['checkout'], whole: all },
      variants: [
        {
          name: 'proto',
          path: 'pb/demo.proto',
          expected: { narrowed: all.filter(s => ROOTCTX_PROTO.has(s)), whole: all }
        }
      ]
    }
  }
}

/** The imagegraph.yml and files of a shape, and which change affects what. Pure. */
export function buildShape(shape) {
  if (shape === 'rootctx') return buildRootContextShape()
  const spec = SHAPES[shape]
  const files = new Map()
  const lines = [`# Generated by bench/generate.mjs (shape ${shape})`, 'version: 1']
  const id = (prefix, i) => `${prefix}-${pad(i, 4)}`
  let changed
  if (shape === 'deep-chain') {
    lines.push('images:')
    for (let i = 0; i < spec.images; i++) {
      const name = id('img', i)
      lines.push(`  ${name}:`, `    context: images/${name}`)
      if (i > 0) lines.push(`    inputs: [${id('img', i - 1)}]`)
      const from = i > 0 ? `${id('img', i - 1)}:latest` : 'debian:12-slim'
      files.set(`images/${name}/Dockerfile`, `FROM ${from}\nCOPY . /srv/${name}\n`)
      files.set(`images/${name}/app.txt`, `${name}\n`)
    }
    changed = { path: 'images/img-0000/app.txt', affectedImages: spec.images }
  } else {
    const rng = makeRng(`imagegraph-bench/${GENERATOR_VERSION}/${shape}`)
    lines.push('configs:')
    for (let c = 0; c < spec.configs; c++) {
      lines.push(`  ${id('c', c)}: { paths: ["config/${id('c', c)}/**"] }`)
      files.set(`config/${id('c', c)}/settings.yaml`, `name: ${id('c', c)}\n`)
    }
    lines.push('processes:')
    const processInputs = []
    for (let p = 0; p < spec.processes; p++) {
      const inputs = new Set([id('c', Math.floor(rng() * spec.configs))])
      // One config feeds many processes: the change below fans out to about a tenth.
      if (p % 10 === 0) inputs.add(id('c', 0))
      processInputs.push([...inputs])
      lines.push(
        `  ${id('p', p)}:`,
        `    inputs: [${[...inputs].join(', ')}]`,
        `    run: ./tools/render.sh ${p}`,
        `    outputs: [build/${id('p', p)}]`
      )
    }
    lines.push('images:')
    const imageInputs = []
    for (let i = 0; i < spec.images; i++) {
      const name = id('img', i)
      const inputs = new Set()
      lines.push(`  ${name}:`)
      if (i % 5 === 0) {
        const p = id('p', Math.floor(rng() * spec.processes))
        inputs.add(p)
        lines.push(`    context: build/${p}/${name}`, `    dockerfile: images/${name}/Dockerfile`)
      } else {
        lines.push(`    context: images/${name}`)
        files.set(`images/${name}/app.txt`, `${name}\n`)
      }
      const count = 1 + Math.floor(rng() * 2)
      while (inputs.size < count) inputs.add(id('p', Math.floor(rng() * spec.processes)))
      imageInputs.push([...inputs])
      lines.push(`    inputs: [${[...inputs].join(', ')}]`)
      files.set(`images/${name}/Dockerfile`, `FROM debian:12-slim\nCOPY . /srv/${name}\n`)
    }
    files.set('tools/render.sh', '#!/bin/sh\n')
    const reached = new Set(
      processInputs.flatMap((inputs, p) => (inputs.includes('c-0000') ? [id('p', p)] : []))
    )
    changed = {
      path: 'config/c-0000/settings.yaml',
      affectedImages: imageInputs.filter(inputs => inputs.some(p => reached.has(p))).length
    }
  }
  files.set('imagegraph.yml', `${lines.join('\n')}\n`)
  return { files, changed }
}

/** A shape's repository: two commits, the second changing one file. Returns its description. */
export function generateShapeRepo({ shape, dir, log = () => {} }) {
  if (!SHAPES[shape])
    throw new Error(`Unknown shape '${shape}'. Valid shapes: ${Object.keys(SHAPES).join(', ')}`)
  const started = performance.now()
  fs.mkdirSync(dir, { recursive: true })
  if (fs.readdirSync(dir).length > 0) throw new Error(`${dir} is not empty`)
  const { files, changed } = buildShape(shape)
  const out = new FileWriter(dir)
  for (const [rel, content] of files) out.write(rel, content)
  git(dir, ['init', '-q', '-b', 'main'])
  git(dir, ['config', 'commit.gpgsign', 'false'])
  // No background `gc --auto` (10,000 loose objects start one): the repository is packed below.
  git(dir, ['config', 'gc.auto', '0'])
  git(dir, ['add', '-A'])
  git(
    dir,
    ['commit', '-q', '--no-verify', '-m', `Shape ${shape}`],
    commitEnv('2024-01-01T00:00:00Z')
  )
  const base = git(dir, ['rev-parse', 'HEAD'])
  fs.appendFileSync(path.join(dir, changed.path), '# changed\n')
  git(
    dir,
    ['commit', '-q', '-a', '--no-verify', '-m', 'Change one file'],
    commitEnv('2024-01-02T00:00:00Z')
  )
  // Packed once, as the sizes are and as a clone on a CI runner is (objects arrive in a pack).
  git(dir, ['gc', '-q'])
  const head = git(dir, ['rev-parse', 'HEAD'])
  // Further changes (rootctx's pb/demo.proto) each on a branch of their own after the head, so
  // the work tree and the index stay on the head, as a checkout of it has them.
  const variants = (changed.variants ?? []).map(variant => {
    git(dir, ['checkout', '-q', '-b', `variant-${variant.name}`, head])
    fs.appendFileSync(path.join(dir, variant.path), '# changed\n')
    git(
      dir,
      ['commit', '-q', '-a', '--no-verify', '-m', `Change ${variant.path}`],
      commitEnv('2024-01-03T00:00:00Z')
    )
    const variantHead = git(dir, ['rev-parse', 'HEAD'])
    git(dir, ['checkout', '-q', 'main'])
    return { ...variant, base: head, head: variantHead }
  })
  if (variants.length > 0) git(dir, ['gc', '-q'])
  const graph = files.get('imagegraph.yml')
  const count = section => {
    const body = graph.split(`\n${section}:\n`)[1]?.split(/\n[a-z]+:\n/)[0] ?? ''
    return body.split('\n').filter(l => /^ {2}[a-z]/.test(l)).length
  }
  const meta = {
    generatorVersion: GENERATOR_VERSION,
    shape,
    base,
    head,
    files: files.size,
    counts: { configs: count('configs'), processes: count('processes'), images: count('images') },
    changedFile: changed.path,
    // A count, or for rootctx the narrowed plan's count, with both expected sets in `expected`.
    expectedAffectedImages: changed.affectedImages ?? changed.expected.narrowed.length,
    ...(changed.expected ? { expected: changed.expected } : {}),
    ...(variants.length > 0 ? { variants } : {}),
    generateSeconds: Number(((performance.now() - started) / 1000).toFixed(2))
  }
  fs.writeFileSync(path.join(dir, '.git', META_FILE), JSON.stringify(meta, null, 2) + '\n')
  log(`  ${shape}: ${files.size} files, ${meta.generateSeconds}s`)
  return meta
}

/** The cached repository of a shape, generated when missing or stale. */
export function ensureShapeRepo({ shape, regenerate = false, root, log = () => {} }) {
  const dir = cachedRepoDir(`shape-${shape}`, root)
  const meta = regenerate ? null : readMeta(dir)
  if (meta) return { dir, meta }
  fs.rmSync(dir, { recursive: true, force: true })
  return { dir, meta: generateShapeRepo({ shape, dir, log }) }
}

/** The cache directory for a size: reused across runs until the generator version changes. */
export function cachedRepoDir(size, root = path.join(os.tmpdir(), 'imagegraph-bench')) {
  return path.join(root, `g${GENERATOR_VERSION}-${size}`)
}

/** Reads the description a finished generation left in the repository, or null. */
export function readMeta(dir) {
  try {
    const meta = JSON.parse(fs.readFileSync(path.join(dir, '.git', META_FILE), 'utf8'))
    return meta.generatorVersion === GENERATOR_VERSION ? meta : null
  } catch {
    return null
  }
}

/** Returns the cached repository for `size`, generating it when missing, stale or `regenerate` is set. */
export function ensureRepo({ size, regenerate = false, root, log = () => {} }) {
  const dir = cachedRepoDir(size, root)
  const meta = regenerate ? null : readMeta(dir)
  if (meta) {
    log(`  reusing ${dir}`)
    return { dir, meta }
  }
  fs.rmSync(dir, { recursive: true, force: true })
  log(`  generating ${size} into ${dir}`)
  return { dir, meta: generateRepo({ size, dir, log }) }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [size, target] = process.argv.slice(2)
  if (!size || !(SIZES[size] || SHAPES[size])) {
    console.error(
      `Usage: node bench/generate.mjs <size | shape> [dir | --cached]\nValid sizes: ${Object.keys(SIZES).join(', ')}; shapes: ${Object.keys(SHAPES).join(', ')}`
    )
    process.exit(2)
  }
  const log = line => console.error(line)
  if (SHAPES[size]) {
    const shape = size
    const { dir, meta } =
      !target || target === '--cached'
        ? ensureShapeRepo({ shape, log })
        : {
            dir: path.resolve(target),
            meta: generateShapeRepo({ shape, dir: path.resolve(target), log })
          }
    console.log(JSON.stringify({ dir, ...meta }, null, 2))
  } else if (!target || target === '--cached') {
    const { dir, meta } = ensureRepo({ size, log })
    console.log(JSON.stringify({ dir, ...meta }, null, 2))
  } else {
    const meta = generateRepo({ size, dir: path.resolve(target), log })
    console.log(JSON.stringify({ dir: path.resolve(target), ...meta }, null, 2))
  }
}
