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
    // Not inlined: @actions/github stays in its own chunk, evaluated only when a comment is posted
    // (its top level parses the event payload, which src/event.ts must check first).
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
    input: 'src/cli.ts',
    // Not inlined: the cache backends (with @actions/cache, most of the bundle) stay in their own
    // chunk, loaded only by `imagegraph run`, so every other command starts without parsing them.
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
  }
]
