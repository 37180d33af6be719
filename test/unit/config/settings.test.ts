import * as assert from 'node:assert/strict';
import { RULES, SETTINGS, resolveSettings, validateSetting } from '../../../src/core';

describe('settings gathered from the rules', () => {
  it('holds each rule’s own settings, declared beside the rule', () => {
    for (const rule of RULES) for (const key of Object.keys(rule.meta.settings ?? {})) assert.ok(SETTINGS[key], key);
    assert.ok(SETTINGS['newsclean.boilerplate.remove']);
    assert.ok(SETTINGS['newsclean.duplicates.minLength']);
  });

  it('validates the items of an array setting against the values it lists', () => {
    assert.match(validateSetting('newsclean.boilerplate.remove', ['copyrite']) ?? '', /copyrite/);
    assert.equal(validateSetting('newsclean.boilerplate.remove', ['copyright', 'credit']), undefined);
    const errors: string[] = [];
    const settings = resolveSettings({ 'newsclean.boilerplate.remove': ['copyrite'] }, (m) => errors.push(m));
    assert.equal(errors.length, 1);
    assert.deepEqual(settings.get('newsclean.boilerplate.remove'), SETTINGS['newsclean.boilerplate.remove'].default);
  });

  it('accepts any strings in an array setting that lists no values', () => {
    assert.equal(validateSetting('newsclean.script.protectedTerms', ['任京暘']), undefined);
  });
});
