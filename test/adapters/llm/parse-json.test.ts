import { describe, expect, it } from '@jest/globals';
import { parseJsonAnswer } from '../../../src/adapters/llm/parse-json.js';

describe('parseJsonAnswer', () => {
  it.each([
    ['a bare object', '{"a": "x"}', { a: 'x' }],
    ['a ```json block inside prose', 'Voici :\n```json\n{"a": 1}\n```\nVoilà.', { a: 1 }],
    ['the outermost braces', 'Résultat : {"a": {"b": 2}} fin', { a: { b: 2 } }],
    ['a ```jsx block with bare keys', '```jsx\n{ a: "x", b_c: [1] }\n```', { a: 'x', b_c: [1] }],
    ['a bare dotted version', '{"version": 2.0.3, "a": "x"}', { version: '2.0.3', a: 'x' }],
    ['NUL bytes', '{"a": "x\u0000"}', { a: 'x' }],
    [
      'blank strings and empty lists',
      '{"a": " ", "b": [], "c": false, "d": ["", "y"]}',
      { a: null, b: null, c: false, d: [null, 'y'] },
    ],
  ])('reads %s', (_label, content, expected) => {
    expect(parseJsonAnswer(content)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['empty content', '', 'réponse vide'],
    ['no content', null, 'réponse vide'],
    ['prose only', 'Je ne peux pas.', 'aucun objet JSON dans la réponse'],
    ['broken JSON', '{"a": }', 'JSON invalide'],
    ['an empty object', '```json\n{}\n```', 'objet JSON vide'],
  ])('refuses %s', (_label, content, reason) => {
    expect(parseJsonAnswer(content)).toEqual({ ok: false, reason });
  });
});
