// The AppHost's S3-compatible object store: s3rver on loopback, data in the stack's state folder.
// Usage: node server.js --port PORT --directory DIR [--bucket NAME ...]
// s3rver's npm package ships without its command-line entry point, so it is started from here. Its fixed credentials
// are S3RVER / S3RVER. allowMismatchedSignatures is required by AWSSDK.S3 v4, which signs path-style bucket requests
// with a trailing slash that s3rver does not reproduce; the server listens on loopback only.
'use strict';
const fs = require('fs');
const S3rver = require('@20minutes/s3rver');

function parseArgs(argv) {
  const options = { port: 0, directory: null, buckets: [] };
  for (let i = 0; i < argv.length; i += 2) {
    const [name, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`missing value for ${name}`);
    if (name === '--port') options.port = Number(value);
    else if (name === '--directory') options.directory = value;
    else if (name === '--bucket') options.buckets.push(value);
    else throw new Error(`unknown option ${name}`);
  }
  if (!options.directory) throw new Error('--directory is required');
  return options;
}

const options = parseArgs(process.argv.slice(2));
fs.mkdirSync(options.directory, { recursive: true });
const server = new S3rver({
  address: '127.0.0.1',
  port: options.port,
  directory: options.directory,
  silent: true,
  configureBuckets: options.buckets.map(name => ({ name })),
  allowMismatchedSignatures: true,
});

server.run().then(({ address, port }) => console.log(`s3rver listening on http://${address}:${port}`))
  .catch(err => { console.error(`s3rver failed to start: ${err.message}`); process.exit(1); });

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  server.close().then(() => process.exit(0), () => process.exit(1));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
