import type { BenchCase } from '../types'; export const workspaceCase: BenchCase = { name: 'workspace', run: async () => [] };
