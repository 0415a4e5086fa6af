// The Chinese embedding guide (docs/EMBEDDING.zh.md) carries README's two
// embedding snippets verbatim: a webmaster copying from either gets the same code.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { repo } from './helpers.mjs';

const snippets = (text) => Object.fromEntries(
  [...text.matchAll(/<!-- snippet: (\w+) -->\n(```html\n[\s\S]*?\n```)/g)].map((m) => [m[1], m[2]]));

test('embedding guide in Chinese: the iframe and element snippets are README\'s, verbatim', () => {
  const readme = snippets(readFileSync(path.join(repo, 'README.md'), 'utf8'));
  const zh = snippets(readFileSync(path.join(repo, 'docs', 'EMBEDDING.zh.md'), 'utf8'));
  assert.deepEqual(Object.keys(readme).sort(), ['element', 'iframe']);
  assert.deepEqual(zh, readme);
});
