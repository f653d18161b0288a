#!/usr/bin/env node
// The imagegraph benchmark: times `imagegraph plan` against Turborepo, Nx and a git floor on
// generated monorepos, and writes bench/RESULTS.md and bench/results.json: issue 12's targets
// (bench/targets.mjs: large, packages, huge against large, no slower than the baseline), issue
// 13's on the root-context shape, the scaling curve over small, medium and large, then a table
// per size.
//
//   node bench/run.mjs [--sizes small,medium] [--shapes deep-chain,wide,rootctx] [--runs N]
//                      [--warmup N] [--regenerate] [--rebaseline] [--baseline-shapes rootctx]
//                      [--compare-build REV] [--imagegraph path/to/cli.js] [--cache-dir DIR]
//
// Sizes: small, medium, large, large-50kb, packages (200 packages x 500 files), huge (large's
// graph plus 900,000 files no node names; imagegraph and the git floor only: no work tree).
// --rebaseline takes the results before this run as the new baseline for "no slower".
// --baseline-shapes rootctx takes this run's figures for those shapes as their baseline (the rest
// of the baseline is kept): issue 13's "no slower on the root-context shape" compares with it.
// --compare-build REV also times the dist/ committed at REV on the shapes, in the same rounds
// (plan / that build's plan, per round): a comparison the machine's load cancels out of.
//
// --sizes alone runs only those sizes, --shapes alone only those graph shapes (imagegraph alone:
// a deep chain and a wide graph, where the cost is in the graph, and rootctx, 25 images built from
// the repository root, issue 13's shape); neither runs everything.
//
// Every command runs as a whole process, as a user runs it (cold start included). Runs are
// interleaved: each round runs every command once, in an order rotated per round, so a noisy
// machine slows all of them alike; the ratios imagegraph / peer are taken within a round.

import { execFileSync, spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { SHAPES, SIZES, GENERATOR_VERSION, ensureRepo, ensureShapeRepo } from './generate.mjs'
import { withRegistrySection } from './registry.mjs'
import {
  assessRootContextTargets,
  assessTargets,
  baselineFrom,
  renderRootContextTargets,
  renderTargets,
  shapeBaselineFrom
} from './targets.mjs'

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url))
const REPO_ROOT = path.dirname(BENCH_DIR)
const COMMAND_TIMEOUT_MS = 10 * 60 * 1000

// Rounds per size: heavier sizes get fewer (huge, 3). A full run of every size and shape took 13
// minutes here (2 cores) at a load of 7-10, about half that idle, once the repositories are
// cached; generating them adds about 5. The budget is about 10 minutes.
const DEFAULT_ROUNDS = {
  small: { warmup: 1, runs: 7 },
  medium: { warmup: 1, runs: 7 },
  large: { warmup: 1, runs: 5 },
  'large-50kb': { warmup: 1, runs: 5 },
  packages: { warmup: 1, runs: 5 },
  huge: { warmup: 1, runs: 3 }
}

// Keeps the peers off the network and quiet: no telemetry, no cloud, no daemon, no update check.
const QUIET_ENV = {
  TURBO_TELEMETRY_DISABLED: '1',
  TURBO_NO_UPDATE_NOTIFIER: '1',
  DO_NOT_TRACK: '1',
  NX_NO_CLOUD: 'true',
  NX_DAEMON: 'false',
  NX_TUI: 'false',
  NO_COLOR: '1',
  FORCE_COLOR: '0'
}

function parseArgs(argv) {
  const options = {
    sizes: process.env.BENCH_SIZES ? process.env.BENCH_SIZES.split(',') : null,
    shapes: process.env.BENCH_SHAPES ? process.env.BENCH_SHAPES.split(',') : null,
    runs: process.env.BENCH_RUNS ? Number(process.env.BENCH_RUNS) : null,
    warmup: process.env.BENCH_WARMUP ? Number(process.env.BENCH_WARMUP) : null,
    regenerate: process.env.BENCH_REGENERATE === '1',
    rebaseline: false,
    compareBuild: process.env.BENCH_COMPARE_BUILD ?? null,
    baselineShapes: process.env.BENCH_BASELINE_SHAPES
      ? process.env.BENCH_BASELINE_SHAPES.split(',')
      : [],
    imagegraph: process.env.IMAGEGRAPH_CLI ?? path.join(REPO_ROOT, 'dist', 'cli.js'),
    cacheDir: process.env.BENCH_CACHE_DIR ?? path.join(os.tmpdir(), 'imagegraph-bench')
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const [flag, inline] = arg.includes('=') ? arg.split(/=(.*)/s) : [arg, undefined]
    const value = () => inline ?? argv[++i]
    switch (flag) {
      case '--sizes':
        options.sizes = value()
          .split(',')
          .map(s => s.trim())
          .filter(Boolean)
        break
      case '--shapes':
        options.shapes = value()
          .split(',')
          .map(s => s.trim())
          .filter(Boolean)
        break
      case '--runs':
        options.runs = Number(value())
        break
      case '--warmup':
        options.warmup = Number(value())
        break
      case '--regenerate':
        options.regenerate = true
        break
      case '--rebaseline':
        options.rebaseline = true
        break
      case '--compare-build':
        options.compareBuild = value()
        break
      case '--baseline-shapes':
        options.baselineShapes = value()
          .split(',')
          .map(s => s.trim())
          .filter(Boolean)
        break
      case '--imagegraph':
        options.imagegraph = path.resolve(value())
        break
      case '--cache-dir':
        options.cacheDir = path.resolve(value())
        break
      case '-h':
      case '--help': {
        // The usage is the comment block under the shebang.
        const lines = fs
          .readFileSync(fileURLToPath(import.meta.url), 'utf8')
          .split('\n')
          .slice(1)
        const usageEnd = lines.findIndex(line => !line.startsWith('//'))
        console.log(lines.slice(0, usageEnd).join('\n'))
        process.exit(0)
        break
      }
      default:
        throw new Error(
          `Unknown option '${arg}'. Valid options: --sizes, --shapes, --runs, --warmup, --regenerate, --rebaseline, --baseline-shapes, --compare-build, --imagegraph, --cache-dir`
        )
    }
  }
  if (options.sizes === null && options.shapes === null) {
    options.sizes = Object.keys(SIZES)
    options.shapes = Object.keys(SHAPES)
  }
  options.sizes ??= []
  options.shapes ??= []
  for (const shape of options.baselineShapes) {
    if (!options.shapes.includes(shape))
      throw new Error(
        `--baseline-shapes: '${shape}' is not measured in this run (it must be among --shapes: ${options.shapes.join(', ') || 'none'})`
      )
  }
  for (const shape of options.shapes) {
    if (!SHAPES[shape])
      throw new Error(
        `--shapes: unknown shape '${shape}'. Valid shapes: ${Object.keys(SHAPES).join(', ')}`
      )
  }
  for (const size of options.sizes) {
    if (!SIZES[size])
      throw new Error(
        `--sizes: unknown size '${size}'. Valid sizes: ${Object.keys(SIZES).join(', ')}`
      )
  }
  for (const key of ['runs', 'warmup']) {
    const n = options[key]
    if (n !== null && !(Number.isInteger(n) && n >= (key === 'runs' ? 1 : 0)))
      throw new Error(`--${key}: expected a whole number, got '${n}'`)
  }
  return options
}

const log = line => console.error(line)

/** Installs the peers from bench/package-lock.json when they are missing or not the pinned versions. */
function ensurePeers() {
  const pinned = JSON.parse(
    fs.readFileSync(path.join(BENCH_DIR, 'package.json'), 'utf8')
  ).dependencies
  const installedVersion = name => {
    try {
      return JSON.parse(
        fs.readFileSync(path.join(BENCH_DIR, 'node_modules', name, 'package.json'), 'utf8')
      ).version
    } catch {
      return null
    }
  }
  const stale = Object.entries(pinned).filter(
    ([name, version]) => installedVersion(name) !== version
  )
  if (stale.length > 0) {
    log(
      `Installing the peers (${stale.map(([n, v]) => `${n}@${v}`).join(', ')}): npm ci --prefix bench`
    )
    execFileSync('npm', ['ci', '--prefix', BENCH_DIR, '--no-audit', '--no-fund'], {
      stdio: 'inherit'
    })
  }
  const turboPlatform = { x64: '64', arm64: 'arm64' }[process.arch]
  const turboNative = path.join(
    BENCH_DIR,
    'node_modules',
    '@turbo',
    `${process.platform}-${turboPlatform}`,
    'bin',
    'turbo'
  )
  if (!fs.existsSync(turboNative))
    throw new Error(`turbo's native binary is missing at ${turboNative}; run npm ci --prefix bench`)
  const nxPackage = JSON.parse(
    fs.readFileSync(path.join(BENCH_DIR, 'node_modules', 'nx', 'package.json'), 'utf8')
  )
  return {
    turbo: turboNative,
    turboVersion: installedVersion('turbo'),
    nxDir: path.join(BENCH_DIR, 'node_modules', 'nx'),
    nxBin: path.join(BENCH_DIR, 'node_modules', 'nx', nxPackage.bin.nx),
    nxVersion: nxPackage.version
  }
}

function firstLine(cmd, args) {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .split('\n')[0]
      .trim()
  } catch {
    return null
  }
}

function describeMachine(peers) {
  const cpuinfo = fs.existsSync('/proc/cpuinfo') ? fs.readFileSync('/proc/cpuinfo', 'utf8') : ''
  const cpuModel = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? 'unknown'
  const osRelease = fs.existsSync('/etc/os-release')
    ? fs.readFileSync('/etc/os-release', 'utf8')
    : ''
  return {
    cpu: cpuModel,
    cores: os.availableParallelism?.() ?? os.cpus().length,
    memoryGiB: Number((os.totalmem() / 2 ** 30).toFixed(1)),
    os: /^PRETTY_NAME="?([^"\n]+)"?$/m.exec(osRelease)?.[1] ?? `${os.type()} ${os.release()}`,
    kernel: os.release(),
    node: process.version,
    git: firstLine('git', ['--version'])?.replace(/^git version /, '') ?? null,
    turbo: peers.turboVersion,
    nx: peers.nxVersion
  }
}

/**
 * How peak memory is read: GNU time's %M, or a tiny python3 helper around os.wait4. Both report the
 * kernel's ru_maxrss of the waited child, which covers the child's waited-for descendants too:
 * the peak of the largest single process in the tree (not a sum).
 */
function chooseMeter() {
  if (fs.existsSync('/usr/bin/time')) {
    const probe = spawnSync('/usr/bin/time', ['-f', '%M', 'true'], { encoding: 'utf8' })
    if (probe.status === 0 && /^\d+\s*$/m.test(probe.stderr)) return { kind: 'gnu-time' }
  }
  if (firstLine('python3', ['-c', 'import os; print(hasattr(os, "wait4"))']) === 'True')
    return { kind: 'python-wait4' }
  return { kind: 'none' }
}

const PYTHON_METER = `
import os, sys, time, subprocess
out = sys.argv[1]
start = time.perf_counter()
child = subprocess.Popen(sys.argv[2:])
_, status, usage = os.wait4(child.pid, 0)
elapsed = time.perf_counter() - start
with open(out, 'w') as f:
    f.write('%d %.6f\\n' % (usage.ru_maxrss, elapsed * 1000))
sys.exit(os.waitstatus_to_exitcode(status) if status else 0)
`

/**
 * Runs one command as a whole process; stdout and stderr go to files so large outputs cost nothing.
 * Returns wall time (ms), peak RSS (KiB) and exit status.
 */
function measure(meter, command, scratch) {
  command.before?.()
  const stdoutFile = path.join(scratch, `${command.id}.stdout`)
  const stderrFile = path.join(scratch, `${command.id}.stderr`)
  const meterFile = path.join(scratch, `${command.id}.meter`)
  fs.rmSync(meterFile, { force: true })
  const stdout = fs.openSync(stdoutFile, 'w')
  const stderr = fs.openSync(stderrFile, 'w')
  let argv = [command.file, ...command.args]
  if (meter.kind === 'gnu-time')
    argv = ['/usr/bin/time', '-f', '%M %U %S', '-o', meterFile, ...argv]
  if (meter.kind === 'python-wait4') argv = ['python3', '-c', PYTHON_METER, meterFile, ...argv]
  const started = process.hrtime.bigint()
  const result = spawnSync(argv[0], argv.slice(1), {
    cwd: command.cwd,
    env: command.env,
    stdio: ['ignore', stdout, stderr],
    timeout: COMMAND_TIMEOUT_MS
  })
  let wallMs = Number(process.hrtime.bigint() - started) / 1e6
  fs.closeSync(stdout)
  fs.closeSync(stderr)
  let maxRssKiB = null
  let cpuMs = null
  if (fs.existsSync(meterFile)) {
    const lastLine = fs.readFileSync(meterFile, 'utf8').trim().split('\n').pop()
    const [rss, innerWall] = lastLine.split(' ')
    maxRssKiB = /^\d+$/.test(rss) ? Number(rss) : null
    if (meter.kind === 'python-wait4' && innerWall) wallMs = Number(innerWall) // excludes python's own start
    // CPU time (user + system) tells a loaded machine's waiting from work; GNU time only.
    const [, user, system] = lastLine.split(' ').map(Number)
    if (meter.kind === 'gnu-time' && Number.isFinite(user) && Number.isFinite(system))
      cpuMs = (user + system) * 1000
  }
  const failed = result.status !== 0 || result.error
  return {
    wallMs,
    maxRssKiB,
    cpuMs,
    ok: !failed,
    error: failed
      ? `${result.error?.message ?? `exit ${result.status ?? result.signal}`}: ${tail(stderrFile)}`
      : null,
    stdoutFile,
    stderrFile
  }
}

function tail(file, chars = 600) {
  try {
    const text = fs.readFileSync(file, 'utf8')
    return text.slice(-chars).trim()
  } catch {
    return ''
  }
}

// Images are img-NNNN, or pkg-NNN in the packages size; configs and processes never match.
const imageNamesOf = names => names.filter(n => /^(img|pkg)-\d+$/.test(n)).sort()

function compareAffected(found, expected) {
  const missing = expected.filter(n => !found.includes(n))
  const extra = found.filter(n => !expected.includes(n))
  return {
    affectedImages: found.length,
    matchesGraph: missing.length === 0 && extra.length === 0,
    ...(missing.length > 0 ? { missing: missing.slice(0, 10) } : {}),
    ...(extra.length > 0 ? { extra: extra.slice(0, 10) } : {})
  }
}

/** Finds the affected image names in imagegraph's JSON plan without assuming one exact shape. */
function imagegraphAffected(plan) {
  const candidates = [plan?.affectedImages, plan?.affected?.images, plan?.affected, plan?.images]
  for (const list of candidates) {
    if (!Array.isArray(list)) continue
    const names = list
      .filter(item => item && (typeof item === 'string' || item.affected !== false))
      .map(item => (typeof item === 'string' ? item : (item.name ?? item.image ?? item.id)))
      .filter(n => typeof n === 'string')
    if (names.length > 0 || list.length === 0) return names
  }
  return null
}

/**
 * The commands timed for one repository, in their base order. Without a work tree (huge) only
 * imagegraph and the floor run: turbo and Nx read the work tree.
 */
function commandsFor({ dir, meta }, peers, imagegraphCli, withPeers = true) {
  const env = { ...process.env, ...QUIET_ENV }
  for (const key of Object.keys(env)) if (key.startsWith('GITHUB_')) delete env[key] // no CI guesses
  const scmEnv = { ...env, TURBO_SCM_BASE: meta.base, TURBO_SCM_HEAD: meta.head }
  const expected = meta.expectedAffectedImages
  const readJson = file => JSON.parse(fs.readFileSync(file, 'utf8'))
  const commands = []

  if (imagegraphCli) {
    commands.push({
      id: 'imagegraph',
      group: 'imagegraph',
      label: 'imagegraph plan --json',
      what: 'affected images with content keys',
      file: process.execPath,
      args: [
        imagegraphCli,
        'plan',
        '--json',
        '--base',
        meta.base,
        '--head',
        meta.head,
        '--repo',
        dir
      ],
      cwd: dir,
      env,
      check(stdoutFile) {
        const plan = readJson(stdoutFile)
        const names = imagegraphAffected(plan)
        if (names === null)
          return { note: 'plan parsed, but no list of affected images was recognised' }
        const images =
          plan.images && typeof plan.images === 'object' ? Object.values(plan.images) : []
        const keyed = images.filter(img => typeof img?.key === 'string' && img.key.length > 0)
        return { ...compareAffected(imageNamesOf(names), expected), keyedImages: keyed.length }
      }
    })
  }
  const peerCommands = [
    {
      id: 'turbo-dry',
      group: 'peer',
      label: 'turbo run build --dry=json',
      what: 'task hashes for every package',
      file: peers.turbo,
      args: ['run', 'build', '--dry=json', '--skip-infer'],
      cwd: dir,
      env,
      check(stdoutFile) {
        const tasks = readJson(stdoutFile).tasks
        return {
          tasks: tasks.length,
          hashed: tasks.every(t => typeof t.hash === 'string' && t.hash.length > 0)
        }
      }
    },
    {
      id: 'turbo-affected-dry',
      group: 'peer',
      label: 'turbo run build --affected --dry=json',
      what: 'task hashes for affected packages and their dependencies',
      file: peers.turbo,
      args: ['run', 'build', '--affected', '--dry=json', '--skip-infer'],
      cwd: dir,
      env: scmEnv,
      check(stdoutFile) {
        const tasks = readJson(stdoutFile).tasks
        return {
          tasks: tasks.length,
          hashed: tasks.every(t => typeof t.hash === 'string' && t.hash.length > 0)
        }
      }
    },
    {
      id: 'turbo-ls',
      group: 'peer',
      label: 'turbo ls --affected',
      what: 'affected packages only',
      file: peers.turbo,
      args: ['ls', '--affected', '--output', 'json', '--skip-infer'],
      cwd: dir,
      env: scmEnv,
      check(stdoutFile) {
        const items = readJson(stdoutFile).packages.items.map(p => p.name)
        return compareAffected(imageNamesOf(items), expected)
      }
    },
    {
      id: 'nx-affected',
      group: 'peer',
      label: 'nx show projects --affected',
      what: 'affected projects only (cold: .nx cache removed before each run)',
      file: process.execPath,
      args: [
        peers.nxBin,
        'show',
        'projects',
        '--affected',
        '--base',
        meta.base,
        '--head',
        meta.head,
        '--json'
      ],
      cwd: dir,
      env,
      // Nx caches its project graph in .nx/; a CI checkout starts without it.
      before: () => fs.rmSync(path.join(dir, '.nx'), { recursive: true, force: true }),
      check(stdoutFile) {
        return compareAffected(imageNamesOf(readJson(stdoutFile)), expected)
      }
    }
  ]
  if (withPeers) commands.push(...peerCommands)
  commands.push(
    {
      id: 'git-ls-files',
      group: 'floor',
      label: 'git ls-files -s -z',
      what: 'floor: list every tracked file with its blob id',
      file: 'git',
      args: ['ls-files', '-s', '-z'],
      cwd: dir,
      env
    },
    {
      id: 'git-diff',
      group: 'floor',
      label: 'git diff --name-only -z base head',
      what: 'floor: the changed files',
      file: 'git',
      args: ['diff', '--name-only', '-z', meta.base, meta.head],
      cwd: dir,
      env,
      check(stdoutFile) {
        return {
          changedFiles: fs.readFileSync(stdoutFile, 'utf8').split('\0').filter(Boolean).length
        }
      }
    },
    {
      id: 'node-e0',
      group: 'floor',
      label: 'node -e 0',
      what: 'floor: Node.js start-up',
      file: process.execPath,
      args: ['-e', '0'],
      cwd: dir,
      env
    }
  )
  return commands
}

/** Nx refuses to run without a local installation; link the bench's copy into the repository (git-ignored). */
function linkNxInto(dir, peers) {
  const link = path.join(dir, 'node_modules', 'nx')
  fs.mkdirSync(path.dirname(link), { recursive: true })
  fs.rmSync(link, { force: true, recursive: true })
  fs.symlinkSync(peers.nxDir, link, 'dir')
}

const median = values => {
  const sorted = values
    .filter(v => typeof v === 'number' && Number.isFinite(v))
    .sort((a, b) => a - b)
  if (sorted.length === 0) return null
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
const round = (value, digits = 2) => (value === null ? null : Number(value.toFixed(digits)))

function benchSize(size, options, peers, meter) {
  const rounds = {
    warmup: options.warmup ?? DEFAULT_ROUNDS[size].warmup,
    runs: options.runs ?? DEFAULT_ROUNDS[size].runs
  }
  log(`\n== ${size}`)
  const repo = ensureRepo({ size, regenerate: options.regenerate, root: options.cacheDir, log })
  const withPeers = SIZES[size].workTree !== false
  if (withPeers) linkNxInto(repo.dir, peers)
  else log('  no work tree: turbo and Nx are not run on this size')
  const cli = fs.existsSync(options.imagegraph) ? options.imagegraph : null
  const commands = commandsFor(repo, peers, cli, withPeers)
  // A busy machine (load above the core count) makes every figure noisier; the table says so.
  const loadBefore = os.loadavg()[0]
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), `imagegraph-bench-${size}-`))
  const samples = Object.fromEntries(commands.map(c => [c.id, []]))
  const checks = {}
  const errors = {}

  const runRound = (roundIndex, warm) => {
    const order = commands.map((_, i) => commands[(i + roundIndex) % commands.length])
    for (const command of order) {
      if (errors[command.id]) continue // a command that failed once is reported, not retried
      const sample = measure(meter, command, scratch)
      if (!sample.ok) {
        errors[command.id] = sample.error
        log(`  ${command.id}: FAILED ${sample.error}`)
        continue
      }
      if (warm && command.check && !checks[command.id]) {
        try {
          checks[command.id] = command.check(sample.stdoutFile)
        } catch (error) {
          checks[command.id] = { note: `output not understood: ${error.message}` }
        }
      }
      if (!warm)
        samples[command.id].push({
          round: roundIndex,
          wallMs: sample.wallMs,
          maxRssKiB: sample.maxRssKiB
        })
    }
  }
  for (let w = 0; w < rounds.warmup; w++) runRound(w, true)
  if (rounds.warmup === 0) log('  no warm-up round: output checks are skipped')
  for (let r = 0; r < rounds.runs; r++) {
    runRound(rounds.warmup + r, false)
    const line = commands
      .filter(c => samples[c.id].length > r)
      .map(c => `${c.id} ${samples[c.id][r].wallMs.toFixed(0)}ms`)
      .join(', ')
    log(`  round ${r + 1}/${rounds.runs}: ${line}`)
  }
  fs.rmSync(scratch, { recursive: true, force: true })

  const summary = {}
  for (const command of commands) {
    const wall = samples[command.id].map(s => s.wallMs)
    const rss = samples[command.id].map(s => s.maxRssKiB)
    summary[command.id] = {
      label: command.label,
      group: command.group,
      what: command.what,
      argv: [
        path.basename(command.file),
        ...command.args.map(a => a.replace(BENCH_DIR, 'bench').replace(repo.dir, '<repo>'))
      ],
      wallMs: wall.map(v => round(v)),
      maxRssKiB: rss,
      medianMs: round(median(wall)),
      minMs: wall.length ? round(Math.min(...wall)) : null,
      maxMs: wall.length ? round(Math.max(...wall)) : null,
      medianMaxRssMiB: round(median(rss) === null ? null : median(rss) / 1024, 1),
      check: checks[command.id] ?? null,
      error: errors[command.id] ?? null
    }
  }
  // The floor: what any tool must at least do (list the tree, diff the commits), per round.
  const perRound = id => new Map(samples[id].map(s => [s.round, s.wallMs]))
  const lsFiles = perRound('git-ls-files')
  const diff = perRound('git-diff')
  const floorByRound = new Map(
    [...lsFiles].filter(([r]) => diff.has(r)).map(([r, ms]) => [r, ms + diff.get(r)])
  )
  const floor = {
    label: 'git ls-files + git diff',
    wallMs: [...floorByRound.values()].map(v => round(v)),
    medianMs: round(median([...floorByRound.values()]))
  }
  // The full floor of a Node CLI: the two git calls plus Node's start, in the same round.
  const nodeStart = perRound('node-e0')
  const fullFloorByRound = new Map(
    [...floorByRound].filter(([r]) => nodeStart.has(r)).map(([r, ms]) => [r, ms + nodeStart.get(r)])
  )
  const fullFloor = {
    label: 'git ls-files + git diff + node -e 0',
    wallMs: [...fullFloorByRound.values()].map(v => round(v)),
    medianMs: round(median([...fullFloorByRound.values()]))
  }

  // Ratios within a round, so a slow moment on the machine cancels out.
  const ratios = {}
  if (cli && samples.imagegraph.length > 0) {
    const mine = perRound('imagegraph')
    const against = {
      ...Object.fromEntries(
        commands.filter(c => c.id !== 'imagegraph').map(c => [c.id, perRound(c.id)])
      ),
      floor: floorByRound,
      fullFloor: fullFloorByRound
    }
    for (const [id, theirs] of Object.entries(against)) {
      const perRoundRatios = [...mine]
        .filter(([r]) => theirs.has(r))
        .map(([r, ms]) => ms / theirs.get(r))
      ratios[id] = {
        perRound: perRoundRatios.map(v => round(v, 3)),
        median: round(median(perRoundRatios), 3)
      }
    }
  }
  // imagegraph's own work: its time less Node's start in the same round; the scaling curve uses it.
  let imagegraphAboveNodeStartMs = null
  if (cli && samples.imagegraph.length > 0) {
    const differences = [...perRound('imagegraph')]
      .filter(([r]) => nodeStart.has(r))
      .map(([r, ms]) => ms - nodeStart.get(r))
    imagegraphAboveNodeStartMs = {
      perRound: differences.map(v => round(v)),
      median: round(median(differences))
    }
  }

  return {
    size,
    measuredAt: new Date().toISOString(),
    rounds,
    loadAverage1m: { before: round(loadBefore), after: round(os.loadavg()[0]) },
    repo: {
      dir: repo.dir,
      generatorVersion: GENERATOR_VERSION,
      files: repo.meta.files,
      megabytes: round(repo.meta.bytes / 1e6, 1),
      ...repo.meta.counts,
      maxImageChainDepth: repo.meta.maxImageChainDepth,
      ...(SIZES[size].kind ? { kind: SIZES[size].kind } : {}),
      ...(repo.meta.dependencyEdges != null ? { dependencyEdges: repo.meta.dependencyEdges } : {}),
      ...(SIZES[size].graphOf
        ? { graphOf: SIZES[size].graphOf, unnamedFiles: SIZES[size].extraFiles }
        : {}),
      workTree: withPeers,
      changedFiles: repo.meta.changes,
      expectedAffectedImages: repo.meta.expectedAffectedImages.length,
      generateSeconds: repo.meta.generateSeconds,
      base: repo.meta.base,
      head: repo.meta.head
    },
    imagegraph: cli
      ? {
          cli: path.relative(REPO_ROOT, cli) || cli,
          // Tells apart the builds timed when sizes come from different runs.
          cliSha256: buildHash(cli)
        }
      : {
          skipped: `no CLI at ${path.relative(REPO_ROOT, options.imagegraph) || options.imagegraph} (build it first)`
        },
    commands: summary,
    floor,
    fullFloor,
    imagegraphAboveNodeStartMs,
    ratios
  }
}

/**
 * A short SHA-256 of the CLI and the chunks beside it: dist/cli.js is a small loader that imports
 * rollup's chunks (dist/cli-*.js), so its own bytes do not tell two builds apart.
 */
function buildHash(cli) {
  const hash = crypto.createHash('sha256').update(fs.readFileSync(cli))
  const dir = path.dirname(cli)
  for (const name of fs.readdirSync(dir).sort())
    if (name.endsWith('.js') && path.join(dir, name) !== cli)
      hash.update(name).update(fs.readFileSync(path.join(dir, name)))
  return hash.digest('hex').slice(0, 12)
}

const fmtMs = ms => (ms == null ? '–' : ms >= 100 ? ms.toFixed(0) : ms.toFixed(1))
const fmtX = x => `${x >= 10 ? x.toFixed(1) : x.toFixed(2)}x`
const fmtPercent = fraction => `${Math.ceil(fraction * 100)}%`
const roundsSpread = values =>
  values.length > 1 ? `rounds ${fmtX(Math.min(...values))}–${fmtX(Math.max(...values))}` : '1 round'

// Issue 7's targets (kept below issue 12's as earlier targets) were judged on this size; the
// scaling curve runs over these.
const TARGET_SIZE = 'large'
const CURVE_SIZES = ['small', 'medium', 'large']
const MEMORY_LIMIT_MB = 300
const graphNodes = repo => repo.configs + repo.processes + repo.images

/** One row per size on the curve: what grew and how imagegraph's time followed. */
function scalingOf(sizes) {
  return CURVE_SIZES.filter(size => sizes[size]).map(size => {
    const r = sizes[size]
    const timed = !r.imagegraph.skipped && r.commands.imagegraph?.medianMs != null
    const aboveNodeStartMs = timed ? (r.imagegraphAboveNodeStartMs?.median ?? null) : null
    return {
      size,
      files: r.repo.files,
      images: r.repo.images,
      graphNodes: graphNodes(r.repo),
      imagegraphMs: timed ? r.commands.imagegraph.medianMs : null,
      aboveNodeStartMs,
      msPer1000Files:
        aboveNodeStartMs === null ? null : round(aboveNodeStartMs / (r.repo.files / 1000), 2),
      floorMs: r.fullFloor?.medianMs ?? null,
      imagegraphToFloor: timed ? (r.ratios.fullFloor?.median ?? null) : null
    }
  })
}

/** How inputs and imagegraph's time grew from one size on the curve to the next. */
function growthSteps(scaling) {
  const steps = []
  for (let i = 1; i < scaling.length; i++) {
    const [from, to] = [scaling[i - 1], scaling[i]]
    if (from.imagegraphMs === null || to.imagegraphMs === null) continue
    const files = to.files / from.files
    const nodes = to.graphNodes / from.graphNodes
    steps.push({
      from: from.size,
      to: to.size,
      files,
      graphNodes: nodes,
      filesTimesNodes: files * nodes,
      imagegraph: to.imagegraphMs / from.imagegraphMs,
      aboveNodeStart:
        from.aboveNodeStartMs > 0 && to.aboveNodeStartMs !== null
          ? to.aboveNodeStartMs / from.aboveNodeStartMs
          : null
    })
  }
  return steps
}

/**
 * Issue 7's targets, judged on TARGET_SIZE from the ratios taken within each round. A row's `met`
 * is null when the figures it needs were not measured.
 */
function assessEarlierTargets(sizes) {
  const r = sizes[TARGET_SIZE]
  const ig = r?.commands?.imagegraph
  const timed = Boolean(ig && ig.medianMs !== null && !r.imagegraph.skipped)
  const notMeasured = target => ({
    ...target,
    measured: `not measured on ${TARGET_SIZE}`,
    met: null,
    verdict: '–'
  })
  const rows = []

  const floorTarget = {
    id: 'floor',
    target: "imagegraph's full plan at most 3x the floor",
    limit: 3
  }
  const floorRatios = timed ? (r.ratios.fullFloor?.perRound ?? []) : []
  if (floorRatios.length === 0) rows.push(notMeasured(floorTarget))
  else {
    const value = median(floorRatios)
    const met = value <= floorTarget.limit
    rows.push({
      ...floorTarget,
      value: round(value, 3),
      measured: `imagegraph / floor = ${fmtX(value)} (${roundsSpread(floorRatios)}; ${fmtMs(ig.medianMs)} ms against ${fmtMs(r.fullFloor.medianMs)} ms)`,
      met,
      verdict: met
        ? `met, ${fmtX(floorTarget.limit / value)} to spare`
        : `missed by ${fmtX(value / floorTarget.limit)}: imagegraph needs ${fmtPercent(1 - floorTarget.limit / value)} less time (about ${fmtMs(floorTarget.limit * r.fullFloor.medianMs)} ms at this floor)`
    })
  }

  for (const peer of [
    { id: 'turbo-dry', name: 'turbo dry', limit: 2 },
    { id: 'nx-affected', name: 'nx', limit: 5 }
  ]) {
    const target = {
      id: peer.id,
      target: `${peer.limit}x faster than \`${r?.commands?.[peer.id]?.label ?? peer.id}\``,
      limit: peer.limit
    }
    // The ratios are imagegraph / peer; a speed-up is peer / imagegraph.
    const speedUps = timed ? (r.ratios[peer.id]?.perRound ?? []).map(x => 1 / x) : []
    if (speedUps.length === 0 || r.commands[peer.id]?.error) {
      rows.push(notMeasured(target))
      continue
    }
    const value = median(speedUps)
    const met = value >= peer.limit
    rows.push({
      ...target,
      value: round(value, 3),
      measured: `${peer.name} / imagegraph = ${fmtX(value)} (${roundsSpread(speedUps)}; ${fmtMs(r.commands[peer.id].medianMs)} ms against ${fmtMs(ig.medianMs)} ms)`,
      met,
      verdict: met
        ? `met, ${fmtX(value / peer.limit)} to spare`
        : `missed by ${fmtX(peer.limit / value)}: imagegraph needs ${fmtPercent(1 - value / peer.limit)} less time`
    })
  }

  const memoryTarget = {
    id: 'memory',
    target: `peak memory under ${MEMORY_LIMIT_MB} MB`,
    limit: MEMORY_LIMIT_MB
  }
  const rssKiB = timed ? ig.maxRssKiB.filter(Number.isFinite) : []
  if (rssKiB.length === 0) rows.push(notMeasured(memoryTarget))
  else {
    const peakKiB = Math.max(...rssKiB)
    const peakMB = (peakKiB * 1024) / 1e6
    const met = peakMB < MEMORY_LIMIT_MB
    rows.push({
      ...memoryTarget,
      value: round(peakMB, 1),
      measured: `peak RSS ${peakMB.toFixed(0)} MB (${(peakKiB / 1024).toFixed(1)} MiB), the highest of ${rssKiB.length} rounds`,
      met,
      verdict: met
        ? `met, ${(MEMORY_LIMIT_MB - peakMB).toFixed(0)} MB to spare`
        : `missed by ${(peakMB - MEMORY_LIMIT_MB).toFixed(0)} MB`
    })
  }

  // Linear: from each size on the curve to the next, imagegraph's own work (its time less Node's
  // start) grows no faster than the larger of the files' and the graph's growth. A cost in
  // files x globs would follow files x graph nodes instead.
  const linearTarget = {
    id: 'linear',
    target: 'cost linear in tracked files and graph size, not in files x globs'
  }
  const steps = growthSteps(scalingOf(sizes)).filter(step => step.aboveNodeStart !== null)
  if (steps.length < CURVE_SIZES.length - 1) rows.push(notMeasured(linearTarget))
  else {
    const excess = steps.map(step => step.aboveNodeStart / Math.max(step.files, step.graphNodes))
    const worst = Math.max(...excess)
    const met = worst <= 1
    rows.push({
      ...linearTarget,
      value: round(worst, 3),
      measured: steps
        .map(
          step =>
            `${step.from} → ${step.to}: inputs ${fmtX(Math.max(step.files, step.graphNodes))}, work ${fmtX(step.aboveNodeStart)} (files x nodes ${fmtX(step.filesTimesNodes)})`
        )
        .join('; '),
      met,
      verdict: met
        ? 'met: the work grows no faster than the inputs'
        : `missed: the work grows ${fmtX(worst)} faster than the inputs`
    })
  }

  return {
    issue: 7,
    size: TARGET_SIZE,
    measuredAt: r?.measuredAt ?? null,
    loadAverage1m: r?.loadAverage1m ?? null,
    cores: r?.machine?.cores ?? null,
    rows
  }
}

/** Whether the machine was busy: a load average above the core count means other work competed. */
function describeLoad(load, cores) {
  if (!load || !cores) return 'The load average was not recorded.'
  const busy = Math.max(load.before ?? 0, load.after ?? 0) > cores
  return (
    `1-minute load average ${load.before} before and ${load.after} after, on ${cores} cores: ` +
    (busy
      ? 'other work competed for the CPU, so every time is inflated and noisy. Ratios taken within a round cancel part of that, not all of it (the tools use the cores differently: turbo runs threads in parallel, imagegraph runs git alongside Node), so re-measure on an idle machine before leaning on a ratio near its target.'
      : 'the machine was otherwise about idle.')
  )
}

function renderEarlierTargets(results) {
  const targets = results.earlierTargets
  if (!targets) return []
  const lines = [
    `### Earlier targets (issue ${targets.issue ?? 7}, on ${targets.size})`,
    '',
    'Superseded by the targets above; kept to show the distance travelled. ' +
      describeLoad(targets.loadAverage1m, targets.cores),
    '',
    '| target | measured on ' + targets.size + ' | verdict |',
    '| --- | --- | --- |'
  ]
  for (const row of targets.rows) lines.push(`| ${row.target} | ${row.measured} | ${row.verdict} |`)
  lines.push('')
  return lines
}

function renderScaling(results) {
  const scaling = results.scaling
  const lines = [
    '## Scaling',
    '',
    "imagegraph's time over the three sizes. Its own work is its time less `node -e 0` in the same " +
      'round; ms per 1,000 files divides that work by the tracked files. The floor is as above.',
    '',
    '| size | tracked files | images | graph nodes | imagegraph median ms | own work ms | ms per 1,000 files | floor ms | imagegraph / floor |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |'
  ]
  for (const row of scaling)
    lines.push(
      `| ${row.size} | ${row.files.toLocaleString('en')} | ${row.images.toLocaleString('en')} | ${row.graphNodes.toLocaleString('en')} | ` +
        `${fmtMs(row.imagegraphMs)} | ${fmtMs(row.aboveNodeStartMs)} | ${row.msPer1000Files ?? '–'} | ${fmtMs(row.floorMs)} | ` +
        `${row.imagegraphToFloor != null ? fmtX(row.imagegraphToFloor) : '–'} |`
    )
  lines.push('')
  const curve = scaling.map(row => results.sizes[row.size])
  const runs = new Set(curve.map(r => r.runStartedAt ?? r.measuredAt))
  const builds = new Set(curve.map(r => r.imagegraph.cliSha256 ?? 'unknown'))
  if (runs.size > 1 || builds.size > 1)
    lines.push(
      `Caution: these sizes come from different runs${builds.size > 1 ? ' and perhaps different imagegraph builds' : ''} ` +
        `(${curve.map(r => `${r.size} ${r.measuredAt.slice(0, 16).replace('T', ' ')}${r.imagegraph.cliSha256 ? ` build ${r.imagegraph.cliSha256}` : ''}`).join(', ')} UTC); ` +
        'run them together (`npm run bench`) before reading the curve.',
      ''
    )
  lines.push(
    `1-minute load average before/after, per size: ${curve.map(r => `${r.size} ${r.loadAverage1m?.before ?? '?'}/${r.loadAverage1m?.after ?? '?'}`).join(', ')}, ` +
      `on ${results.machine.cores} cores. Above the core count, other work slowed that size.`,
    ''
  )
  const steps = growthSteps(scaling)
  if (steps.length > 0) {
    lines.push(
      steps
        .map(
          step =>
            `From ${step.from} to ${step.to} tracked files grow ${fmtX(step.files)} and graph nodes ${fmtX(step.graphNodes)}; ` +
            `imagegraph's time grows ${fmtX(step.imagegraph)}` +
            (step.aboveNodeStart !== null ? ` and its own work ${fmtX(step.aboveNodeStart)}` : '') +
            ` (a cost in files x globs would grow about ${fmtX(step.filesTimesNodes)}).`
        )
        .join(' '),
      ''
    )
  }
  const offCurve = results.sizes['large-50kb']
  if (offCurve && !offCurve.imagegraph.skipped && offCurve.commands.imagegraph?.medianMs != null) {
    lines.push(
      `Off the curve, large-50kb (${offCurve.repo.files.toLocaleString('en')} files of 50 KB, ${offCurve.repo.images.toLocaleString('en')} images) takes ` +
        `${fmtMs(offCurve.commands.imagegraph.medianMs)} ms, ${offCurve.ratios.fullFloor?.median != null ? fmtX(offCurve.ratios.fullFloor.median) : '–'} the floor.`,
      ''
    )
  }
  for (const size of ['packages', 'huge']) {
    const r = results.sizes[size]
    if (!r || r.imagegraph.skipped || r.commands.imagegraph?.medianMs == null) continue
    lines.push(
      `Off the curve, ${size} (${r.repo.files.toLocaleString('en')} files, ${r.repo.images.toLocaleString('en')} images${r.repo.graphOf ? `, ${r.repo.graphOf}'s graph` : ''}) takes ` +
        `${fmtMs(r.commands.imagegraph.medianMs)} ms, ${r.ratios.fullFloor?.median != null ? fmtX(r.ratios.fullFloor.median) : '–'} the floor.`,
      ''
    )
  }
  return lines
}

function renderMarkdown(results) {
  const m = results.machine
  const lines = [
    '# imagegraph benchmark results',
    '',
    'Generated by `npm run bench` (`node bench/run.mjs`); see bench/README.md for what each figure means.',
    '',
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB memory, ${m.os} (kernel ${m.kernel}); ` +
      `Node ${m.node}, git ${m.git}, turbo ${m.turbo}, nx ${m.nx}. Peak memory read with ${results.memoryMeter}.`,
    '',
    ...renderTargets(results),
    ...renderEarlierTargets(results),
    ...renderRootContextTargets(results),
    ...renderScaling(results)
  ]
  for (const size of Object.keys(SIZES)) {
    const r = results.sizes[size]
    if (!r) continue
    const repo = r.repo
    lines.push(`## ${size}`)
    lines.push('')
    const graphText =
      repo.kind === 'packages'
        ? `${repo.images} packages of about ${Math.round(repo.files / repo.images).toLocaleString('en')} files, one image each whose inputs are its dependencies' images ` +
          `(${repo.dependencyEdges ?? '?'} dependency edges, chains up to ${repo.maxImageChainDepth} edges long)`
        : `${repo.configs} configs, ${repo.processes} processes, ${repo.images} images (image-on-image chains up to ${repo.maxImageChainDepth} edges long)` +
          (repo.graphOf
            ? `: ${repo.graphOf}'s graph and files, byte for byte, plus ${repo.unnamedFiles.toLocaleString('en')} files in directories no node names (vendor/, third_party/, docs/archive/)`
            : '')
    lines.push(
      `${repo.files.toLocaleString('en')} tracked files (${repo.megabytes} MB), ${graphText}; the second commit changes ${repo.changedFiles.length} files ` +
        `and affects ${repo.expectedAffectedImages} images. Median of ${r.rounds.runs} interleaved rounds after ${r.rounds.warmup} warm-up; measured ${r.measuredAt.slice(0, 16).replace('T', ' ')} UTC, ` +
        `1-minute load average ${r.loadAverage1m?.before ?? '?'} before and ${r.loadAverage1m?.after ?? '?'} after on ${r.machine?.cores ?? m.cores} cores.`
    )
    lines.push('')
    if (repo.workTree === false)
      lines.push(
        'This repository has commits and an index but no work tree (written with `git fast-import`; a million files on disk would cost minutes to write and gigabytes to keep), ' +
          'so turbo and Nx, which read the work tree, are not run on it: only imagegraph, which plans from commits, and the floor.',
        ''
      )
    if (r.machine && JSON.stringify(r.machine) !== JSON.stringify(m)) {
      lines.push(
        `Measured on another machine or setup: ${r.machine.cpu}, ${r.machine.cores} cores; Node ${r.machine.node}, turbo ${r.machine.turbo}, nx ${r.machine.nx}.`,
        ''
      )
    }
    if (r.imagegraph.skipped) lines.push(`imagegraph not timed: ${r.imagegraph.skipped}.`, '')
    lines.push(
      '| command | what it computes | median ms | min–max ms | peak RSS MiB | imagegraph / this | output check |'
    )
    lines.push('| --- | --- | ---: | ---: | ---: | ---: | --- |')
    for (const [id, c] of Object.entries(r.commands)) {
      const ratio = r.ratios[id]?.median
      const check = c.error
        ? `FAILED: ${c.error.split('\n')[0].slice(0, 80)}`
        : describeCheck(c.check)
      lines.push(
        `| \`${c.label}\` | ${c.what} | ${fmtMs(c.medianMs)} | ${fmtMs(c.minMs)}–${fmtMs(c.maxMs)} | ${c.medianMaxRssMiB ?? '–'} | ` +
          `${id === 'imagegraph' ? '1' : ratio != null ? ratio.toFixed(2) : '–'} | ${check} |`
      )
    }
    lines.push(
      `| floor: git ls-files + git diff | sum of the two git commands, per round | ${fmtMs(r.floor.medianMs)} | | | ${r.ratios.floor?.median != null ? r.ratios.floor.median.toFixed(2) : '–'} | |`
    )
    if (r.fullFloor)
      lines.push(
        `| floor: git ls-files + git diff + node -e 0 | the floor for a Node CLI, per round | ${fmtMs(r.fullFloor.medianMs)} | | | ${r.ratios.fullFloor?.median != null ? r.ratios.fullFloor.median.toFixed(2) : '–'} | |`
      )
    lines.push('')
  }
  lines.push(...renderShapes(results))
  return lines.join('\n')
}

/**
 * Which of a shape's expected sets the affected images are (rootctx): `narrowed`, the images whose
 * Dockerfiles copy the changed file (issue 13); `whole`, every image whose context holds it (the
 * rule before issue 13); `neither` is a wrong plan.
 */
function affectedScope(names, expected) {
  const same = list => list.length === names.length && list.every(n => names.includes(n))
  const scope = same(expected.narrowed) ? 'narrowed' : same(expected.whole) ? 'whole' : 'neither'
  if (scope !== 'neither') return { scope }
  return {
    scope,
    missing: expected.narrowed.filter(n => !names.includes(n)).slice(0, 10),
    extra: names.filter(n => !expected.narrowed.includes(n)).slice(0, 10)
  }
}

const SCOPE_TEXT = {
  narrowed: 'narrowed to what the Dockerfiles copy',
  whole: 'the whole context',
  neither: 'FAILED: neither the narrowed nor the whole-context set'
}

/** "1 of 25 (narrowed to what the Dockerfiles copy) for src/checkout/main.go" */
function describeScope(check, changedFile) {
  if (check.error) return `FAILED: ${check.error.split('\n')[0].slice(0, 120)}`
  return `${check.affectedImages} of ${check.ofImages} (${SCOPE_TEXT[check.scope]}) for ${changedFile}`
}

/** Plans a shape's further change once (untimed) and says which set its affected images are. */
function checkVariant(variant, planCommand, meta, scratch) {
  const args = [
    'plan',
    '--json',
    '--base',
    variant.base,
    '--head',
    variant.head,
    '--repo',
    planCommand.cwd
  ]
  const m = measure(
    { kind: 'none' },
    { ...planCommand, id: `variant-${variant.name}`, args: [planCommand.args[0], ...args] },
    scratch
  )
  const base = { name: variant.name, path: variant.path, ofImages: meta.counts.images }
  if (!m.ok) return { ...base, scope: 'neither', error: m.error }
  const names = JSON.parse(fs.readFileSync(m.stdoutFile, 'utf8')).affectedImages
  return { ...base, affectedImages: names.length, ...affectedScope(names, variant.expected) }
}

/** A shape's limit: no run over a few seconds (the issue's target). */
const SHAPE_LIMIT_MS = 5_000

/**
 * Times imagegraph alone on a graph shape: `plan --json` and `validate`, whole processes, the
 * median of the rounds after the warm-up; checks the affected images and keeps the plan's size.
 */
function benchShape(shape, options, meter) {
  log(`\n== shape ${shape}`)
  const { dir, meta } = ensureShapeRepo({
    shape,
    regenerate: options.regenerate,
    root: options.cacheDir,
    log
  })
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), `imagegraph-bench-${shape}-`))
  const env = { ...process.env, ...QUIET_ENV }
  const commands = [
    {
      id: 'plan',
      label: 'imagegraph plan --json',
      args: ['plan', '--json', '--base', meta.base, '--head', meta.head, '--repo', dir]
    },
    { id: 'validate', label: 'imagegraph validate', args: ['validate', '--repo', dir] }
  ]
    .filter(c => SHAPES[shape].commands?.includes(c.id) ?? true)
    .map(c => ({
      ...c,
      file: process.execPath,
      args: [options.imagegraph, ...c.args],
      cwd: dir,
      env
    }))
  // --compare-build: the other build's plan in the same rounds, so the load cancels in the ratio.
  const compare = options.compareBuild ? { ...options.compareBuild } : null
  if (compare) {
    const plan = commands.find(c => c.id === 'plan')
    commands.push({
      ...plan,
      id: 'plan-then',
      label: `imagegraph plan --json (build of ${compare.rev})`,
      args: [compare.cli, ...plan.args.slice(1)]
    })
  }
  const perRound = []
  const runs = options.runs ?? SHAPES[shape].rounds?.runs ?? 3
  const warmup = options.warmup ?? SHAPES[shape].rounds?.warmup ?? 1
  const samples = Object.fromEntries(commands.map(c => [c.id, []]))
  const errors = {}
  let check = null
  const load = () => Number(os.loadavg()[0].toFixed(2))
  const loadBefore = load()
  for (let round = 0; round < warmup + runs; round++) {
    const walls = {}
    // With a build to compare, the order alternates per round, so neither always goes first.
    for (const command of compare && round % 2 ? [...commands].reverse() : commands) {
      const m = measure(meter, command, scratch)
      if (!m.ok) errors[command.id] = m.error
      if (m.ok) walls[command.id] = m.wallMs
      if (command.id === 'plan-then' && m.ok && compare && !compare.check) {
        const names = JSON.parse(fs.readFileSync(m.stdoutFile, 'utf8')).affectedImages
        compare.check = {
          affectedImages: names.length,
          ...(meta.expected
            ? { ofImages: meta.counts.images, ...affectedScope(names, meta.expected) }
            : {})
        }
      }
      if (command.id === 'plan' && m.ok && check === null) {
        const text = fs.readFileSync(m.stdoutFile, 'utf8')
        const plan = JSON.parse(text)
        const scoped = meta.expected ? affectedScope(plan.affectedImages, meta.expected) : {}
        check = {
          affectedImages: plan.affectedImages.length,
          ...(meta.expected ? { ofImages: meta.counts.images } : {}),
          ...scoped,
          matchesGraph: meta.expected
            ? scoped.scope !== 'neither'
            : plan.affectedImages.length === meta.expectedAffectedImages,
          planJsonBytes: Buffer.byteLength(text),
          longestReasonChars: Math.max(
            0,
            ...Object.values(plan.images).flatMap(n => n.reasons.map(r => r.length))
          )
        }
        if (meta.expected) log(`  affected ${describeScope(check, meta.changedFile)}`)
        if (meta.variants) {
          check.variants = meta.variants.map(v => checkVariant(v, command, meta, scratch))
          for (const v of check.variants)
            log(`  variant ${v.name}: affected ${describeScope(v, v.path)}`)
        }
      }
      if (round >= warmup && m.ok) samples[command.id].push(m)
      log(`  ${command.id} ${m.ok ? `${m.wallMs.toFixed(0)} ms` : 'FAILED'}`)
    }
    if (round >= warmup && walls.plan && walls['plan-then'])
      perRound.push(walls.plan / walls['plan-then'])
  }
  fs.rmSync(scratch, { recursive: true, force: true })
  const summary = Object.fromEntries(
    commands.map(c => {
      const wall = samples[c.id].map(s => s.wallMs)
      const rss = samples[c.id].map(s => s.maxRssKiB).filter(v => v !== null)
      const cpu = samples[c.id].map(s => s.cpuMs).filter(v => v !== null)
      return [
        c.id,
        {
          label: c.label,
          medianMs: wall.length ? round(median(wall), 1) : null,
          minMs: wall.length ? round(Math.min(...wall), 1) : null,
          maxMs: wall.length ? round(Math.max(...wall), 1) : null,
          maxRssMiB: rss.length ? round(Math.max(...rss) / 1024, 1) : null,
          medianCpuMs: cpu.length ? round(median(cpu), 0) : null,
          samplesMs: wall.map(v => round(v, 1)),
          ...(errors[c.id] ? { error: errors[c.id] } : {})
        }
      ]
    })
  )
  const slowest = Math.max(...Object.values(summary).map(c => c.maxMs ?? Infinity))
  return {
    repo: {
      files: meta.files,
      ...meta.counts,
      nodes: meta.counts.configs + meta.counts.processes + meta.counts.images,
      changedFile: meta.changedFile,
      expectedAffectedImages: meta.expectedAffectedImages,
      ...(meta.expected ? { expected: meta.expected } : {}),
      ...(meta.variants
        ? {
            variants: meta.variants.map(v => ({ name: v.name, path: v.path, expected: v.expected }))
          }
        : {})
    },
    imagegraph: {
      cli: path.relative(REPO_ROOT, options.imagegraph),
      cliSha256: buildHash(options.imagegraph)
    },
    ...(compare
      ? {
          compared: {
            rev: compare.rev,
            commit: compare.commit,
            cliSha256: buildHash(compare.cli),
            check: compare.check ?? null,
            // plan / plan-then, each round; the median is the figure to read.
            ratio: {
              perRound: perRound.map(v => round(v, 3)),
              median: perRound.length ? round(median(perRound), 3) : null
            }
          }
        }
      : {}),
    rounds: { runs, warmup },
    measuredAt: new Date().toISOString(),
    loadAverage1m: { before: loadBefore, after: load() },
    commands: summary,
    check,
    target: {
      limitMs: SHAPE_LIMIT_MS,
      slowestMs: round(slowest, 1),
      met: slowest <= SHAPE_LIMIT_MS
    }
  }
}

function renderShapes(results) {
  const shapes = Object.entries(results.shapes ?? {})
  if (shapes.length === 0) return []
  const lines = [
    '## Graph shapes',
    '',
    'Graphs whose cost is in the graph rather than the files (bench/README.md, "Graph shapes"): imagegraph alone, ' +
      `each command a whole process; the target is no run over ${SHAPE_LIMIT_MS / 1000} s, and a plan that grows with the graph (bytes per node), not with its depth.`,
    '',
    '| shape | files | nodes | affected images | command | median ms | min–max ms | CPU ms (user+sys) | peak RSS MiB | plan JSON | longest reason | target |',
    '| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |'
  ]
  for (const [shape, r] of shapes) {
    for (const [id, c] of Object.entries(r.commands)) {
      const plan = id === 'plan' && r.check
      lines.push(
        `| ${shape} | ${r.repo.files.toLocaleString('en')} | ${r.repo.nodes.toLocaleString('en')} | ` +
          `${r.check ? `${r.check.affectedImages}${r.check.scope ? ` of ${r.check.ofImages} (${r.check.scope})` : ''}${r.check.matchesGraph ? '' : ' (DIFFERS)'}` : '–'} | \`${c.label}\` | ` +
          `${c.error ? `FAILED: ${c.error.split('\n')[0].slice(0, 60)}` : fmtMs(c.medianMs)} | ${fmtMs(c.minMs)}–${fmtMs(c.maxMs)} | ${fmtMs(c.medianCpuMs)} | ${c.maxRssMiB ?? '–'} | ` +
          `${plan ? `${(plan.planJsonBytes / 1e6).toFixed(2)} MB (${Math.round(plan.planJsonBytes / r.repo.nodes)} B/node)` : ''} | ` +
          `${plan ? `${plan.longestReasonChars} chars` : ''} | ${id === 'plan' ? (r.target.met ? 'met' : `missed: slowest ${fmtMs(r.target.slowestMs)} ms`) : ''} |`
      )
    }
  }
  lines.push('')
  for (const [shape, r] of shapes)
    lines.push(
      `${shape}: ${r.repo.configs} configs, ${r.repo.processes} processes, ${r.repo.images} images; the second commit changes ${r.repo.changedFile}. ` +
        `Median of ${r.rounds.runs} rounds after ${r.rounds.warmup} warm-up, measured ${r.measuredAt.slice(0, 16).replace('T', ' ')} UTC, 1-minute load average ${r.loadAverage1m.before} before and ${r.loadAverage1m.after} after` +
        (r.imagegraph?.cliSha256 ? `, build ${r.imagegraph.cliSha256}.` : '.') +
        (r.check?.scope
          ? ` Affected ${describeScope(r.check, r.repo.changedFile)}` +
            (r.check.variants ?? []).map(v => `; ${describeScope(v, v.path)} (untimed)`).join('') +
            '.'
          : '')
    )
  lines.push('')
  return lines
}

function describeCheck(check) {
  if (!check) return ''
  if (check.note) return check.note
  const parts = []
  if ('affectedImages' in check)
    parts.push(
      `${check.affectedImages} affected images${check.matchesGraph ? ', as the graph says' : ', DIFFERS from the graph'}`
    )
  if ('keyedImages' in check) parts.push(`${check.keyedImages} content keys`)
  if ('tasks' in check)
    parts.push(`${check.tasks} tasks${check.hashed ? ' hashed' : ', some without hash'}`)
  if ('changedFiles' in check) parts.push(`${check.changedFiles} changed files`)
  return parts.join('; ')
}

async function main() {
  const options = parseArgs(process.argv.slice(2))
  const peers = ensurePeers()
  const meter = chooseMeter()
  if (meter.kind === 'none')
    log('Peak memory not measured: install GNU time (apt-get install time) or python3.')
  const machine = describeMachine(peers)
  const runStartedAt = new Date().toISOString()
  log(
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB; node ${machine.node}, git ${machine.git}, turbo ${machine.turbo}, nx ${machine.nx}`
  )
  if (!fs.existsSync(options.imagegraph))
    log(`imagegraph skipped: no CLI at ${options.imagegraph} (build it first)`)
  if (options.compareBuild)
    options.compareBuild = extractBuild(options.compareBuild, options.cacheDir)

  // Sizes not measured now keep their earlier figures, so one size can be re-run alone.
  const resultsFile = path.join(BENCH_DIR, 'results.json')
  let previous = { sizes: {} }
  try {
    previous = JSON.parse(fs.readFileSync(resultsFile, 'utf8'))
  } catch {
    // first run
  }
  const results = {
    machine,
    memoryMeter: {
      'gnu-time': 'GNU time (%M)',
      'python-wait4': 'python3 os.wait4',
      none: 'nothing (not measured)'
    }[meter.kind],
    // "No slower anywhere else" compares with these figures: the results before the first run
    // that recorded a baseline, carried from run to run until --rebaseline takes the current ones.
    baseline:
      !options.rebaseline && Object.keys(previous.baseline?.sizes ?? {}).length > 0
        ? previous.baseline
        : baselineFrom(previous, describeResultsFile()),
    targets: null,
    rootContextTargets: null,
    earlierTargets: null,
    scaling: previous.scaling ?? null,
    sizes: { ...previous.sizes },
    shapes: { ...previous.shapes }
  }
  const update = async () => {
    results.targets = assessTargets(results)
    results.rootContextTargets = assessRootContextTargets(results)
    results.earlierTargets = assessEarlierTargets(results.sizes)
    results.scaling = scalingOf(results.sizes)
    fs.writeFileSync(resultsFile, await formatJson(resultsFile, results))
    // The registry scenario (bench/registry.mjs) keeps its section.
    fs.writeFileSync(
      path.join(BENCH_DIR, 'RESULTS.md'),
      withRegistrySection(renderMarkdown(results))
    )
  }
  for (const size of options.sizes) {
    results.sizes[size] = { ...benchSize(size, options, peers, meter), runStartedAt, machine }
    await update()
  }
  for (const shape of options.shapes) {
    results.shapes[shape] = { ...benchShape(shape, options, meter), runStartedAt, machine }
    // --baseline-shapes: this run's figures become the shape's baseline; the rest is kept.
    if (options.baselineShapes.includes(shape)) {
      results.baseline = {
        ...results.baseline,
        shapes: {
          ...results.baseline.shapes,
          [shape]: shapeBaselineFrom(results.shapes[shape], describeBuild(options.imagegraph))
        }
      }
      log(`  recorded as the baseline for shape ${shape}`)
    }
    await update()
  }
  log(
    `\nWrote ${path.relative(process.cwd(), path.join(BENCH_DIR, 'RESULTS.md'))} and ${path.relative(process.cwd(), resultsFile)}`
  )
}

/** Where the baseline's figures come from: results.json before this run, and its commit. */
function describeResultsFile() {
  const rel = 'bench/results.json'
  const commit = firstLine('git', ['-C', REPO_ROOT, 'log', '-1', '--format=%h %cs', '--', rel])
  if (!commit) return `${rel} before the run that took this baseline`
  const clean =
    spawnSync('git', ['-C', REPO_ROOT, 'diff', '--quiet', 'HEAD', '--', rel]).status === 0
  return `${rel} before the run that took this baseline, ${clean ? 'as committed in' : 'changed since'} ${commit}`
}

/**
 * --compare-build REV: the dist/ committed at REV, written once under the cache directory (named by
 * its tree id), to be timed beside this build on the shapes. dist/ is self-contained (rollup
 * bundles the dependencies), so it runs from anywhere.
 */
function extractBuild(rev, cacheDir) {
  const commit = firstLine('git', ['-C', REPO_ROOT, 'rev-parse', '--verify', `${rev}^{commit}`])
  const tree =
    commit && firstLine('git', ['-C', REPO_ROOT, 'rev-parse', '--verify', `${commit}:dist`])
  if (!tree) throw new Error(`--compare-build: '${rev}' is not a commit with a dist/ here`)
  const dir = path.join(cacheDir, `build-${tree.slice(0, 12)}`)
  const cli = path.join(dir, 'dist', 'cli.js')
  if (!fs.existsSync(cli)) {
    fs.mkdirSync(dir, { recursive: true })
    const tar = path.join(dir, 'dist.tar')
    execFileSync('git', ['-C', REPO_ROOT, 'archive', '--format=tar', '-o', tar, commit, 'dist'])
    execFileSync('tar', ['-xf', tar, '-C', dir])
    fs.rmSync(tar)
  }
  log(`Comparing with the build of ${rev} (${commit.slice(0, 7)}): ${cli}`)
  return { rev, commit: commit.slice(0, 7), cli }
}

/**
 * The build timed, for a baseline taken in this run: the last commit that wrote dist/, whether
 * dist/ still matches it, and the commit checked out.
 */
function describeBuild(cli) {
  const rel = 'dist'
  if (path.resolve(cli) !== path.join(REPO_ROOT, rel, 'cli.js'))
    return `this run (--baseline-shapes) with ${cli}`
  const built = firstLine('git', ['-C', REPO_ROOT, 'log', '-1', '--format=%h %cs', '--', rel])
  const head = firstLine('git', ['-C', REPO_ROOT, 'log', '-1', '--format=%h'])
  if (!built) return 'this run (--baseline-shapes)'
  const clean =
    spawnSync('git', ['-C', REPO_ROOT, 'diff', '--quiet', 'HEAD', '--', rel]).status === 0
  const tree = clean
    ? firstLine('git', ['-C', REPO_ROOT, 'rev-parse', '--short', 'HEAD:dist'])
    : null
  return `this run (--baseline-shapes) with dist/ ${clean ? `as committed in ${built} (tree ${tree})` : `changed since ${built}`}, at ${head}`
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

try {
  await main()
} catch (error) {
  console.error(`bench: ${process.env.BENCH_DEBUG ? error.stack : error.message}`)
  process.exit(1)
}
