import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LanguageService } from '../../../server/src/languageService';
import { NEW_LETTER_TEMPLATE } from '../../../client/src/newLetterTemplate';

describe('new letter template', () => {
  it('parses as a reference-layout letter with one upheld item and no errors', () => {
    const service = new LanguageService();
    const doc = TextDocument.create('untitled:Untitled-1', 'imr', 1, NEW_LETTER_TEMPLATE);
    const parsed = service.parse(doc);
    assert.equal(parsed.letters.length, 1);
    assert.equal(parsed.letters[0].layout, 'reference');
    assert.deepEqual(parsed.letters[0].items.map((i) => [i.title, i.outcome]), [['<Treatment as requested>', 'Upheld']]);
    const errors = service.getDiagnostics(doc).filter((d) => d.severity === 1);
    assert.deepEqual(errors.map((d) => d.message), []);
  });
});
