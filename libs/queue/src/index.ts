export { JobName, QueueName, type HeartbeatResult, type JobPayloads } from './queue-names.js';
export { QueueModule } from './queue.module.js';
export { redisConnectionOptions, redisRetryStrategy, stopRedisReconnects } from './redis-connection.js';
export { isRedisConnectionError, reportRedisErrors, type RedisErrorLogger } from './redis-errors.js';
export { REDIS_CLIENT, RedisModule } from './redis.module.js';
