import { openDB, type IDBPDatabase } from 'idb';
import type { QueuedSale, QueueStorage } from './sale-queue';

/**
 * The sale queue and the receipt counter in IndexedDB: they outlive a reload, a closed tab and a browser
 * restart. A counter is incremented inside one transaction, so two tabs never get the same number.
 */
export async function idbStorage(): Promise<QueueStorage> {
  const db: IDBPDatabase = await openDB('titipan-console', 1, {
    upgrade(database) {
      database.createObjectStore('queue', { keyPath: 'seq', autoIncrement: true });
      database.createObjectStore('meta');
    },
  });
  return {
    list: async () => (await db.getAll('queue')) as QueuedSale[],
    add: async (sale) => {
      const { seq: _, ...rest } = sale;
      await db.add('queue', rest);
    },
    remove: async (seqs) => {
      const tx = db.transaction('queue', 'readwrite');
      await Promise.all([...seqs.map((s) => tx.store.delete(s)), tx.done]);
    },
    increment: async (name) => {
      const tx = db.transaction('meta', 'readwrite');
      const next = Number((await tx.store.get(name)) ?? 0) + 1;
      await tx.store.put(next, name);
      await tx.done;
      return next;
    },
    getOrSet: async (name, make) => {
      const tx = db.transaction('meta', 'readwrite');
      let value = (await tx.store.get(name)) as string | undefined;
      if (value === undefined) {
        value = make();
        await tx.store.put(value, name);
      }
      await tx.done;
      return value;
    },
  };
}
