// The position-keeping YAML parser (the `yaml` package) is most of the graph reader's code, and a
// valid graph never needs it: it runs only when a problem needs a line. So it is not imported here:
// the composition root says how to load it (src/adapters/yaml-package.ts, synchronously, so every
// caller stays synchronous), and it is loaded the first time a position is wanted.
import type * as YamlPackage from 'yaml'

export type PositionParser = typeof YamlPackage

let load: (() => PositionParser) | undefined
let loaded: PositionParser | undefined

/** How to load the position-keeping parser; called once by each composition root. */
export function usePositionParser(loader: () => PositionParser): void {
  if (load === loader) return
  load = loader
  loaded = undefined
}

/** The position-keeping parser, loaded on first use. */
export function positionParser(): PositionParser {
  if (!loaded) {
    if (!load)
      throw new Error(
        'the position-keeping YAML parser was never given: the composition root calls usePositionParser'
      )
    loaded = load()
  }
  return loaded
}
