import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Session } from './api';
import type { Venue } from './data';
import type { FlushResult, QueueStorage, SaleQueue, SentLine } from './sale-queue';

/** What every page of the venue shares: the person, the venue, the device's sale queue and the connection. */
export interface Console {
  session: Session;
  venue: Venue;
  storage: QueueStorage;
  queue: SaleQueue;
  online: boolean;
  waiting: number;
  /** Lines sent from the queue after a reconnect, with their results. */
  lateResults: SentLine[];
  /** Sends what waits; updates the indicator and the late results. */
  flush(): Promise<FlushResult>;
  noteOffline(): void;
}

export const ConsoleContext = createContext<Console | undefined>(undefined);
export const useConsole = (): Console => useContext(ConsoleContext)!;
