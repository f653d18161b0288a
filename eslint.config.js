import js from '@eslint/js'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'bench/node_modules/', 'build/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly'
      }
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true }
      ]
    }
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@actions/*',
                'fs',
                'node:fs',
                'fs/*',
                'node:fs/*',
                'child_process',
                'node:child_process'
              ],
              message: 'src/core is pure: pass an adapter in.'
            }
          ]
        }
      ],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'src/core does not read the environment.' },
        { object: 'Date', property: 'now', message: 'src/core does not read the clock.' }
      ]
    }
  }
)
