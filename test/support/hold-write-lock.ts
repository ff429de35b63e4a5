// A second process that takes a journal's write lock (BEGIN IMMEDIATE), prints "locked", and lets go
// after `holdMs` ms, or when a line arrives on stdin when holdMs is "stdin". Then prints "released".
// Usage: node test/support/hold-write-lock.ts <journal file> <holdMs|stdin>
import Database from 'better-sqlite3';

const [file, hold] = process.argv.slice(2);
if (!file || !hold) throw new Error('usage: hold-write-lock.ts <journal file> <holdMs|stdin>');
const db = new Database(file);
db.exec('BEGIN IMMEDIATE');
process.stdout.write('locked\n');
const release = () => {
  db.exec('COMMIT');
  db.close();
  process.stdout.write('released\n');
  process.exit(0);
};
if (hold === 'stdin') process.stdin.once('data', release);
else setTimeout(release, Number(hold));
