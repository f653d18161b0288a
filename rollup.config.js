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
      format: 'es',
      sourcemap: false
    },
    plugins: plugins(),
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
