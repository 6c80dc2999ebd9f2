/** Opens the database file and brings its schema up to date: what every command and the server start with. */
import { openDatabase, type Db } from './connection';
import { migrate } from './migrate';

export function openMigratedDatabase(file: string): Db {
  const db = openDatabase(file);
  try {
    migrate(db);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}
