/**
 * Parse throughput, single thread, on 10 MB of varied letters: the full analysis and the
 * parse alone, beside markdown-it on the same bytes and the split-and-test floor.
 */
import type { BenchCase, BenchContext, Row } from '../types';
import { composeCorpus } from '../generate';
import { median, timeRuns, MB } from '../stats';
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
    const throughput = (fn: (t: string) => number) => timeRuns(ctx.runs, () => fn(text)).map((ms) => size / (ms / 1000));
    const full = throughput(fullAnalysis);
    const parse = throughput(parseOnly);
    const markdown = throughput(markdownItParse);
    const floor = throughput(floorScan);
    const [mFull, mParse, mMd, mFloor] = [full, parse, markdown, floor].map(median);

    return [
      {
        case: 'parse',
        measure: `full analysis (parse+rules+symbols), ${label}`,
        median: mFull,
        unit: 'MB/s',
        baseline: { name: 'markdown-it', value: mMd, unit: 'MB/s' },
        ratio: mFull / mMd,
        target: '>= 3x markdown-it',
        pass: mFull / mMd >= 3,
        note: found,
        samples: full,
      },
      {
        case: 'parse',
        measure: `parse only, ${label}`,
        median: mParse,
        unit: 'MB/s',
        baseline: { name: 'markdown-it', value: mMd, unit: 'MB/s' },
        ratio: mParse / mMd,
        target: '>= 3x markdown-it',
        pass: mParse / mMd >= 3,
        samples: parse,
      },
      {
        case: 'parse',
        measure: `full analysis vs floor (split lines + 1 regex), ${label}`,
        median: mFull,
        unit: 'MB/s',
        baseline: { name: 'floor', value: mFloor, unit: 'MB/s' },
        ratio: mFloor / mFull,
        target: '<= 10x slower than floor',
        pass: mFloor / mFull <= 10,
        note: 'ratio = floor speed / full analysis speed',
        samples: floor,
      },
    ];
  },
};
