// Loads the position-keeping YAML parser (the `yaml` package) when a graph problem needs a line.
// Synchronous, so the graph reader stays synchronous: require() of a CommonJS file. The bundle
// ships it as dist/yaml.cjs beside the chunks (rollup.config.js); from the sources it is the
// package itself.
import { createRequire } from 'node:module'
import type { PositionParser } from '../core/graph/position-parser.js'

const require = createRequire(import.meta.url)
const BUNDLED = './yaml.cjs'

export function loadYamlPackage(): PositionParser {
  try {
    return require(BUNDLED) as PositionParser
  } catch (e) {
    const error = e as NodeJS.ErrnoException
    if (error.code !== 'MODULE_NOT_FOUND' || !error.message.includes(BUNDLED)) throw e
  }
  return require('yaml') as PositionParser
}
