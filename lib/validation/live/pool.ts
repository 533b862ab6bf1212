/** Runs `f` over `items` with at most `size` at once, keeping order. */
export async function mapPool<T, R>(items: readonly T[], size: number, f: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await f(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
  return out;
}

/** How many clusters are checked at once: each check is a TLS handshake and one small GET, so waiting on the network dominates. */
export const POOL_SIZE = 64;
