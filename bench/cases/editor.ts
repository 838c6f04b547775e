import type { BenchCase } from '../types'; export const editorCase: BenchCase = { name: 'editor', run: async () => [] };
