// The runner executes dist/ directly, so every dependency is bundled in.
import commonjs from '@rollup/plugin-commonjs'
import json from '@rollup/plugin-json'
import { nodeResolve } from '@rollup/plugin-node-resolve'
import typescript from '@rollup/plugin-typescript'

const plugins = () => [
  typescript({ tsconfig: 'tsconfig.build.json' }),
  nodeResolve({ preferBuiltins: true }),
  commonjs(),
  json()
]

export default [
  {
    input: 'src/index.ts',
    output: { file: 'dist/index.js', format: 'es', sourcemap: false, inlineDynamicImports: true },
    plugins: plugins()
  },
  {
    input: 'src/cli.ts',
    output: {
      file: 'dist/cli.js',
      format: 'es',
      sourcemap: false,
      inlineDynamicImports: true,
      banner: '#!/usr/bin/env node'
    },
    plugins: plugins()
  }
]
