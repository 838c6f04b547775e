/** Corrupt, encrypted and text-less PDFs get a clear PdfExtractionError, never a crash. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractPdf, PdfExtractionError, type PdfFailure } from '../../server/src/pdf/api';
import { classifyPdfError } from '../../server/src/pdf/errors';
import { writeLetterPdf } from '../helpers/pdfWriter';

async function failure(bytes: Uint8Array): Promise<PdfExtractionError> {
  try {
    await extractPdf(bytes);
  } catch (err) {
    assert.ok(err instanceof PdfExtractionError, `expected PdfExtractionError, got ${String(err)}`);
    return err;
  }
  assert.fail('extractPdf accepted the file');
}

/** A one-page PDF written by hand so its trailer can carry an /Encrypt dictionary. */
function handWrittenPdf(encrypt: boolean): Uint8Array {
  const hex = (n: number) => Array.from({ length: n }, (_, i) => ((i * 37 + 11) % 256).toString(16).padStart(2, '0')).join('');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    '<< /Length 44 >>\nstream\nBT /F1 12 Tf 72 700 Td (Soma: Upheld) Tj ET\nendstream',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  // Standard security handler, revision 2, with a /U entry no empty password matches.
  if (encrypt) objects.push(`<< /Filter /Standard /V 1 /R 2 /O <${hex(32)}> /U <${hex(32).split('').reverse().join('')}> /P -44 >>`);
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  const enc = encrypt ? ` /Encrypt ${objects.length} 0 R /ID [<${hex(16)}> <${hex(16)}>]` : '';
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${enc} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

test('hand-written PDF without encryption reads (the fixture itself is sound)', async () => {
  const out = await extractPdf(handWrittenPdf(false));
  assert.equal(out.text, 'Soma: Upheld\n');
  assert.deepEqual(out.pageOfLine, [1]);
});

test('encrypted PDF -> encrypted', async () => {
  const err = await failure(handWrittenPdf(true));
  assert.equal(err.reason, 'encrypted');
  assert.match(err.message, /password/i);
});

const CORRUPT: Record<string, () => Promise<Uint8Array>> = {
  'zero bytes': async () => new Uint8Array(0),
  'not a PDF at all': async () => new TextEncoder().encode('Case Number: CM16-0213037\nThis is a text letter saved as .pdf\n'),
  'random bytes': async () => Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256),
  'PDF header then garbage': async () => new TextEncoder().encode('%PDF-1.7\n' + 'x'.repeat(500)),
};

for (const [name, make] of Object.entries(CORRUPT)) {
  test(`corrupt PDF (${name}) -> corrupt or empty, with a message`, async () => {
    const err = await failure(await make());
    assert.ok((['corrupt', 'empty'] as PdfFailure[]).includes(err.reason), err.reason);
    assert.ok(err.message.length > 10);
  });
}

test('truncated PDF never crashes: text read from what survives, or a clear error', async () => {
  const whole = await writeLetterPdf('HOW THE IMR FINAL DETERMINATION WAS MADE\nSoma #60: Upheld\n', { linesPerPage: 1 });
  for (const cut of [0.2, 0.5, 0.9]) {
    const part = whole.slice(0, Math.floor(whole.length * cut));
    try {
      const out = await extractPdf(part);
      assert.equal(typeof out.text, 'string');
    } catch (err) {
      assert.ok(err instanceof PdfExtractionError, String(err));
    }
  }
});

test('PDF with no text layer (a scan) -> empty, suggesting OCR', async () => {
  const err = await failure(await writeLetterPdf('', { noText: true }));
  assert.equal(err.reason, 'empty');
  assert.match(err.message, /OCR/);
});

test('classifyPdfError maps pdfjs exception names', () => {
  const named = (name: string, message = 'x') => Object.assign(new Error(message), { name });
  assert.equal(classifyPdfError(named('PasswordException', 'No password given')).reason, 'encrypted');
  assert.equal(classifyPdfError(named('InvalidPDFException', 'Invalid PDF structure.')).reason, 'corrupt');
  assert.match(classifyPdfError(named('InvalidPDFException', 'Invalid PDF structure.')).message, /Invalid PDF structure/);
  assert.equal(classifyPdfError('weird').reason, 'corrupt');
  // pdfjs's own message keeps its words, without a doubled full stop.
  assert.equal(classifyPdfError(named('FormatError', 'Bad FCHECK in flate stream: 120, 253.')).message, 'Invalid PDF structure: this file is damaged or is not a PDF (Bad FCHECK in flate stream: 120, 253).');
  const already = new PdfExtractionError('empty', 'no text');
  assert.equal(classifyPdfError(already), already);
});

test('damaged copies of a letter PDF (bytes flipped, spans cut or repeated) never crash the extractor', async () => {
  const whole = await writeLetterPdf('HOW THE IMR FINAL DETERMINATION WAS MADE\nSoma #60: Upheld\nDecision rationale: not medically necessary.', { linesPerPage: 2 });
  // A fixed pseudo-random sequence, so a failure can be replayed.
  let seed = 20161109;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  let read = 0;
  let refused = 0;
  for (let i = 0; i < 40; i++) {
    const bytes = Uint8Array.from(whole);
    const at = Math.floor(next() * bytes.length);
    const len = 1 + Math.floor(next() * 64);
    let damaged: Uint8Array;
    if (i % 3 === 0) {
      for (let k = at; k < Math.min(bytes.length, at + len); k++) bytes[k] = Math.floor(next() * 256);
      damaged = bytes;
    } else if (i % 3 === 1) damaged = Uint8Array.from([...bytes.slice(0, at), ...bytes.slice(at + len)]);
    else damaged = Uint8Array.from([...bytes.slice(0, at + len), ...bytes.slice(at)]);
    try {
      const out = await extractPdf(damaged);
      assert.equal(out.pageOfLine.length, out.text.split('\n').length - 1);
      read++;
    } catch (err) {
      assert.ok(err instanceof PdfExtractionError, `mutation ${i}: ${String(err)}`);
      refused++;
    }
  }
  assert.equal(read + refused, 40);
});
