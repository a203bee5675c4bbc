// Runs the built AttachmentsService in a Nest application context of its own, for tests of what other libs call
// (Jest cannot load Nest's ESM packages in-process). One JSON request per stdin line, one JSON answer per stdout line:
//   → {"id": 1, "method": "store", "args": [...], "inTransaction": true}
//   ← {"id": 1, "value": ...} or {"id": 1, "error": {"status": 400, "response": {...}}}
// Buffers travel as {"$buffer": "<base64>"}, streams as {"$stream": "<base64>"}, Maps as plain objects.
import 'reflect-metadata';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { DataSource } from 'typeorm';

const dist = new URL('../../dist/', import.meta.url);
const { AttachmentsModule, AttachmentsService } = await import(new URL('libs/attachments/src/index.js', dist).href);
const { ConfigModule } = await import(new URL('libs/config/src/index.js', dist).href);
const { DatabaseModule } = await import(new URL('libs/database/src/index.js', dist).href);

class Harness {}
// The request form's controller (in intake, which attachments asks for status links) needs a throttler configured.
Module({ imports: [ConfigModule, DatabaseModule, ThrottlerModule.forRoot([]), AttachmentsModule] })(Harness);
const app = await NestFactory.createApplicationContext(Harness, { logger: ['error'], abortOnError: false });
const service = app.get(AttachmentsService);
const dataSource = app.get(DataSource);

const decode = (value) => {
  if (Array.isArray(value)) return value.map(decode);
  if (value && typeof value === 'object') {
    if ('$buffer' in value) return Buffer.from(value.$buffer, 'base64');
    if ('$stream' in value) return Readable.from([Buffer.from(value.$stream, 'base64')]);
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decode(v)]));
  }
  return value;
};
const encode = (value) => {
  if (Buffer.isBuffer(value)) return { $buffer: value.toString('base64') };
  if (value instanceof Map) return encode(Object.fromEntries(value));
  if (Array.isArray(value)) return value.map(encode);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encode(v)]));
  return value;
};

process.stdout.write(JSON.stringify({ ready: true }) + '\n');
for await (const line of createInterface({ input: process.stdin })) {
  const { id, method, args, inTransaction } = JSON.parse(line);
  try {
    const call = (manager) => service[method](...decode(args), ...(manager ? [manager] : []));
    const value = inTransaction ? await dataSource.transaction(call) : await call();
    process.stdout.write(JSON.stringify({ id, value: encode(value) ?? null }) + '\n');
  } catch (error) {
    process.stdout.write(
      JSON.stringify({ id, error: { status: error.status ?? 500, response: error.response, message: error.message } }) + '\n',
    );
  }
}
await app.close();
