export { AppConfig, ConfigError, loadConfig, trustProxySetting } from './app-config.js';
export { ConfigModule } from './config.module.js';
