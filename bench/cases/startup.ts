import type { BenchCase } from '../types'; export const startupCase: BenchCase = { name: 'startup', run: async () => [] };
