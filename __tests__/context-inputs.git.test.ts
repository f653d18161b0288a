// Issue 13 on real git repositories: an image built from the repository root reads only what its
// Dockerfile copies (after .dockerignore), so only a change to that affects it or moves its key.
// The shape is the opentelemetry-demo's, small: every image has context `.` and its Dockerfile at
// src/<service>/Dockerfile, a shared pb/demo.proto, a root .dockerignore.
import { existsSync, readFileSync, rmSync } from 'node:fs'
import * as path from 'node:path'
import { GitCommandLine } from '../src/adapters/git.js'
import type { Plan } from '../src/core/plan.js'
import { keyBreakdownsAt, namedRange, planRepository } from '../src/commands/plan.js'
import { whyText } from '../src/core/report.js'
import { imageJobs } from '../src/core/image-jobs.js'
import { TestRepo, removeTempDirs } from './helpers/repo.js'

afterAll(removeTempDirs)

const SERVICES = ['checkout', 'cart', 'frontend', 'payment', 'quote', 'flags', 'email'] as const

/** The repository's files; a test may replace or add some (see `Shape`). Line numbers matter: reasons name them. */
const FILES: Record<string, string> = {
  '.dockerignore': ['**/*.md', '!src/*/README.md', '**/node_modules', '**/*.log', ''].join('\n'),
  'README.md': '# demo\n',
  'docs/x.md': 'how to run\n',
  Makefile: 'all:\n\ttrue\n',
  'app/x.txt': 'a root directory named like the path quote copies between its stages\n',
  'pb/demo.proto': 'syntax = "proto3";\npackage demo;\n',
  'tools/build.sh': '#!/bin/sh\necho build\n',
  'tools/NOTES.md': 'excluded by **/*.md, but a bind mount reads it anyway\n',

  // Plain COPYs; go.mod is reached by two of them (lines 3 and 5).
  'src/checkout/Dockerfile': [
    'FROM golang:1.22 AS builder',
    'WORKDIR /usr/src/app',
    'COPY ./src/checkout/go.mod ./src/checkout/go.sum ./',
    'COPY ["/pb/demo.proto", "pb/"]',
    'COPY ./src/checkout/ ./',
    'RUN go build -o /checkout .',
    '',
    'FROM busybox',
    'COPY --from=builder /checkout /checkout',
    'ENTRYPOINT ["/checkout"]',
    ''
  ].join('\n'),
  'src/checkout/go.mod': 'module checkout\n',
  'src/checkout/go.sum': '',
  'src/checkout/main.go': 'package main\n',
  'src/checkout/notes.md': 'excluded by **/*.md\n',
  'src/checkout/README.md': 're-included by !src/*/README.md\n',

  // An ARG default in a source.
  'src/cart/Dockerfile': [
    'FROM busybox',
    'ARG SVC=cart',
    'WORKDIR /app',
    'COPY ./pb/ ./pb/',
    'COPY ./src/${SVC}/ ./',
    ''
  ].join('\n'),
  'src/cart/cart.csproj': '<Project/>\n',
  'src/cart/Program.cs': 'class P {}\n',

  // pb/demo.proto reached by two instructions in two stages (lines 4 and 9).
  'src/frontend/Dockerfile': [
    'FROM node:20 AS deps',
    'WORKDIR /app',
    'COPY ./src/frontend/package.json ./',
    'COPY ./pb/ ./pb/',
    'COPY ./src/frontend/ ./',
    '',
    'FROM node:20',
    'COPY --from=deps /app /app',
    'COPY pb/demo.proto /app/proto/',
    ''
  ].join('\n'),
  'src/frontend/package.json': '{}\n',
  'src/frontend/pages/index.tsx': 'export {}\n',
  'src/frontend/node_modules/react/index.js': 'tracked by mistake, excluded by **/node_modules\n',

  // A continuation line, and a bind mount of the context's tools/ (line 5).
  'src/payment/Dockerfile': [
    'FROM node:20 AS build',
    'WORKDIR /app',
    'COPY --chown=node:node \\',
    '     ./src/payment/package.json ./src/payment/index.js ./',
    'RUN --mount=type=bind,source=tools,target=/t /t/build.sh',
    '',
    'FROM busybox',
    'COPY --from=build /app /app',
    ''
  ].join('\n'),
  'src/payment/package.json': '{}\n',
  'src/payment/index.js': 'console.log(1)\n',

  // What reads nothing from the context: a cache mount, COPY --from, a bind mount from a stage, a URL.
  'src/quote/Dockerfile': [
    'FROM busybox AS builder',
    'WORKDIR /app',
    'RUN --mount=type=cache,target=/root/.cache true',
    'COPY ./src/quote/app/ /app/',
    '',
    'FROM busybox',
    'COPY --from=builder /app /app',
    'RUN --mount=type=bind,from=builder,source=/app,target=/mnt ls /mnt',
    'ADD https://example.com/x.tgz /x',
    ''
  ].join('\n'),
  'src/quote/app/index.php': '<?php\n',
  'src/quote/vendor/lib.php': '<?php // not copied\n',

  // A global ARG before FROM, declared again in the stage, and an ENV used in a later COPY.
  'src/flags/Dockerfile': [
    'ARG SVC=flags',
    'FROM busybox AS build',
    'ARG SVC',
    'WORKDIR /app',
    'ENV MIX_ENV=prod',
    'COPY ./src/${SVC}/mix.exs ./',
    'COPY ./src/${SVC}/config/${MIX_ENV}.exs config/',
    'COPY ./src/${SVC}/lib lib',
    '',
    'FROM busybox',
    'COPY --from=build /app /app',
    ''
  ].join('\n'),
  'src/flags/mix.exs': 'defmodule Flags.MixProject do end\n',
  'src/flags/config/prod.exs': 'import Config\n',
  'src/flags/config/dev.exs': 'import Config\n',
  'src/flags/lib/flags.ex': 'defmodule Flags do end\n',

  // Its own ignore file beside the Dockerfile; a long instruction with runs of spaces (line 3).
  'src/email/Dockerfile': [
    'FROM ruby:3.3',
    'WORKDIR /app',
    'COPY  ./src/email/Gemfile   ./src/email/Gemfile.lock ./src/email/email_server.rb ./src/email/views/layout.erb ./',
    'COPY ./src/email/ ./',
    ''
  ].join('\n'),
  'src/email/Dockerfile.dockerignore': ['**/*.md', 'src/email/spec', ''].join('\n'),
  'src/email/Gemfile': "source 'https://rubygems.org'\n",
  'src/email/Gemfile.lock': '',
  'src/email/email_server.rb': 'puts 1\n',
  'src/email/views/layout.erb': '<html/>\n',
  'src/email/notes.md': 'excluded by both ignore files\n',
  'src/email/spec/server_spec.rb': 'excluded by the Dockerfile.dockerignore only\n'
}

interface GraphOptions {
  /** Lines at the top level, after `version: 1`. */
  top?: string[]
  /** Extra lines under an image. */
  image?: Record<string, string[]>
  /** More images: name -> lines under it. */
  more?: Record<string, string[]>
}

function graphText(o: GraphOptions = {}): string {
  const lines = ['version: 1', ...(o.top ?? []), 'images:']
  for (const svc of SERVICES) {
    lines.push(`  ${svc}:`, '    context: .', `    dockerfile: src/${svc}/Dockerfile`)
    for (const l of o.image?.[svc] ?? []) lines.push(`    ${l}`)
  }
  for (const [name, more] of Object.entries(o.more ?? {})) {
    lines.push(`  ${name}:`, ...more.map(l => `    ${l}`))
  }
  return lines.join('\n') + '\n'
}

interface Shape {
  /** Files replacing or added to FILES. */
  files?: Record<string, string>
  graph?: GraphOptions
  /** More to do before the base commit (a symlink). */
  setup?: (repo: TestRepo) => void
}

function demoRepo(shape: Shape = {}): TestRepo {
  const repo = TestRepo.init()
  for (const [file, text] of Object.entries({ ...FILES, ...shape.files })) repo.write(file, text)
  repo.write('imagegraph.yml', graphText(shape.graph))
  shape.setup?.(repo)
  repo.commit('the demo')
  return repo
}

function planOf(repo: TestRepo, base: string, head: string): Promise<Plan> {
  return planRepository(new GitCommandLine(repo.dir), {
    graphFile: 'imagegraph.yml',
    base: namedRange(base, head)
  })
}

/** Append a line to each file (or create it), as a commit would. */
const edit =
  (...files: string[]) =>
  (repo: TestRepo): void => {
    for (const f of files) {
      const full = path.join(repo.dir, f)
      const before = existsSync(full) ? readFileSync(full, 'utf8') : ''
      repo.write(f, `${before}edited\n`)
    }
  }

/**
 * The demo committed, `change` applied and committed; `plan` is base..head, `before` plans the base
 * alone (so its keys are the base's).
 */
async function scenario(
  change: (repo: TestRepo) => void,
  shape: Shape = {}
): Promise<{ plan: Plan; before: Plan }> {
  const repo = demoRepo(shape)
  const base = repo.head()
  change(repo)
  const head = repo.commit('edit')
  const [before, plan] = await Promise.all([planOf(repo, base, base), planOf(repo, base, head)])
  return { plan, before }
}

/** Affected images, in graph order. */
const affected = (p: Plan) => p.order.filter(n => p.nodes.get(n)!.affected)
const reasons = (p: Plan, name: string) => p.nodes.get(name)!.reasons
const keyOf = (p: Plan, name: string) => p.nodes.get(name)!.key
/** The images whose keys differ between the base's plan and the head's. */
const keyChanges = (before: Plan, after: Plan) =>
  after.order.filter(n => keyOf(before, n) !== keyOf(after, n))

describe('images built from the repository root read only what their Dockerfiles copy', () => {
  test('case 1: a service file affects that service only, and the reason names the COPY', async () => {
    const { plan: p } = await scenario(edit('src/checkout/main.go'))
    expect(affected(p)).toEqual(['checkout'])
    expect(reasons(p, 'checkout')).toEqual([
      'src/checkout/main.go -> COPY ./src/checkout/ ./ (src/checkout/Dockerfile:5) -> image checkout'
    ])
  })

  test('case 1b: a file two COPYs reach gives two reasons', async () => {
    const { plan: p } = await scenario(edit('src/checkout/go.mod'))
    expect(affected(p)).toEqual(['checkout'])
    expect([...reasons(p, 'checkout')].sort()).toEqual([
      'src/checkout/go.mod -> COPY ./src/checkout/ ./ (src/checkout/Dockerfile:5) -> image checkout',
      'src/checkout/go.mod -> COPY ./src/checkout/go.mod ./src/checkout/go.sum ./ (src/checkout/Dockerfile:3) -> image checkout'
    ])
  })

  test('case 1c: a changed Dockerfile affects its image, with the reason of today', async () => {
    const { plan: p } = await scenario(edit('src/checkout/Dockerfile'))
    expect(affected(p)).toEqual(['checkout'])
    // `COPY ./src/checkout/ ./` copies the Dockerfile too; whether that gives a second reason is
    // the plan's choice, the reason of today is there either way.
    expect(reasons(p, 'checkout')).toContain('src/checkout/Dockerfile -> image checkout')
  })

  test('case 1d: the instruction as written, on one line, whitespace collapsed, cut at 100 characters', async () => {
    const payment = await scenario(edit('src/payment/index.js'))
    expect(affected(payment.plan)).toEqual(['payment'])
    expect(reasons(payment.plan, 'payment')).toEqual([
      'src/payment/index.js -> COPY --chown=node:node ./src/payment/package.json ./src/payment/index.js ./ (src/payment/Dockerfile:3) -> image payment'
    ])
    const email = await scenario(edit('src/email/Gemfile'))
    expect(affected(email.plan)).toEqual(['email'])
    expect([...reasons(email.plan, 'email')].sort()).toEqual([
      'src/email/Gemfile -> COPY ./src/email/ ./ (src/email/Dockerfile:4) -> image email',
      'src/email/Gemfile -> COPY ./src/email/Gemfile ./src/email/Gemfile.lock ./src/email/email_server.rb ./src/email/views/lay… (src/email/Dockerfile:3) -> image email'
    ])
  })

  test('case 2: the shared pb/demo.proto affects exactly the three images that copy it', async () => {
    const { plan: p } = await scenario(edit('pb/demo.proto'))
    expect(affected(p)).toEqual(['checkout', 'cart', 'frontend'])
    expect(reasons(p, 'checkout')).toEqual([
      'pb/demo.proto -> COPY ["/pb/demo.proto", "pb/"] (src/checkout/Dockerfile:4) -> image checkout'
    ])
    expect(reasons(p, 'cart')).toEqual([
      'pb/demo.proto -> COPY ./pb/ ./pb/ (src/cart/Dockerfile:4) -> image cart'
    ])
    expect([...reasons(p, 'frontend')].sort()).toEqual([
      'pb/demo.proto -> COPY ./pb/ ./pb/ (src/frontend/Dockerfile:4) -> image frontend',
      'pb/demo.proto -> COPY pb/demo.proto /app/proto/ (src/frontend/Dockerfile:9) -> image frontend'
    ])
  })

  test('case 3: documentation at the root, which no COPY reaches and .dockerignore excludes, affects nothing', async () => {
    const { plan: p, before } = await scenario(edit('docs/x.md', 'README.md', 'docs/new.md'))
    expect(affected(p)).toEqual([])
    expect(keyChanges(before, p)).toEqual([])
  })

  test('case 4: a file the ignore file excludes under a copied directory is no input; a re-included one is', async () => {
    const excluded = await scenario(
      edit(
        'src/checkout/notes.md',
        'src/frontend/node_modules/react/index.js',
        'src/checkout/debug.log'
      )
    )
    expect(affected(excluded.plan)).toEqual([])
    expect(keyChanges(excluded.before, excluded.plan)).toEqual([])

    // `!src/*/README.md` after `**/*.md`: the last match wins, so the build copies it.
    const kept = await scenario(edit('src/checkout/README.md'))
    expect(affected(kept.plan)).toEqual(['checkout'])
    expect(reasons(kept.plan, 'checkout')).toEqual([
      'src/checkout/README.md -> COPY ./src/checkout/ ./ (src/checkout/Dockerfile:5) -> image checkout'
    ])
    expect(keyChanges(kept.before, kept.plan)).toEqual(['checkout'])
  })

  test('case 5: the root .dockerignore is an input of every image built from the root', async () => {
    // email has its own Dockerfile.dockerignore, which BuildKit prefers; buildah and podman read
    // the context's .dockerignore, so it is email's input too.
    const { plan: p, before } = await scenario(r =>
      r.write('.dockerignore', `${FILES['.dockerignore']}**/*.tmp\n`)
    )
    expect(affected(p)).toEqual([...SERVICES])
    for (const svc of SERVICES) {
      expect(reasons(p, svc).some(r => r.startsWith('.dockerignore'))).toBe(true)
    }
    expect(keyChanges(before, p)).toEqual([...SERVICES])
  })

  test('case 6: a <Dockerfile>.dockerignore beside the Dockerfile applies to that image', async () => {
    // Excluded by both the root .dockerignore and src/email/Dockerfile.dockerignore: no input.
    const both = await scenario(edit('src/email/notes.md'))
    expect(affected(both.plan)).toEqual([])
    expect(keyChanges(both.before, both.plan)).toEqual([])

    // Excluded by neither: an input.
    const neither = await scenario(edit('src/email/email_server.rb'))
    expect(affected(neither.plan)).toEqual(['email'])
    expect(reasons(neither.plan, 'email')).toContain(
      'src/email/email_server.rb -> COPY ./src/email/ ./ (src/email/Dockerfile:4) -> image email'
    )

    // The ignore file itself is an input of the image it belongs to, and of no other.
    const own = await scenario(r =>
      r.write(
        'src/email/Dockerfile.dockerignore',
        `${FILES['src/email/Dockerfile.dockerignore']}*.tmp\n`
      )
    )
    expect(affected(own.plan)).toEqual(['email'])
  })

  test('case 7: RUN --mount=type=bind reads its source from the context, ignore file or not', async () => {
    const script = await scenario(edit('tools/build.sh'))
    expect(affected(script.plan)).toEqual(['payment'])
    expect(reasons(script.plan, 'payment')).toEqual([
      'tools/build.sh -> RUN --mount=type=bind,source=tools,target=/t /t/build.sh (src/payment/Dockerfile:5) -> image payment'
    ])
    expect(keyChanges(script.before, script.plan)).toEqual(['payment'])

    // .dockerignore excludes **/*.md, but buildah binds the context without the ignore file.
    const notes = await scenario(edit('tools/NOTES.md'))
    expect(affected(notes.plan)).toEqual(['payment'])
  })

  test('case 8: cache mounts, COPY --from, bind mounts from a stage and remote ADDs read nothing from the context', async () => {
    // app/x.txt is what `COPY --from=builder /app` or `--mount=...,from=builder,source=/app` would
    // name if read as context paths; vendor/ is under quote's directory but copied by nothing.
    const { plan: p, before } = await scenario(edit('app/x.txt', 'src/quote/vendor/lib.php'))
    expect(affected(p)).toEqual([])
    expect(keyChanges(before, p)).toEqual([])

    const copied = await scenario(edit('src/quote/app/index.php'))
    expect(affected(copied.plan)).toEqual(['quote'])
    expect(reasons(copied.plan, 'quote')).toEqual([
      'src/quote/app/index.php -> COPY ./src/quote/app/ /app/ (src/quote/Dockerfile:4) -> image quote'
    ])
  })

  test('case 9a: a source with a variable that cannot be expanded makes the whole context the input', async () => {
    const { plan: p } = await scenario(edit('src/checkout/main.go'), {
      files: {
        'src/quote/Dockerfile': ['FROM busybox', 'COPY ${UNSET}/ ./', ''].join('\n')
      }
    })
    // Whatever narrowing does to the other images, quote reads the whole context.
    expect(p.nodes.get('quote')!.affected).toBe(true)
    expect(reasons(p, 'quote').some(r => r.includes('src/checkout/main.go'))).toBe(true)
    // The plan says why the whole context is quote's input.
    expect(reasons(p, 'quote')).toEqual([
      'src/checkout/main.go -> the whole context (src/quote/Dockerfile:2: COPY ${UNSET}/ ./: the source ${UNSET}/ holds $UNSET, a variable with no value here) -> image quote'
    ])
  })

  test('case 9b: a # syntax= frontend other than docker/dockerfile makes the whole context the input', async () => {
    const { plan: p } = await scenario(edit('src/checkout/main.go'), {
      files: {
        'src/quote/Dockerfile': [
          '# syntax=example.com/custom:1',
          'FROM busybox',
          'COPY ./src/quote/app/ /app/',
          ''
        ].join('\n')
      }
    })
    // Whatever narrowing does to the other images, quote reads the whole context.
    expect(p.nodes.get('quote')!.affected).toBe(true)
    expect(reasons(p, 'quote').some(r => r.includes('src/checkout/main.go'))).toBe(true)
    // The plan says why the whole context is quote's input.
    expect(reasons(p, 'quote')).toEqual([
      "src/checkout/main.go -> the whole context (src/quote/Dockerfile:1: # syntax=example.com/custom:1 is not Docker's Dockerfile frontend) -> image quote"
    ])
  })

  test('case 9c: a source through a symlink in the context makes the whole context the input', async () => {
    const { plan: p } = await scenario(edit('src/checkout/main.go'), {
      files: {
        'src/quote/Dockerfile': ['FROM busybox', 'COPY ./src/quote/current/ /app/', ''].join('\n')
      },
      setup: r => r.symlink('src/quote/current', 'app')
    })
    // Whatever narrowing does to the other images, quote reads the whole context.
    expect(p.nodes.get('quote')!.affected).toBe(true)
    expect(reasons(p, 'quote').some(r => r.includes('src/checkout/main.go'))).toBe(true)
    // The plan says why the whole context is quote's input.
    expect(reasons(p, 'quote')).toEqual([
      'src/checkout/main.go -> the whole context (COPY ./src/quote/current/ /app/ (src/quote/Dockerfile:2): src/quote/current goes through a symbolic link) -> image quote'
    ])
  })

  test('case 10a: context-inputs: whole at the top level keeps the whole context as every input', async () => {
    const { plan: p } = await scenario(edit('src/checkout/main.go'), {
      graph: { top: ['context-inputs: whole'] }
    })
    expect(affected(p)).toEqual([...SERVICES])
    expect(reasons(p, 'cart')).toEqual(['src/checkout/main.go -> image cart'])
  })

  test('case 10b: context-inputs: whole on one image keeps the whole context as its input only', async () => {
    const { plan: p } = await scenario(edit('src/checkout/main.go'), {
      graph: { image: { quote: ['context-inputs: whole'] } }
    })
    expect(affected(p)).toEqual(['checkout', 'quote'])
    expect(reasons(p, 'quote')).toEqual(['src/checkout/main.go -> image quote'])
  })

  test("case 10c: an image's context-inputs: dockerfile overrides the top level's whole", async () => {
    const { plan: p } = await scenario(edit('src/cart/Program.cs'), {
      graph: {
        top: ['context-inputs: whole'],
        image: { cart: ['context-inputs: dockerfile'], checkout: ['context-inputs: dockerfile'] }
      }
    })
    expect(affected(p)).toEqual(['cart', 'frontend', 'payment', 'quote', 'flags', 'email'])
    expect(reasons(p, 'cart')).toEqual([
      'src/cart/Program.cs -> COPY ./src/${SVC}/ ./ (src/cart/Dockerfile:5) -> image cart'
    ])
  })

  test('case 11a: an ARG default expands in a source', async () => {
    const { plan: p } = await scenario(edit('src/cart/Program.cs'))
    expect(affected(p)).toEqual(['cart'])
    expect(reasons(p, 'cart')).toEqual([
      'src/cart/Program.cs -> COPY ./src/${SVC}/ ./ (src/cart/Dockerfile:5) -> image cart'
    ])
  })

  test('case 11b: a global ARG before FROM and an ENV set earlier in the stage expand in a later COPY', async () => {
    const prod = await scenario(edit('src/flags/config/prod.exs'))
    expect(affected(prod.plan)).toEqual(['flags'])
    expect(reasons(prod.plan, 'flags')).toEqual([
      'src/flags/config/prod.exs -> COPY ./src/${SVC}/config/${MIX_ENV}.exs config/ (src/flags/Dockerfile:7) -> image flags'
    ])

    // MIX_ENV is prod: the build never reads dev.exs.
    const dev = await scenario(edit('src/flags/config/dev.exs'))
    expect(affected(dev.plan)).toEqual([])
    expect(keyChanges(dev.before, dev.plan)).toEqual([])
  })
})

describe('keys hold what the build reads', () => {
  test('an edit to a file no COPY reaches moves no key', async () => {
    const { plan: p, before } = await scenario(edit('Makefile'))
    expect(affected(p)).toEqual([])
    expect(keyChanges(before, p)).toEqual([])
  })

  test('an edit to a reached file moves that image key only', async () => {
    const { plan: p, before } = await scenario(edit('src/checkout/main.go'))
    expect(keyChanges(before, p)).toEqual(['checkout'])
  })

  test('two images with the same context but different COPYs have different file parts', async () => {
    const { plan: p } = await scenario(() => {})
    const pathOf = (line: string) => line.slice(line.indexOf('\t') + 1)
    /** The file part without the Dockerfile and ignore files (which differ between any two images). */
    const reached = (name: string) =>
      p.nodes
        .get(name)!
        .breakdown.files.filter(
          l => !/(^|\/)(Dockerfile|\.dockerignore|Dockerfile\.dockerignore)$/.test(pathOf(l))
        )
    expect(reached('checkout')).not.toEqual(reached('cart'))
    // Neither is the whole context (the root's tree, '.'); checkout's names nothing under src/cart.
    expect(reached('checkout').filter(l => pathOf(l) === '.')).toEqual([])
    expect(reached('cart').filter(l => pathOf(l) === '.')).toEqual([])
    expect(
      reached('checkout').filter(l => pathOf(l) === 'src/cart' || pathOf(l).startsWith('src/cart/'))
    ).toEqual([])
  })

  test('one Dockerfile for two images: the build args decide what is copied, and so the file parts', async () => {
    // Two more images from one Dockerfile, which copies src/${SVC}/ (ARG default: cart).
    const { plan: p } = await scenario(() => {}, {
      graph: {
        more: {
          'shop-checkout': [
            'context: .',
            'dockerfile: src/cart/Dockerfile',
            'build-args: { SVC: checkout }'
          ],
          'shop-quote': [
            'context: .',
            'dockerfile: src/cart/Dockerfile',
            'build-args: { SVC: quote }'
          ]
        }
      }
    })
    const files = (n: string) => p.nodes.get(n)!.breakdown.filesDigest
    expect(files('shop-checkout')).not.toBe(files('shop-quote'))
    expect(files('shop-checkout')).not.toBe(files('cart'))
  })
})

describe('build-args-file: the ARGs a Dockerfile declares take their values from a dotenv file', () => {
  // kafka declares AGENT_VERSION (and uses it in a source); quote declares nothing.
  const shape: Shape = {
    files: {
      '.env': '# versions\nAGENT_VERSION=1.0.0\nOTHER=a\nexport QUOTED="x y" # comment\n',
      'src/kafka/Dockerfile': [
        'FROM busybox',
        'ARG AGENT_VERSION',
        'ARG QUOTED',
        'COPY ./src/kafka/agent-${AGENT_VERSION}.jar /agent.jar',
        ''
      ].join('\n'),
      'src/kafka/agent-1.0.0.jar': 'one\n',
      'src/kafka/agent-2.0.0.jar': 'two\n'
    },
    graph: {
      top: ['build-args-file: .env'],
      more: { kafka: ['context: .', 'dockerfile: src/kafka/Dockerfile'] }
    }
  }
  const writeEnv = (text: string) => (repo: TestRepo) => repo.write('.env', text)

  test('the declared values are in the plan, for the builder; the rest of the file is not', async () => {
    const { plan: p } = await scenario(() => {}, shape)
    expect(p.nodes.get('kafka')!.fileArgs).toEqual({ AGENT_VERSION: '1.0.0', QUOTED: 'x y' })
    expect(p.nodes.get('kafka')!.breakdown.definition.buildArgs).toEqual({
      AGENT_VERSION: '1.0.0',
      QUOTED: 'x y'
    })
    expect(p.nodes.get('quote')!.fileArgs).toBeUndefined()
    // The builder is given them beside build-args.
    const { jobs } = imageJobs({
      plan: p,
      root: '/repo',
      names: { commit: 'a'.repeat(40) },
      tagsLabel: '--tags',
      registryLabel: '--registry'
    })
    expect(jobs.find(j => j.name === 'kafka')!.buildArgs).toEqual({
      AGENT_VERSION: '1.0.0',
      QUOTED: 'x y'
    })
    expect(jobs.find(j => j.name === 'quote')!.buildArgs).toEqual({})
  })

  test('a changed value affects the images that declare it, and names the variable', async () => {
    const { plan: p, before } = await scenario(
      writeEnv('# versions\nAGENT_VERSION=2.0.0\nOTHER=a\nexport QUOTED="x y" # comment\n'),
      shape
    )
    expect(affected(p)).toEqual(['kafka'])
    expect(reasons(p, 'kafka')).toEqual(['.env: AGENT_VERSION changed -> image kafka'])
    expect(keyChanges(before, p)).toEqual(['kafka'])
    // The value is expanded in the source: the other jar is now the input.
    expect(p.nodes.get('kafka')!.breakdown.files.some(l => l.endsWith('agent-2.0.0.jar'))).toBe(
      true
    )
  })

  test('a value no Dockerfile declares, or a comment, affects nothing and moves no key', async () => {
    const { plan: p, before } = await scenario(
      writeEnv('# other versions\nAGENT_VERSION=1.0.0\nOTHER=b\nexport QUOTED="x y"\nNEW=1\n'),
      shape
    )
    expect(affected(p)).toEqual([])
    expect(keyChanges(before, p)).toEqual([])
  })

  test('build-args wins over the file, and an edit of the file then changes nothing', async () => {
    const own: Shape = {
      ...shape,
      graph: {
        ...shape.graph,
        more: {
          kafka: [
            'context: .',
            'dockerfile: src/kafka/Dockerfile',
            'build-args: { AGENT_VERSION: 2.0.0 }'
          ]
        }
      }
    }
    const { plan: p } = await scenario(writeEnv('AGENT_VERSION=3.0.0\nexport QUOTED="x y"\n'), own)
    expect(affected(p)).toEqual([])
    expect(p.nodes.get('kafka')!.breakdown.definition.buildArgs).toEqual({
      AGENT_VERSION: '2.0.0',
      QUOTED: 'x y'
    })
  })

  test('a build-args-file that is not in the commit is an error naming the image and the file', async () => {
    const repo = demoRepo({ ...shape, files: { ...shape.files } })
    repo.remove('.env')
    const head = repo.commit('no env')
    await expect(planOf(repo, head, head)).rejects.toThrow(
      "imagegraph.yml:2:18 build-args-file: image checkout: '.env' is not a file in the commit; commit it, or drop build-args-file"
    )
  })
})

describe('why --explain lists the instructions and what each reaches', () => {
  test('checkout: its COPYs and the files and directories behind them; quote when whole', async () => {
    const repo = demoRepo({
      files: { 'src/quote/Dockerfile': ['FROM busybox', 'COPY ${UNSET}/ ./', ''].join('\n') }
    })
    const head = repo.head()
    const p = await planOf(repo, head, head)
    const git = new GitCommandLine(repo.dir)
    const text = whyText(
      p,
      p.nodes.get('checkout')!,
      await keyBreakdownsAt(git, head, 'imagegraph.yml')
    )
    const at = text.split('\n').indexOf('Context inputs: what the Dockerfile reads')
    expect(at).toBeGreaterThan(0)
    expect(text.split('\n').slice(at + 1, at + 9)).toEqual([
      '  COPY ./src/checkout/go.mod ./src/checkout/go.sum ./ (src/checkout/Dockerfile:3)',
      '    src/checkout/go.mod',
      '    src/checkout/go.sum',
      '  COPY ["/pb/demo.proto", "pb/"] (src/checkout/Dockerfile:4)',
      '    pb/demo.proto',
      '  COPY ./src/checkout/ ./ (src/checkout/Dockerfile:5)',
      ...p.nodes
        .get('checkout')!
        .breakdown.files.map(l => l.split('\t')[1])
        .filter(f => f.startsWith('src/checkout/'))
        .slice(0, 2)
        .map(f => `    ${f}`)
    ])
    const quote = whyText(p, p.nodes.get('quote')!, null)
    expect(quote).toContain(
      'Context inputs: the whole context (src/quote/Dockerfile:2: COPY ${UNSET}/ ./: the source ${UNSET}'
    )
  })
})

describe('a process writing under the context is an input only when a COPY reaches its output', () => {
  const shape: Shape = {
    files: { 'site/config.yaml': 'title: docs\n', 'proto/gen.yaml': 'lang: go\n' },
    graph: {
      top: [
        'configs:',
        '  site: { paths: [site/config.yaml] }',
        '  gen: { paths: [proto/gen.yaml] }',
        'processes:',
        '  docs: { inputs: [site], run: ./build-docs.sh, outputs: [public] }',
        '  protoc: { inputs: [gen], run: ./protoc.sh, outputs: [src/checkout/genproto] }'
      ]
    }
  }

  test('only the process whose output checkout copies is its input', async () => {
    const { plan: p } = await scenario(() => {}, shape)
    expect(p.nodes.get('checkout')!.inputs).toEqual(['protoc'])
    expect(p.nodes.get('cart')!.inputs).toEqual([])
    const docs = await scenario(edit('site/config.yaml'), shape)
    expect(affected(docs.plan)).toEqual(['site', 'docs'])
    const gen = await scenario(edit('proto/gen.yaml'), shape)
    expect(affected(gen.plan)).toEqual(['gen', 'protoc', 'checkout'])
    expect(reasons(gen.plan, 'checkout')).toEqual([
      'proto/gen.yaml -> config gen -> process protoc (produces its context .) -> image checkout'
    ])
  })
})

describe('links changed in a root context', () => {
  test('a link where no instruction reads affects nothing; one above a source affects its images', async () => {
    const nowhere = await scenario(r => {
      r.symlink('docs/latest', 'x.md')
    })
    expect(affected(nowhere.plan)).toEqual([])
    expect(keyChanges(nowhere.before, nowhere.plan)).toEqual([])
    // pb becomes a link to a copy: the three images that copy pb/demo.proto now read it through
    // a link, and so their whole context.
    const above = await scenario(r => {
      r.write('pb2/demo.proto', 'syntax = "proto3";\npackage demo;\n')
      r.remove('pb/demo.proto')
      rmSync(path.join(r.dir, 'pb'), { recursive: true })
      r.symlink('pb', 'pb2')
    })
    expect(affected(above.plan)).toEqual(['checkout', 'cart', 'frontend'])
  })
})

describe('wildcards in a root context are matched down the trees, not by listing the repository', () => {
  const shape: Shape = {
    files: {
      'package.json': '{}\n',
      'package-lock.json': '{}\n',
      'packages.txt': 'not matched by package*.json\n',
      'src/web/Dockerfile': [
        'FROM node:20',
        'COPY package*.json ./',
        'COPY src/*/go.mod ./mods/',
        ''
      ].join('\n')
    },
    graph: { more: { web: ['context: .', 'dockerfile: src/web/Dockerfile'] } }
  }

  test('what the wildcards name affects the image, and nothing else does', async () => {
    const root = await scenario(edit('package-lock.json'), shape)
    expect(affected(root.plan)).toEqual(['web'])
    expect(reasons(root.plan, 'web')).toEqual([
      'package-lock.json -> COPY package*.json ./ (src/web/Dockerfile:2) -> image web'
    ])
    const mod = await scenario(edit('src/checkout/go.mod'), shape)
    expect(affected(mod.plan)).toEqual(['checkout', 'web'])
    const other = await scenario(edit('packages.txt', 'src/checkout/main.go'), shape)
    expect(affected(other.plan)).toEqual(['checkout'])
    expect(keyChanges(other.before, other.plan)).toEqual(['checkout'])
    const lines = root.plan.nodes.get('web')!.breakdown.files.map(l => l.split('\t')[1])
    expect(lines).toEqual(
      expect.arrayContaining(['package.json', 'package-lock.json', 'src/checkout/go.mod'])
    )
    expect(lines).not.toContain('packages.txt')
  })

  test('a link the wildcard names makes the whole context the input', async () => {
    const { plan: p } = await scenario(edit('docs/x.md'), {
      ...shape,
      setup: r => {
        r.symlink('src/linked', 'checkout')
      }
    })
    expect(affected(p)).toEqual(['web'])
    expect(reasons(p, 'web')[0]).toContain('the whole context (COPY src/*/go.mod ./mods/')
  })
})

describe('a copied directory is read only where an ignore line may reach into it', () => {
  /** The object names the plan asked git for. */
  class Reads extends GitCommandLine {
    readonly names: string[] = []
    override async objects(names: string[]) {
      this.names.push(...names)
      return super.objects(names)
    }
  }
  const shape: Shape = {
    files: {
      '.dockerignore': ['src/*/README.md', 'src/app/tmp', ''].join('\n'),
      'src/app/Dockerfile': ['FROM busybox', 'COPY ./src/app/ /app/', ''].join('\n'),
      'src/app/README.md': 'excluded\n',
      'src/app/main.go': 'package main\n',
      'src/app/lib/a/b/c.txt': 'deep\n',
      'src/app/tmp/scratch': 'excluded\n'
    },
    graph: { more: { app: ['context: .', 'dockerfile: src/app/Dockerfile'] } }
  }

  test('the trees beneath a directory no line reaches are not read; its tree id is the line', async () => {
    const repo = demoRepo(shape)
    const head = repo.head()
    const reads = new Reads(repo.dir)
    const p = await planRepository(reads, {
      graphFile: 'imagegraph.yml',
      base: namedRange(head, head)
    })
    const lines = p.nodes.get('app')!.breakdown.files.map(l => l.split('\t')[1])
    expect(lines).toEqual(expect.arrayContaining(['src/app/lib', 'src/app/main.go']))
    expect(lines).not.toContain('src/app/README.md')
    expect(lines.filter(l => l.startsWith('src/app/tmp') || l.startsWith('src/app/lib/'))).toEqual(
      []
    )
    const tree = (dir: string) => repo.git('rev-parse', `${head}:${dir}`).trim()
    expect(reads.names).toContain(tree('src/app'))
    expect(reads.names).not.toContain(tree('src/app/lib/a'))
    expect(reads.names).not.toContain(tree('src/app/lib/a/b'))
  })

  test('what the build reads beneath it still affects the image; what the lines exclude does not', async () => {
    const deep = await scenario(edit('src/app/lib/a/b/c.txt'), shape)
    expect(affected(deep.plan)).toEqual(['app'])
    const excluded = await scenario(edit('src/app/tmp/scratch', 'src/app/README.md'), shape)
    expect(affected(excluded.plan)).toEqual([])
  })
})

describe('many images: their Dockerfiles are read by a git process of their own', () => {
  test('200 images, each narrowed to what its Dockerfile copies', async () => {
    const repo = TestRepo.init()
    const names = Array.from({ length: 200 }, (_, i) => `svc-${String(i).padStart(3, '0')}`)
    const lines = ['version: 1', 'images:']
    for (const name of names) {
      repo.write(
        `${name}/Dockerfile`,
        ['FROM busybox', 'COPY app/ /app/', `# ${name}`, ''].join('\n')
      )
      repo.write(`${name}/app/main.sh`, `echo ${name}\n`)
      repo.write(`${name}/notes.txt`, 'not copied\n')
      lines.push(`  ${name}:`, `    context: ${name}`)
    }
    repo.write('imagegraph.yml', `${lines.join('\n')}\n`)
    const base = repo.commit('many')
    repo.write('svc-123/app/main.sh', 'echo changed\n')
    repo.write('svc-007/notes.txt', 'still not copied\n')
    const head = repo.commit('edit')
    /** Which names each way of reading was asked for. */
    class Reads extends GitCommandLine {
      readonly direct: string[] = []
      readonly aside: string[] = []
      override async objects(names: string[]) {
        this.direct.push(...names)
        return super.objects(names)
      }
      override async objectsAside(names: string[]) {
        this.aside.push(...names)
        return super.objectsAside(names)
      }
    }
    const reads = new Reads(repo.dir)
    const p = await planRepository(reads, {
      graphFile: 'imagegraph.yml',
      base: namedRange(base, head)
    })
    expect(affected(p)).toEqual(['svc-123'])
    expect(reasons(p, 'svc-123')).toEqual([
      'svc-123/app/main.sh -> COPY app/ /app/ (svc-123/Dockerfile:2) -> image svc-123'
    ])
    // 200 Dockerfile blobs: read aside, and not again by the plan's own reader.
    const dockerfiles = repo
      .git('ls-tree', '-r', head)
      .split('\n')
      .filter(l => l.endsWith('/Dockerfile'))
      .map(l => l.split(/\s+/)[2])
    expect(dockerfiles).toHaveLength(200)
    expect([...reads.aside].sort()).toEqual([...dockerfiles].sort())
    expect(reads.direct.filter(n => dockerfiles.includes(n))).toEqual([])
  })
})
