export { JobName, QueueName, type HeartbeatResult, type JobPayloads } from './queue-names.js';
export { QueueModule } from './queue.module.js';
export { redisConnectionOptions } from './redis-connection.js';
export { REDIS_CLIENT, RedisModule } from './redis.module.js';
