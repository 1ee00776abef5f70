import { v7 as uuidv7 } from 'uuid';

/** A new id: a UUIDv7, so ids sort by creation time (index-friendly, and readable in logs). */
export function newId(): string {
  return uuidv7();
}
