/**
 * The settings that belong to no one rule: when and what the extension
 * checks, and the Chinese script (the mixed-script rule, the punctuation
 * rule's quotes and the conversion commands all read it).
 */
import { spec } from './spec';

export const GENERAL_SETTINGS = {
  'newsclean.languages': spec<string[]>({
    type: 'array',
    default: ['plaintext', 'news-transcript'],
    description: 'Language ids whose documents are checked and outlined.',
  }),
  'newsclean.run': spec<'onType' | 'onSave' | 'manual'>({
    type: 'string',
    default: 'onType',
    enum: ['onType', 'onSave', 'manual'],
    enumDescriptions: ['Check as you type, after `newsclean.debounceMs`.', 'Check when the document is opened and saved.', 'Check only with “News Transcript: Check Document”.'],
    description: 'When documents are checked: as you type, when saved, or only on command.',
  }),
  'newsclean.debounceMs': spec<number>({
    type: 'number',
    default: 300,
    minimum: 0,
    description: 'Delay in milliseconds after the last edit before a document is checked again.',
  }),
  'newsclean.cleanPreview': spec<boolean>({
    type: 'boolean',
    default: true,
    description:
      '“Clean Document” and “Clean Workspace” first show every fix in the refactor preview, grouped by rule, to untick and apply or discard. Off: the fixes are applied at once (one undo step).',
  }),
  'newsclean.workspaceGlob': spec<string>({
    type: 'string',
    default: '**/*.{txt,news}',
    description: 'The files “Clean Workspace” cleans (a glob pattern relative to each workspace folder).',
  }),
  'newsclean.maxFileSizeKB': spec<number>({
    type: 'number',
    default: 10240,
    minimum: 1,
    description: 'Documents larger than this (in KiB) are not analysed; a message says so.',
  }),
  'newsclean.script.target': spec<'auto' | 'zh-Hans' | 'zh-Hant' | 'zh-TW' | 'zh-HK'>({
    type: 'string',
    default: 'auto',
    enum: ['auto', 'zh-Hans', 'zh-Hant', 'zh-TW', 'zh-HK'],
    enumDescriptions: [
      'The script most of the document is written in.',
      'Simplified Chinese.',
      'Traditional Chinese (OpenCC standard).',
      'Traditional Chinese as used in Taiwan.',
      'Traditional Chinese as used in Hong Kong.',
    ],
    description:
      'The Chinese script documents should be written in: `auto` (the document\'s majority), Simplified (`zh-Hans`), Traditional as OpenCC writes it (`zh-Hant`), Taiwan (`zh-TW`) or Hong Kong (`zh-HK`). The mixed-script rule flags text in the other script; the conversion commands use it.',
  }),
  'newsclean.script.customPhrases': spec<string[]>({
    type: 'array',
    default: [],
    description:
      'Phrase pairs that win over the dictionary when converting between scripts, as `from=to` (e.g. `台湾=台灣`): where the text holds `from`, the result holds `to` exactly.',
  }),
  'newsclean.script.protectedTerms': spec<string[]>({
    type: 'array',
    default: [],
    description: 'Terms (names, brands) that are never converted between scripts and never flagged as the other script.',
  }),
} as const;
