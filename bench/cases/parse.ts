/**
 * Parse throughput, single thread, on 10 MB of varied letters: the full analysis and the
 * parse alone, beside markdown-it on the same bytes and the split-and-test floor.
 */
import type { BenchCase, BenchContext, Row } from '../types';
import { composeCorpus } from '../generate';
import { median, medianRatio, timeInterleaved, MB } from '../stats';
import { fullAnalysis, parseOnly, markdownItParse, floorScan } from './analysis';
import { parseDocument } from '../../server/src/languageService/parser/parseDocument';
import { analyzeText } from '../../server/src/languageService/service';

export const parseCase: BenchCase = {
  name: 'parse',
  async run(ctx: BenchContext): Promise<Row[]> {
    const bytes = ctx.quick ? 2 * MB : 10 * MB;
    const text = composeCorpus(101, bytes, 'varied');
    const size = Buffer.byteLength(text) / MB;
    const label = `${size.toFixed(1)} MB`;
    ctx.log(`parse: ${label} of varied letters`);

    // What the timed work finds, so a parser that silently finds nothing cannot look fast.
    const parsed = parseDocument(text);
    const items = parsed.letters.reduce((n, l) => n + l.items.length, 0);
    const found = `found ${parsed.letters.length} letters, ${items} items, ${analyzeText(text).diagnostics.length} diagnostics`;
    ctx.log(`parse: ${found}`);
    // Interleaved rounds: each measure once per round, ratios taken round by round.
    const fns = [fullAnalysis, parseOnly, markdownItParse, floorScan].map((fn) => () => fn(text));
    const [full, parse, markdown, floor] = timeInterleaved(ctx.runs, fns).map((ms) => ms.map((t) => size / (t / 1000)));
    const [mFull, mParse, mMd, mFloor] = [full, parse, markdown, floor].map(median);
    const fullVsMd = medianRatio(full, markdown);
    const parseVsMd = medianRatio(parse, markdown);
    const floorVsFull = medianRatio(floor, full);

    return [
      {
        case: 'parse',
        measure: `full analysis (parse+rules+symbols), ${label}`,
        median: mFull,
        unit: 'MB/s',
        baseline: { name: 'markdown-it', value: mMd, unit: 'MB/s' },
        ratio: fullVsMd,
        target: '>= 3x markdown-it',
        pass: fullVsMd >= 3,
        note: found,
        samples: full,
      },
      {
        case: 'parse',
        measure: `parse only, ${label}`,
        median: mParse,
        unit: 'MB/s',
        baseline: { name: 'markdown-it', value: mMd, unit: 'MB/s' },
        ratio: parseVsMd,
        target: '>= 3x markdown-it',
        pass: parseVsMd >= 3,
        samples: parse,
      },
      {
        case: 'parse',
        measure: `full analysis vs floor (split lines + 1 regex), ${label}`,
        median: mFull,
        unit: 'MB/s',
        baseline: { name: 'floor', value: mFloor, unit: 'MB/s' },
        ratio: floorVsFull,
        target: '<= 10x slower than floor',
        pass: floorVsFull <= 10,
        note: 'ratio = floor speed / full analysis speed',
        samples: floor,
      },
    ];
  },
};
