import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { SubmitHelperDB } from '@/lib/db';

/** A database on its own in-memory IndexedDB, so tests share nothing. */
export function fakeDexieOptions() {
  return { indexedDB: new IDBFactory(), IDBKeyRange };
}

export function freshDb(name = 'submit-helper-test'): SubmitHelperDB {
  return new SubmitHelperDB(name, fakeDexieOptions());
}
