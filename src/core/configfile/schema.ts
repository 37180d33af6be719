/**
 * The JSON schema of `.newsclean.jsonc`, generated from the same source as
 * the manifest's settings (`manifestConfiguration`), so VS Code completes and
 * checks config files (`contributes.jsonValidation`). Written to
 * `schemas/newsclean.schema.json` by `node scripts/build.mjs --gen-config`; a
 * unit test fails on drift.
 */
import { manifestConfiguration, manifestDescriptions } from '../config';
import type { AnyRule } from '../rule';

export function configSchema(rules: readonly AnyRule[]): Record<string, unknown> {
  const { properties } = manifestConfiguration(rules);
  const texts = manifestDescriptions(rules);
  const settings: Record<string, Record<string, unknown>> = {};
  for (const [key, p] of Object.entries(properties)) {
    // The manifest's placeholders resolved to English; `markdownDescription` and `enumDescriptions` are
    // VS Code's own keywords (not JSON Schema's): the schema keeps a plain description.
    const { scope: _scope, description, markdownDescription, enumDescriptions: _choices, ...rest } = p;
    void _scope;
    void _choices;
    settings[key] = { ...rest, description: texts[String(description ?? markdownDescription).slice(1, -1)] ?? key };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'News Transcript Cleaner config file (.newsclean.jsonc)',
    type: 'object',
    definitions: {
      settings: { type: 'object', properties: settings, additionalProperties: false },
    },
    properties: {
      $schema: { type: 'string' },
      root: { type: 'boolean', description: 'Stop here: config files in the directories above are not read.' },
      extends: {
        description: 'Config files this one builds on (paths relative to this file); this file\'s own values win.',
        anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
      },
      overrides: {
        type: 'array',
        description: 'Settings for some files only: globs relative to the directory of the config file found for the document.',
        items: {
          type: 'object',
          properties: {
            files: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' }, minItems: 1 }] },
            settings: { $ref: '#/definitions/settings' },
          },
          required: ['files'],
          additionalProperties: false,
        },
      },
      ...settings,
    },
    additionalProperties: false,
  };
}
