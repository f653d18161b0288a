#!/usr/bin/env node
// The registry scenario of the imagegraph benchmark: what reuse by content key costs on the large
// graph (2,000 images) against a local docker-registry, next to what a workflow without key reuse
// pays to rebuild the same images with a warm layer cache. Writes bench/registry-results.json and
// the "Registry" section of bench/RESULTS.md (run.mjs keeps that section when it rewrites the file).
//
//   node bench/registry.mjs [--runs N] [--warmup N] [--sample N] [--cache-dir DIR] [--regenerate]
//   npm run bench:registry
//
// Timed, each as the action runs it (the compiled sources, bundled by the project's own rollup
// plugins into the cache directory; one fresh registry client per round, so connections are set
// up inside the time):
//   keys        every image's content key at the head commit (`imageKeysAt`: the graph at a revision)
//   (a) re-run  `usableMany` of the 2,000 content tags: manifest and every blob present, nothing built
//   (b) release `retagRevision` of a new version tag on the 2,000 images: the same check, each tag's
//               current digest read, then the exact manifest bytes put under the tag
//   (c) rebuild `buildah bud --layers` (vfs, chroot, private root) of a small Dockerfile with a warm
//               layer cache on a sample of images, median per image, scaled to 2,000

import { spawn, spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { ensureRepo } from './generate.mjs'

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url))
const REPO_ROOT = path.dirname(BENCH_DIR)
const RESULTS_FILE = path.join(BENCH_DIR, 'registry-results.json')
const SECTION_START = '<!-- registry scenario: written by bench/registry.mjs -->'
const SECTION_END = '<!-- end of registry scenario -->'
const log = line => console.error(line)

function parseArgs(argv) {
  const options = {
    runs: 5,
    warmup: 1,
    sample: 5,
    regenerate: false,
    cacheDir: process.env.BENCH_CACHE_DIR ?? path.join(os.tmpdir(), 'imagegraph-bench')
  }
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].includes('=') ? argv[i].split(/=(.*)/s) : [argv[i], undefined]
    const value = () => inline ?? argv[++i]
    const whole = (name, min) => {
      const n = Number(value())
      if (!Number.isInteger(n) || n < min)
        throw new Error(`${name}: expected a whole number of at least ${min}`)
      return n
    }
    switch (flag) {
      case '--runs':
        options.runs = whole('--runs', 1)
        break
      case '--warmup':
        options.warmup = whole('--warmup', 0)
        break
      case '--sample':
        options.sample = whole('--sample', 1)
        break
      case '--regenerate':
        options.regenerate = true
        break
      case '--cache-dir':
        options.cacheDir = path.resolve(value())
        break
      default:
        throw new Error(
          `Unknown option '${argv[i]}'. Valid options: --runs, --warmup, --sample, --cache-dir, --regenerate`
        )
    }
  }
  return options
}

/**
 * The sources under test, compiled as dist/ is (the same rollup plugins, bundled with their
 * dependencies), into the cache directory: dist/ holds only the CLI and the action's entry points.
 */
async function bundleSources(outDir) {
  const { rollup } = await import('rollup')
  const { default: typescript } = await import('@rollup/plugin-typescript')
  const { nodeResolve } = await import('@rollup/plugin-node-resolve')
  const { default: commonjs } = await import('@rollup/plugin-commonjs')
  const { default: json } = await import('@rollup/plugin-json')
  fs.rmSync(outDir, { recursive: true, force: true })
  const cwd = process.cwd()
  process.chdir(REPO_ROOT)
  try {
    const bundle = await rollup({
      input: {
        retag: 'src/commands/retag.ts',
        registry: 'src/adapters/registry.ts',
        git: 'src/adapters/git.ts',
        names: 'src/core/image-names.ts'
      },
      plugins: [
        typescript({
          tsconfig: 'tsconfig.build.json',
          outDir,
          noEmitOnError: true,
          module: 'NodeNext'
        }),
        nodeResolve({ preferBuiltins: true }),
        commonjs(),
        json()
      ],
      onwarn: (warning, warn) => {
        if (warning.code === 'THIS_IS_UNDEFINED' || warning.code === 'CIRCULAR_DEPENDENCY') return
        warn(warning)
      }
    })
    await bundle.write({ dir: outDir, format: 'es', entryFileNames: '[name].js' })
    await bundle.close()
  } finally {
    process.chdir(cwd)
  }
  const load = name => import(pathToFileURL(path.join(outDir, `${name}.js`)).href)
  const modules = await Promise.all(['retag', 'registry', 'git', 'names'].map(load))
  return Object.assign({}, ...modules)
}

// --- a private docker-registry --------------------------------------------------------------

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address()
      s.close(() => resolve(port))
    })
  })
}

async function startRegistry(dir) {
  const port = await freePort()
  const config = path.join(dir, 'config.yml')
  fs.writeFileSync(
    config,
    [
      'version: 0.1',
      'log: { level: error, accesslog: { disabled: true } }',
      'storage:',
      // As Debian's packaged configuration has it: blob descriptors cached in memory.
      '  cache: { blobdescriptor: inmemory }',
      `  filesystem: { rootdirectory: ${JSON.stringify(path.join(dir, 'data'))} }`,
      'http:',
      `  addr: 127.0.0.1:${port}`,
      ''
    ].join('\n')
  )
  const child = spawn('docker-registry', ['serve', config], { stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr.on('data', b => (stderr += b))
  const deadline = Date.now() + 20000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`docker-registry exited: ${stderr}`)
    const ok = await new Promise(resolve => {
      const s = net.connect(port, '127.0.0.1')
      s.once('connect', () => (s.destroy(), resolve(true)))
      s.once('error', () => resolve(false))
    })
    if (ok) break
    if (Date.now() > deadline) throw new Error(`docker-registry did not listen: ${stderr}`)
    await new Promise(r => setTimeout(r, 50))
  }
  const version = firstLine('docker-registry', ['--version'])
  return {
    host: `127.0.0.1:${port}`,
    pid: child.pid,
    version,
    // Stopped by its PID, never by name.
    stop: async () => {
      if (child.exitCode !== null) return
      const exited = new Promise(r => child.once('exit', r))
      process.kill(child.pid, 'SIGTERM')
      await exited
    }
  }
}

// --- pushing 2,000 small images through the distribution API ---------------------------------

const sha256 = bytes => `sha256:${crypto.createHash('sha256').update(bytes).digest('hex')}`

function apiClient(host) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 })
  const request = (method, urlPath, body, headers = {}) =>
    new Promise((resolve, reject) => {
      const req = http.request(
        new URL(urlPath, `http://${host}`),
        {
          method,
          agent,
          headers: body ? { ...headers, 'Content-Length': String(body.length) } : headers
        },
        res => {
          const chunks = []
          res.on('data', c => chunks.push(c))
          res.on('end', () =>
            resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) })
          )
          res.on('error', reject)
        }
      )
      req.on('error', reject)
      req.end(body)
    })
  return { request, close: () => agent.destroy() }
}

async function pushBlob(api, repository, bytes, mountFrom) {
  const digest = sha256(bytes)
  const mount = mountFrom ? `?mount=${digest}&from=${mountFrom}` : ''
  const start = await api.request('POST', `/v2/${repository}/blobs/uploads/${mount}`)
  if (start.status === 201) return digest // mounted from the repository that has it
  if (start.status !== 202) throw new Error(`upload to ${repository}: ${start.status}`)
  const location = new URL(start.headers.location, 'http://x')
  location.searchParams.set('digest', digest)
  const put = await api.request('PUT', location.pathname + location.search, bytes, {
    'Content-Type': 'application/octet-stream'
  })
  if (put.status !== 201) throw new Error(`upload ${digest} to ${repository}: ${put.status}`)
  return digest
}

/** A one-file tar layer, gzipped without names or times: the same text gives the same digest. */
async function tarLayer(name, text) {
  const { gzipSync } = await import('node:zlib')
  const data = Buffer.from(text)
  const header = Buffer.alloc(512)
  const field = (offset, length, value) =>
    header.write(value.padEnd(length, '\0').slice(0, length), offset, 'ascii')
  field(0, 100, name)
  field(100, 8, '0000644')
  field(108, 8, '0000000')
  field(116, 8, '0000000')
  field(124, 12, data.length.toString(8).padStart(11, '0'))
  field(136, 12, '00000000000')
  field(148, 8, '        ')
  field(156, 1, '0')
  field(257, 6, 'ustar')
  field(263, 2, '00')
  let sum = 0
  for (const b of header) sum += b
  field(148, 8, sum.toString(8).padStart(6, '0') + '\0 ')
  const padding = Buffer.alloc((512 - (data.length % 512)) % 512)
  const tar = Buffer.concat([header, data, padding, Buffer.alloc(1024)])
  return { gz: gzipSync(tar), diffId: sha256(tar) }
}

/**
 * Pushes one image per content tag: every image shares one layer (mounted across repositories, as
 * builds on a common base share theirs) and has its own tiny config, so each digest is distinct.
 */
async function pushImages(host, images, contentTag) {
  const api = apiClient(host)
  const layer = await tarLayer('app.txt', 'shared layer of every benchmark image\n')
  const first = images[0].repository
  await pushBlob(api, first, layer.gz)
  let next = 0
  const worker = async () => {
    while (next < images.length) {
      const image = images[next++]
      await pushBlob(api, image.repository, layer.gz, first)
      const config = Buffer.from(
        JSON.stringify({
          architecture: 'amd64',
          os: 'linux',
          config: { Labels: { 'dev.imagegraph.key': image.key } },
          rootfs: { type: 'layers', diff_ids: [layer.diffId] }
        })
      )
      const configDigest = await pushBlob(api, image.repository, config)
      const manifest = Buffer.from(
        JSON.stringify({
          schemaVersion: 2,
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          config: {
            mediaType: 'application/vnd.oci.image.config.v1+json',
            digest: configDigest,
            size: config.length
          },
          layers: [
            {
              mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
              digest: sha256(layer.gz),
              size: layer.gz.length
            }
          ]
        })
      )
      const put = await api.request(
        'PUT',
        `/v2/${image.repository}/manifests/${contentTag(image.key)}`,
        manifest,
        { 'Content-Type': 'application/vnd.oci.image.manifest.v1+json' }
      )
      if (put.status !== 201) throw new Error(`put manifest of ${image.image}: ${put.status}`)
    }
  }
  await Promise.all(Array.from({ length: 16 }, worker))
  api.close()
}

// --- timing ----------------------------------------------------------------------------------

const median = values => {
  const s = [...values].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}
const round1 = n => Math.round(n * 10) / 10

/** CPU time (user + system, ms) a process has used, from /proc; null where there is none. */
function processCpuMs(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
    clockTicks ??= Number(firstLine('getconf', ['CLK_TCK']) ?? 100)
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks
  } catch {
    return null
  }
}
let clockTicks

/**
 * Runs `once` for the warm-up and timed rounds. Besides the wall time, the CPU time of this
 * process (the client) and of the registry's process: on a shared machine the wall time is
 * partly waiting for a core, and the CPU times say where the work went.
 */
async function timeRounds(label, options, once, registryPid) {
  const samples = []
  const clientCpu = []
  const registryCpu = []
  for (let r = 0; r < options.warmup + options.runs; r++) {
    const cpuBefore = process.cpuUsage()
    const registryBefore = registryPid ? processCpuMs(registryPid) : null
    const started = process.hrtime.bigint()
    await once(r)
    const ms = Number(process.hrtime.bigint() - started) / 1e6
    const cpu = process.cpuUsage(cpuBefore)
    const registryAfter = registryPid ? processCpuMs(registryPid) : null
    if (r >= options.warmup) {
      samples.push(round1(ms))
      clientCpu.push(round1((cpu.user + cpu.system) / 1000))
      if (registryBefore !== null && registryAfter !== null)
        registryCpu.push(round1(registryAfter - registryBefore))
    }
    log(`  ${label} round ${r + 1}${r < options.warmup ? ' (warm-up)' : ''}: ${ms.toFixed(0)} ms`)
  }
  return {
    samplesMs: samples,
    medianMs: median(samples),
    minMs: Math.min(...samples),
    maxMs: Math.max(...samples),
    clientCpuMs: median(clientCpu),
    ...(registryCpu.length > 0 ? { registryCpuMs: median(registryCpu) } : {})
  }
}

function firstLine(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8' })
  return r.status === 0 ? (r.stdout || r.stderr).split('\n')[0].trim() : null
}

// --- (c) the no-op rebuild of a workflow without key reuse -----------------------------------

/**
 * `buildah bud --layers` of each sample image twice with one private storage: the first build
 * fills the layer cache, the timed ones find every step in it and produce the same image.
 */
function rebuildSample(work, sample, options) {
  const root = path.join(work, 'buildah')
  const busybox = '/bin/busybox'
  if (!fs.existsSync(busybox))
    throw new Error('busybox-static is missing (/bin/busybox): apt-get install busybox-static')
  const buildah = [
    '--root',
    path.join(root, 'root'),
    '--runroot',
    path.join(root, 'run'),
    '--storage-driver',
    'vfs'
  ]
  const perImage = []
  for (const name of sample) {
    const context = path.join(work, 'contexts', name)
    fs.mkdirSync(context, { recursive: true })
    fs.copyFileSync(busybox, path.join(context, 'busybox'))
    fs.writeFileSync(path.join(context, 'app.txt'), `the sources of ${name}\n`)
    fs.writeFileSync(
      path.join(context, 'Dockerfile'),
      [
        'FROM scratch',
        'COPY busybox /bin/busybox',
        'COPY app.txt /srv/app.txt',
        'RUN ["/bin/busybox", "sh", "-c", "/bin/busybox wc -c /srv/app.txt > /srv/size.txt"]',
        ''
      ].join('\n')
    )
    const bud = () => {
      const started = process.hrtime.bigint()
      const r = spawnSync(
        'buildah',
        [
          ...buildah,
          'bud',
          '--layers',
          '--isolation',
          'chroot',
          '-q',
          '-t',
          `localhost/${name}:bench`,
          context
        ],
        { encoding: 'utf8' }
      )
      const ms = Number(process.hrtime.bigint() - started) / 1e6
      if (r.status !== 0) throw new Error(`buildah bud of ${name} failed: ${r.stderr.trim()}`)
      return { ms, id: r.stdout.trim().split('\n').pop() }
    }
    const cold = bud()
    const warm = []
    for (let i = 0; i < options.runs; i++) {
      const w = bud()
      // A warm rebuild that made another image would not be a no-op: check it is the same one.
      if (w.id !== cold.id)
        throw new Error(`${name}: the warm rebuild made ${w.id}, not ${cold.id}`)
      warm.push(round1(w.ms))
    }
    log(
      `  buildah ${name}: cold ${cold.ms.toFixed(0)} ms, warm ${warm.map(m => m.toFixed(0)).join(', ')} ms`
    )
    perImage.push({
      image: name,
      coldMs: round1(cold.ms),
      warmMs: warm,
      warmMedianMs: median(warm)
    })
  }
  return {
    buildah: firstLine('buildah', ['--version']),
    perImage,
    medianPerImageMs: median(perImage.map(p => p.warmMedianMs))
  }
}

// --- the report ------------------------------------------------------------------------------

const fmtMs = ms =>
  ms >= 600000
    ? `${Math.round(ms / 60000)} min`
    : ms >= 10000
      ? `${(ms / 1000).toFixed(1)} s`
      : `${Math.round(ms)} ms`
const fmtX = x => (x >= 100 ? `${Math.round(x)}x` : `${x.toFixed(1)}x`)

/** The "Registry" section of RESULTS.md, from registry-results.json (empty before the first run). */
export function registryMarkdown(resultsFile = RESULTS_FILE) {
  let r
  try {
    r = JSON.parse(fs.readFileSync(resultsFile, 'utf8'))
  } catch {
    return ''
  }
  const m = r.machine
  const n = r.images.toLocaleString('en-US')
  const rebuild = r.rebuild
  const lines = [
    SECTION_START,
    '## Registry: reuse and release by content key',
    '',
    `Measured ${r.measuredAt.replace('T', ' ').slice(0, 16)} UTC with \`npm run bench:registry\` (bench/registry.mjs; bench/README.md, "Registry scenario"): the large graph (${n} images, ${r.trackedFiles.toLocaleString('en-US')} tracked files), one repository per image in a local docker-registry (${r.registry}, filesystem storage in a temp dir, plain HTTP on 127.0.0.1), ${n} small distinct images pushed under their content tags (one shared layer, a config of their own). The compiled sources, one fresh client per round (default concurrency ${r.concurrency}, kept-alive connections); median of ${r.runs} rounds after ${r.warmup} warm-up.`,
    '',
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB memory, ${m.os} (kernel ${m.kernel}); Node ${m.node}, ${rebuild.buildah}. 1-minute load average ${m.loadBefore} before and ${m.loadAfter} after, on ${m.cores} cores${m.loadBefore > m.cores || m.loadAfter > m.cores ? ': other work competed for the CPU, so every time is inflated' : ''}.`,
    '',
    '| what | does | median | min–max | per image | CPU: imagegraph | CPU: registry |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |'
  ]
  const row = (what, does, t) =>
    lines.push(
      `| ${what} | ${does} | ${fmtMs(t.medianMs)} | ${fmtMs(t.minMs)}–${fmtMs(t.maxMs)} | ${(t.medianMs / r.images).toFixed(2)} ms | ${fmtMs(t.clientCpuMs)} | ${t.registryCpuMs === undefined ? '' : fmtMs(t.registryCpuMs)} |`
    )
  row('keys at a revision', `\`imageKeysAt\`: the graph at HEAD, ${n} content keys`, r.keys)
  row(
    '(a) re-run, every key present',
    `\`usableMany\` of ${n} content tags: per image GET manifest, HEAD config, HEAD layer; nothing built`,
    r.rerun
  )
  row(
    '(b) `retag-unaffected` release',
    `\`retagRevision\`: the same check, then per image HEAD of the version tag (what it named before) and PUT of the exact manifest bytes under it`,
    r.release
  )
  const scaled = rebuild.medianPerImageMs * r.images
  lines.push(
    `| (c) no-op rebuild, warm layer cache | \`buildah bud --layers\` (vfs, chroot) of a 3-step Dockerfile, every step cached; ${rebuild.perImage.length} images × ${r.runs} rounds, median per image × ${n} | ${fmtMs(scaled)} (scaled) | | ${fmtMs(rebuild.medianPerImageMs)} | | |`,
    '',
    `A re-run with every key present costs ${fmtMs(r.rerun.medianMs)} where rebuilding without key reuse costs about ${fmtMs(scaled)}: **${fmtX(scaled / r.rerun.medianMs)}** less; a release of ${n} images by retag costs ${fmtMs(r.release.medianMs)}, **${fmtX(scaled / r.release.medianMs)}** less than the rebuilds (which would still have to push and tag). The rebuild side is favoured: its time is one image at a time with nothing pushed, on a tiny context; builds in parallel on ${m.cores} cores would take about ${fmtMs(scaled / m.cores)}, still ${fmtX(scaled / m.cores / r.rerun.medianMs)} the re-run.`,
    '',
    `Where the time goes: in (a) the registry's own process used ${fmtMs(r.rerun.registryCpuMs)} of CPU and imagegraph ${fmtMs(r.rerun.clientCpuMs)} (${(r.rerun.clientCpuMs / r.images).toFixed(2)} ms per image, for three requests); in (b) ${fmtMs(r.release.registryCpuMs)} and ${fmtMs(r.release.clientCpuMs)}. Here both share ${m.cores} cores (with whatever else runs), so the wall time is bounded by the local registry's CPU: on an idle machine (a) would take at least ${fmtMs((r.rerun.registryCpuMs + r.rerun.clientCpuMs) / m.cores)} and (b) ${fmtMs((r.release.registryCpuMs + r.release.clientCpuMs) / m.cores)} (their CPU time over ${m.cores} cores); against a registry on other machines, imagegraph's side is its CPU time plus network round trips spread over ${r.concurrency} kept-alive connections.`,
    SECTION_END
  )
  return `${lines.join('\n')}\n`
}

/** RESULTS.md with its registry section replaced (or added at the end). */
export function withRegistrySection(text, section = registryMarkdown()) {
  const start = text.indexOf(SECTION_START)
  const end = text.indexOf(SECTION_END)
  if (start >= 0 && end > start)
    return text.slice(0, start) + section + text.slice(end + SECTION_END.length).replace(/^\n/, '')
  return section ? `${text.replace(/\n*$/, '\n')}\n${section}` : text
}

/** JSON as the repository's Prettier would write it, so `prettier --check .` stays clean. */
async function formatJson(file, value) {
  const text = JSON.stringify(value, null, 2) + '\n'
  try {
    const prettier = await import('prettier')
    const config = (await prettier.resolveConfig(file)) ?? {}
    return await prettier.format(text, { ...config, filepath: file })
  } catch {
    return text // Prettier is a dev dependency of the root package; without it, plain JSON
  }
}

// --- main ------------------------------------------------------------------------------------

function describeMachine() {
  const cpuinfo = fs.existsSync('/proc/cpuinfo') ? fs.readFileSync('/proc/cpuinfo', 'utf8') : ''
  const osRelease = fs.existsSync('/etc/os-release')
    ? fs.readFileSync('/etc/os-release', 'utf8')
    : ''
  return {
    cpu: /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? 'unknown',
    cores: os.availableParallelism?.() ?? os.cpus().length,
    memoryGiB: Number((os.totalmem() / 2 ** 30).toFixed(1)),
    os: /^PRETTY_NAME="?([^"\n]+)"?$/m.exec(osRelease)?.[1] ?? `${os.type()} ${os.release()}`,
    kernel: os.release(),
    node: process.version
  }
}

async function main() {
  const options = parseArgs(process.argv.slice(2))
  const machine = describeMachine()
  const loadBefore = Number(os.loadavg()[0].toFixed(2))
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'imagegraph-bench-registry-'))
  let registryServer
  try {
    log('Compiling the sources (rollup, as dist/ is)')
    const code = await bundleSources(path.join(options.cacheDir, 'registry-bundle'))
    log('The large repository')
    const { dir, meta } = ensureRepo({
      size: 'large',
      regenerate: options.regenerate,
      root: options.cacheDir,
      log
    })
    const git = new code.GitCommandLine(dir)
    const keysRequest = { rev: 'HEAD', graphFile: 'imagegraph.yml', repositoryOf: name => name }
    let at
    const keys = await timeRounds('keys at HEAD', options, async () => {
      at = await code.imageKeysAt(git, keysRequest)
    })
    const images = at.images
    log(`${images.length} images; starting docker-registry`)
    fs.mkdirSync(path.join(work, 'registry'))
    registryServer = await startRegistry(path.join(work, 'registry'))
    let started = process.hrtime.bigint()
    await pushImages(registryServer.host, images, code.contentTag)
    const pushMs = Number(process.hrtime.bigint() - started) / 1e6
    log(`pushed ${images.length} images in ${(pushMs / 1000).toFixed(1)} s`)

    const client = () => code.openRegistry({ host: registryServer.host, insecure: true })
    const concurrency = 32
    const rerun = await timeRounds(
      '(a) usableMany',
      options,
      async () => {
        const registry = client()
        try {
          const answers = await registry.usableMany(
            images.map(i => ({ repository: i.repository, tag: code.contentTag(i.key) }))
          )
          const missing = answers.filter(a => !a.usable).length
          if (missing > 0) throw new Error(`${missing} content tags are not usable`)
        } finally {
          registry.close()
        }
      },
      registryServer.pid
    )
    const release = await timeRounds(
      '(b) retagRevision',
      options,
      async r => {
        const registry = client()
        try {
          const result = await code.retagRevision(
            { images, tags: [`v1.0.${r}`], revision: at.revision },
            { registry }
          )
          const moved = result.images.filter(i => i.tags[0].before === null).length
          if (moved !== images.length) throw new Error(`only ${moved} new tags were set`)
        } finally {
          registry.close()
        }
      },
      registryServer.pid
    )
    // The retags kept every digest: one image checked against the registry's own answer.
    const check = client()
    const sampleImage = images[0]
    const [contentHead, releaseHead] = await Promise.all([
      check.headManifest(sampleImage.repository, code.contentTag(sampleImage.key)),
      check.headManifest(sampleImage.repository, `v1.0.0`)
    ])
    check.close()
    if (contentHead.digest !== releaseHead.digest)
      throw new Error(
        `${sampleImage.image}: v1.0.0 names ${releaseHead.digest}, not ${contentHead.digest}`
      )
    await registryServer.stop()
    registryServer = undefined

    log(`(c) buildah bud --layers on ${options.sample} images`)
    const step = Math.floor(images.length / options.sample)
    const sample = Array.from({ length: options.sample }, (_, i) => images[i * step].image)
    const rebuild = rebuildSample(work, sample, options)

    const results = {
      schema: 'imagegraph-bench-registry/v1',
      measuredAt: new Date().toISOString(),
      machine: { ...machine, loadBefore, loadAfter: Number(os.loadavg()[0].toFixed(2)) },
      registry: firstLine('docker-registry', ['--version']) ?? 'docker-registry',
      repository: { base: meta.base, head: at.revision.commit },
      trackedFiles: meta.files,
      images: images.length,
      concurrency,
      runs: options.runs,
      warmup: options.warmup,
      pushSeconds: round1(pushMs / 1000),
      keys,
      rerun,
      release,
      rebuild: {
        ...rebuild,
        scaledMs: Math.round(rebuild.medianPerImageMs * images.length)
      },
      ratios: {
        rebuildOverRerun: round1((rebuild.medianPerImageMs * images.length) / rerun.medianMs),
        rebuildOverRelease: round1((rebuild.medianPerImageMs * images.length) / release.medianMs)
      }
    }
    fs.writeFileSync(RESULTS_FILE, await formatJson(RESULTS_FILE, results))
    const resultsMd = path.join(BENCH_DIR, 'RESULTS.md')
    fs.writeFileSync(resultsMd, withRegistrySection(fs.readFileSync(resultsMd, 'utf8')))
    log(
      `\n(a) ${fmtMs(rerun.medianMs)}, (b) ${fmtMs(release.medianMs)}, (c) ${fmtMs(results.rebuild.scaledMs)} scaled: ${fmtX(results.ratios.rebuildOverRerun)} / ${fmtX(results.ratios.rebuildOverRelease)}`
    )
    log(`Wrote ${path.relative(process.cwd(), RESULTS_FILE)} and bench/RESULTS.md`)
  } finally {
    await registryServer?.stop()
    fs.rmSync(work, { recursive: true, force: true })
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    await main()
  } catch (error) {
    console.error(`bench registry: ${process.env.BENCH_DEBUG ? error.stack : error.message}`)
    process.exit(1)
  }
}
