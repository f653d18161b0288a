// Every test file starts as a composition root does: the graph reader is told how to load its
// position-keeping parser (src/core/graph/position-parser.ts), so the core can be tested alone.
import { loadYamlPackage } from '../../src/adapters/yaml-package.js'
import { usePositionParser } from '../../src/core/graph/position-parser.js'

usePositionParser(loadYamlPackage)
