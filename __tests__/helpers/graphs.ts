// Graph files and the exact problems parseGraph reports for them, shared by config.test.ts (which
// checks the messages) and schema.test.ts (which checks that the JSON Schema agrees on what is valid).

/** Lines of a graph file; writing one string per line keeps the expected line numbers readable. */
export function yml(...lines: string[]): string {
  return `${lines.join('\n')}\n`
}

export interface BadGraph {
  title: string
  text: string
  /** The GraphError message, one formatted problem per line. */
  problems: string[]
}

export interface GoodGraph {
  title: string
  text: string
}

/** Mistakes of shape alone: the code rejects them and so must the schema. */
export const STRUCTURAL_MISTAKES: BadGraph[] = [
  {
    title: 'unknown top-level field',
    text: yml('version: 1', 'imagez: {}'),
    problems: [
      "imagegraph.yml:2:1 imagez: unknown field 'imagez' (did you mean 'images'?); allowed: version, configs, processes, images, registry, tags, context-inputs, build-args-file"
    ]
  },
  {
    title: 'unknown image field',
    text: yml(
      'version: 1',
      'images:',
      '  api:',
      '    context: services/api',
      '    buildargs: { A: 1 }'
    ),
    problems: [
      "imagegraph.yml:5:5 images.api.buildargs: unknown field 'buildargs' (did you mean 'build-args'?); allowed: context, dockerfile, inputs, build-args, platforms, target, image-args, repository, tags, tag-pattern, context-inputs, build-args-file, description"
    ]
  },
  {
    title: 'unknown config field',
    text: yml('version: 1', 'configs:', '  app:', '    path: [config/**]'),
    problems: [
      "imagegraph.yml:3:3 configs.app: missing required field 'paths'",
      "imagegraph.yml:4:5 configs.app.path: unknown field 'path' (did you mean 'paths'?); allowed: paths, allow-empty, description"
    ]
  },
  {
    title: 'unknown process field',
    text: yml(
      'version: 1',
      'processes:',
      '  render:',
      '    run: make',
      '    environment: { A: x }'
    ),
    problems: [
      "imagegraph.yml:5:5 processes.render.environment: unknown field 'environment'; allowed: inputs, run, outputs, env, pass-env, timeout, description"
    ]
  },
  {
    title: 'version 2',
    text: yml('version: 2'),
    problems: ['imagegraph.yml:1:10 version: unsupported version 2; supported: 1']
  },
  {
    title: 'version as a string',
    text: yml('version: "1"'),
    problems: [
      "imagegraph.yml:1:10 version: version must be the number 1, not the string '1'; write 'version: 1' without quotes"
    ]
  },
  {
    title: 'version missing',
    text: yml('configs:', '  app:', '    paths: [config/**]'),
    problems: ["imagegraph.yml:1:1 version: missing required field 'version'; add 'version: 1'"]
  },
  {
    title: 'empty file',
    text: '',
    problems: [
      'imagegraph.yml:1:1 expected a mapping with version, configs, processes, images, registry, tags, context-inputs, build-args-file, got nothing'
    ]
  },
  {
    title: 'only comments',
    text: yml('# nothing yet'),
    problems: [
      'imagegraph.yml:1:1 expected a mapping with version, configs, processes, images, registry, tags, context-inputs, build-args-file, got nothing'
    ]
  },
  {
    title: 'a list at top level',
    text: yml('- version: 1'),
    problems: [
      'imagegraph.yml:1:1 expected a mapping with version, configs, processes, images, registry, tags, context-inputs, build-args-file, got a list'
    ]
  },
  {
    title: 'a string at top level',
    text: yml('imagegraph'),
    problems: [
      "imagegraph.yml:1:1 expected a mapping with version, configs, processes, images, registry, tags, context-inputs, build-args-file, got the string 'imagegraph'"
    ]
  },
  {
    title: 'a section that is a list',
    text: yml('version: 1', 'configs: [app]'),
    problems: [
      'imagegraph.yml:2:10 configs: expected a mapping of config names to config definitions, got a list'
    ]
  },
  {
    title: 'a node that is a list',
    text: yml('version: 1', 'configs:', '  app: [config/**]'),
    problems: [
      'imagegraph.yml:3:8 configs.app: expected a mapping with paths, allow-empty, description, got a list'
    ]
  },
  {
    title: 'a node with nothing under it',
    text: yml('version: 1', 'images:', '  api:'),
    problems: [
      'imagegraph.yml:3:7 images.api: expected a mapping with context, dockerfile, inputs, build-args, platforms, target, image-args, repository, tags, tag-pattern, context-inputs, build-args-file, description, got nothing'
    ]
  },
  {
    title: 'names with capitals or a leading dot',
    text: yml(
      'version: 1',
      'configs:',
      '  App:',
      '    paths: [a/**]',
      '  .hidden:',
      '    paths: [b/**]'
    ),
    problems: [
      "imagegraph.yml:3:3 configs.App: 'App' is not a valid name; use lowercase letters, digits, '.', '_' and '-', starting with a letter or digit",
      "imagegraph.yml:5:3 configs..hidden: '.hidden' is not a valid name; use lowercase letters, digits, '.', '_' and '-', starting with a letter or digit"
    ]
  },
  {
    title: 'config without paths',
    text: yml('version: 1', 'configs:', '  app:', '    description: settings'),
    problems: ["imagegraph.yml:3:3 configs.app: missing required field 'paths'"]
  },
  {
    title: 'process without run',
    text: yml('version: 1', 'processes:', '  render:', '    outputs: [build/out]'),
    problems: ["imagegraph.yml:3:3 processes.render: missing required field 'run'"]
  },
  {
    title: 'image without context',
    text: yml('version: 1', 'images:', '  api:', '    dockerfile: api.Dockerfile'),
    problems: ["imagegraph.yml:3:3 images.api: missing required field 'context'"]
  },
  {
    title: 'config with an empty paths list',
    text: yml('version: 1', 'configs:', '  app:', '    paths: []'),
    problems: [
      'imagegraph.yml:4:12 configs.app.paths: lists no patterns; a config needs at least one'
    ]
  },
  {
    title: 'config with only exclusions',
    text: yml('version: 1', 'configs:', '  app:', '    paths: ["!config/**/*.md"]'),
    problems: [
      'imagegraph.yml:4:12 configs.app.paths: has only exclusions (!...); add at least one pattern to include'
    ]
  },
  {
    title: 'config paths as a string',
    text: yml('version: 1', 'configs:', '  app:', '    paths: config/**'),
    problems: [
      "imagegraph.yml:4:12 configs.app.paths: expected a list of glob patterns, got the string 'config/**'"
    ]
  },
  {
    title: 'an empty glob',
    text: yml('version: 1', 'configs:', '  app:', '    paths: [config/**, ""]'),
    problems: ["imagegraph.yml:4:24 configs.app.paths[1]: '' is an empty pattern"]
  },
  {
    title: 'inputs as a string',
    text: yml(
      'version: 1',
      'configs:',
      '  app:',
      '    paths: [config/**]',
      'processes:',
      '  render:',
      '    inputs: app',
      '    run: make'
    ),
    problems: [
      "imagegraph.yml:7:13 processes.render.inputs: expected a list of node names, got the string 'app'"
    ]
  },
  {
    title: 'an input that is a number',
    text: yml('version: 1', 'images:', '  api:', '    context: api', '    inputs: [1]'),
    problems: [
      'imagegraph.yml:5:14 images.api.inputs[0]: expected node name as a string, got number 1'
    ]
  },
  {
    title: 'an input that no node could be named',
    text: yml(
      'version: 1',
      'processes:',
      '  render:',
      '    run: make',
      'images:',
      '  api:',
      '    context: api',
      '    inputs: [Render]'
    ),
    problems: [
      "imagegraph.yml:8:14 images.api.inputs[0]: unknown node 'Render' (did you mean 'render'?)"
    ]
  },
  {
    title: 'an input listed twice',
    text: yml(
      'version: 1',
      'processes:',
      '  render:',
      '    run: make',
      'images:',
      '  api:',
      '    context: api',
      '    inputs: [render, render]'
    ),
    problems: ["imagegraph.yml:8:22 images.api.inputs[1]: 'render' is listed twice"]
  },
  {
    title: 'env as a list',
    text: yml('version: 1', 'processes:', '  render:', '    run: make', '    env: [MODE=prod]'),
    problems: [
      'imagegraph.yml:5:10 processes.render.env: expected a mapping of NAME: value, got a list'
    ]
  },
  {
    title: 'env names that are not variable names',
    text: yml(
      'version: 1',
      'processes:',
      '  render:',
      '    run: make',
      '    env: { 1MODE: a, MY-MODE: b }'
    ),
    problems: [
      "imagegraph.yml:5:12 processes.render.env.1MODE: '1MODE' is not a valid variable name (letters, digits, '_'; not starting with a digit)",
      "imagegraph.yml:5:22 processes.render.env.MY-MODE: 'MY-MODE' is not a valid variable name (letters, digits, '_'; not starting with a digit)"
    ]
  },
  {
    title: 'env values that are not scalars',
    text: yml(
      'version: 1',
      'processes:',
      '  render:',
      '    run: make',
      '    env:',
      '      A: [1]',
      '      B:'
    ),
    problems: [
      'imagegraph.yml:6:10 processes.render.env.A: expected a string, number or boolean, got a list',
      'imagegraph.yml:7:9 processes.render.env.B: expected a string, number or boolean, got nothing'
    ]
  },
  {
    title: 'build-args as a string',
    text: yml('version: 1', 'images:', '  api:', '    context: api', '    build-args: A=1'),
    problems: [
      "imagegraph.yml:5:17 images.api.build-args: expected a mapping of NAME: value, got the string 'A=1'"
    ]
  },
  {
    title: 'invalid platforms',
    text: yml(
      'version: 1',
      'images:',
      '  api:',
      '    context: api',
      '    platforms: [linux, Linux/amd64, linux/arm64/v8/x, 3]'
    ),
    problems: [
      "imagegraph.yml:5:17 images.api.platforms[0]: 'linux' is not a platform; expected os/arch[/variant], e.g. linux/amd64 or linux/arm64/v8",
      "imagegraph.yml:5:24 images.api.platforms[1]: 'Linux/amd64' is not a platform; expected os/arch[/variant], e.g. linux/amd64 or linux/arm64/v8",
      "imagegraph.yml:5:37 images.api.platforms[2]: 'linux/arm64/v8/x' is not a platform; expected os/arch[/variant], e.g. linux/amd64 or linux/arm64/v8",
      'imagegraph.yml:5:55 images.api.platforms[3]: expected platform as a string, got number 3'
    ]
  },
  {
    title: 'platforms as a string',
    text: yml('version: 1', 'images:', '  api:', '    context: api', '    platforms: linux/amd64'),
    problems: [
      "imagegraph.yml:5:16 images.api.platforms: expected a list of platforms, got the string 'linux/amd64'"
    ]
  },
  {
    title: 'an empty command',
    text: yml('version: 1', 'processes:', '  render:', '    run: "  "'),
    problems: ['imagegraph.yml:4:10 processes.render.run: the command is empty']
  },
  {
    title: 'a timeout that is a number',
    text: yml('version: 1', 'processes:', '  render:', '    run: make', '    timeout: 90'),
    problems: [
      'imagegraph.yml:5:14 processes.render.timeout: expected a duration like 90s, 30m or 1h30m, got number 90'
    ]
  },
  {
    title: 'timeouts that are not durations',
    text: yml(
      'version: 1',
      'processes:',
      '  a:',
      '    run: make',
      '    timeout: 90 s',
      '  b:',
      '    run: make',
      '    timeout: 1m1h',
      '  c:',
      '    run: make',
      '    timeout: ""'
    ),
    problems: [
      "imagegraph.yml:5:14 processes.a.timeout: '90 s' is not a duration; write hours, minutes and seconds, e.g. 90s, 30m, 1h or 1h30m",
      "imagegraph.yml:8:14 processes.b.timeout: '1m1h' is not a duration; write hours, minutes and seconds, e.g. 90s, 30m, 1h or 1h30m",
      "imagegraph.yml:11:14 processes.c.timeout: '' is not a duration; write hours, minutes and seconds, e.g. 90s, 30m, 1h or 1h30m"
    ]
  },
  {
    title: 'pass-env as a string',
    text: yml('version: 1', 'processes:', '  render:', '    run: make', '    pass-env: TOKEN'),
    problems: [
      "imagegraph.yml:5:15 processes.render.pass-env: expected a list of variable names, got the string 'TOKEN'"
    ]
  },
  {
    title: 'pass-env names that are not variable names, or listed twice',
    text: yml(
      'version: 1',
      'processes:',
      '  render:',
      '    run: make',
      '    pass-env: [NPM_TOKEN, 1X, A-B, NPM_TOKEN]'
    ),
    problems: [
      "imagegraph.yml:5:27 processes.render.pass-env[1]: '1X' is not a valid variable name (letters, digits, '_'; not starting with a digit)",
      "imagegraph.yml:5:31 processes.render.pass-env[2]: 'A-B' is not a valid variable name (letters, digits, '_'; not starting with a digit)",
      "imagegraph.yml:5:36 processes.render.pass-env[3]: 'NPM_TOKEN' is listed twice"
    ]
  },
  {
    title: 'a command that is a list',
    text: yml('version: 1', 'processes:', '  render:', '    run: [make, all]'),
    problems: ['imagegraph.yml:4:10 processes.render.run: expected a string, got a list']
  },
  {
    title: 'a description that is a number',
    text: yml('version: 1', 'configs:', '  app:', '    paths: [config/**]', '    description: 42'),
    problems: ['imagegraph.yml:5:18 configs.app.description: expected a string, got number 42']
  },
  {
    title: 'a target that is a list',
    text: yml('version: 1', 'images:', '  api:', '    context: api', '    target: [prod]'),
    problems: ['imagegraph.yml:5:13 images.api.target: expected a string, got a list']
  },
  {
    title: 'a context that is a number',
    text: yml('version: 1', 'images:', '  api:', '    context: 7'),
    problems: [
      'imagegraph.yml:4:14 images.api.context: expected a repository-relative path, got number 7'
    ]
  },
  {
    title: 'empty paths',
    text: yml(
      'version: 1',
      'processes:',
      '  render:',
      '    run: make',
      '    outputs: [""]',
      'images:',
      '  api:',
      '    context: ""',
      '    dockerfile: ""'
    ),
    problems: [
      'imagegraph.yml:5:15 processes.render.outputs[0]: empty path',
      'imagegraph.yml:8:14 images.api.context: empty path',
      'imagegraph.yml:9:17 images.api.dockerfile: empty path'
    ]
  },
  {
    title: 'an output listed twice',
    text: yml(
      'version: 1',
      'processes:',
      '  render:',
      '    run: make',
      '    outputs: [build/out, build/out]'
    ),
    problems: [
      "imagegraph.yml:5:26 processes.render.outputs[1]: 'build/out' overlaps 'build/out', an output of process 'render'; each output belongs to one process"
    ]
  },
  {
    title: 'a repository that is not an OCI repository name',
    text: yml('version: 1', 'images:', '  api:', '    context: api', '    repository: Team/API'),
    problems: [
      "imagegraph.yml:5:17 images.api.repository: repository 'Team/API' has uppercase letters in 'Team'; repository names are lowercase"
    ]
  },
  {
    title: 'image-args with a bad ARG name, or a value that is no name',
    text: yml(
      'version: 1',
      'images:',
      '  base: { context: base }',
      '  api:',
      '    context: api',
      '    image-args: { 1BASE: base, OK: 3 }'
    ),
    problems: [
      "imagegraph.yml:6:19 images.api.image-args.1BASE: '1BASE' is not a valid build-arg name (letters, digits, '_'; not starting with a digit)",
      'imagegraph.yml:6:36 images.api.image-args.OK: expected the name of an image, got number 3'
    ]
  },
  {
    title: 'a tag-pattern without a wildcard',
    text: yml('version: 1', 'images:', '  api:', '    context: api', '    tag-pattern: api/v1'),
    problems: [
      "imagegraph.yml:5:18 images.api.tag-pattern: 'api/v1' has no '*'; the version is what the first '*' matches, e.g. api/v*"
    ]
  },
  {
    title: 'a tag template listed twice',
    text: yml('version: 1', 'tags: [latest, latest]'),
    problems: ["imagegraph.yml:2:16 tags[1]: 'latest' is listed twice"]
  },
  {
    title: 'merge keys are not supported',
    text: yml('version: 1', 'images:', '  api:', '    <<: { context: api }'),
    problems: [
      "imagegraph.yml:4:5 images.api.<<: YAML merge keys ('<<') are not supported; write the fields out (an alias of a whole value, `*name`, is fine)"
    ]
  }
]

/**
 * Mistakes that span nodes or leave the repository: only the code can see them, so the schema
 * accepts these files (its top description says so).
 */
export const CODE_ONLY_MISTAKES: BadGraph[] = [
  {
    title: 'a timeout of no time, or longer than a week',
    text: yml(
      'version: 1',
      'processes:',
      '  a:',
      '    run: make',
      '    timeout: 0h0m',
      '  b:',
      '    run: make',
      '    timeout: 169h'
    ),
    problems: [
      "imagegraph.yml:5:14 processes.a.timeout: '0h0m' is no time at all; a timeout is at least 1s",
      "imagegraph.yml:8:14 processes.b.timeout: '169h' is longer than 168h, the longest timeout"
    ]
  },
  {
    title: 'a variable both in env and in pass-env',
    text: yml(
      'version: 1',
      'processes:',
      '  render:',
      '    run: make',
      '    env: { MODE: prod }',
      '    pass-env: [TOKEN, MODE]'
    ),
    problems: [
      "imagegraph.yml:6:23 processes.render.pass-env[1]: 'MODE' is also set in env; a variable comes from env or from pass-env, not both"
    ]
  },
  {
    title: 'unknown reference with a suggestion',
    text: yml(
      'version: 1',
      'processes:',
      '  render:',
      '    run: make',
      'images:',
      '  api:',
      '    context: api',
      '    inputs: [rendr]'
    ),
    problems: [
      "imagegraph.yml:8:14 images.api.inputs[0]: unknown node 'rendr' (did you mean 'render'?)"
    ]
  },
  {
    title: 'unknown reference without a suggestion',
    text: yml('version: 1', 'images:', '  api:', '    context: api', '    inputs: [database]'),
    problems: ["imagegraph.yml:5:14 images.api.inputs[0]: unknown node 'database'"]
  },
  {
    title: 'a name used in two sections',
    text: yml(
      'version: 1',
      'configs:',
      '  app:',
      '    paths: [config/**]',
      'images:',
      '  app:',
      '    context: app'
    ),
    problems: [
      "imagegraph.yml:6:3 images.app: name 'app' is already used by configs.app at imagegraph.yml:3:3; names are unique across configs, processes and images"
    ]
  },
  {
    title: 'a process cycle',
    text: yml(
      'version: 1',
      'processes:',
      '  a:',
      '    inputs: [b]',
      '    run: make a',
      '  b:',
      '    inputs: [a]',
      '    run: make b'
    ),
    problems: ['imagegraph.yml:4:13 processes.a.inputs: cycle: a -> b -> a']
  },
  {
    title: 'an image cycle',
    text: yml(
      'version: 1',
      'images:',
      '  api:',
      '    context: api',
      '    inputs: [web]',
      '  web:',
      '    context: web',
      '    inputs: [api]'
    ),
    problems: ['imagegraph.yml:5:13 images.api.inputs: cycle: api -> web -> api']
  },
  {
    title: 'a cycle of three',
    text: yml(
      'version: 1',
      'processes:',
      '  a:',
      '    inputs: [c]',
      '    run: make a',
      '  b:',
      '    inputs: [a]',
      '    run: make b',
      '  c:',
      '    inputs: [b]',
      '    run: make c'
    ),
    problems: ['imagegraph.yml:4:13 processes.a.inputs: cycle: a -> c -> b -> a']
  },
  {
    title: 'its own input',
    text: yml('version: 1', 'images:', '  api:', '    context: api', '    inputs: [api]'),
    problems: ["imagegraph.yml:5:14 images.api.inputs[0]: image 'api' cannot be its own input"]
  },
  {
    title: 'a process consuming an image',
    text: yml(
      'version: 1',
      'processes:',
      '  render:',
      '    inputs: [api]',
      '    run: make',
      'images:',
      '  api:',
      '    context: api'
    ),
    problems: [
      "imagegraph.yml:4:14 processes.render.inputs[0]: 'api' is an image; a process takes configs or processes"
    ]
  },
  {
    title: 'overlapping outputs of two processes',
    text: yml(
      'version: 1',
      'processes:',
      '  a:',
      '    run: make a',
      '    outputs: [build]',
      '  b:',
      '    run: make b',
      '    outputs: [build/b, out]'
    ),
    problems: [
      "imagegraph.yml:8:15 processes.b.outputs[0]: 'build/b' overlaps 'build', an output of process 'a'; each output belongs to one process"
    ]
  },
  {
    title: 'an invalid glob',
    text: yml('version: 1', 'configs:', '  app:', '    paths: ["config/[ab"]'),
    problems: [
      "imagegraph.yml:4:13 configs.app.paths[0]: 'config/[ab' is not a valid glob: unclosed '['"
    ]
  },
  {
    title: 'globs outside the repository',
    text: yml('version: 1', 'configs:', '  app:', '    paths: [/etc/**, ../other/**]'),
    problems: [
      "imagegraph.yml:4:13 configs.app.paths[0]: '/etc/**' is absolute; patterns are relative to the repository root",
      "imagegraph.yml:4:22 configs.app.paths[1]: '../other/**' reaches outside the repository ('..')"
    ]
  },
  {
    title: 'a context outside the repository',
    text: yml('version: 1', 'images:', '  api:', '    context: ../x'),
    problems: ["imagegraph.yml:4:14 images.api.context: '../x' is outside the repository"]
  },
  {
    title: 'an absolute output',
    text: yml('version: 1', 'processes:', '  render:', '    run: make', '    outputs: [/abs]'),
    problems: [
      "imagegraph.yml:5:15 processes.render.outputs[0]: '/abs' is absolute; paths are relative to the repository root"
    ]
  },
  {
    title: 'the repository root as an output or a Dockerfile',
    text: yml(
      'version: 1',
      'processes:',
      '  render:',
      '    run: make',
      '    outputs: [.]',
      'images:',
      '  api:',
      '    context: api',
      '    dockerfile: ./'
    ),
    problems: [
      "imagegraph.yml:5:15 processes.render.outputs[0]: '.' is the repository root; name a file or directory inside it",
      "imagegraph.yml:9:17 images.api.dockerfile: './' is the repository root; name a file"
    ]
  },
  {
    title: 'image-args naming an unknown image, the image itself, or a config',
    text: yml(
      'version: 1',
      'configs:',
      '  app: { paths: [a] }',
      'images:',
      '  base: { context: base }',
      '  api:',
      '    context: api',
      '    image-args: { BASE: bsae, SELF: api, CFG: app }'
    ),
    problems: [
      "imagegraph.yml:8:25 images.api.image-args.BASE: unknown image 'bsae' (did you mean 'base'?); image-args name images of the graph",
      "imagegraph.yml:8:37 images.api.image-args.SELF: image 'api' cannot be built on itself",
      "imagegraph.yml:8:47 images.api.image-args.CFG: 'app' is a config; image-args name images (a config goes in inputs)"
    ]
  },
  {
    title: 'an ARG in both image-args and build-args',
    text: yml(
      'version: 1',
      'images:',
      '  base: { context: base }',
      '  api:',
      '    context: api',
      '    build-args: { BASE: x }',
      '    image-args: { BASE: base }'
    ),
    problems: [
      "imagegraph.yml:7:19 images.api.image-args.BASE: 'BASE' is also set in build-args; an ARG comes from build-args or from image-args, not both"
    ]
  },
  {
    title: 'a cycle through image-args',
    text: yml(
      'version: 1',
      'images:',
      '  a:',
      '    context: a',
      '    image-args: { B: b }',
      '  b:',
      '    context: b',
      '    image-args: { A: a }'
    ),
    problems: ['imagegraph.yml:5:22 images.a.image-args.B: cycle: a -> b -> a']
  },
  {
    title: 'tag templates with unknown fields, stray braces, characters no tag holds',
    text: yml(
      'version: 1',
      'tags: [latest, "{{verison}}", "v{{version}", "a/{{sha}}", "-x"]',
      'images:',
      '  api:',
      '    context: api',
      '    tags: ["{{ major }}.{{minor}}", "{{bogus}}"]'
    ),
    problems: [
      "imagegraph.yml:2:16 tags[1]: '{{verison}}': unknown field '{{verison}}' (did you mean '{{version}}'?); allowed: {{version}} {{major}} {{minor}} {{patch}} {{sha}} {{short_sha}} {{branch}} {{pr}} {{key}} {{image}} {{seq}}",
      "imagegraph.yml:2:31 tags[2]: 'v{{version}': a brace at character 2 is not part of a field; write fields as {{name}}, e.g. {{version}}",
      "imagegraph.yml:2:46 tags[3]: 'a/{{sha}}' contains \"/\"; outside fields a tag holds only letters, digits, '_', '.' and '-'",
      "imagegraph.yml:2:59 tags[4]: '-x' starts with '-'; a tag starts with a letter, digit, '_' or a field",
      "imagegraph.yml:6:37 images.api.tags[1]: '{{bogus}}': unknown field '{{bogus}}'; allowed: {{version}} {{major}} {{minor}} {{patch}} {{sha}} {{short_sha}} {{branch}} {{pr}} {{key}} {{image}} {{seq}}"
    ]
  },
  {
    title: 'a registry with a scheme',
    text: yml('version: 1', 'registry: https://ghcr.io/org'),
    problems: [
      "imagegraph.yml:2:11 registry: registry 'https://ghcr.io/org' has a scheme; write host[:port][/path] without it, e.g. ghcr.io/my-org"
    ]
  },
  {
    title: 'a registry with a bad port or an uppercase path',
    text: yml('version: 1', 'registry: "localhost:99999"'),
    problems: [
      "imagegraph.yml:2:11 registry: registry 'localhost:99999' has port 99999; a port is 1 to 65535; a registry is host[:port] with an optional /path prefix, e.g. ghcr.io/my-org"
    ]
  },
  {
    title: 'a registry path that is no repository prefix',
    text: yml('version: 1', 'registry: ghcr.io/My-Org'),
    problems: [
      "imagegraph.yml:2:11 registry: registry 'ghcr.io/My-Org': the path after the host must be a repository prefix (repository 'My-Org' has uppercase letters in 'My-Org'; repository names are lowercase)"
    ]
  },
  {
    title: 'a Windows path',
    text: yml('version: 1', 'images:', '  api:', '    context: services\\api'),
    problems: [
      "imagegraph.yml:4:14 images.api.context: 'services\\api' uses '\\'; write paths with '/'"
    ]
  }
]

/** Files both accept. */
export const VALID_GRAPHS: GoodGraph[] = [
  { title: 'only a version', text: yml('version: 1') },
  { title: 'empty sections', text: yml('version: 1', 'configs:', 'processes:', 'images:') },
  {
    title: 'empty mappings',
    text: yml('version: 1', 'configs: {}', 'processes: {}', 'images: {}')
  },
  {
    title: 'every field',
    text: yml(
      'version: 1',
      'configs:',
      '  app:',
      '    description: settings of the app',
      '    paths: [./config/app/**, "!config/app/**/*.md"]',
      'processes:',
      '  render:',
      '    description: renders the settings',
      '    inputs: [app]',
      '    run: ./scripts/render.sh --out build/rendered',
      '    outputs: [build/rendered]',
      '    env: { MODE: prod, WORKERS: 4, DEBUG: false, GO_VERSION: 1.20 }',
      '    pass-env: [NPM_TOKEN, _Proxy2]',
      '    timeout: 1h30m',
      '  lint:',
      '    run: make lint',
      '    timeout: 45s',
      'images:',
      '  base:',
      '    context: .',
      '  api:',
      '    description: the API server',
      '    context: services/api',
      '    dockerfile: docker/api.Dockerfile',
      '    inputs: [render, app, base]',
      '    build-args: { LOG_LEVEL: info, _PORT: 8080 }',
      '    platforms: [linux/amd64, linux/arm64/v8, linux/x86_64]',
      '    target: prod'
    )
  },
  {
    title: 'image fields for builds: image-args, repository, tags, tag-pattern, registry',
    text: yml(
      'version: 1',
      'registry: localhost:5000/team',
      'tags: [latest, "{{version}}", "{{ major }}.{{minor}}", "pr-{{pr}}", "{{branch}}-{{short_sha}}"]',
      'images:',
      '  base: { context: base, repository: team/base, tags: [] }',
      '  api:',
      '    context: api',
      '    inputs: [base]',
      '    image-args: { BASE: base, BUILDER: base }',
      '    repository: team/api__v2',
      '    tags: ["{{sha}}", "{{image}}-{{seq}}", "key-{{key}}"]',
      '    tag-pattern: api/v*'
    )
  },
  {
    title: 'a registry with a port and a path',
    text: yml('version: 1', 'registry: ghcr.io:443/org/team')
  },
  {
    title: 'empty lists where a list may be empty',
    text: yml(
      'version: 1',
      'processes:',
      '  p:',
      '    run: make',
      '    inputs: []',
      '    outputs: []',
      '    env: {}',
      '    pass-env: []',
      'images:',
      '  i:',
      '    context: i',
      '    platforms: []',
      '    build-args: {}'
    )
  },
  {
    title: 'names with digits, dots, underscores and dashes',
    text: yml(
      'version: 1',
      'configs:',
      '  0config:',
      '    paths: [a/**]',
      '  app.v2_x-y:',
      '    paths: [b/**]'
    )
  },
  {
    title: 'anchors and aliases',
    text: yml(
      'version: 1',
      'processes:',
      '  a:',
      '    run: make a',
      '    env: &common { MODE: prod }',
      '  b:',
      '    run: make b',
      '    env: *common',
      '    inputs: [&first a]',
      'images:',
      '  api:',
      '    context: api',
      '    inputs: [*first, b]'
    )
  }
]
