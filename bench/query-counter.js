/**
 * Loaded into a service process by the bench (`node --require bench/query-counter.js`): counts the SQL
 * statements of every transaction that writes sale lines, as the pg client sends them (BEGIN and COMMIT
 * included), and writes the tally to BENCH_QUERY_COUNT_FILE every 200 ms as
 * {"saleTransactions":n,"statements":n,"allStatements":n}. pg_stat_statements would need a server restart
 * (shared_preload_libraries), which the shared Postgres does not get.
 */
'use strict';
const { renameSync, writeFileSync } = require('node:fs');
const { Client } = require('pg');

const file = process.env.BENCH_QUERY_COUNT_FILE;
const tally = { saleTransactions: 0, statements: 0, allStatements: 0 };
const original = Client.prototype.query;

Client.prototype.query = function countedQuery(config, ...rest) {
  const text = (typeof config === 'string' ? config : (config && config.text) || '').trimStart();
  tally.allStatements += 1;
  // one open transaction per client: its statements, and whether it wrote sale lines
  if (/^(START TRANSACTION|BEGIN)/i.test(text)) this.benchTransaction = { statements: 0, sale: false };
  const transaction = this.benchTransaction;
  if (transaction) {
    transaction.statements += 1;
    if (/INSERT INTO sale_line\b/.test(text)) transaction.sale = true;
    if (/^(COMMIT|ROLLBACK)/i.test(text)) {
      if (transaction.sale && /^COMMIT/i.test(text)) {
        tally.saleTransactions += 1;
        tally.statements += transaction.statements;
      }
      this.benchTransaction = undefined;
    }
  }
  return original.call(this, config, ...rest);
};

// written aside and renamed into place: the bench reads the file at any moment, and writeFileSync empties it first
// (a short CI run once read it empty: "Unexpected end of JSON input")
if (file)
  setInterval(() => {
    writeFileSync(`${file}.tmp`, JSON.stringify(tally));
    renameSync(`${file}.tmp`, file);
  }, 200).unref();
