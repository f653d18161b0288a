// The runner executes dist/ directly, so every dependency is bundled in.
import commonjs from '@rollup/plugin-commonjs'
import json from '@rollup/plugin-json'
import { nodeResolve } from '@rollup/plugin-node-resolve'
import typescript from '@rollup/plugin-typescript'

const plugins = () => [
  typescript({
    tsconfig: 'tsconfig.build.json',
    outDir: 'dist',
    noEmitOnError: true,
    module: 'NodeNext'
  }),
  nodeResolve({ preferBuiltins: true }),
  commonjs(),
  json()
]

// The @actions/* CommonJS-era helpers test `this` at the top level; undefined is what they expect in ESM.
const onwarn = (warning, warn) => {
  if (warning.code === 'THIS_IS_UNDEFINED') return
  if (
    warning.code === 'CIRCULAR_DEPENDENCY' &&
    warning.ids?.every(id => id.includes('node_modules'))
  )
    return
  warn(warning)
}

// @actions/core imports @actions/http-client (for OIDC tokens, which the action never asks for), and
// with it undici and tunnel, CommonJS that runs when it is evaluated: about 40 ms of every start.
// Declared free of side effects (nothing of them runs until something of them is used) and put in
// a chunk of their own, they are evaluated only by the chunks that use them (the Actions cache,
// the GitHub API). The commonjs plugin's helpers go apart too, or rollup would put them in that
// chunk and every chunk would import it.
const HTTP = /[\\/]node_modules[\\/](undici|tunnel|@actions[\\/]http-client)[\\/]/
const treeshake = { moduleSideEffects: id => !HTTP.test(id) }
const httpChunk = id => {
  if (HTTP.test(id)) return 'http'
  if (id === '\0commonjsHelpers.js') return 'commonjs-helpers'
  return undefined
}

export default [
  {
    input: 'src/index.ts',
    // index.js is a stub that turns on Node's compile cache and then loads the action (index-main.js).
    // Not inlined: @actions/github stays in its own chunk, evaluated only when a comment is posted
    // (its top level parses the event payload, which src/event.ts must check first); the cache
    // backends, the builders and the registry client are loaded by the modes that use them.
    output: {
      dir: 'dist',
      entryFileNames: 'index.js',
      chunkFileNames: 'index-[name].js',
      manualChunks: httpChunk,
      format: 'es',
      sourcemap: false
    },
    plugins: plugins(),
    treeshake,
    onwarn
  },
  {
    input: 'src/bin.ts',
    // cli.js is a stub that turns on Node's compile cache and then loads the CLI (cli-cli.js). Not
    // inlined: `run` and `retag` (builders, registry client) and the cache backends (with
    // @actions/cache, most of the bundle) stay in their own chunks, loaded only by the commands
    // that use them, so plan, why, validate and graph start without parsing them
    // (__tests__/startup.test.ts holds this).
    output: {
      dir: 'dist',
      entryFileNames: 'cli.js',
      chunkFileNames: 'cli-[name].js',
      format: 'es',
      sourcemap: false,
      banner: chunk => (chunk.isEntry ? '#!/usr/bin/env node' : '')
    },
    plugins: plugins(),
    onwarn
  },
  {
    // The position-keeping YAML parser, for both bundles: require()d (synchronously) the first time
    // a graph problem needs a line (src/adapters/yaml-package.ts); a valid graph never loads it.
    input: 'yaml',
    output: { file: 'dist/yaml.cjs', format: 'cjs', exports: 'named', sourcemap: false },
    plugins: [nodeResolve({ preferBuiltins: true }), commonjs()],
    onwarn
  }
]
