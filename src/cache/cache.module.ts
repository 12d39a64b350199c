import { Global, Module } from '@nestjs/common';
import { CacheBus } from './cache-bus';

/** Global, like config: auth, groups and /me keep caches; any feature that writes what they hold invalidates. */
@Global()
@Module({ providers: [CacheBus], exports: [CacheBus] })
export class CacheModule {}
