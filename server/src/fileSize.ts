/** File size limits shared by the CLI (`--max-size`) and the workspace index. */

/** Files larger than this are skipped, not read: 50 MB. */
export const DEFAULT_MAX_SIZE = 50 * 1024 * 1024;

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}
